import type { z } from 'zod';
import type { consumptionSeriesSchema } from '../../contracts/consumption.ts';
import { UNITS, type Unit } from '../../domain/catalogue/catalogue.ts';
import { historyOf, snapshotsOf } from '../../repositories/consumption-repository.ts';
import { organisationNames } from '../../repositories/membership-repository.ts';
import { findOrganisation } from '../../repositories/organisation-repository.ts';
import { optionsLabel } from '../catalogue/catalogue-mapping.ts';
import { loadProviderPricing } from '../catalogue/grid-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { providerCatalogue } from '../subscriptions/subscription-access.ts';
import { memberInvoiceAmountsByMonth } from '../../repositories/operator-invoice-repository.ts';
import { cents, toDecimalString } from '../../domain/money.ts';
import { optionsOfKey } from './forecasts.ts';

type Series = z.infer<typeof consumptionSeriesSchema>;


/**
 * A member's units month by month for a year, with the previous year beside them (seed 000: members follow
 * and analyse their consumption online) and the corrections made. Provider staff see their own provider's.
 */
export async function memberConsumption(deps: Deps, principal: Principal, organisationId: string, year: number, providerId?: string): Promise<Series> {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  if (!(await findOrganisation(db, principal.scope, organisationId))) throw new NotFoundError('Organisation');
  const onlyProvider = principal.scope.kind === 'provider' ? principal.scope.providerId : (providerId ?? null);
  const rows = await snapshotsOf(db, onlyProvider, organisationId, year - 1, year);
  const providers = [...new Set(rows.map((r) => r.providerId))];
  const names = await organisationNames(db, providers);
  const catalogues = new Map(await Promise.all(providers.map(async (p) => [p, (await loadProviderPricing(db, p)).catalogue] as const)));
  const series = new Map<string, Series['series'][number]>();
  for (const row of rows) {
    const key = `${row.providerId}|${row.line}|${row.optionsKey}`;
    let entry = series.get(key);
    if (!entry) {
      const catalogue = catalogues.get(row.providerId)!;
      const line = catalogue.lines.find((l) => l.code === row.line);
      entry = {
        providerId: row.providerId,
        providerName: names.get(row.providerId) ?? '',
        line: row.line,
        lineName: line?.name ?? row.line,
        options: optionsLabel(catalogue, row.line, optionsOfKey(row.optionsKey)),
        unit: line ? UNITS[line.unit as Unit] : '',
        months: Array<number | null>(12).fill(null),
        previousYear: Array<number | null>(12).fill(null),
      };
      series.set(key, entry);
    }
    const target = row.year === year ? entry.months : entry.previousYear;
    row.units.forEach((units, month) => (target[month] = units ?? null));
  }
  // A history row holds a year as it was before an import changed it: the months that differ were corrected.
  const current = new Map(rows.filter((r) => r.year === year).map((r) => [`${r.providerId}|${r.line}|${r.optionsKey}`, r.units]));
  const corrections = (await historyOf(db, onlyProvider, organisationId, year)).flatMap((h) =>
    h.units.flatMap((previous, month) => {
      const now = current.get(`${h.providerId}|${h.line}|${h.optionsKey}`)?.[month];
      return previous !== null && previous !== undefined && now !== previous ? [{ line: h.line, month: `${year}-${String(month + 1).padStart(2, '0')}-01`, previousUnits: previous, replacedAt: h.replacedAt }] : [];
    }),
  );
  return { organisationId, year, series: [...series.values()].filter((s) => s.months.some((m) => m !== null)), corrections, amounts: await amountSeries(deps, principal, organisationId, year, onlyProvider) };
}

/** Operator consumption by type of service, month by month, this year and the previous one (seed 000). */
async function amountSeries(deps: Deps, principal: Principal, organisationId: string, year: number, onlyProvider: string | null): Promise<Series['amounts']> {
  const db = deps.database.db;
  const rows = await memberInvoiceAmountsByMonth(db, principal.scope, organisationId, onlyProvider, year - 1, year);
  const providers = [...new Set(rows.map((r) => r.providerId))];
  const names = await organisationNames(db, providers);
  const lineNames = new Map<string, string>();
  for (const p of providers) for (const l of (await providerCatalogue(db, p)).lines) lineNames.set(`${p}|${l.code}`, l.name);
  const series = new Map<string, Series['amounts'][number]>();
  for (const r of rows) {
    const key = `${r.providerId}|${r.line}`;
    const entry = series.get(key) ?? { providerId: r.providerId, providerName: names.get(r.providerId) ?? '', line: r.line, lineName: lineNames.get(key) ?? r.line, months: Array<string | null>(12).fill(null), previousYear: Array<string | null>(12).fill(null) };
    (r.year === year ? entry.months : entry.previousYear)[r.month - 1] = toDecimalString(cents(Number(r.amountCents)));
    series.set(key, entry);
  }
  return [...series.values()].filter((s) => s.months.some((m) => m !== null)).sort((a, b) => a.lineName.localeCompare(b.lineName, 'fr'));
}
