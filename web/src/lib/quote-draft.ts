import type { QuoteInput } from '../api/subscriptions.ts';
import type { FieldErrors } from '../components/forms.tsx';
import type { CatalogueView, QuoteView } from '../shared.ts';
import { normaliseEuros } from './catalogue.ts';
import { fieldKey } from './request-draft.ts';

/** One line of a quote being written: a catalogue line (priced from the grid) or a free nature with its price. */
export interface QuoteRow {
  key: string;
  line: string;
  options: Record<string, string>;
  nature: string;
  quantity: string;
  unitPrice: string;
}

export interface QuoteHead {
  subject: string;
  issuedOn: string;
  validUntil: string;
}

export const QUOTE_LABELS: Record<keyof QuoteHead, string> = { subject: 'Objet du devis', issuedOn: "Date d'émission", validUntil: 'Valable jusqu’au' };
export const quoteFieldId = (key: string) => `devis-${key.replaceAll('.', '-')}`;

let counter = 0;
export function newQuoteRow(): QuoteRow {
  counter += 1;
  return { key: `q${counter}`, line: '', options: {}, nature: '', quantity: '1', unitPrice: '' };
}

/** « 1,5 » or « 1.5 » as the API's decimal text; null when it is not a quantity with at most 2 decimals. */
export function normaliseQuantity(text: string): string | null {
  const value = text.trim().replace(',', '.');
  return /^\d{1,8}(\.\d{1,2})?$/.test(value) && Number(value) > 0 ? value : null;
}

export function quoteLabels(rows: readonly QuoteRow[]): Record<string, string> {
  const labels: Record<string, string> = { ...QUOTE_LABELS };
  rows.forEach((row, i) => {
    const n = `Ligne n° ${i + 1}`;
    Object.assign(labels, { [fieldKey(row, 'line')]: `${n} : prestation`, [fieldKey(row, 'nature')]: `${n} : nature`, [fieldKey(row, 'quantity')]: `${n} : quantité`, [fieldKey(row, 'unitPrice')]: `${n} : prix unitaire` });
  });
  return labels;
}

/** What the form checks before sending; prices missing from the grid are the server's to say. */
export function checkQuote(head: QuoteHead, rows: readonly QuoteRow[], catalogue: CatalogueView | undefined): FieldErrors {
  const errors: FieldErrors = {};
  if (!head.subject.trim()) errors.subject = "indiquez l'objet du devis";
  if (!head.validUntil) errors.validUntil = 'indiquez le dernier jour de validité';
  else if (head.issuedOn && head.validUntil < head.issuedOn) errors.validUntil = "précède la date d'émission";
  for (const row of rows) {
    if (!row.line && !row.nature.trim()) errors[fieldKey(row, 'nature')] = 'indiquez la nature de la prestation, ou choisissez une ligne du catalogue';
    if (!row.line && !row.unitPrice.trim()) errors[fieldKey(row, 'unitPrice')] = "indiquez le prix unitaire d'une prestation libre";
    for (const d of catalogue?.lines.find((l) => l.code === row.line)?.options ?? []) {
      if (!row.options[d.code]) errors[fieldKey(row, `options.${d.code}`)] = `choisissez : ${d.label.toLowerCase()}`;
    }
    if (!normaliseQuantity(row.quantity)) errors[fieldKey(row, 'quantity')] = 'quantité positive attendue, au plus 2 décimales (ex. 1,5)';
    if (row.unitPrice.trim() && !normaliseEuros(row.unitPrice)) errors[fieldKey(row, 'unitPrice')] = 'montant en euros attendu, au plus 2 décimales (ex. 650,00)';
  }
  return errors;
}

export function quoteBody(providerId: string, organisationId: string, requestId: string | null, head: QuoteHead, rows: readonly QuoteRow[]): QuoteInput {
  return {
    providerId,
    organisationId,
    ...(requestId ? { requestId } : {}),
    subject: head.subject.trim(),
    ...(head.issuedOn ? { issuedOn: head.issuedOn } : {}),
    validUntil: head.validUntil,
    lines: rows.map((r) => ({
      ...(r.line ? { line: r.line, options: r.options } : {}),
      ...(r.nature.trim() ? { nature: r.nature.trim() } : {}),
      quantity: normaliseQuantity(r.quantity) ?? r.quantity,
      ...(r.unitPrice.trim() ? { unitPrice: normaliseEuros(r.unitPrice) ?? r.unitPrice } : {}),
    })),
  };
}

export function quoteTone(status: QuoteView['status']): 'neutral' | 'info' | 'success' | 'muted' {
  return status === 'accepted' ? 'success' : status === 'sent' ? 'info' : status === 'draft' ? 'neutral' : 'muted';
}
