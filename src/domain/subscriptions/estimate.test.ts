import { describe, expect, it } from 'vitest';
import { SEED_004_CATALOGUE, SEED_004_GRID_2023 } from '../catalogue/seed-004.fixture.ts';
import { parseCivilDate as d } from '../civil-date.ts';
import { formatEurosFr } from '../money.ts';
import { yearEstimate } from './estimate.ts';
import type { RequestedLine } from './request-checks.ts';

describe('a request’s cost over a year at the grid prices (seed 004 annex 5)', () => {
  const lines: RequestedLine[] = [
    { line: 'socle-reseau', options: {}, quantity: 335, wishedOn: d('2025-03-01') },
    { line: 'postes-n1', options: {}, quantity: 335, wishedOn: d('2026-09-01') },
    { line: 'postes-n2', options: {}, quantity: 335, wishedOn: d('2026-09-15') },
    { line: 'messagerie', options: { niveau: 'basique', stockage: '25' }, quantity: 10, wishedOn: d('2026-01-01') },
    { line: 'conseil', options: {}, quantity: 3, wishedOn: d('2026-05-01') },
    { line: 'hebergement-n1', options: {}, quantity: 20, wishedOn: d('2027-01-01') },
  ];

  it.each([
    // 84.00 × 335 for a whole year (opened before 2026).
    [0, 12, '28 140,00 €'],
    // 204.00 × 335 × 4/12: September to December.
    [1, 4, '22 780,00 €'],
    // 132.00 × 335 × 4/12: the opening month counts.
    [2, 4, '14 740,00 €'],
    // 93.60 (annex 5, not annex 7's 93.00) × 10.
    [3, 12, '936,00 €'],
    // Opens the next year: nothing this year.
    [5, 0, '0,00 €'],
  ])('line %i runs %i months and costs %s in 2026', (index, months, amount) => {
    const estimate = yearEstimate(lines, SEED_004_CATALOGUE, [SEED_004_GRID_2023], 2026);
    expect(estimate.lines[index]).toMatchObject({ months });
    expect(formatEurosFr(estimate.lines[index]!.amount!).replace(/\s/g, ' ')).toBe(amount.replace(/\s/g, ' '));
  });

  it('leaves on-quote services out of the total, saying so', () => {
    const estimate = yearEstimate(lines, SEED_004_CATALOGUE, [SEED_004_GRID_2023], 2026);
    expect(estimate.lines[4]).toMatchObject({ amount: null, note: 'sur devis' });
    expect(estimate.total).toBe(2_814_000 + 2_278_000 + 1_474_000 + 93_600);
  });

  it('says why a line has no price', () => {
    const estimate = yearEstimate([{ line: 'messagerie', options: { niveau: 'pro' }, quantity: 1, wishedOn: d('2026-01-01') }], SEED_004_CATALOGUE, [SEED_004_GRID_2023], 2026);
    expect(estimate.lines[0]!.note).toBeTruthy();
    expect(estimate.total).toBe(0);
  });
});
