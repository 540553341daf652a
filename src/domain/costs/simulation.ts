import type { CivilDate } from '../civil-date.ts';
import { optionsKey, type TariffGrid } from '../catalogue/tariff-grid.ts';
import { cents, type Cents } from '../money.ts';
import type { Budget, ForecastUnits, OperatingCharge } from './budget.ts';
import { allocateBudget, type CatalogueLine } from './pools.ts';
import { annualOf, proposeGrid, type TariffProposal } from './proposal.ts';
import { unitCostsOf } from './unit-costs.ts';

/**
 * What each member would pay under the current grid and the proposed one, and what changes when members
 * join or leave: the same costs over more (or fewer) units move the unit costs (seed 004 art. 9.2.3: the
 * grid is revised "en révision du nombre de communes adhérentes").
 */
export interface MemberVolumes {
  memberId: string;
  name: string;
  volumes: ForecastUnits[];
}

export interface Scenario {
  joining: MemberVolumes[];
  leaving: string[];
  /** Charges the change itself brings (a post, licences for the newcomers), forecast amounts. */
  extraCharges: OperatingCharge[];
}

export interface MemberSimulation {
  memberId: string;
  name: string;
  status: 'member' | 'joining' | 'leaving';
  current: Cents;
  proposed: Cents;
  /** Under the scenario's grid; a leaving member pays nothing next year. */
  scenario: Cents;
  /** What the proposed grid (the scenario's for a joining member) charges per line: the cost flows to members. */
  byLine: { line: string; amount: Cents }[];
}

export interface Simulation {
  proposal: TariffProposal;
  scenarioProposal: TariffProposal;
  members: MemberSimulation[];
  totals: { current: Cents; proposed: Cents; scenario: Cents };
  /** Lines or options a member uses that a grid does not price. */
  unpriced: { memberId: string; line: string; options: Record<string, string>; grid: 'current' | 'proposed' | 'scenario' }[];
}

function adjustUnits(units: ForecastUnits[], change: ForecastUnits[], sign: 1 | -1): ForecastUnits[] {
  const result = units.map((u) => ({ ...u }));
  for (const c of change) {
    const existing = result.find((u) => u.line === c.line && optionsKey(u.options) === optionsKey(c.options));
    if (existing) existing.units = Math.max(0, existing.units + sign * c.units);
    else if (sign > 0) result.push({ ...c });
  }
  return result;
}

export function scenarioBudget(budget: Budget, members: readonly MemberVolumes[], scenario: Scenario): Budget {
  let units = adjustUnits(budget.forecastUnits, scenario.joining.flatMap((m) => m.volumes), 1);
  units = adjustUnits(units, members.filter((m) => scenario.leaving.includes(m.memberId)).flatMap((m) => m.volumes), -1);
  return { ...budget, forecastUnits: units, charges: [...budget.charges, ...scenario.extraCharges] };
}

export function propose(budget: Budget, lines: readonly CatalogueLine[], current: TariffGrid | null, meta: { code: string; label: string; effectiveFrom: CivilDate }): TariffProposal {
  return proposeGrid(budget, unitCostsOf(budget, allocateBudget(budget, lines, 'forecast')), current, meta);
}

export function simulate(input: {
  budget: Budget;
  lines: readonly CatalogueLine[];
  current: TariffGrid | null;
  members: readonly MemberVolumes[];
  scenario: Scenario;
  meta: { code: string; label: string; effectiveFrom: CivilDate };
}): Simulation {
  const proposal = propose(input.budget, input.lines, input.current, input.meta);
  const scenarioProposal = propose(scenarioBudget(input.budget, input.members, input.scenario), input.lines, input.current, input.meta);
  const unpriced: Simulation['unpriced'] = [];
  const byLine = (grid: TariffGrid, m: MemberVolumes): { line: string; amount: Cents }[] => {
    const sums = new Map<string, number>();
    for (const v of m.volumes) {
      const price = grid.prices.find((p) => p.line === v.line && optionsKey(p.options) === optionsKey(v.options));
      const annual = price ? annualOf(price) : null;
      if (annual !== null && v.units > 0) sums.set(v.line, (sums.get(v.line) ?? 0) + annual * v.units);
    }
    return [...sums].map(([line, amount]) => ({ line, amount: cents(amount) }));
  };
  const bill = (grid: TariffGrid | null, m: MemberVolumes, which: 'current' | 'proposed' | 'scenario'): Cents => {
    let total = 0;
    for (const v of m.volumes) {
      if (v.units === 0) continue;
      const price = grid?.prices.find((p) => p.line === v.line && optionsKey(p.options) === optionsKey(v.options));
      const annual = price ? annualOf(price) : null;
      if (annual === null) unpriced.push({ memberId: m.memberId, line: v.line, options: v.options, grid: which });
      else total += annual * v.units;
    }
    return cents(total);
  };
  const rows: MemberSimulation[] = [
    ...input.members.map((m) => {
      const leaving = input.scenario.leaving.includes(m.memberId);
      return { memberId: m.memberId, name: m.name, status: leaving ? ('leaving' as const) : ('member' as const), current: bill(input.current, m, 'current'), proposed: bill(proposal.grid, m, 'proposed'), scenario: leaving ? cents(0) : bill(scenarioProposal.grid, m, 'scenario'), byLine: byLine(proposal.grid, m) };
    }),
    ...input.scenario.joining.map((m) => ({ memberId: m.memberId, name: m.name, status: 'joining' as const, current: cents(0), proposed: cents(0), scenario: bill(scenarioProposal.grid, m, 'scenario'), byLine: byLine(scenarioProposal.grid, m) })),
  ];
  const sum = (f: (r: MemberSimulation) => Cents) => cents(rows.reduce((s, r) => s + f(r), 0));
  return { proposal, scenarioProposal, members: rows, totals: { current: sum((r) => r.current), proposed: sum((r) => r.proposed), scenario: sum((r) => r.scenario) }, unpriced };
}
