import type { VatTreatment } from '../catalogue/tariff-grid.ts';
import { cents, multiplyRounded, type Cents } from '../money.ts';

/**
 * One line of a bill, explained: what is billed, how much of it, at what price, over which months, and from
 * which facts (snapshots, time entries, operator invoice lines, a forecast). Its amount is rounded once, half
 * up, from exact integers: `unitPrice × quantity.numerator / quantity.denominator`.
 */
export interface BillLine {
  /** Service line code; `frais-de-gestion` and the like for lines the policy adds. */
  line: string;
  optionsKey: string;
  label: string;
  /** Exact quantity as a fraction: 7 workstation-months = 7/1; 90 minutes of an hourly rate = 90/60; 9 twelfths of 3 = 27/12. */
  quantity: { numerator: number; denominator: number };
  /** The quantity as people read it: "2 040 postes × mois", "1 h 30", "3 × 9/12". */
  quantityText: string;
  unitPrice: Cents;
  amount: Cents;
  vat: VatTreatment;
  /** What the quantity comes from, for the explanation under the line. */
  basis: string;
  sources: BillSource[];
}

export type BillSource =
  /** The monthly snapshots a line sums: one source per line, the months and their units side by side. */
  | { kind: 'snapshots'; line: string; optionsKey: string; year: number; months: number[]; units: number[] }
  | { kind: 'subscription'; lineId: string; billableFrom: string; billableBefore: string | null; quantity: number }
  | { kind: 'time_entry'; id: string; workedOn: string; minutes: number }
  | { kind: 'operator_invoice_line'; invoiceId: string; position: number; amountCents: number }
  | { kind: 'forecast'; line: string; quarter: number; amountCents: number }
  | { kind: 'penalty'; id: string; receivedOn: string; amountCents: number }
  /** The line of an issued title that a reduction takes something off. */
  | { kind: 'title_line'; titleId: string; number: string; position: number };

/** Line codes of lines that explain a document rather than bill a service. */
export const REASON_LINE = 'motif';
export const PROVISIONAL_DEDUCTION_LINE = 'titre-previsionnel';

/** Why a correction was issued, as a line of its own at zero: the document says it (DOMAIN.md: corrections). */
export function reasonLine(reason: string, basis: string): BillLine {
  return billLine({ line: REASON_LINE, optionsKey: '', label: `Motif : ${reason}`, quantity: { numerator: 0, denominator: 1 }, quantityText: '—', unitPrice: cents(0), vat: { mode: 'not_subject' }, basis, sources: [] });
}

export function billLine(input: Omit<BillLine, 'amount'>): BillLine {
  return { ...input, amount: multiplyRounded(input.unitPrice, input.quantity.numerator, input.quantity.denominator) };
}

export interface VatSplit {
  excl: Cents;
  vat: Cents;
  incl: Cents;
}

/**
 * A line's amount split into excl. VAT, VAT and incl. VAT. A price excl. VAT adds its VAT rounded once; a price
 * incl. VAT (seed 002: 50 € TTC per hour) keeps its total and takes the VAT out of it, rounded once.
 */
export function vatSplit(amount: Cents, vat: VatTreatment): VatSplit {
  if (vat.mode === 'not_subject') return { excl: amount, vat: cents(0), incl: amount };
  if (vat.mode === 'excl') {
    const tax = multiplyRounded(amount, vat.rateBasisPoints, 10_000);
    return { excl: amount, vat: tax, incl: cents(amount + tax) };
  }
  const tax = multiplyRounded(amount, vat.rateBasisPoints, 10_000 + vat.rateBasisPoints);
  return { excl: cents(amount - tax), vat: tax, incl: amount };
}

/** A bill's totals: the sum of its lines' splits (each line rounded on its own, never the total again). */
export function billTotals(lines: readonly BillLine[]): VatSplit {
  let excl = 0;
  let vat = 0;
  for (const l of lines) {
    const split = vatSplit(l.amount, l.vat);
    excl += split.excl;
    vat += split.vat;
  }
  return { excl: cents(excl), vat: cents(vat), incl: cents(excl + vat) };
}
