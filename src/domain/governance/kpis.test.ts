import { describe, expect, it } from 'vitest';
import { parseCivilDate as d } from '../civil-date.ts';
import { membersByMonth, monthEnds, openingsByMonth, pipeline, sumByMonth, unitsByCategory, type KpiLine } from './kpis.ts';

// Seed 004 example: Lens's base opened on 1 March 2025 (320, then 335 from 2026), mail on 1 April 2025 (180).
const line = (over: Partial<KpiLine>): KpiLine => ({ organisationId: 'lens', category: 'socle', status: 'opened', receivedOn: d('2024-12-19'), openedOn: null, withdrawnOn: null, quantities: [], ...over });
const LINES: KpiLine[] = [
  line({ openedOn: d('2025-03-01'), quantities: [{ effectiveFrom: d('2025-03-01'), quantity: 320 }, { effectiveFrom: d('2026-01-01'), quantity: 335 }] }),
  line({ category: 'messagerie', openedOn: d('2025-04-01'), quantities: [{ effectiveFrom: d('2025-04-01'), quantity: 180 }] }),
  line({ organisationId: 'autre', category: 'messagerie', openedOn: d('2025-04-15'), withdrawnOn: d('2025-10-01'), quantities: [{ effectiveFrom: d('2025-04-15'), quantity: 10 }] }),
  line({ status: 'submitted' }),
];

describe('operational committee KPIs (seed 004 art. 4)', () => {
  it('ends each month on its last day', () => expect([monthEnds(2024)[1], monthEnds(2025)[11]]).toEqual(['2024-02-29', '2025-12-31']));

  it('counts openings by month', () => expect(openingsByMonth(LINES, 2025)).toEqual([0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0]));

  it('sums units in force at each month end per category, a withdrawn line leaving from its withdrawal', () => {
    expect(unitsByCategory(LINES, 2025)).toEqual([
      { category: 'socle', months: [0, 0, 320, 320, 320, 320, 320, 320, 320, 320, 320, 320] },
      { category: 'messagerie', months: [0, 0, 0, 190, 190, 190, 190, 190, 190, 180, 180, 180] },
    ]);
    expect(unitsByCategory(LINES, 2026)[0]!.months[0]).toBe(335);
  });

  it('counts members with an open line', () => expect(membersByMonth(LINES, 2025)).toEqual([0, 0, 1, 2, 2, 2, 2, 2, 2, 1, 1, 1]));

  it('sums amounts by month of their date', () => expect(sumByMonth([{ on: d('2025-07-10'), cents: 150 }, { on: d('2025-07-31'), cents: 50 }, { on: d('2024-07-01'), cents: 999 }], 2025)[6]).toBe(200));

  it('measures the pipeline of requests waiting for a decision', () => {
    expect(pipeline([{ receivedOn: d('2026-03-01'), pendingLines: 2 }, { receivedOn: d('2026-03-11'), pendingLines: 1 }, { receivedOn: d('2025-01-01'), pendingLines: 0 }], d('2026-03-15'))).toEqual({ requests: 2, lines: 3, averageDays: 9, oldestDays: 14 });
  });
});
