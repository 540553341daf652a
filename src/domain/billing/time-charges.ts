import type { UnitPrice } from './snapshot-charges.ts';
import { billLine, type BillLine } from './bill-line.ts';
import type { CivilDate } from '../civil-date.ts';

/**
 * Time spent billed at an hourly price (seed 002 art. 4.2: "sur la base du temps passé au taux horaire de
 * 50 euros TTC (temps et frais de déplacements compris)"): the minutes of the period summed per line and
 * multiplied once by the hourly price / 60, so 50 min at 50 € is 41.67 €, not 0.83 h × 50 €.
 */
export interface TimeFact {
  id: string;
  line: string;
  workedOn: string;
  minutes: number;
}

export function timeCharges(entries: readonly TimeFact[], priceOf: (line: string, on: CivilDate) => UnitPrice, labelOf: (line: string) => string): { lines: BillLine[]; issues: { line: string; message: string }[] } {
  const byLine = new Map<string, TimeFact[]>();
  for (const e of entries) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);
  const lines: BillLine[] = [];
  const issues: { line: string; message: string }[] = [];
  for (const [line, facts] of byLine) {
    const first = [...facts].sort((a, b) => a.workedOn.localeCompare(b.workedOn))[0]!;
    const price = priceOf(line, first.workedOn as CivilDate);
    if (!price.ok) {
      issues.push({ line, message: price.message });
      continue;
    }
    const minutes = facts.reduce((sum, f) => sum + f.minutes, 0);
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    lines.push(
      billLine({
        line,
        optionsKey: '',
        label: labelOf(line),
        quantity: { numerator: minutes, denominator: 60 },
        quantityText: m ? `${h} h ${String(m).padStart(2, '0')}` : `${h} h`,
        unitPrice: price.unitPrice,
        vat: price.vat,
        basis: `${facts.length} intervention(s), temps passé, ${price.priceLabel}`,
        sources: facts.map((f) => ({ kind: 'time_entry' as const, id: f.id, workedOn: f.workedOn, minutes: f.minutes })),
      }),
    );
  }
  return { lines, issues };
}
