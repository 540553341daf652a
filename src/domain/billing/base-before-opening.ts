import type { CivilDate } from '../civil-date.ts';
import { formatCivilDateFr } from '../civil-date.ts';
import { billLine, type BillLine } from './bill-line.ts';
import { billableMonths, firstOfMonth, integerFr, monthsText } from './months.ts';
import type { SharedCharge, SnapshotSeries, UnitPrice } from './snapshot-charges.ts';
import type { SubscribedLine } from './flat-charges.ts';

/**
 * The membership base billed before the services open (seed 004 art. 10.1.3: "la demande d'ouverture de service
 * précise la date à partir de laquelle l'adhésion au socle d'adhésion sera facturée" — it finances the studies
 * that prepare the opening). Snapshots measure the base once services run; for the months between the date the
 * request sets and the first month with snapshots, the base is billed on the quantity requested, at the month's
 * price. A month already measured by snapshots is never billed twice.
 */
export interface BaseBeforeOpeningInput {
  year: number;
  months: readonly number[];
  /** The base lines requested with a date of their own (`billableFrom` before their opening), per charge line. */
  requested: readonly SubscribedLine[];
  snapshots: readonly SnapshotSeries[];
  sharedCharges: readonly SharedCharge[];
  partialMonthCounts: boolean;
  priceOf: (line: string, optionsKey: string, month: CivilDate) => UnitPrice;
  labelOf: (line: string, optionsKey: string) => string;
  unitLabel: (line: string) => string;
}

/** Whether snapshots measure a charge's units that month: its own, or those of a line that triggers it. */
function measured(charge: SharedCharge, snapshots: readonly SnapshotSeries[], monthIndex: number): boolean {
  for (const s of snapshots) {
    if (s.line !== charge.chargeLine && !charge.triggeredBy.includes(s.line)) continue;
    const units = s.months[monthIndex];
    if (units !== null && units !== undefined) return true;
  }
  return false;
}

export function baseBeforeOpening(input: BaseBeforeOpeningInput): { lines: BillLine[]; issues: { line: string; message: string }[] } {
  const lines: BillLine[] = [];
  const issues: { line: string; message: string }[] = [];
  for (const r of input.requested) {
    const charge = input.sharedCharges.find((c) => c.chargeLine === r.line);
    if (!charge || r.quantity <= 0) continue;
    const months = billableMonths(input.year, input.months, r.billableFrom, r.billableBefore, input.partialMonthCounts).filter((m) => !measured(charge, input.snapshots, m - 1));
    if (!months.length) continue;
    const price = input.priceOf(r.line, r.optionsKey, firstOfMonth(input.year, months[0]!));
    if (!price.ok) {
      issues.push({ line: r.line, message: price.message });
      continue;
    }
    lines.push(
      billLine({
        line: r.line,
        optionsKey: r.optionsKey,
        label: `${input.labelOf(r.line, r.optionsKey)} — avant l'ouverture des services`,
        quantity: { numerator: r.quantity * months.length, denominator: 1 },
        quantityText: `${integerFr(r.quantity)} ${input.unitLabel(r.line)} × ${months.length} mois`,
        unitPrice: price.unitPrice,
        vat: price.vat,
        basis: `socle facturé dès le ${formatCivilDateFr(r.billableFrom)} selon la demande d'ouverture, sur la volumétrie demandée, ${monthsText(input.year, months)}, ${price.priceLabel}`,
        sources: [{ kind: 'subscription', lineId: r.lineId, billableFrom: r.billableFrom, billableBefore: r.billableBefore, quantity: r.quantity }],
      }),
    );
  }
  return { lines, issues };
}
