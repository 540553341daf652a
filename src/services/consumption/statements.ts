import type { z } from 'zod';
import type { telecomStatementSchema, unitsStatementSchema } from '../../contracts/statements.ts';
import { UNITS, type Unit } from '../../domain/catalogue/catalogue.ts';
import { monthNameFr, periodBounds, periodLabelFr, type Period } from '../../domain/consumption/periods.ts';
import { telecomStatement, unitsStatement } from '../../domain/consumption/statements.ts';
import { cents, toDecimalString } from '../../domain/money.ts';
import type { Db } from '../../db/database.ts';
import { snapshotsOf } from '../../repositories/consumption-repository.ts';
import { memberForecasts } from '../../repositories/forecast-repository.ts';
import { organisationNames } from '../../repositories/membership-repository.ts';
import { memberInvoiceLines, penaltyRows } from '../../repositories/operator-invoice-repository.ts';
import { findOrganisation } from '../../repositories/organisation-repository.ts';
import { optionsLabel } from '../catalogue/catalogue-mapping.ts';
import { require, type Principal } from '../context.ts';
import type { Deps } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { providerCatalogue } from '../subscriptions/subscription-access.ts';
import { optionsOfKey } from './forecasts.ts';

export type TelecomStatementView = z.infer<typeof telecomStatementSchema>;
export type UnitsStatementView = z.infer<typeof unitsStatementSchema>;
const money = (value: number) => toDecimalString(cents(value));

/** The member, checked visible, and the provider the statement is limited to (provider staff: their own). */
async function subject(deps: Deps, principal: Principal, organisationId: string, providerId: string | undefined) {
  require(principal, 'organisation:read');
  const organisation = await findOrganisation(deps.database.db, principal.scope, organisationId);
  if (!organisation) throw new NotFoundError('Organisation');
  return { organisation, only: principal.scope.kind === 'provider' ? principal.scope.providerId : (providerId ?? null) };
}

/** What both statements start with: the member, the period, and each provider's name and catalogue. */
async function statementFrame(db: Db, organisation: { id: string; name: string }, period: Period, providers: string[]) {
  const names = await organisationNames(db, providers);
  const catalogues = new Map<string, Awaited<ReturnType<typeof providerCatalogue>>>();
  for (const p of providers) catalogues.set(p, await providerCatalogue(db, p));
  const { from, to } = periodBounds(period);
  return { names, catalogues, header: { organisationId: organisation.id, organisationName: organisation.name, periodLabel: periodLabelFr(period), from, to } };
}

/**
 * A member's quarterly statement of telecom consumption by type of service (seed 000 art. 4.2: "un état
 * trimestriel de ses consommations par type de prestation"), with the invoices it comes from, the penalties
 * received and the forecast the provisional title billed; one per provider the member has such data with.
 */
export async function telecomStatementFor(deps: Deps, principal: Principal, organisationId: string, query: { year: number; quarter: number; providerId?: string | undefined }): Promise<TelecomStatementView> {
  const { organisation, only } = await subject(deps, principal, organisationId, query.providerId);
  const db = deps.database.db;
  const period: Period = { kind: 'quarter', year: query.year, index: query.quarter };
  const { from, to } = periodBounds(period);
  const lines = await memberInvoiceLines(db, principal.scope, organisationId, only, from, to);
  const penalties = (await penaltyRows(db, principal.scope, { providerId: only, organisationId, from, to })).map((r) => r.penalty);
  const forecasts = (await memberForecasts(db, principal.scope, organisationId, only, query.year)).filter((f) => f.quarter === query.quarter && f.amountCents !== null);
  const providers = only ? [only] : [...new Set([...lines.map((l) => l.providerId), ...penalties.map((p) => p.providerId), ...forecasts.map((f) => f.providerId)])].sort();
  const { names, catalogues: lineCatalogues, header } = await statementFrame(db, organisation, period, providers);
  return {
    ...header,
    statements: providers.map((providerId) => {
      const mine = forecasts.filter((f) => f.providerId === providerId);
      const statement = telecomStatement(
        lines.filter((l) => l.providerId === providerId),
        penalties.filter((p) => p.providerId === providerId),
        mine.length ? mine.reduce((sum, f) => sum + f.amountCents!, 0) : null,
        (code) => lineCatalogues.get(providerId)?.lines.find((l) => l.code === code)?.name ?? code,
      );
      return {
        providerId,
        providerName: names.get(providerId) ?? '',
        byType: statement.byType.map((t) => ({ line: t.line, lineName: t.lineName, lines: t.lines, amount: money(t.amountCents), vat: money(t.vatCents), total: money(t.totalCents) })),
        invoices: statement.invoices.map(({ amountCents, vatCents, ...i }) => ({ ...i, amount: money(amountCents), vat: money(vatCents) })),
        penalties: statement.penalties.map((p) => ({ operator: p.operator, marketLot: p.marketLot, receivedOn: p.receivedOn, amount: money(p.amountCents), reason: p.reason })),
        amount: money(statement.amountCents),
        vat: money(statement.vatCents),
        total: money(statement.totalCents),
        penaltiesAmount: money(statement.penaltiesCents),
        forecastAmount: statement.forecastCents === null ? null : money(statement.forecastCents),
        difference: statement.differenceCents === null ? null : money(statement.differenceCents),
      };
    }),
  };
}

/**
 * A member's statement of uses in units over a half-year (seed 001 art. 5.2: "un état semestriel […] indiquant
 * la liste des recours au service, convertis en unités de fonctionnement"), a quarter or a year, from the
 * monthly snapshots, beside the forecast of use (seed 001 annex 3).
 */
export async function unitsStatementFor(deps: Deps, principal: Principal, organisationId: string, query: { year: number; period: 'half' | 'quarter' | 'year'; index: number; providerId?: string | undefined }): Promise<UnitsStatementView> {
  const { organisation, only } = await subject(deps, principal, organisationId, query.providerId);
  const db = deps.database.db;
  const period: Period = { kind: query.period, year: query.year, index: query.period === 'year' ? 1 : query.index };
  const { from, to } = periodBounds(period);
  const snapshots = await snapshotsOf(db, only, organisationId, query.year, query.year);
  const forecasts = (await memberForecasts(db, principal.scope, organisationId, only, query.year)).filter((f) => f.units !== null);
  const providers = only ? [only] : [...new Set([...snapshots.map((s) => s.providerId), ...forecasts.map((f) => f.providerId)])].sort();
  const { names, catalogues: lineCatalogues, header } = await statementFrame(db, organisation, period, providers);
  return {
    ...header,
    statements: providers.map((providerId) => {
      const catalogue = lineCatalogues.get(providerId)!;
      const rows = unitsStatement(
        snapshots.filter((s) => s.providerId === providerId).map((s) => ({ line: s.line, optionsKey: s.optionsKey, months: s.units })),
        forecasts.filter((f) => f.providerId === providerId),
        period,
      );
      return {
        providerId,
        providerName: names.get(providerId) ?? '',
        rows: rows.map((r) => {
          const line = catalogue.lines.find((l) => l.code === r.line);
          return {
            ...r,
            lineName: line?.name ?? r.line,
            options: optionsLabel(catalogue, r.line, optionsOfKey(r.optionsKey)),
            unit: line ? UNITS[line.unit as Unit] : '',
            months: r.months.map((m) => ({ ...m, label: monthNameFr(m.month) })),
          };
        }),
      };
    }),
  };
}
