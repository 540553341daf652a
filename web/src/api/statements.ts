import { z } from 'zod';
// These routes' contracts straight from the server's pure zod schemas (shared.ts re-exports the older ones).
import { forecastComparisonSchema } from '../../../src/contracts/forecasts.ts';
import { telecomStatementSchema, unitsStatementSchema } from '../../../src/contracts/statements.ts';
import { timeEntrySchema } from '../../../src/contracts/time-entries.ts';
import { queryString, request } from './client.ts';

export type TelecomStatement = z.infer<typeof telecomStatementSchema>;
export type UnitsStatement = z.infer<typeof unitsStatementSchema>;
export type ForecastComparison = z.infer<typeof forecastComparisonSchema>;
export type TimeEntry = z.infer<typeof timeEntrySchema>;
export type StatementFormat = 'pdf' | 'xlsx';
export type UnitsPeriodQuery = { year: number; period: 'half' | 'quarter' | 'year'; index: number };

const id = encodeURIComponent;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const organisationPath = (organisationId: string) => `/organisations/${id(organisationId)}`;

/**
 * The statements a member receives (seed 000: telecom by quarter; seed 001: uses in units by half-year) as JSON
 * for the screen, and as PDF or XLSX through plain links the browser downloads with the session cookie.
 */
export const statementApi = {
  telecom: (organisationId: string, year: number, quarter: number, signal?: AbortSignal) =>
    request('GET', `${organisationPath(organisationId)}/statements/telecom`, { query: { year, quarter }, schema: telecomStatementSchema, ...withSignal(signal) }),
  telecomUrl: (organisationId: string, year: number, quarter: number, format: StatementFormat) =>
    `/api/v1${organisationPath(organisationId)}/statements/telecom${queryString({ year, quarter, format })}`,
  units: (organisationId: string, query: UnitsPeriodQuery, signal?: AbortSignal) =>
    request('GET', `${organisationPath(organisationId)}/statements/units`, { query, schema: unitsStatementSchema, ...withSignal(signal) }),
  unitsUrl: (organisationId: string, query: UnitsPeriodQuery, format: StatementFormat) => `/api/v1${organisationPath(organisationId)}/statements/units${queryString({ ...query, format })}`,
  /** The operator's invoice as received (PDF or image), when its copy was filed. */
  invoiceCopyUrl: (invoiceId: string) => `/api/v1/operator-invoices/${id(invoiceId)}/copy`,
};

/** Forecast use compared with the actual, per line, for the year and each quarter. */
export const forecastApi = {
  comparison: (organisationId: string, year: number, signal?: AbortSignal) =>
    request('GET', `${organisationPath(organisationId)}/forecasts`, { query: { year }, schema: forecastComparisonSchema, ...withSignal(signal) }),
};

/** The time spent for one member over a civil year (a member sees its own only). */
export const memberTimeEntries = (organisationId: string, year: number, signal?: AbortSignal) =>
  request('GET', '/time-entries', { query: { organisationId, from: `${year}-01-01`, to: `${year}-12-31` }, schema: z.array(timeEntrySchema), ...withSignal(signal) });
