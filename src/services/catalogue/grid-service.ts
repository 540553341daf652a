import type { z } from 'zod';
import type { GridInput, GridView, gridComparisonSchema, gridSummarySchema, priceLookupSchema } from '../../contracts/catalogue.ts';
import { compareGrids } from '../../domain/catalogue/grid-comparison.ts';
import { cumulativeAnnual, gridInForce, gridIssues, priceOn, type GridIssueKind, type TariffGrid } from '../../domain/catalogue/tariff-grid.ts';
import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import { parseCivilDate, type CivilDate } from '../../domain/civil-date.ts';
import { toDecimalString } from '../../domain/money.ts';
import type { Db } from '../../db/database.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { insertGrid, listGridRows, loadCatalogueRows, loadPricesOf } from '../../repositories/catalogue-repository.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { canonicalJson, canonicalSet } from '../canonical-json.ts';
import { assertActsFor, visibleProviderOrThrow } from './catalogue-service.ts';
import { decimalOrNull, documentToDomain, gridInputToDomain, gridRowsToDomain, gridToRows, optionsLabel, rowsToDocument } from './catalogue-mapping.ts';

/** Grid problems that make a grid unusable; the others (12 × monthly ≠ annual, another annex differs…) are stored and shown. */
export const BLOCKING_GRID_ISSUES: GridIssueKind[] = ['unknown_line', 'bad_options', 'duplicate', 'no_amount'];

export async function loadProviderPricing(db: Db, providerId: string): Promise<{ catalogue: Catalogue; grids: TariffGrid[] }> {
  const rows = await loadCatalogueRows(db, providerId);
  const gridRows = await listGridRows(db, providerId);
  const prices = await loadPricesOf(db, gridRows.map((g) => g.id));
  return { catalogue: documentToDomain(rowsToDocument(rows)), grids: gridRows.map((g) => gridRowsToDomain(g, prices)) };
}

function summary(grid: TariffGrid, inForce: TariffGrid | null): z.infer<typeof gridSummarySchema> {
  return {
    code: grid.code,
    label: grid.label,
    effectiveFrom: grid.effectiveFrom,
    deliberation: grid.deliberation ? { organ: grid.deliberation.organ, number: grid.deliberation.number ?? null, date: grid.deliberation.date } : null,
    prices: grid.prices.length,
    inForce: inForce?.code === grid.code,
  };
}

export async function listGrids(deps: Deps, principal: Principal, providerId: string) {
  require(principal, 'organisation:read');
  await visibleProviderOrThrow(deps.database.db, principal.scope, providerId);
  const { grids } = await loadProviderPricing(deps.database.db, providerId);
  const current = gridInForce(grids, deps.clock.today());
  return grids.map((g) => summary(g, current));
}

function findGrid(grids: TariffGrid[], code: string): TariffGrid {
  const grid = grids.find((g) => g.code === code);
  if (!grid) throw new NotFoundError('Grille tarifaire');
  return grid;
}

export function gridView(grid: TariffGrid, catalogue: Catalogue, inForce: TariffGrid | null): GridView {
  const lineName = (code: string) => catalogue.lines.find((l) => l.code === code)?.name ?? code;
  return {
    ...summary(grid, inForce),
    prices: grid.prices.map((p) => {
      const line = catalogue.lines.find((l) => l.code === p.line);
      const cumulative = line?.additiveTo ? cumulativeAnnual(grid, catalogue, p.line, p.options) : null;
      return {
        line: p.line,
        lineName: lineName(p.line),
        options: p.options,
        optionsLabel: optionsLabel(catalogue, p.line, p.options),
        monthly: decimalOrNull(p.monthly),
        annual: decimalOrNull(p.annual),
        perUnit: decimalOrNull(p.perUnit),
        vat: p.vat.mode,
        vatRate: p.vat.mode === 'not_subject' ? null : String(p.vat.rateBasisPoints / 100),
        minimumQuantity: p.minimumQuantity ?? null,
        cumulativeAnnual: cumulative === null ? null : toDecimalString(cumulative),
        statedElsewhere: (p.statedElsewhere ?? []).map((s) => ({
          document: s.document,
          ...(s.monthly !== undefined ? { monthly: toDecimalString(s.monthly) } : {}),
          ...(s.annual !== undefined ? { annual: toDecimalString(s.annual) } : {}),
          ...(s.perUnit !== undefined ? { perUnit: toDecimalString(s.perUnit) } : {}),
        })),
      };
    }),
    issues: gridIssues(grid, catalogue),
  };
}

export async function getGrid(deps: Deps, principal: Principal, providerId: string, code: string): Promise<GridView> {
  require(principal, 'organisation:read');
  await visibleProviderOrThrow(deps.database.db, principal.scope, providerId);
  const { catalogue, grids } = await loadProviderPricing(deps.database.db, providerId);
  return gridView(findGrid(grids, code), catalogue, gridInForce(grids, deps.clock.today()));
}

/** Stores a new grid version inside the caller's transaction; an identical grid already stored is left as is. */
export async function writeGrid(db: Db, principal: Principal, at: Date, providerId: string, input: GridInput, path = ''): Promise<'created' | 'unchanged'> {
  const { catalogue, grids } = await loadProviderPricing(db, providerId);
  const grid = gridInputToDomain(input);
  const existing = grids.find((g) => g.code === grid.code);
  if (existing) {
    // Prices are a set: the order they are listed in (file, database) carries no meaning.
    if (canonicalJson({ ...existing, prices: canonicalSet(existing.prices) }) === canonicalJson({ ...grid, prices: canonicalSet(grid.prices) })) return 'unchanged';
    throw new ValidationError('Grille déjà enregistrée', [{ path: `${path}code`, message: `la grille « ${grid.code} » existe déjà avec d'autres prix : une grille votée ne se modifie pas, créez une nouvelle version` }]);
  }
  const sameDate = grids.find((g) => g.effectiveFrom === grid.effectiveFrom);
  if (sameDate) throw new ValidationError('Date déjà occupée', [{ path: `${path}effectiveFrom`, message: `la grille « ${sameDate.code} » prend déjà effet le ${grid.effectiveFrom}` }]);
  const blocking = gridIssues(grid, catalogue).filter((i) => BLOCKING_GRID_ISSUES.includes(i.kind));
  if (blocking.length) {
    throw new ValidationError('Grille invalide', blocking.map((i) => ({ path: `${path}prices[${grid.prices.findIndex((p) => p.line === i.line && canonicalJson(p.options) === canonicalJson(i.options))}]`, message: i.message })));
  }
  await insertGrid(
    db,
    {
      providerId,
      code: grid.code,
      label: grid.label,
      effectiveFrom: grid.effectiveFrom,
      deliberationOrgan: grid.deliberation?.organ ?? null,
      deliberationNumber: grid.deliberation?.number ?? null,
      deliberationDate: grid.deliberation?.date ?? null,
      createdAt: at.toISOString(),
    },
    gridToRows(grid),
  );
  await recordAudit(db, principal, at, { action: 'create', entityType: 'tariff_grid', entityId: `${providerId}/${grid.code}`, organisationId: providerId, after: input });
  return 'created';
}

export async function createGrid(deps: Deps, principal: Principal, providerId: string, input: GridInput): Promise<GridView> {
  require(principal, 'tariff:write');
  assertActsFor(principal, providerId);
  await deps.database.transaction(async ({ db }) => {
    await visibleProviderOrThrow(db, principal.scope, providerId);
    await writeGrid(db, principal, deps.clock.now(), providerId, input);
  });
  return getGrid(deps, principal, providerId, input.code);
}

export async function compareGridVersions(deps: Deps, principal: Principal, providerId: string, from: string, to: string): Promise<z.infer<typeof gridComparisonSchema>> {
  require(principal, 'organisation:read');
  await visibleProviderOrThrow(deps.database.db, principal.scope, providerId);
  const { catalogue, grids } = await loadProviderPricing(deps.database.db, providerId);
  const [a, b] = [findGrid(grids, from), findGrid(grids, to)];
  const current = gridInForce(grids, deps.clock.today());
  const amounts = (p: TariffGrid['prices'][number] | null) => (p ? { monthly: decimalOrNull(p.monthly), annual: decimalOrNull(p.annual), perUnit: decimalOrNull(p.perUnit) } : null);
  return {
    from: summary(a, current),
    to: summary(b, current),
    rows: compareGrids(a, b).map((r) => ({
      line: r.line,
      lineName: catalogue.lines.find((l) => l.code === r.line)?.name ?? r.line,
      optionsLabel: optionsLabel(catalogue, r.line, r.options),
      options: r.options,
      change: r.change,
      before: amounts(r.before),
      after: amounts(r.after),
      annualDelta: r.annualDelta === null ? null : toDecimalString(r.annualDelta),
    })),
  };
}

export async function lookupPrice(deps: Deps, principal: Principal, providerId: string, line: string, date: string, options: Record<string, string>): Promise<z.infer<typeof priceLookupSchema>> {
  require(principal, 'organisation:read');
  await visibleProviderOrThrow(deps.database.db, principal.scope, providerId);
  const { catalogue, grids } = await loadProviderPricing(deps.database.db, providerId);
  const on: CivilDate = parseCivilDate(date);
  const result = priceOn(grids, catalogue, line, options, on);
  if (!result.ok) throw new ValidationError('Aucun prix applicable', [{ path: result.reason === 'bad_options' ? 'options' : result.reason === 'no_grid' ? 'date' : 'line', message: result.message }]);
  return {
    grid: result.grid.code,
    line,
    monthly: decimalOrNull(result.price.monthly),
    annual: decimalOrNull(result.price.annual),
    perUnit: decimalOrNull(result.price.perUnit),
    vat: result.price.vat.mode,
    vatRate: result.price.vat.mode === 'not_subject' ? null : String(result.price.vat.rateBasisPoints / 100),
  };
}
