import { describe, expect, it } from 'vitest';
import type { CivilDate } from '../civil-date.ts';
import { cents } from '../money.ts';
import { baseBeforeOpening } from './base-before-opening.ts';
import type { SnapshotSeries, UnitPrice } from './snapshot-charges.ts';

// Seed 004 annex 5: the membership base + network at 7,00 € per workstation and month.
const price = (): UnitPrice => ({ ok: true, unitPrice: cents(700), vat: { mode: 'not_subject' }, priceLabel: '7,00 € par mois (annexe 5)' });
const months = (...units: (number | null)[]) => [...units, ...Array<null>(12 - units.length).fill(null)];
const base = (billableFrom: string, billableBefore: string | null, quantity = 120) => ({ lineId: 'l1', line: 'socle-reseau', optionsKey: '', quantity, billableFrom: billableFrom as CivilDate, billableBefore: billableBefore as CivilDate | null });
const run = (requested: ReturnType<typeof base>[], snapshots: SnapshotSeries[] = [], partialMonthCounts = false) =>
  baseBeforeOpening({ year: 2026, months: [1, 2, 3, 4, 5, 6], requested, snapshots, sharedCharges: [{ chargeLine: 'socle-reseau', triggeredBy: ['postes-n1', 'hebergement-n1'] }], partialMonthCounts, priceOf: price, labelOf: () => 'Socle', unitLabel: () => 'postes' });

describe('seed 004 art. 10.1.3: the membership base billed from the request’s date, before opening', () => {
  it.each([
    // [billed from, services opened on, snapshots of the opened months, months billed before opening]
    ['2026-02-01', '2026-05-01', months(null, null, null, null, 118, 119), ['février–avril 2026', 360]],
    ['2026-02-15', '2026-05-01', months(null, null, null, null, 118, 119), ['mars–avril 2026', 240]],
    ['2025-10-01', null, [], ['janvier–juin 2026', 720]],
  ] as const)('from %s, opened %s', (from, opened, snapshotMonths, [text, units]) => {
    const { lines, issues } = run([base(from, opened)], snapshotMonths.length ? [{ line: 'postes-n1', optionsKey: '', months: snapshotMonths }] : []);
    expect(issues).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ label: "Socle — avant l'ouverture des services", quantity: { numerator: units, denominator: 1 }, amount: units * 700 });
    expect(lines[0]!.basis).toContain(text);
    expect(lines[0]!.sources).toEqual([{ kind: 'subscription', lineId: 'l1', billableFrom: from, billableBefore: opened, quantity: 120 }]);
  });

  it('never bills a month twice: a month measured by snapshots is the snapshots’ own', () => {
    // Snapshots came in April although the request’s lines opened in May: April is measured, not requested.
    const { lines } = run([base('2026-02-01', null)], [{ line: 'hebergement-n1', optionsKey: '', months: months(null, null, null, 100, 101, 102) }]);
    expect(lines[0]!.basis).toContain('février–mars 2026');
    expect(lines[0]!.amount).toBe(2 * 120 * 700);
  });

  it('bills nothing for a line that is not the shared base, nor outside the period', () => {
    expect(run([{ ...base('2026-02-01', null), line: 'postes-n1' }]).lines).toEqual([]);
    expect(run([base('2026-07-01', null)]).lines).toEqual([]);
  });
});
