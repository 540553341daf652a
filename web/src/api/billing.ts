import { z } from 'zod';
// These routes' contracts straight from the server's pure zod schemas (shared.ts re-exports the older ones).
import {
  annualSummarySchema,
  issueResultSchema,
  pesSettingsSchema,
  runPreviewSchema,
  titleDetailSchema,
  titleSchema,
  type paymentInputSchema,
  type titleCancellationSchema,
  type titleReductionSchema,
  type RUN_KINDS,
  type DOCUMENT_KINDS,
} from '../../../src/contracts/billing.ts';
import { queryString, request, requestFile } from './client.ts';

export type RunKind = (typeof RUN_KINDS)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type RunRequest = { kind: RunKind; year: number; index: number };
/** A preview's query: the run and a page of its members (`offset`, `limit`, a search in their names). */
export type PreviewQuery = RunRequest & { offset: number; limit: number; member?: string };
export type RunPreview = z.infer<typeof runPreviewSchema>;
export type MemberBill = RunPreview['members'][number];
export type BillLineView = MemberBill['lines'][number];
export type IssueResult = z.infer<typeof issueResultSchema>;
export type Title = z.infer<typeof titleSchema>;
export type TitleStatus = Title['status'];
export type TitleDetail = z.infer<typeof titleDetailSchema>;
export type PaymentInput = z.input<typeof paymentInputSchema>;
/** A provider's PES settings as saved (the answer) and as sent (defaults left out). */
export type PesSettings = z.infer<typeof pesSettingsSchema>;
export type PesSettingsInput = z.input<typeof pesSettingsSchema>;
/** A title cancelled whole, or reduced line by line (`position` from 0, `amount` « 100,00 » in the line's price basis). */
export type TitleCancellationInput = z.input<typeof titleCancellationSchema>;
export type TitleReductionInput = z.input<typeof titleReductionSchema>;
/** A member's fiscal year of bills, per provider. */
export type AnnualSummary = z.infer<typeof annualSummarySchema>;
export type AnnualSummaryProvider = AnnualSummary['providers'][number];
export type TitleQuery = { providerId?: string; organisationId?: string; runId?: string; fiscalYear?: number; kind?: DocumentKind };

const id = encodeURIComponent;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const billingPath = (agreementId: string) => `/agreements/${id(agreementId)}/billing`;

/** Billing runs of an agreement (staff with `billing:run`): every member's bill explained, then issued all or nothing. */
export const billingApi = {
  preview: (agreementId: string, query: PreviewQuery, signal?: AbortSignal) => request('GET', `${billingPath(agreementId)}/preview`, { query, schema: runPreviewSchema, ...withSignal(signal) }),
  /** Issuing the same period again creates nothing and returns what was issued then (`created: false`). */
  issue: (agreementId: string, body: RunRequest) => request('POST', `${billingPath(agreementId)}/issue`, { body, schema: issueResultSchema }),
  /** A run's documents as a spreadsheet: a plain link, downloaded with the session cookie. */
  runExportUrl: (runId: string, format: 'csv' | 'xlsx') => `/api/v1/billing-runs/${id(runId)}/export${queryString({ format })}`,
  /**
   * A run's receivable titles as a PES V2 file (PES_Aller) for the public accountant: fetched, not linked, since the
   * server refuses (422) a file that fails its validation with every element at fault.
   */
  pesFile: (runId: string) => requestFile(`/billing-runs/${id(runId)}/pes`),
  /** The provider's PES settings (`null` until saved) and their replacement, both checked by `pesSettingsSchema`. */
  pesSettings: (providerId: string, signal?: AbortSignal) => request('GET', `/providers/${id(providerId)}/pes-settings`, { schema: pesSettingsSchema.nullable(), ...withSignal(signal) }),
  savePesSettings: (providerId: string, body: PesSettingsInput) => request('PUT', `/providers/${id(providerId)}/pes-settings`, { body, schema: pesSettingsSchema }),
};

/** Receivable titles, reductions and payment orders: a member reads its own, staff their provider's; payments recorded by `billing:run`. */
export const titleApi = {
  list: (query: TitleQuery, signal?: AbortSignal) => request('GET', '/titles', { query, schema: z.array(titleSchema), ...withSignal(signal) }),
  get: (titleId: string, signal?: AbortSignal) => request('GET', `/titles/${id(titleId)}`, { schema: titleDetailSchema, ...withSignal(signal) }),
  pay: (titleId: string, body: PaymentInput) => request('POST', `/titles/${id(titleId)}/payments`, { body, schema: titleDetailSchema }),
  /** Corrections (`billing:run`): each answers the new numbered document that refers to the title, which never changes. */
  cancel: (titleId: string, body: TitleCancellationInput) => request('POST', `/titles/${id(titleId)}/cancellation`, { body, schema: titleDetailSchema }),
  reduce: (titleId: string, body: TitleReductionInput) => request('POST', `/titles/${id(titleId)}/reduction`, { body, schema: titleDetailSchema }),
  /** The title as PDF, every line explained: a plain link, downloaded with the session cookie. */
  documentUrl: (titleId: string) => `/api/v1/titles/${id(titleId)}/document`,
};

/** A member's annual summary (the member itself, or its provider's staff): lines net of reductions, documents, paid and what remains. */
export const billingSummaryApi = {
  get: (organisationId: string, fiscalYear: number, signal?: AbortSignal) =>
    request('GET', `/organisations/${id(organisationId)}/billing-summary`, { query: { fiscalYear }, schema: annualSummarySchema, ...withSignal(signal) }),
  /** The same summary as PDF or XLSX: a plain link, downloaded with the session cookie. */
  documentUrl: (organisationId: string, fiscalYear: number, format: 'pdf' | 'xlsx') => `/api/v1/organisations/${id(organisationId)}/billing-summary/document${queryString({ fiscalYear, format })}`,
};
