import { z } from 'zod';
import {
  consumptionSeriesSchema,
  perimeterSchema,
  quoteSchema,
  requestPreviewSchema,
  snapshotImportResultSchema,
  subscriptionRequestSchema,
  type lineEventInputSchema,
  type perimeterInputSchema,
  type prerequisiteCheckInputSchema,
  type quantityInputSchema,
  type quoteAcceptanceSchema,
  type quoteInputSchema,
  type requestInputSchema,
  type taskDoneSchema,
  type taskInputSchema,
} from '../shared.ts';
import { queryString, request } from './client.ts';

export type RequestInput = z.input<typeof requestInputSchema>;
export type LineEventInput = z.input<typeof lineEventInputSchema>;
export type QuantityInput = z.input<typeof quantityInputSchema>;
export type TaskInput = z.input<typeof taskInputSchema>;
export type TaskDone = z.input<typeof taskDoneSchema>;
export type PrerequisiteCheckInput = z.input<typeof prerequisiteCheckInputSchema>;
export type PerimeterInput = z.input<typeof perimeterInputSchema>;
export type QuoteInput = z.input<typeof quoteInputSchema>;
export type QuoteAcceptance = z.input<typeof quoteAcceptanceSchema>;

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const id = encodeURIComponent;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** Perimeters, requests, decisions on lines, tasks and prerequisites (subscription routes). */
export const subscriptionApi = {
  perimeter: (organisationId: string, providerId: string, signal?: AbortSignal) =>
    request('GET', `/organisations/${id(organisationId)}/perimeter`, { query: { providerId }, schema: perimeterSchema.nullable(), ...withSignal(signal) }),
  recordPerimeter: (organisationId: string, body: PerimeterInput) => request('POST', `/organisations/${id(organisationId)}/perimeter`, { body, schema: perimeterSchema }),
  list: (filter: { providerId?: string; organisationId?: string }, signal?: AbortSignal) =>
    request('GET', '/subscription-requests', { query: filter, schema: z.array(subscriptionRequestSchema), ...withSignal(signal) }),
  submit: (body: RequestInput) => request('POST', '/subscription-requests', { body, schema: subscriptionRequestSchema }),
  /** Every check and the year's estimate of a request being written; nothing is saved. */
  preview: (body: RequestInput, year: number | undefined, signal?: AbortSignal) =>
    request('POST', '/subscription-requests/preview', { query: { year }, body, schema: requestPreviewSchema, ...withSignal(signal) }),
  event: (lineId: string, body: LineEventInput) => request('POST', `/subscription-lines/${id(lineId)}/events`, { body, schema: subscriptionRequestSchema }),
  quantity: (lineId: string, body: QuantityInput) => request('POST', `/subscription-lines/${id(lineId)}/quantities`, { body, schema: subscriptionRequestSchema }),
  /** A plain link: the browser downloads the opening record with the session cookie. */
  openingRecordUrl: (lineId: string, format: 'pdf' | 'docx') => `/api/v1/subscription-lines/${id(lineId)}/opening-record${queryString({ format })}`,
  addTask: (requestId: string, body: TaskInput) => request('POST', `/subscription-requests/${id(requestId)}/tasks`, { body, schema: subscriptionRequestSchema }),
  taskDone: (taskId: string, body: TaskDone) => request('POST', `/subscription-tasks/${id(taskId)}/done`, { body, schema: subscriptionRequestSchema }),
  checkPrerequisite: (requestId: string, body: PrerequisiteCheckInput) =>
    request('POST', `/subscription-requests/${id(requestId)}/prerequisite-checks`, { body, schema: subscriptionRequestSchema }),
};

/** Quotes: written by the provider's staff, sent, signed or declined; the PDF as a plain link. */
export const quoteApi = {
  list: (filter: { providerId?: string; organisationId?: string }, signal?: AbortSignal) =>
    request('GET', '/quotes', { query: filter, schema: z.array(quoteSchema), ...withSignal(signal) }),
  create: (body: QuoteInput) => request('POST', '/quotes', { body, schema: quoteSchema }),
  send: (quoteId: string, sentOn: string) => request('POST', `/quotes/${id(quoteId)}/send`, { body: { sentOn }, schema: quoteSchema }),
  accept: (quoteId: string, body: QuoteAcceptance) => request('POST', `/quotes/${id(quoteId)}/acceptance`, { body, schema: quoteSchema }),
  decline: (quoteId: string, declinedOn: string) => request('POST', `/quotes/${id(quoteId)}/decline`, { body: { declinedOn }, schema: quoteSchema }),
  documentUrl: (quoteId: string) => `/api/v1/quotes/${id(quoteId)}/document`,
  signedDocumentUrl: (quoteId: string) => `/api/v1/quotes/${id(quoteId)}/signed-document`,
};

/** Monthly snapshots imported from a file (all or nothing), and a member's units month by month. */
export const consumptionApi = {
  importFile: (providerId: string, file: Blob, fileName: string, dryRun: boolean) =>
    request('POST', `/providers/${id(providerId)}/snapshots/import`, {
      query: { fileName, dryRun },
      raw: { contentType: /\.xlsx$/i.test(fileName) ? XLSX : 'text/csv', data: file },
      schema: snapshotImportResultSchema,
    }),
  ofOrganisation: (organisationId: string, year: number, signal?: AbortSignal) =>
    request('GET', `/organisations/${id(organisationId)}/consumption`, { query: { year }, schema: consumptionSeriesSchema, ...withSignal(signal) }),
};
