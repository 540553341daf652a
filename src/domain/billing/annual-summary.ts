import { PROVISIONAL_DEDUCTION_LINE, REASON_LINE, vatSplit, type BillLine } from './bill-line.ts';

/** One issued document of the year as the summary reads it: its kind, amounts incl. VAT, what was paid, its lines. */
export interface SummaryDocument {
  id: string;
  /** The title a reduction, a cancellation or a true-up settles. */
  refersTo: string | null;
  kind: 'title' | 'reduction' | 'cancellation' | 'payment_order';
  amountInclCents: number;
  paidCents: number;
  outstandingCents: number;
  lines: readonly BillLine[];
}

export interface SummaryLine {
  line: string;
  label: string;
  exclCents: number;
  vatCents: number;
  inclCents: number;
}

export interface AnnualSummary {
  /** What the year's titles billed, by service line, net of the reductions and cancellations issued against them. */
  lines: SummaryLine[];
  billedCents: number;
  reducedCents: number;
  netCents: number;
  paidCents: number;
  outstandingCents: number;
  /** Money paid back to the member by payment order (seed 000 art. 4.2: operators' penalties). */
  paidBackCents: number;
}

/** Lines that only explain a document (the reason of a correction, a provisional title deducted) are not services. */
const NOT_A_SERVICE = new Set([REASON_LINE, PROVISIONAL_DEDUCTION_LINE]);
const settles = (d: SummaryDocument) => d.refersTo !== null && d.lines.some((l) => l.line === PROVISIONAL_DEDUCTION_LINE);

/**
 * A member's year with one provider, as its finance staff read it next to their budget (issue #7: "the annual
 * summary per member"): what was billed per service line net of reductions, what was paid and what remains, and
 * what was paid back. Lines are summed from each document's lines as issued (each already rounded), never
 * recomputed. A quarter billed provisionally then trued up (seed 000 art. 4.2) counts on its actual lines only:
 * the true-up's lines are the actuals (its deduction of the provisional title left out), the provisional title's
 * forecast lines are left out once settled; the totals follow the documents' own amounts, which agree.
 */
export function annualSummary(documents: readonly SummaryDocument[]): AnnualSummary {
  const byLine = new Map<string, SummaryLine>();
  let billed = 0;
  let reduced = 0;
  let paid = 0;
  let outstanding = 0;
  let paidBack = 0;
  const settled = new Set(documents.filter(settles).map((d) => d.refersTo!));
  for (const d of documents) {
    if (d.kind === 'payment_order') {
      paidBack += d.amountInclCents;
      continue;
    }
    // A correction's lines repeat what it takes off (positive); a true-up's are the actuals, whatever its kind.
    const sign = d.kind === 'title' || settles(d) ? 1 : -1;
    if (d.kind === 'title') {
      billed += d.amountInclCents;
      paid += d.paidCents;
      outstanding += d.outstandingCents;
    } else reduced += d.amountInclCents;
    if (settled.has(d.id)) continue;
    for (const l of d.lines) {
      if (NOT_A_SERVICE.has(l.line)) continue;
      const split = vatSplit(l.amount, l.vat);
      const key = `${l.line}|${l.optionsKey}`;
      const entry = byLine.get(key) ?? { line: l.line, label: d.kind === 'title' ? l.label : l.label.replace(/^Réduction — /, ''), exclCents: 0, vatCents: 0, inclCents: 0 };
      entry.exclCents += sign * split.excl;
      entry.vatCents += sign * split.vat;
      entry.inclCents += sign * split.incl;
      byLine.set(key, entry);
    }
  }
  const lines = [...byLine.values()].filter((l) => l.inclCents !== 0 || l.exclCents !== 0).sort((a, b) => b.inclCents - a.inclCents || a.label.localeCompare(b.label, 'fr'));
  return { lines, billedCents: billed, reducedCents: reduced, netCents: billed - reduced, paidCents: paid, outstandingCents: outstanding, paidBackCents: paidBack };
}
