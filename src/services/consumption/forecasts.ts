import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { forecastComparisonSchema, forecastPutResultSchema, forecastPutSchema } from '../../contracts/forecasts.ts';
import { UNITS, type Unit } from '../../domain/catalogue/catalogue.ts';
import { parseAmount } from '../../domain/consumption/fields.ts';
import { periodLabelFr } from '../../domain/consumption/periods.ts';
import { parseOptions, serviceOf } from '../../domain/consumption/snapshot-row.ts';
import type { TableRow } from '../files/table-file.ts';
import type { FORECAST_FILE_COLUMNS } from './record-files.ts';
import { cents, toDecimalString } from '../../domain/money.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { memberIdentifiers, snapshotsOf } from '../../repositories/consumption-repository.ts';
import { forecastsOfProvider, memberForecasts, upsertForecasts } from '../../repositories/forecast-repository.ts';
import { memberInvoiceAmountsByMonth } from '../../repositories/operator-invoice-repository.ts';
import { findOrganisation } from '../../repositories/organisation-repository.ts';
import { optionsLabel } from '../catalogue/catalogue-mapping.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { providerCatalogue } from '../subscriptions/subscription-access.ts';

type Issue = { path: string; message: string };
const optionsText = (options: Record<string, string>) => Object.entries(options).map(([k, v]) => `${k}=${v}`).join(';');
export const optionsOfKey = (key: string): Record<string, string> => Object.fromEntries(key ? key.split('&').map((pair) => pair.split('=') as [string, string]) : []);

/**
 * Records forecast use (seed 001 annex 3 "prévisionnel d'utilisation des services", in units; seed 000 the
 * forecast consumption its provisional quarterly titles bill), all or nothing, keyed by member, line, options,
 * year and quarter: the same rows sent again change nothing, a new figure replaces the old one (audit keeps it).
 */
export async function putForecasts(deps: Deps, principal: Principal, providerId: string, input: z.infer<typeof forecastPutSchema>): Promise<z.infer<typeof forecastPutResultSchema>> {
  require(principal, 'consumption:write');
  assertActsFor(principal, providerId);
  const db = deps.database.db;
  const catalogue = await providerCatalogue(db, providerId);
  const members = await memberIdentifiers(db, providerId);
  const issues: Issue[] = [];
  const rows: { organisationId: string; line: string; optionsKey: string; year: number; quarter: number; units: number | null; amountCents: number | null }[] = [];
  const seen = new Set<string>();
  input.rows.forEach((r, i) => {
    const at = `rows[${i}]`;
    const before = issues.length;
    if (!members.has(r.organisationId)) issues.push({ path: `${at}.organisationId`, message: "cette organisation n'est ni membre ni ancien membre de ce fournisseur" });
    const service = serviceOf(r.line, optionsText(r.options), 0, catalogue);
    if (Array.isArray(service)) issues.push(...service.map((e) => ({ path: `${at}.${e.column === 'line' ? 'line' : 'options'}`, message: e.message })));
    const amount = r.amount === null ? null : parseAmount(r.amount);
    if (r.amount !== null && amount === null) issues.push({ path: `${at}.amount`, message: `montant « ${r.amount} » illisible : attendu des euros avec au plus 2 décimales` });
    if (amount !== null && amount < 0) issues.push({ path: `${at}.amount`, message: 'montant négatif' });
    if (r.units === null && r.amount === null) issues.push({ path: at, message: 'indiquez des unités, un montant, ou les deux' });
    if (issues.length > before || Array.isArray(service)) return;
    const key = `${r.organisationId}|${service.line}|${service.optionsKey}|${r.year}|${r.quarter}`;
    if (seen.has(key)) {
      issues.push({ path: at, message: 'même adhérent, ligne, options et période qu’une ligne précédente' });
      return;
    }
    seen.add(key);
    rows.push({ organisationId: r.organisationId, line: service.line, optionsKey: service.optionsKey, year: r.year, quarter: r.quarter, units: r.units, amountCents: amount });
  });
  if (issues.length) throw new ValidationError('Prévisions refusées : rien n’a été enregistré', issues.slice(0, 1000));
  return deps.database.transaction(async (tx) => {
    const stored = new Map((await forecastsOfProvider(tx.db, providerId, [...new Set(rows.map((r) => r.year))])).map((f) => [`${f.organisationId}|${f.line}|${f.optionsKey}|${f.year}|${f.quarter}`, f]));
    const result = { created: 0, updated: 0, unchanged: 0 };
    const changes = rows.filter((r) => {
      const old = stored.get(`${r.organisationId}|${r.line}|${r.optionsKey}|${r.year}|${r.quarter}`);
      if (!old) result.created++;
      else if (old.units === r.units && old.amountCents === r.amountCents) result.unchanged++;
      else result.updated++;
      return !old || old.units !== r.units || old.amountCents !== r.amountCents;
    });
    if (changes.length) {
      const at = deps.clock.now().toISOString();
      await upsertForecasts(tx.db, changes.map((r) => ({ providerId, ...r, recordedAt: at, actorLabel: principal.label })));
      const before = changes.map((r) => stored.get(`${r.organisationId}|${r.line}|${r.optionsKey}|${r.year}|${r.quarter}`)).filter(Boolean);
      await recordAudit(tx.db, principal, deps.clock.now(), { action: 'import', entityType: 'consumption_forecast', entityId: randomUUID(), organisationId: providerId, before: before.length ? before : undefined, after: { ...result, rows: changes } });
    }
    return result;
  });
}

/**
 * Forecasts from a spreadsheet (one row per member, line, options and period; quarter empty or 0 for the
 * year): members named by SIREN or INSEE code as in every file; errors named by row, nothing written on error.
 */
export async function importForecastFile(deps: Deps, principal: Principal, providerId: string, rows: TableRow<keyof typeof FORECAST_FILE_COLUMNS>[]): Promise<z.infer<typeof forecastPutResultSchema>> {
  require(principal, 'consumption:write');
  assertActsFor(principal, providerId);
  const members = await memberIdentifiers(deps.database.db, providerId);
  const issues: Issue[] = [];
  const input: z.infer<typeof forecastPutSchema>['rows'] = [];
  const integer = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);
  for (const r of rows) {
    const at = `ligne ${r.row}`;
    const before = issues.length;
    const organisationId = members.get(r.member.trim());
    if (!organisationId) issues.push({ path: `${at}, membre`, message: `« ${r.member.trim()} » n'est ni membre ni ancien membre de ce fournisseur` });
    const options = parseOptions(r.options);
    if (!options) issues.push({ path: `${at}, options`, message: `options illisibles « ${r.options} » : attendu par exemple niveau=pro;stockage=25` });
    const year = integer(r.year);
    if (!(year >= 2000 && year <= 2100)) issues.push({ path: `${at}, année`, message: `année « ${r.year} » : attendu AAAA` });
    const quarter = r.quarter.trim() ? integer(r.quarter.replace(/^T/i, '')) : 0;
    if (!(quarter >= 0 && quarter <= 4)) issues.push({ path: `${at}, trimestre`, message: `trimestre « ${r.quarter} » : attendu 1 à 4, ou vide pour l'année` });
    const units = r.units.trim() ? integer(r.units) : null;
    if (Number.isNaN(units)) issues.push({ path: `${at}, unités`, message: `unités « ${r.units} » : un nombre entier positif est attendu` });
    if (issues.length > before) continue;
    input.push({ organisationId: organisationId!, line: r.line.trim(), options: options!, year, quarter, units, amount: r.amount.trim() || null });
  }
  if (!rows.length) issues.push({ path: 'ligne 1', message: 'le fichier ne contient aucune ligne de données' });
  if (issues.length) throw new ValidationError('Prévisions refusées : rien n’a été enregistré', issues.slice(0, 1000));
  try {
    return await putForecasts(deps, principal, providerId, { rows: input });
  } catch (error) {
    // The JSON checks name rows[i]: give them back as the file's rows.
    if (!(error instanceof ValidationError)) throw error;
    const renamed = error.issues.map((issue) => {
      const match = /^rows\[(\d+)\](?:\.(\w+))?/.exec(issue.path);
      const column = { line: 'ligne de service', options: 'options', amount: 'montant', organisationId: 'membre' }[match?.[2] ?? ''] ?? 'ligne entière';
      return match ? { path: `ligne ${rows[Number(match[1])]!.row}, ${column}`, message: issue.message } : issue;
    });
    throw new ValidationError(error.message, renamed);
  }
}

type Comparison = z.infer<typeof forecastComparisonSchema>;
const money = (value: number | null) => (value === null ? null : toDecimalString(cents(value)));

/**
 * A member's forecast beside what it used, per line, for the year and each quarter: units from the monthly
 * snapshots (summed over the period's months) and amounts from operator invoices (excl. VAT).
 */
export async function forecastComparison(deps: Deps, principal: Principal, organisationId: string, year: number, providerId?: string): Promise<Comparison> {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  if (!(await findOrganisation(db, principal.scope, organisationId))) throw new NotFoundError('Organisation');
  const only = principal.scope.kind === 'provider' ? principal.scope.providerId : (providerId ?? null);
  const forecasts = await memberForecasts(db, principal.scope, organisationId, only, year);
  const snapshots = await snapshotsOf(db, only, organisationId, year, year);
  const amounts = await memberInvoiceAmountsByMonth(db, principal.scope, organisationId, only, year, year);
  type Row = Comparison['rows'][number] & { units: (number | null)[]; amounts: (number | null)[] };
  const rows = new Map<string, Row>();
  const row = (p: string, line: string, optionsKey: string): Row => {
    const key = `${p}|${line}|${optionsKey}`;
    let r = rows.get(key);
    if (!r) {
      r = { providerId: p, line, lineName: line, options: '', optionsKey, unit: '', periods: [], units: Array<number | null>(12).fill(null), amounts: Array<number | null>(12).fill(null) };
      rows.set(key, r);
    }
    return r;
  };
  for (const s of snapshots) row(s.providerId, s.line, s.optionsKey).units = s.units.map((u) => u ?? null);
  for (const a of amounts) row(a.providerId, a.line, '').amounts[a.month - 1] = Number(a.amountCents);
  for (const f of forecasts) row(f.providerId, f.line, f.optionsKey);
  const sum = (values: (number | null)[], months: number[]) => (months.some((m) => values[m - 1] !== null) ? months.reduce((t, m) => t + (values[m - 1] ?? 0), 0) : null);
  const catalogues = new Map<string, Awaited<ReturnType<typeof providerCatalogue>>>();
  for (const p of new Set([...rows.values()].map((r) => r.providerId))) catalogues.set(p, await providerCatalogue(db, p));
  const result: Comparison['rows'] = [];
  for (const r of rows.values()) {
    const catalogue = catalogues.get(r.providerId)!;
    const line = catalogue.lines.find((l) => l.code === r.line);
    const periods = [0, 1, 2, 3, 4].map((quarter) => {
      const months = quarter ? [quarter * 3 - 2, quarter * 3 - 1, quarter * 3] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
      const f = forecasts.find((x) => x.providerId === r.providerId && x.line === r.line && x.optionsKey === r.optionsKey && x.quarter === quarter);
      return {
        quarter,
        label: quarter ? periodLabelFr({ kind: 'quarter', year, index: quarter }) : periodLabelFr({ kind: 'year', year, index: 1 }),
        forecastUnits: f?.units ?? null,
        actualUnits: sum(r.units, months),
        forecastAmount: money(f?.amountCents ?? null),
        actualAmount: money(sum(r.amounts, months)),
      };
    });
    result.push({ providerId: r.providerId, line: r.line, lineName: line?.name ?? r.line, options: optionsLabel(catalogue, r.line, optionsOfKey(r.optionsKey)), optionsKey: r.optionsKey, unit: line ? UNITS[line.unit as Unit] : '', periods });
  }
  return { organisationId, year, rows: result.sort((a, b) => a.lineName.localeCompare(b.lineName, 'fr') || a.options.localeCompare(b.options, 'fr')) };
}
