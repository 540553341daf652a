import type { RequestInput } from '../api/subscriptions.ts';
import type { FieldErrors } from '../components/forms.tsx';
import type { IssueLike } from './form-submit.ts';
import { civilDateSchema, type CatalogueView, type requestPreviewSchema } from '../shared.ts';
import { findingPlace, type Finding } from './subscriptions.ts';
import type { z } from 'zod';

/** One row of the request form, as typed: the service line, its options, the volume and the wished opening date. */
export interface DraftRow {
  key: string;
  line: string;
  options: Record<string, string>;
  quantity: string;
  wishedOn: string;
}

export type Preview = z.infer<typeof requestPreviewSchema>;
export type EstimateLine = Preview['estimate']['lines'][number];

/** What the live check says about one row: refusals on its fields, warnings, and its estimate. */
export interface RowPreview {
  errors: FieldErrors;
  warnings: string[];
  estimate: EstimateLine | null;
}

let counter = 0;
export function newRow(): DraftRow {
  counter += 1;
  return { key: `r${counter}`, line: '', options: {}, quantity: '', wishedOn: '' };
}

/** The key of a row's field in the form's errors (« r2.options.stockage »), and the id of its control. */
export const fieldKey = (row: { key: string }, field: string) => `${row.key}.${field}`;
export const fieldId = (key: string) => `demande-${key.replaceAll('.', '-')}`;

const FIELD_NAMES: Record<string, string> = { line: 'service', quantity: 'volume', wishedOn: "date d'ouverture souhaitée" };

/** « Service n° 2 : volume », for the error summary. */
export function fieldLabels(rows: readonly DraftRow[], catalogue: CatalogueView | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  rows.forEach((row, index) => {
    for (const [field, name] of Object.entries(FIELD_NAMES)) labels[fieldKey(row, field)] = `Service n° ${index + 1} : ${name}`;
    for (const d of catalogue?.lines.find((l) => l.code === row.line)?.options ?? []) labels[fieldKey(row, `options.${d.code}`)] = `Service n° ${index + 1} : ${d.label.toLowerCase()}`;
  });
  return labels;
}

const validDate = (text: string) => civilDateSchema.safeParse(text).success;
const quantityOf = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The body of the request, rows as typed (the server checks the rest). */
export function requestBody(providerId: string, organisationId: string, rows: readonly DraftRow[], note?: string): RequestInput {
  return {
    providerId,
    organisationId,
    ...(note?.trim() ? { note: note.trim() } : {}),
    lines: rows.map((r) => ({ line: r.line, options: Object.fromEntries(Object.entries(r.options).filter(([, v]) => v)), quantity: quantityOf(r.quantity), wishedOn: r.wishedOn })),
  };
}

/** The rows the server can already check while the member types: a service, a volume and a valid date. */
export function previewRows(rows: readonly DraftRow[]): DraftRow[] {
  return rows.filter((r) => r.line && validDate(r.wishedOn) && Number.isFinite(quantityOf(r.quantity)));
}

/** What the form checks before sending: every field filled in; the server's rules come from the live check. */
export function checkRows(rows: readonly DraftRow[], catalogue: CatalogueView | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const row of rows) {
    if (!row.line) errors[fieldKey(row, 'line')] = 'choisissez un service';
    for (const d of catalogue?.lines.find((l) => l.code === row.line)?.options ?? []) {
      if (!row.options[d.code]) errors[fieldKey(row, `options.${d.code}`)] = `choisissez : ${d.label.toLowerCase()}`;
    }
    const quantity = quantityOf(row.quantity);
    if (!Number.isInteger(quantity) || quantity <= 0) errors[fieldKey(row, 'quantity')] = 'indiquez un volume entier positif (ex. 40)';
    if (!row.wishedOn) errors[fieldKey(row, 'wishedOn')] = "indiquez la date d'ouverture souhaitée";
    else if (!validDate(row.wishedOn)) errors[fieldKey(row, 'wishedOn')] = 'date invalide';
  }
  return errors;
}

/**
 * Issues of the server placed on the rows they name (`sent[i]` is the row the server calls lines[i]) or on the
 * form's own fields (`topFields`); the others stay general.
 */
export function placeIssues(issues: readonly IssueLike[], sent: readonly { key: string }[], topFields: readonly string[] = []): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const issue of issues) {
    const path = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.');
    const place = findingPlace(path);
    const row = place ? sent[place.index] : undefined;
    if (row && place) fields[fieldKey(row, place.field)] ??= issue.message;
    else if (topFields.includes(path)) fields[path] ??= issue.message;
    else general.push(issue.message);
  }
  return { fields, general };
}

/** The live check, row by row; findings about the whole request (eligibility) stay general. */
export function previewByRow(preview: Preview, sent: readonly DraftRow[]): { rows: Record<string, RowPreview>; general: Finding[] } {
  const rows: Record<string, RowPreview> = {};
  sent.forEach((row, index) => {
    rows[row.key] = { errors: {}, warnings: [], estimate: preview.estimate.lines.find((l) => l.index === index) ?? null };
  });
  const general: Finding[] = [];
  for (const finding of preview.findings) {
    const place = findingPlace(finding.path);
    const row = place ? sent[place.index] : undefined;
    const target = row ? rows[row.key] : undefined;
    if (!target || !place) general.push(finding);
    else if (finding.severity === 'refusal') target.errors[place.field] ??= finding.message;
    else target.warnings.push(finding.message);
  }
  return { rows, general };
}
