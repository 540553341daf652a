import { describe, expect, it } from 'vitest';
import { SEED_004_CATALOGUE, SEED_004_GRID_2023 } from '../catalogue/seed-004.fixture.ts';
import { civilDate } from '../civil-date.ts';
import { cents, parseEuros, toDecimalString } from '../money.ts';
import { seededRandom } from './seeded-random.ts';
import { budgetIssues, depreciationSchedule, staffProvision, type Budget } from './budget.ts';
import { allocateBudget } from './pools.ts';
import { propose, simulate, type MemberVolumes } from './simulation.ts';
import { reconcile } from './reconciliation.ts';
import { SEED_004_ILLUSTRATIVE_BUDGET as BUDGET } from './seed-004-budget.fixture.ts';
import { unitCostsOf } from './unit-costs.ts';

const LINES = SEED_004_CATALOGUE.lines;
const META = { code: 'proposition-2027', label: 'Proposition 2027', effectiveFrom: civilDate(2027, 1, 1) };
const d = (amount: number) => toDecimalString(cents(amount));

describe('seed 004 illustrative budget', () => {
  it('is consistent with the catalogue', () => {
    expect(budgetIssues(BUDGET, LINES)).toEqual([]);
    expect(budgetIssues({ ...BUDGET, staff: [{ ...BUDGET.staff[6]!, shares: [{ line: 'postes-n1', basisPoints: 1000 }] }] }, LINES)).toEqual([
      { path: 'staff.0.shares', message: 'le personnel de management ou administratif reste à la charge de la structure (convention 004 art. 9.2.1)' },
    ]);
  });

  it('keeps management, administration, premises and non-shared time with the CALL (art. 9.2.1); every euro is accounted for', () => {
    const a = allocateBudget(BUDGET, LINES, 'forecast');
    // 382 000 staff + 187 240 charges + 36 000 + 10 000 depreciation.
    expect(d(a.total)).toBe('615240.00');
    // 70 000 management + 36 000 administration + 25 000 premises + 20 % of 50 000.
    expect(d(a.providerAlone)).toBe('141000.00');
    expect(a.shared + a.providerAlone).toBe(a.total);
    expect(d(a.shared)).toBe('474240.00');
  });

  it('depreciates the servers straight line and puts the year 2027 share into operating costs through the storage key', () => {
    expect(depreciationSchedule(BUDGET.investments[0]!).map((y) => [y.year, d(y.amount)])).toEqual([
      [2023, '36000.00'], [2024, '36000.00'], [2025, '36000.00'], [2026, '36000.00'], [2027, '36000.00'],
    ]);
    // 1 000 € over 3 years: 333.34 + 333.33 + 333.33, the schedule sums to the purchase.
    expect(depreciationSchedule({ id: 'x', label: 'x', amount: parseEuros('1000'), firstYear: 2027, years: 3, target: { kind: 'provider' } }).map((y) => y.amount)).toEqual([33334, 33333, 33333]);
    const flows = allocateBudget(BUDGET, LINES, 'forecast').flows.filter((f) => f.source.id === 'serveurs-2023');
    expect(flows.map((f) => [f.line, d(f.amount)])).toEqual([['hebergement-n1', '27000.00'], ['messagerie', '9000.00']]);
  });

  it('gives unit costs that fall on annex 5 (D5211-16: allocated cost / forecast units), with the breakdown by nature', () => {
    const costs = unitCostsOf(BUDGET, allocateBudget(BUDGET, LINES, 'forecast'));
    expect(Object.fromEntries(costs.map((c) => [c.line, c.unitCost === null ? null : d(c.unitCost)]))).toEqual({
      'socle-reseau': '84.00', 'postes-n1': '204.00', 'postes-n2': '132.00', messagerie: '102.40', 'hebergement-n1': '144.00', 'administration-n2': '48.00',
    });
    const socle = costs.find((c) => c.line === 'socle-reseau')!;
    expect(socle.byNature.map((n) => [n.nature, d(n.amount), n.perUnit === null ? null : d(n.perUnit)])).toEqual([
      ['flows', '30000.00', '30.00'], ['renewal', '22800.00', '22.80'], ['staff', '31200.00', '31.20'],
    ]);
  });

  it('proposes a grid equal to annex 5 when nothing changes: the budget explains the voted prices', () => {
    const proposal = propose(BUDGET, LINES, SEED_004_GRID_2023, META);
    for (const row of proposal.rows) expect([row.line, row.options, row.proposedAnnual]).toEqual([row.line, row.options, row.currentAnnual]);
    expect(proposal.totals.gap).toBe(0);
    // A mailbox line keeps the ratios between its nine prices.
    expect(proposal.lines.find((l) => l.line === 'messagerie')!.method).toBe('scaled');
  });

  it('simulates two more communes: the same costs over more workstations lower the prices (art. 9.2.3)', () => {
    const members: MemberVolumes[] = [
      { memberId: 'lens', name: 'Lens', volumes: [{ line: 'socle-reseau', options: {}, units: 600 }, { line: 'postes-n1', options: {}, units: 500 }, { line: 'messagerie', options: { niveau: 'pro', stockage: '25' }, units: 300 }] },
      { memberId: 'lievin', name: 'Liévin', volumes: [{ line: 'socle-reseau', options: {}, units: 400 }, { line: 'postes-n1', options: {}, units: 300 }] },
    ];
    const joining: MemberVolumes[] = [
      { memberId: 'avion', name: 'Avion', volumes: [{ line: 'socle-reseau', options: {}, units: 60 }, { line: 'postes-n1', options: {}, units: 60 }] },
      { memberId: 'sallaumines', name: 'Sallaumines', volumes: [{ line: 'socle-reseau', options: {}, units: 40 }, { line: 'postes-n1', options: {}, units: 40 }] },
    ];
    const s = simulate({ budget: BUDGET, lines: LINES, current: SEED_004_GRID_2023, members, scenario: { joining, leaving: [], extraCharges: [] }, meta: META });
    const price = (line: string) => d(s.scenarioProposal.grid.prices.find((p) => p.line === line)!.annual!);
    // 84 000 / 1 100 = 76.36…; monthly 6.36 → 76.32 a year. 163 200 / 900 = 181.33… → 15.11 × 12 = 181.32.
    expect([price('socle-reseau'), price('postes-n1'), price('postes-n2')]).toEqual(['76.32', '181.32', '132.00']);
    const lens = s.members.find((m) => m.memberId === 'lens')!;
    expect([d(lens.current), d(lens.proposed), d(lens.scenario)]).toEqual(['184080.00', '184080.00', '168132.00']);
    expect(s.members.find((m) => m.memberId === 'avion')).toMatchObject({ status: 'joining', current: 0, scenario: 60 * (7632 + 18132) });
    expect(s.unpriced).toEqual([]);
  });

  it('reimburses agents made available in proportion to their share of activity (seed 001 art. 3, seed 004 art. 8.1.1)', () => {
    const rows = staffProvision(BUDGET.staff, 'forecast');
    expect(rows.filter((r) => r.id === 'adm-sys' || r.id === 'resp-dmsi').map((r) => [r.id, r.basisPoints, d(r.reimbursed)])).toEqual([
      ['adm-sys', 8000, '40000.00'], ['resp-dmsi', 0, '0.00'],
    ]);
  });
});

describe('unit costs, properties', () => {
  it('a line with costs and no forecast unit is reported, not priced', () => {
    const budget: Budget = { ...BUDGET, forecastUnits: BUDGET.forecastUnits.filter((u) => u.line !== 'administration-n2') };
    const costs = unitCostsOf(budget, allocateBudget(budget, LINES, 'forecast'));
    expect(costs.find((c) => c.line === 'administration-n2')).toMatchObject({ units: 0, unitCost: null });
    expect(propose(budget, LINES, null, META).lines.find((l) => l.line === 'administration-n2')!.method).toBe('unpriced');
  });

  it('for random budgets: pools add up to the shared costs, and a proposal priced at unit cost misses the cost by at most 6.5 cents a year per unit (unit cost and monthly price each rounded once)', () => {
    const random = seededRandom(42);
    for (let run = 0; run < 200; run++) {
      const budget: Budget = {
        ...BUDGET,
        charges: BUDGET.charges.map((c) => ({ ...c, forecast: cents(Math.floor(random() * 10_000_000)) })),
        keys: [{ ...BUDGET.keys[0]!, weights: [{ line: 'hebergement-n1', weight: Math.floor(random() * 100) }, { line: 'messagerie', weight: 1 + Math.floor(random() * 100) }] }],
        forecastUnits: BUDGET.forecastUnits.map((u) => ({ ...u, units: 1 + Math.floor(random() * 3000) })),
      };
      const a = allocateBudget(budget, LINES, 'forecast');
      expect(a.lines.reduce((s, l) => s + l.total, 0)).toBe(a.shared);
      expect(a.shared + a.providerAlone).toBe(a.total);
      const p = propose(budget, LINES, null, META);
      for (const line of p.lines) expect(Math.abs(line.gap)).toBeLessThanOrEqual(line.units * 6.5);
    }
  });
});

describe('reconciliation', () => {
  it('splits the actual costs by actual use and gives each member its true-up; a leaving member pays its share of the whole year (art. 13)', () => {
    const actual = allocateBudget(BUDGET, LINES, 'actual');
    const socle = actual.lines.find((l) => l.line === 'socle-reseau')!;
    // Actual: 60 % of 53 100 + 31 000 + 12 800 + 10 000 depreciation.
    expect(d(socle.total)).toBe('85660.00');
    const use = [
      { memberId: 'lens', name: 'Lens', line: 'socle-reseau', units: 600 },
      { memberId: 'lievin', name: 'Liévin', line: 'socle-reseau', units: 400 },
    ];
    const billed = [
      { memberId: 'lens', line: 'socle-reseau', amount: parseEuros('50400') },
      { memberId: 'lievin', line: 'socle-reseau', amount: parseEuros('33600') },
      { memberId: 'lens', line: 'conseil', amount: parseEuros('1200') },
    ];
    const r = reconcile({ ...actual, lines: [socle] }, use, billed, ['lievin']);
    expect(r.members.map((m) => [m.memberId, m.leaving, d(m.allocated), d(m.billed), d(m.trueUp)])).toEqual([
      ['lens', false, '51396.00', '50400.00', '996.00'],
      ['lievin', true, '34264.00', '33600.00', '664.00'],
    ]);
    expect([d(r.totals.cost), d(r.totals.billed), d(r.totals.surplus)]).toEqual(['85660.00', '84000.00', '-1660.00']);
    expect(r.outsideBudget).toEqual([{ memberId: 'lens', line: 'conseil', amount: 120000 }]);
  });

  it('reports a line with costs and no recorded use instead of guessing', () => {
    const actual = allocateBudget(BUDGET, LINES, 'actual');
    const r = reconcile(actual, [], []);
    expect(r.unallocated.length).toBe(actual.lines.length);
    expect(r.members).toEqual([]);
  });
});
