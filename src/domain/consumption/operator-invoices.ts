import { compareCivilDates, type CivilDate } from '../civil-date.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { cents, type Cents } from '../money.ts';
import { parseAmount, parseDay, type FileError } from './fields.ts';

/**
 * Operator invoices passed through to members (seed 000 art. 4.2): the provider orders telecom services from
 * the holders of each lot of its public market (PST) and each member pays "la base réelle de ses
 * consommations". A file holds the lines of one or more invoices; each line names the member, the type of
 * service (a `pass_through` line of the catalogue), the line or site, and the amount.
 */
export interface RawInvoiceLine {
  operator: string;
  lot: string;
  number: string;
  issuedOn: string;
  periodFrom: string;
  periodTo: string;
  member: string;
  line: string;
  site: string;
  label: string;
  amount: string;
  vat: string;
  row: number;
}

export interface InvoiceLineDraft {
  /** As the file names the member; resolved to an organisation by the caller. */
  member: string;
  line: string;
  site: string;
  label: string;
  amountCents: Cents;
  vatCents: Cents;
  row: number;
}

export interface InvoiceDraft {
  operator: string;
  marketLot: string;
  number: string;
  issuedOn: CivilDate;
  periodFrom: CivilDate;
  periodTo: CivilDate;
  lines: InvoiceLineDraft[];
  /** Row of its first line, to name the invoice in errors. */
  row: number;
}

/** Reads the rows of an invoice file into invoices, with every error of every row. */
export function groupInvoiceLines(rows: readonly RawInvoiceLine[], catalogue: Catalogue): { invoices: InvoiceDraft[]; errors: FileError[] } {
  const errors: FileError[] = [];
  const invoices = new Map<string, InvoiceDraft>();
  for (const raw of rows) {
    const row = raw.row;
    const rowErrors: FileError[] = [];
    const need = (value: string, column: string, what: string) => {
      if (!value.trim()) rowErrors.push({ row, column, message: `${what} manquant` });
      else if (value.trim().length > 200) rowErrors.push({ row, column, message: `${what} de plus de 200 caractères` });
    };
    need(raw.operator, 'opérateur', 'opérateur');
    need(raw.number, 'facture', 'numéro de facture');
    need(raw.member, 'membre', 'adhérent');
    const dates = (['issuedOn', 'periodFrom', 'periodTo'] as const).map((field) => {
      const column = { issuedOn: 'date de facture', periodFrom: 'début de période', periodTo: 'fin de période' }[field];
      const day = parseDay(raw[field]);
      if (!day) rowErrors.push({ row, column, message: `date illisible « ${raw[field]} » : attendu AAAA-MM-JJ ou JJ/MM/AAAA` });
      return day;
    });
    const [issuedOn, periodFrom, periodTo] = dates;
    if (periodFrom && periodTo && compareCivilDates(periodTo, periodFrom) < 0) rowErrors.push({ row, column: 'fin de période', message: `la période finit (${periodTo}) avant de commencer (${periodFrom})` });
    const line = catalogue.lines.find((l) => l.code === raw.line.trim());
    if (!line) rowErrors.push({ row, column: 'service', message: `type de prestation « ${raw.line.trim()} » inconnu du catalogue` });
    else if (line.kind !== 'pass_through') rowErrors.push({ row, column: 'service', message: `« ${line.name} » n'est pas une consommation refacturée : seules les lignes « consommation refacturée (opérateur) » du catalogue peuvent figurer sur une facture d'opérateur` });
    const amount = parseAmount(raw.amount);
    if (amount === null) rowErrors.push({ row, column: 'montant HT', message: `montant « ${raw.amount} » illisible : attendu des euros avec au plus 2 décimales` });
    const vat = raw.vat.trim() ? parseAmount(raw.vat) : cents(0);
    if (vat === null) rowErrors.push({ row, column: 'TVA', message: `TVA « ${raw.vat} » illisible : attendu des euros avec au plus 2 décimales` });
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    const key = `${raw.operator.trim()}\u0001${raw.number.trim()}`;
    let invoice = invoices.get(key);
    if (!invoice) {
      invoice = { operator: raw.operator.trim(), marketLot: raw.lot.trim(), number: raw.number.trim(), issuedOn: issuedOn!, periodFrom: periodFrom!, periodTo: periodTo!, lines: [], row };
      invoices.set(key, invoice);
    } else {
      // Every line of one invoice repeats its header: a line that disagrees is a mix-up of two invoices.
      const differs = [
        ['lot', invoice.marketLot, raw.lot.trim()],
        ['date de facture', invoice.issuedOn, issuedOn],
        ['début de période', invoice.periodFrom, periodFrom],
        ['fin de période', invoice.periodTo, periodTo],
      ].find(([, first, here]) => first !== here);
      if (differs) {
        errors.push({ row, column: differs[0]!, message: `la facture ${invoice.number} de ${invoice.operator} a « ${differs[1]} » à la ligne ${invoice.row} et « ${differs[2]} » ici` });
        continue;
      }
    }
    invoice.lines.push({ member: raw.member.trim(), line: line!.code, site: raw.site.trim(), label: raw.label.trim(), amountCents: amount!, vatCents: vat!, row });
  }
  return { invoices: [...invoices.values()], errors };
}

export function invoiceTotals(lines: readonly { amountCents: number; vatCents: number }[]): { amountCents: Cents; vatCents: Cents } {
  let amount = 0;
  let vat = 0;
  for (const l of lines) {
    amount += l.amountCents;
    vat += l.vatCents;
  }
  return { amountCents: cents(amount), vatCents: cents(vat) };
}

export interface StoredInvoice {
  marketLot: string;
  issuedOn: string;
  periodFrom: string;
  periodTo: string;
  lines: { organisationId: string; line: string; site: string; label: string; amountCents: number; vatCents: number }[];
}

/**
 * Whether an invoice in a file is the one already stored (same header, same lines in the same order): then
 * importing it again changes nothing. A different content under the same number is refused, never merged.
 */
export function sameInvoice(draft: InvoiceDraft, organisationOf: (member: string) => string, stored: StoredInvoice): boolean {
  if (draft.marketLot !== stored.marketLot || draft.issuedOn !== stored.issuedOn || draft.periodFrom !== stored.periodFrom || draft.periodTo !== stored.periodTo) return false;
  if (draft.lines.length !== stored.lines.length) return false;
  return draft.lines.every((l, i) => {
    const s = stored.lines[i]!;
    return organisationOf(l.member) === s.organisationId && l.line === s.line && l.site === s.site && l.label === s.label && l.amountCents === s.amountCents && l.vatCents === s.vatCents;
  });
}
