import type { PesSettings, PesSettingsInput } from '../api/billing.ts';
import type { FieldErrors } from '../components/forms.tsx';
import { pesSettingsSchema, type CatalogueView } from '../shared.ts';
import type { IssueLike } from './form-submit.ts';

/**
 * The PES settings form of a provider (GET/PUT /providers/:id/pes-settings): its draft, one imputation row per
 * service line of the catalogue (and per line imputed before but gone since), the body sent — empty rows left
 * out — and the issues of the contract or of the server placed on the fields, rows counted as the form shows them.
 */

export const PES_LABELS = {
  idPost: 'Codique du poste comptable',
  codCol: 'Code collectivité',
  codBud: 'Code budget',
  budgetLabel: 'Libellé du budget',
  defaultNature: 'Compte de nature par défaut',
  defaultProductCode: 'Code produit par défaut',
  xsdPath: 'Chemin du XSD officiel sur le serveur',
} as const;
export type PesField = keyof typeof PES_LABELS;
export const PES_FIELDS = Object.keys(PES_LABELS) as PesField[];

export const IMPUTATION_LABELS = { nature: 'Compte de nature', fonction: 'Fonction', productCode: 'Code produit' } as const;
export type ImputationField = keyof typeof IMPUTATION_LABELS;
const IMPUTATION_FIELDS = Object.keys(IMPUTATION_LABELS) as ImputationField[];

export type ImputationDraft = { line: string; name: string; inCatalogue: boolean } & Record<ImputationField, string>;
export type PesDraft = Record<PesField, string> & { imputations: ImputationDraft[] };

/** A field's key (`idPost`, `imputations.2.nature`) as an element id. */
export const pesFieldId = (key: string) => `pes-${key.replaceAll('.', '-')}`;
export const imputationKey = (row: number, field: ImputationField) => `imputations.${row}.${field}`;

/** The draft from the saved settings (or empty ones) and the catalogue's lines, in catalogue order. */
export function pesDraftOf(saved: PesSettings | null, lines: readonly { code: string; name: string }[]): PesDraft {
  const imputed = new Map((saved?.imputations ?? []).map((i) => [i.line, i]));
  const row = (line: string, name: string, inCatalogue: boolean): ImputationDraft => {
    const i = imputed.get(line);
    return { line, name, inCatalogue, nature: i?.nature ?? '', fonction: i?.fonction ?? '', productCode: i?.productCode ?? '' };
  };
  const codes = new Set(lines.map((l) => l.code));
  return {
    idPost: saved?.idPost ?? '',
    codCol: saved?.codCol ?? '',
    codBud: saved?.codBud ?? '',
    budgetLabel: saved?.budgetLabel ?? '',
    defaultNature: saved?.defaultNature ?? '',
    defaultProductCode: saved?.defaultProductCode ?? '',
    xsdPath: saved?.xsdPath ?? '',
    imputations: [...lines.map((l) => row(l.code, l.name, true)), ...(saved?.imputations ?? []).filter((i) => !codes.has(i.line)).map((i) => row(i.line, i.line, false))],
  };
}

/** The service lines of a catalogue, in its order. */
export const catalogueLines = (view: CatalogueView) => view.lines.map((l) => ({ code: l.code, name: l.name }));

const isEmpty = (row: ImputationDraft) => IMPUTATION_FIELDS.every((f) => !row[f].trim());

/** The body sent: values trimmed, empty rows left out; `rows[j]` is the form's row of the body's `j`-th imputation. */
export function pesBodyOf(draft: PesDraft): { body: PesSettingsInput; rows: number[] } {
  const rows = draft.imputations.flatMap((row, index) => (isEmpty(row) ? [] : [index]));
  const body: PesSettingsInput = {
    idPost: draft.idPost.trim(),
    codCol: draft.codCol.trim(),
    codBud: draft.codBud.trim().toUpperCase(),
    budgetLabel: draft.budgetLabel.trim(),
    defaultNature: draft.defaultNature.trim(),
    defaultProductCode: draft.defaultProductCode.trim(),
    imputations: rows.map((index) => {
      const row = draft.imputations[index]!;
      const fonction = row.fonction.trim().toUpperCase();
      return { line: row.line, nature: row.nature.trim(), ...(fonction ? { fonction } : {}), productCode: row.productCode.trim() };
    }),
    xsdPath: draft.xsdPath.trim() || null,
  };
  return { body, rows };
}

/** The error summary's label of every field in the order of the form, a row's named after its service line. */
export function pesLabels(draft: PesDraft): Record<string, string> {
  const { xsdPath, ...codes } = PES_LABELS;
  const labels: Record<string, string> = { ...codes };
  draft.imputations.forEach((row, index) => {
    for (const field of IMPUTATION_FIELDS) labels[imputationKey(index, field)] = `${IMPUTATION_LABELS[field]} : ${row.name}`;
  });
  labels.xsdPath = xsdPath;
  return labels;
}

/**
 * Issues (a path of keys from zod, a dotted or bracketed one from the server) on the form's fields: a body's
 * imputation is moved to its row in the form; anything else is a general message.
 */
export function placePesIssues(issues: readonly IssueLike[], rows: readonly number[]): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const issue of issues) {
    const path = typeof issue.path === 'string' ? issue.path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean) : issue.path.map(String);
    const [first, index, field] = path;
    if (first && (PES_FIELDS as string[]).includes(first)) {
      fields[first] ??= issue.message;
      continue;
    }
    const row = first === 'imputations' && index !== undefined ? rows[Number(index)] : undefined;
    if (row !== undefined) {
      const on = field && (IMPUTATION_FIELDS as string[]).includes(field) ? (field as ImputationField) : 'nature';
      fields[imputationKey(row, on)] ??= issue.message;
      continue;
    }
    general.push(path.length ? `${path.join('.')} : ${issue.message}` : issue.message);
  }
  return { fields, general };
}

/** The form's own checks (what is missing, said in words), before the contract's. */
export function pesDraftErrors(draft: PesDraft): FieldErrors {
  const found: FieldErrors = {};
  const need: [PesField, string][] = [
    ['idPost', 'indiquez le codique du poste comptable (6 ou 7 chiffres)'],
    ['codCol', 'indiquez le code collectivité (3 chiffres)'],
    ['codBud', 'indiquez le code budget (00 = budget principal)'],
    ['budgetLabel', 'indiquez le libellé du budget'],
    ['defaultNature', 'indiquez le compte de nature M57 par défaut'],
    ['defaultProductCode', 'indiquez le code produit par défaut'],
  ];
  for (const [field, message] of need) if (!draft[field].trim()) found[field] = message;
  if (draft.budgetLabel.trim().length > 38) found.budgetLabel = '38 caractères au plus';
  draft.imputations.forEach((row, index) => {
    if (isEmpty(row)) return;
    if (!row.nature.trim()) found[imputationKey(index, 'nature')] = 'indiquez le compte de nature, ou videz la ligne';
    if (!row.productCode.trim()) found[imputationKey(index, 'productCode')] = 'indiquez le code produit, ou videz la ligne';
    if (row.fonction.trim() && !/^[0-9A-Z]{1,10}$/.test(row.fonction.trim().toUpperCase())) found[imputationKey(index, 'fonction')] = 'chiffres et lettres, 10 caractères au plus';
  });
  return found;
}

/**
 * Every error of the draft, in the order of the form (the summary reads like the page): the form's own messages
 * win over the contract's, and what cannot be placed on a field is a general message.
 */
export function pesErrors(draft: PesDraft): { fields: FieldErrors; general: string[] } {
  const { body, rows } = pesBodyOf(draft);
  const parsed = pesSettingsSchema.safeParse(body);
  const placed = parsed.success ? { fields: {}, general: [] } : placePesIssues(parsed.error.issues, rows);
  const all: FieldErrors = { ...placed.fields, ...pesDraftErrors(draft) };
  const fields: FieldErrors = {};
  for (const key of Object.keys(pesLabels(draft))) if (all[key]) fields[key] = all[key];
  return { fields, general: placed.general };
}
