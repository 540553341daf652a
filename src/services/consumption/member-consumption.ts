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

type Series = z.infer<typeof consumptionSeriesSchema>;

const optionsOf = (key: string): Record<string, string> => Object.fromEntries(key ? key.split('&').map((pair) => pair.split('=') as [string, string]) : []);

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
        options: optionsLabel(catalogue, row.line, optionsOf(row.optionsKey)),
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
  return { organisationId, year, series: [...series.values()].filter((s) => s.months.some((m) => m !== null)), corrections };
}
