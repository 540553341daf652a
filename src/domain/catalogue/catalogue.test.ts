import { describe, expect, it } from 'vitest';
import { civilDate, parseCivilDate } from '../civil-date.ts';
import { parseEuros } from '../money.ts';
import { catalogueIssues } from './catalogue.ts';
import { compareGrids } from './grid-comparison.ts';
import { findCycle, missingPrerequisites } from './prerequisites.ts';
import { SEED_004_ANNEX_5, SEED_004_CATALOGUE as catalogue, SEED_004_GRID_2023 as grid2023, SEED_004_SHARED_BASE } from './seed-004.fixture.ts';
import { sharedChargeQuantity } from './shared-charge.ts';
import { cumulativeAnnual, gridIssues, priceOn, type TariffGrid } from './tariff-grid.ts';

const grid2025: TariffGrid = {
  code: 'grille-2025',
  label: 'Grille 2025',
  effectiveFrom: civilDate(2025, 1, 1),
  prices: grid2023.prices.map((p) => (p.line === 'postes-n1' ? { ...p, monthly: parseEuros('18.00'), annual: parseEuros('216.00') } : p)),
};

describe('seed 004 catalogue', () => {
  it('is well formed and acyclic', () => {
    expect(catalogueIssues(catalogue)).toEqual([]);
    expect(findCycle(catalogue)).toBeNull();
  });

  it.each(SEED_004_ANNEX_5)('annex 5 prices %s %o at %s a month, %s a year', (line, options, monthly, annual) => {
    const lookup = priceOn([grid2023], catalogue, line, options, parseCivilDate('2024-06-15'));
    expect(lookup.ok && [lookup.price.monthly, lookup.price.annual]).toEqual([parseEuros(monthly), parseEuros(annual)]);
  });

  it('surfaces the annex 7 discrepancy instead of guessing, and nothing else', () => {
    expect(gridIssues(grid2023, catalogue)).toEqual([
      {
        kind: 'stated_elsewhere_differs',
        line: 'messagerie',
        options: { niveau: 'basique', stockage: '25' },
        message: 'Annexe 7 (demande de souscription) indique 93.00 au lieu de 93.60',
      },
    ]);
  });

  it('flags 12 × monthly ≠ annual and a missing option combination', () => {
    const broken: TariffGrid = {
      ...grid2023,
      prices: grid2023.prices
        .filter((p) => !(p.line === 'messagerie' && p.options.niveau === 'premium' && p.options.stockage === '50'))
        .map((p) => (p.line === 'postes-n2' ? { ...p, annual: parseEuros('130.00') } : p)),
    };
    expect(gridIssues(broken, catalogue).map((i) => [i.kind, i.line, i.message])).toEqual(
      expect.arrayContaining([
        ['monthly_annual_mismatch', 'postes-n2', '12 × 11.00 = 132.00 ≠ 130.00 annuel'],
        ['missing_combination', 'messagerie', 'aucun prix pour niveau=premium&stockage=50'],
      ]),
    );
  });

  it.each([
    ['2023-09-30', 'no_grid'],
    ['2023-10-01', 204_00],
    ['2024-12-31', 204_00],
    ['2025-01-01', 216_00],
  ] as const)('on a grid boundary: the price of level 1 on %s', (date, expected) => {
    const lookup = priceOn([grid2025, grid2023], catalogue, 'postes-n1', {}, parseCivilDate(date));
    expect(lookup.ok ? lookup.price.annual : lookup.reason).toBe(expected);
  });

  it('explains a missing or unknown option', () => {
    const on = parseCivilDate('2024-01-01');
    expect(priceOn([grid2023], catalogue, 'messagerie', { niveau: 'pro' }, on)).toMatchObject({ ok: false, message: 'option « Stockage » manquante' });
    expect(priceOn([grid2023], catalogue, 'messagerie', { niveau: 'or', stockage: '10' }, on)).toMatchObject({ ok: false, message: "valeur « or » inconnue pour l'option « Niveau de service »" });
    expect(priceOn([grid2023], catalogue, 'conseil', {}, on)).toMatchObject({ ok: false, reason: 'not_priced' });
  });

  it('adds level 2 to level 1, as the annex totals say (336.00 and 192.00)', () => {
    expect(cumulativeAnnual(grid2023, catalogue, 'postes-n2')).toBe(336_00);
    expect(cumulativeAnnual(grid2023, catalogue, 'administration-n2')).toBe(192_00);
    expect(cumulativeAnnual(grid2023, catalogue, 'messagerie', { niveau: 'pro', stockage: '25' })).toBe(105_60);
  });

  it('charges the membership base once per workstation whether category 1, 3 or both is taken', () => {
    const q = (entries: [string, number][]) => sharedChargeQuantity(SEED_004_SHARED_BASE, new Map(entries));
    expect(q([['postes-n1', 40]])).toBe(40);
    expect(q([['postes-n1', 40], ['hebergement-n1', 40]])).toBe(40);
    expect(q([['postes-n1', 40], ['hebergement-n1', 55]])).toBe(55);
    expect(q([['socle-reseau', 60], ['postes-n1', 40]])).toBe(60);
    expect(q([])).toBe(0);
  });

  it('returns what a set of subscriptions lacks, including requirements of requirements', () => {
    expect(missingPrerequisites(catalogue, ['socle-reseau', 'postes-n1', 'postes-n2'])).toEqual([]);
    expect(missingPrerequisites(catalogue, ['postes-n2'])).toEqual([
      { line: 'postes-n2', requires: { line: 'postes-n1' } },
      { line: 'postes-n2', requires: { category: 'socle' } },
    ]);
    expect(missingPrerequisites(catalogue, ['socle-reseau', 'administration-n2'])).toEqual([{ line: 'administration-n2', requires: { line: 'hebergement-n1' } }]);
  });

  it('finds a cycle introduced by an edit', () => {
    const edited = [...catalogue.dependencies, { from: { category: 'socle' }, requires: { line: 'postes-n2' } }];
    expect(findCycle(catalogue, edited)).toEqual(['category:socle', 'line:postes-n2', 'line:postes-n1', 'category:socle']);
    expect(findCycle(catalogue, [{ from: { line: 'conseil' }, requires: { line: 'conseil' } }])).toEqual(['line:conseil', 'line:conseil']);
  });

  it('compares two grids line by line', () => {
    const rows = compareGrids(grid2023, grid2025);
    expect(rows.filter((r) => r.change !== 'same')).toEqual([
      expect.objectContaining({ line: 'postes-n1', change: 'changed', annualDelta: 12_00 }),
    ]);
    expect(rows).toHaveLength(14);
  });
});
