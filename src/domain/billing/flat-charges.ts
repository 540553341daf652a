import { partsOf, type CivilDate } from '../civil-date.ts';
import type { UnitPrice } from './snapshot-charges.ts';
import { billLine, type BillLine } from './bill-line.ts';
import { billableMonths, integerFr, monthsText } from './months.ts';

/**
 * Bills measured by what was subscribed (seed 003 art. 5): the volume subscribed — for storage, the disk volume
 * allocated — × the annual price, prorated by twelfths for a service started or stopped during the year ("les
 * services forfaitaires annuels démarrés en cours d'année sont proratisés au douzième"), while services priced
 * per unit are billed whole ("les services unitaires ne sont pas proratisés").
 */
export interface SubscribedLine {
  lineId: string;
  line: string;
  optionsKey: string;
  quantity: number;
  billableFrom: CivilDate;
  billableBefore: CivilDate | null;
}

export type FlatPrice = ({ ok: true; kind: 'annual' | 'per_unit' } & Extract<UnitPrice, { ok: true }>) | { ok: false; message: string };

export interface FlatChargeInput {
  year: number;
  months: readonly number[];
  subscriptions: readonly SubscribedLine[];
  proration: 'twelfths' | 'none';
  partialMonthCounts: boolean;
  priceOf: (line: string, optionsKey: string, on: CivilDate) => FlatPrice;
  labelOf: (line: string, optionsKey: string) => string;
  unitLabel: (line: string) => string;
}

export function flatCharges(input: FlatChargeInput): { lines: BillLine[]; issues: { line: string; message: string }[] } {
  const lines: BillLine[] = [];
  const issues: { line: string; message: string }[] = [];
  for (const s of input.subscriptions) {
    if (s.quantity <= 0) continue;
    const months = billableMonths(input.year, input.months, s.billableFrom, s.billableBefore, input.partialMonthCounts);
    if (!months.length) continue;
    const price = input.priceOf(s.line, s.optionsKey, `${input.year}-${String(months[0]).padStart(2, '0')}-01` as CivilDate);
    if (!price.ok) {
      issues.push({ line: s.line, message: price.message });
      continue;
    }
    const source = { kind: 'subscription' as const, lineId: s.lineId, billableFrom: s.billableFrom, billableBefore: s.billableBefore, quantity: s.quantity };
    const common = { line: s.line, optionsKey: s.optionsKey, label: input.labelOf(s.line, s.optionsKey), unitPrice: price.unitPrice, vat: price.vat, sources: [source] };
    const unit = input.unitLabel(s.line);
    if (price.kind === 'per_unit') {
      // A unit service is billed whole, once: in the period holding its first billable month.
      const start = partsOf(s.billableFrom);
      if (start.year !== input.year || !input.months.includes(start.month)) continue;
      lines.push(billLine({ ...common, quantity: { numerator: s.quantity, denominator: 1 }, quantityText: `${integerFr(s.quantity)} ${unit}`, basis: `service unitaire, non proratisé, ${price.priceLabel}` }));
      continue;
    }
    const twelfths = input.proration === 'twelfths' ? months.length : input.months.length;
    lines.push(
      billLine({
        ...common,
        quantity: { numerator: s.quantity * twelfths, denominator: 12 },
        quantityText: twelfths === 12 ? `${integerFr(s.quantity)} ${unit}` : `${integerFr(s.quantity)} ${unit} × ${twelfths}/12`,
        basis: `${input.proration === 'twelfths' ? `${twelfths} douzième(s) : ` : ''}${monthsText(input.year, months)}, ${price.priceLabel}`,
      }),
    );
  }
  return { lines, issues };
}
