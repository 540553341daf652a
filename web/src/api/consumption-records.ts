import { z } from 'zod';
import {
  invoiceImportResultSchema,
  operatorInvoiceSchema,
  operatorInvoiceSummarySchema,
  penaltySchema,
  timeEntrySchema,
  timeImportResultSchema,
  timeSummarySchema,
  type invoiceCopySchema,
  type penaltyInputSchema,
  type timeEntryInputSchema,
} from '../shared.ts';
import { request } from './client.ts';

export type TimeEntry = z.infer<typeof timeEntrySchema>;
export type TimeEntryInput = z.input<typeof timeEntryInputSchema>;
export type TimeImportResult = z.infer<typeof timeImportResultSchema>;
export type TimeSummary = z.infer<typeof timeSummarySchema>;
export type SummaryPeriod = TimeSummary['period'];
export type OperatorInvoiceSummary = z.infer<typeof operatorInvoiceSummarySchema>;
export type OperatorInvoice = z.infer<typeof operatorInvoiceSchema>;
export type InvoiceImportResult = z.infer<typeof invoiceImportResultSchema>;
export type InvoiceCopy = z.input<typeof invoiceCopySchema>;
export type Penalty = z.infer<typeof penaltySchema>;
export type PenaltyInput = z.input<typeof penaltyInputSchema>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const id = encodeURIComponent;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
/** A file sent raw: XLSX by its name, CSV otherwise (the server reads both). */
const rawFile = (file: Blob, fileName: string) => ({ contentType: /\.xlsx$/i.test(fileName) ? XLSX : 'text/csv', data: file });

/** Time spent for members: entered one by one or imported from a ticketing tool's export, listed, summed, deleted. */
export const timeEntryApi = {
  list: (filter: { from: string; to: string; providerId?: string; organisationId?: string }, signal?: AbortSignal) =>
    request('GET', '/time-entries', { query: filter, schema: z.array(timeEntrySchema), ...withSignal(signal) }),
  summary: (query: { year: number; period: SummaryPeriod; providerId?: string; organisationId?: string }, signal?: AbortSignal) =>
    request('GET', '/time-entries/summary', { query, schema: timeSummarySchema, ...withSignal(signal) }),
  create: (providerId: string, body: TimeEntryInput) => request('POST', `/providers/${id(providerId)}/time-entries`, { body, schema: timeImportResultSchema }),
  remove: (entryId: string) => request('DELETE', `/time-entries/${id(entryId)}`),
  importFile: (providerId: string, file: Blob, fileName: string, dryRun: boolean) =>
    request('POST', `/providers/${id(providerId)}/time-entries/import`, { query: { fileName, dryRun }, raw: rawFile(file, fileName), schema: timeImportResultSchema }),
};

/** Operator invoices passed through to members (seed 000 art. 4.2): imported, listed, paid, with their copy. */
export const operatorInvoiceApi = {
  list: (filter: { from: string; to: string; providerId?: string }, signal?: AbortSignal) =>
    request('GET', '/operator-invoices', { query: filter, schema: z.array(operatorInvoiceSummarySchema), ...withSignal(signal) }),
  get: (invoiceId: string, signal?: AbortSignal) => request('GET', `/operator-invoices/${id(invoiceId)}`, { schema: operatorInvoiceSchema, ...withSignal(signal) }),
  importFile: (providerId: string, file: Blob, fileName: string, dryRun: boolean) =>
    request('POST', `/providers/${id(providerId)}/operator-invoices/import`, { query: { fileName, dryRun }, raw: rawFile(file, fileName), schema: invoiceImportResultSchema }),
  pay: (invoiceId: string, paidOn: string) => request('POST', `/operator-invoices/${id(invoiceId)}/payment`, { body: { paidOn }, schema: operatorInvoiceSchema }),
  attachCopy: (invoiceId: string, body: InvoiceCopy) => request('PUT', `/operator-invoices/${id(invoiceId)}/copy`, { body, schema: operatorInvoiceSchema }),
  /** A plain link: the browser downloads the copy with the session cookie. */
  copyUrl: (invoiceId: string) => `/api/v1/operator-invoices/${id(invoiceId)}/copy`,
};

/** Penalties received from operators for a member's services, paid back to the member at year end. */
export const penaltyApi = {
  list: (query: { year: number; providerId?: string }, signal?: AbortSignal) => request('GET', '/penalties', { query, schema: z.array(penaltySchema), ...withSignal(signal) }),
  create: (providerId: string, body: PenaltyInput) => request('POST', `/providers/${id(providerId)}/penalties`, { body, schema: penaltySchema }),
};
