import type { z } from 'zod';
import type { UnitCostInput, unitCostViewSchema } from '../../contracts/catalogue.ts';
import { COST_NATURES, computeUnitCost, unitCostChangeInTime, unitCostNoticeDeadline, type CostNature } from '../../domain/catalogue/unit-cost.ts';
import { parseCivilDate } from '../../domain/civil-date.ts';
import { cents, parseEuros, toDecimalString } from '../../domain/money.ts';
import type { Db } from '../../db/database.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { findUnitCost, listUnitCostRows, loadCatalogueRows, upsertUnitCost, type UnitCostRow } from '../../repositories/catalogue-repository.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { canonicalJson } from '../canonical-json.ts';
import { assertActsFor, visibleProviderOrThrow } from './catalogue-service.ts';

type StoredCharge = { nature: CostNature; label?: string; amountCents: number };

function view(row: UnitCostRow, lineName: string): z.infer<typeof unitCostViewSchema> {
  const charges = row.charges as StoredCharge[];
  const result = computeUnitCost({ charges: charges.map((c) => ({ nature: c.nature, amount: cents(c.amountCents) })), forecastUnits: row.forecastUnits });
  const deadline = row.budgetAdoption ? unitCostNoticeDeadline(parseCivilDate(row.budgetAdoption), row.noticeMonths) : null;
  return {
    line: row.lineCode,
    lineName,
    fiscalYear: row.fiscalYear,
    forecastUnits: row.forecastUnits,
    total: toDecimalString(result.total),
    unitCost: toDecimalString(result.unitCost),
    breakdown: result.perUnitByNature.map((b) => ({ nature: b.nature, natureLabel: COST_NATURES[b.nature], amount: toDecimalString(b.amount), perUnit: toDecimalString(b.perUnit) })),
    noticeMonths: row.noticeMonths,
    budgetAdoption: row.budgetAdoption,
    notifiedOn: row.notifiedOn,
    noticeDeadline: deadline,
    noticeRespected: row.budgetAdoption && row.notifiedOn ? unitCostChangeInTime(parseCivilDate(row.notifiedOn), parseCivilDate(row.budgetAdoption), row.noticeMonths) : null,
  };
}

export async function listUnitCosts(deps: Deps, principal: Principal, providerId: string) {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  await visibleProviderOrThrow(db, principal.scope, providerId);
  const lines = (await loadCatalogueRows(db, providerId)).lines;
  return (await listUnitCostRows(db, providerId)).map((row) => view(row, lines.find((l) => l.code === row.lineCode)?.name ?? row.lineCode));
}

/** Records the unit cost of a line for a fiscal year, with its charges, inside the caller's transaction. */
export async function writeUnitCost(db: Db, principal: Principal, at: Date, providerId: string, input: UnitCostInput, path = ''): Promise<'created' | 'updated' | 'unchanged'> {
  const lines = (await loadCatalogueRows(db, providerId)).lines;
  if (!lines.some((l) => l.code === input.line)) throw new ValidationError('Coût unitaire invalide', [{ path: `${path}line`, message: `ligne « ${input.line} » absente du catalogue` }]);
  const row = {
    providerId,
    lineCode: input.line,
    fiscalYear: input.fiscalYear,
    forecastUnits: input.forecastUnits,
    charges: input.charges.map((c) => ({ nature: c.nature, ...(c.label ? { label: c.label } : {}), amountCents: parseEuros(c.amount) })),
    noticeMonths: input.noticeMonths,
    budgetAdoption: input.budgetAdoption ?? null,
    notifiedOn: input.notifiedOn ?? null,
  };
  const existing = await findUnitCost(db, providerId, input.line, input.fiscalYear);
  if (existing && canonicalJson({ ...existing, id: undefined }) === canonicalJson(row)) return 'unchanged';
  await upsertUnitCost(db, row);
  await recordAudit(db, principal, at, { action: existing ? 'update' : 'create', entityType: 'unit_cost', entityId: `${providerId}/${input.line}/${input.fiscalYear}`, organisationId: providerId, before: existing, after: row });
  return existing ? 'updated' : 'created';
}

export async function putUnitCost(deps: Deps, principal: Principal, providerId: string, input: UnitCostInput) {
  require(principal, 'tariff:write');
  assertActsFor(principal, providerId);
  await deps.database.transaction(async ({ db }) => {
    await visibleProviderOrThrow(db, principal.scope, providerId);
    await writeUnitCost(db, principal, deps.clock.now(), providerId, input);
  });
  return (await listUnitCosts(deps, principal, providerId)).find((u) => u.line === input.line && u.fiscalYear === input.fiscalYear)!;
}
