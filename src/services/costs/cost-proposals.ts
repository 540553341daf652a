import type { z } from 'zod';
import type { ProposalView, SimulationInput, simulationSchema } from '../../contracts/costs.ts';
import { addDays, civilDate, parseCivilDate, type CivilDate } from '../../domain/civil-date.ts';
import { gridInForce, type TariffGrid } from '../../domain/catalogue/tariff-grid.ts';
import { parseOptions } from '../../domain/consumption/snapshot-row.ts';
import type { Budget } from '../../domain/costs/budget.ts';
import type { TariffProposal } from '../../domain/costs/proposal.ts';
import { propose, simulate, type MemberVolumes } from '../../domain/costs/simulation.ts';
import { cents, parseEuros, toDecimalString as euros, type Cents } from '../../domain/money.ts';
import type { Db } from '../../db/database.ts';
import { snapshotRows } from '../../repositories/cost-repository.ts';
import { optionsLabel } from '../catalogue/catalogue-mapping.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { assertProviderStaff, budgetOrThrow, loadCostContext, type CostContext } from './cost-context.ts';
import { budgetIssues } from '../../domain/costs/budget.ts';

const nullable = (amount: Cents | null) => (amount === null ? null : euros(amount));

function percent(bp: number | null): string | null {
  if (bp === null) return null;
  return `${bp > 0 ? '+' : ''}${(bp / 100).toFixed(2).replace('.', ',')}`;
}

export function proposalView(ctx: CostContext, fiscalYear: number, current: TariffGrid | null, proposal: TariffProposal): ProposalView {
  return {
    providerId: ctx.provider.id,
    providerName: ctx.provider.name,
    fiscalYear,
    effectiveFrom: proposal.grid.effectiveFrom,
    currentGrid: current ? { code: current.code, label: current.label, effectiveFrom: current.effectiveFrom } : null,
    rows: proposal.rows.map((r) => ({
      line: r.line,
      lineName: ctx.lineName(r.line),
      options: r.options,
      optionsLabel: optionsLabel(ctx.catalogue, r.line, r.options),
      units: r.units,
      currentAnnual: nullable(r.currentAnnual),
      proposedMonthly: euros(r.proposedMonthly),
      proposedAnnual: euros(r.proposedAnnual),
      changePercent: percent(r.changeBasisPoints),
    })),
    lines: proposal.lines.map((l) => ({ line: l.line, lineName: ctx.lineName(l.line), allocated: euros(l.allocated), units: l.units, unitCost: nullable(l.unitCost), forecastRevenue: euros(l.forecastRevenue), gap: euros(l.gap), method: l.method })),
    totals: { allocated: euros(proposal.totals.allocated), forecastRevenue: euros(proposal.totals.forecastRevenue), gap: euros(proposal.totals.gap) },
  };
}

interface Prepared {
  ctx: CostContext;
  budget: Budget;
  current: TariffGrid | null;
  meta: { code: string; label: string; effectiveFrom: CivilDate };
}

async function prepare(db: Db, principal: Principal, providerId: string, fiscalYear: number, effectiveFrom: string | undefined): Promise<Prepared> {
  require(principal, 'organisation:read');
  assertProviderStaff(principal);
  const ctx = await loadCostContext(db, principal, providerId);
  const budget = await budgetOrThrow(db, providerId, fiscalYear);
  const issues = budgetIssues(budget, ctx.lines);
  if (issues.length) throw new ValidationError('Le budget doit être corrigé avant de proposer une grille', issues);
  const from = effectiveFrom ? parseCivilDate(effectiveFrom) : civilDate(fiscalYear, 1, 1);
  // The grid it replaces: the one in force the day before.
  const current = gridInForce(ctx.grids, addDays(from, -1));
  return { ctx, budget, current, meta: { code: `proposition-${fiscalYear}`, label: `Proposition de grille ${fiscalYear} (budget ${fiscalYear})`, effectiveFrom: from } };
}

export async function getProposal(deps: Deps, principal: Principal, providerId: string, fiscalYear: number, effectiveFrom?: string): Promise<ProposalView> {
  const p = await prepare(deps.database.db, principal, providerId, fiscalYear, effectiveFrom);
  return proposalView(p.ctx, fiscalYear, p.current, propose(p.budget, p.ctx.lines, p.current, p.meta));
}

/**
 * Each member's volumes: per line and options, the last month recorded in the latest year (up to the budget's
 * year) that holds snapshots (seed 004 art. 9.2.3: monthly snapshots of the units consumed).
 */
export async function memberVolumes(db: Db, principal: Principal, providerId: string, fiscalYear: number, organisationId?: string): Promise<MemberVolumes[]> {
  const rows = await snapshotRows(db, principal.scope, providerId, fiscalYear - 3, fiscalYear, organisationId);
  const latest = new Map<string, { name: string; line: string; optionsKey: string; year: number; units: number }>();
  for (const r of rows) {
    const months = (r.units as (number | null)[]).filter((u): u is number => u !== null);
    if (!months.length) continue;
    const key = `${r.organisationId}|${r.line}|${r.optionsKey}`;
    const seen = latest.get(key);
    if (!seen || seen.year < r.year) latest.set(key, { name: r.name, line: r.line, optionsKey: r.optionsKey, year: r.year, units: months[months.length - 1]! });
  }
  const members = new Map<string, MemberVolumes>();
  for (const [key, v] of latest) {
    const memberId = key.split('|')[0]!;
    const m = members.get(memberId) ?? { memberId, name: v.name, volumes: [] };
    m.volumes.push({ line: v.line, options: parseOptions(v.optionsKey) ?? {}, units: v.units });
    members.set(memberId, m);
  }
  return [...members.values()];
}

export async function simulateScenario(deps: Deps, principal: Principal, providerId: string, fiscalYear: number, input: SimulationInput): Promise<z.infer<typeof simulationSchema>> {
  const db = deps.database.db;
  const p = await prepare(db, principal, providerId, fiscalYear, input.effectiveFrom);
  const members = await memberVolumes(db, principal, providerId, fiscalYear);
  const unknown = input.leaving.filter((id) => !members.some((m) => m.memberId === id));
  const issues = [
    ...unknown.map((id) => ({ path: `leaving.${input.leaving.indexOf(id)}`, message: `adhérent ${id} sans consommation connue chez ce fournisseur` })),
    ...input.joining.flatMap((j, i) => j.volumes.filter((v) => !p.ctx.lines.some((l) => l.code === v.line)).map((v) => ({ path: `joining.${i}.volumes`, message: `ligne « ${v.line} » absente du catalogue` }))),
  ];
  if (issues.length) throw new ValidationError('Simulation refusée', issues);
  const sim = simulate({
    budget: p.budget,
    lines: p.ctx.lines,
    current: p.current,
    members,
    scenario: {
      joining: input.joining.map((j, i) => ({ memberId: `nouveau-${i + 1}`, name: j.name, volumes: j.volumes })),
      leaving: input.leaving,
      extraCharges: input.extraCharges.map((c, i) => ({ id: `scenario-${i + 1}`, label: c.label, nature: c.nature, forecast: parseEuros(c.amount), actual: null, target: c.target })),
    },
    meta: p.meta,
  });
  return {
    proposal: proposalView(p.ctx, fiscalYear, p.current, sim.proposal),
    scenarioProposal: proposalView(p.ctx, fiscalYear, p.current, sim.scenarioProposal),
    members: sim.members.map((m) => ({ memberId: m.memberId, name: m.name, status: m.status, current: euros(m.current), proposed: euros(m.proposed), scenario: euros(m.scenario), difference: euros(cents(m.scenario - m.current)), byLine: m.byLine.map((b) => ({ line: b.line, amount: euros(b.amount) })) })),
    totals: { current: euros(sim.totals.current), proposed: euros(sim.totals.proposed), scenario: euros(sim.totals.scenario) },
    unpriced: sim.unpriced,
  };
}
