import { z } from 'zod';
import {
  accountSchema,
  agreementDetailSchema,
  agreementStateSchema,
  agreementSummarySchema,
  amendmentSchema,
  calendarEntrySchema,
  renewalLetterSchema,
  type amendmentInputSchema,
  type approvalInputSchema,
  type agreementCreateSchema,
  type agreementUpdateSchema,
  type rejectionInputSchema,
  exitOutcomeSchema,
  exitRequestSchema,
  type calendarQuerySchema,
  type exitRequestInputSchema,
  catalogueViewSchema,
  gridComparisonSchema,
  gridSummarySchema,
  gridViewSchema,
  priceLookupSchema,
  unitCostViewSchema,
  type CatalogueDocument,
  type GridInput,
  auditEventSchema,
  contactSchema,
  membershipSchema,
  organisationDetailSchema,
  organisationSchema,
  pageOf,
  providerSummarySchema,
  setupLoadResultSchema,
  territoryImportResultSchema,
  type AccountCreate,
  type AuditQuery,
  type ContactCreate,
  type ContactUpdate,
  type MembershipUpsert,
  type OrganisationCreate,
  type OrganisationListQuery,
  type OrganisationUpdate,
} from '../shared.ts';
import { queryString, request, type Query } from './client.ts';
import { consumptionApi, quoteApi, subscriptionApi } from './subscriptions.ts';
import { governanceApi, kpiApi } from './governance.ts';
import { forecastApi, memberTimeEntries, statementApi } from './statements.ts';
import { operatorInvoiceApi, penaltyApi, timeEntryApi } from './consumption-records.ts';
import { billingApi, billingSummaryApi, titleApi } from './billing.ts';
import { costApi } from './costs.ts';

export const departementCodeSchema = z.string().regex(/^(\d{2,3}|2[AB])$/, 'code de département attendu (ex. 62, 2A, 974)');

/** POST /providers/:id/catalogue/missing-prerequisites: its answer has no named schema in the contracts (defined inline by the route). */
export const missingPrerequisitesSchema = z.array(z.object({ line: z.string(), requires: z.string(), requiresLabel: z.string() }));
export type MissingPrerequisites = z.infer<typeof missingPrerequisitesSchema>;

/** GET /outbox: its answer has no named schema in the contracts (defined inline by the route). */
export const outboxMailSchema = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.string(),
  error: z.string().nullable(),
  kind: z.string(),
});
export type OutboxMail = z.infer<typeof outboxMailSchema>;

/** POST /calendar/feed: the secret path of the subscription feed (inline in the route too). */
export const calendarFeedSchema = z.object({ path: z.string().startsWith('/api/v1/calendar/feed/') });

export type CalendarQuery = Partial<z.infer<typeof calendarQuerySchema>>;
export type ExitRequestInput = z.input<typeof exitRequestInputSchema>;

export type GridExportFormat = 'csv' | 'xlsx' | 'pdf';
export type DocumentFormat = 'docx' | 'pdf';
export type AgreementCreate = z.input<typeof agreementCreateSchema>;
export type AgreementUpdate = z.input<typeof agreementUpdateSchema>;
export type AmendmentInput = z.input<typeof amendmentInputSchema>;
export type ApprovalInput = z.input<typeof approvalInputSchema>;
export type RejectionInput = z.input<typeof rejectionInputSchema>;

/** GET /providers/:id/document-templates: defined inline by the route. Kinds (convention, avenant…) as the server lists them. */
export const templateInfoSchema = z.object({
  kind: z.string().regex(/^[a-z_]+$/),
  label: z.string(),
  custom: z.object({ fileName: z.string(), uploadedAt: z.string() }).nullable(),
  tags: z.array(z.object({ tag: z.string(), description: z.string() })),
});
export type TemplateInfo = z.infer<typeof templateInfoSchema>;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const providerPath = (providerId: string) => `/providers/${encodeURIComponent(providerId)}`;
const agreementPath = (id: string) => `/agreements/${encodeURIComponent(id)}`;
const amendmentPath = (id: string, amendmentId: string) => `${agreementPath(id)}/amendments/${encodeURIComponent(amendmentId)}`;

export type OrganisationFilters = Partial<Omit<OrganisationListQuery, 'limit' | 'offset'>>;

export const api = {
  auth: {
    login: (email: string, password: string) => request('POST', '/auth/login', { body: { email, password }, schema: accountSchema, expect401: true }),
    logout: () => request('POST', '/auth/logout'),
    me: () => request('GET', '/auth/me', { schema: accountSchema, expect401: true }),
    changePassword: (currentPassword: string, newPassword: string) => request('POST', '/auth/password', { body: { currentPassword, newPassword } }),
  },
  organisations: {
    list: (query: OrganisationFilters & { limit?: number; offset?: number }, signal?: AbortSignal) =>
      request('GET', '/organisations', { query: query as Query, schema: pageOf(organisationSchema), ...(signal ? { signal } : {}) }),
    /** The CSV export of a search: a plain link, so the browser downloads it with the session cookie. */
    exportUrl: (filters: OrganisationFilters) => `/api/v1/organisations/export.csv${queryString(filters as Query)}`,
    get: (id: string) => request('GET', `/organisations/${encodeURIComponent(id)}`, { schema: organisationDetailSchema }),
    create: (body: OrganisationCreate) => request('POST', '/organisations', { body, schema: organisationSchema }),
    update: (id: string, body: OrganisationUpdate) => request('PATCH', `/organisations/${encodeURIComponent(id)}`, { body, schema: organisationSchema }),
  },
  contacts: {
    list: (organisationId: string) => request('GET', `/organisations/${encodeURIComponent(organisationId)}/contacts`, { schema: z.array(contactSchema) }),
    create: (organisationId: string, body: ContactCreate) =>
      request('POST', `/organisations/${encodeURIComponent(organisationId)}/contacts`, { body, schema: contactSchema }),
    update: (id: string, body: ContactUpdate) => request('PATCH', `/contacts/${encodeURIComponent(id)}`, { body, schema: contactSchema }),
  },
  providers: {
    list: () => request('GET', '/providers', { schema: z.array(providerSummarySchema) }),
    setMembership: (providerId: string, body: MembershipUpsert) =>
      request('PUT', `/providers/${encodeURIComponent(providerId)}/memberships`, { body, schema: membershipSchema }),
  },
  catalogue: {
    get: (providerId: string, signal?: AbortSignal) => request('GET', `${providerPath(providerId)}/catalogue`, { schema: catalogueViewSchema, ...(signal ? { signal } : {}) }),
    /** Replaces the whole catalogue: the document is rebuilt from the view by `catalogueDocumentOf`. */
    replace: (providerId: string, body: CatalogueDocument & { expectedVersion?: string }) => request('PUT', `${providerPath(providerId)}/catalogue`, { body, schema: catalogueViewSchema }),
    missingPrerequisites: (providerId: string, lines: string[]) =>
      request('POST', `${providerPath(providerId)}/catalogue/missing-prerequisites`, { body: { lines }, schema: missingPrerequisitesSchema }),
  },
  grids: {
    list: (providerId: string) => request('GET', `${providerPath(providerId)}/grids`, { schema: z.array(gridSummarySchema) }),
    get: (providerId: string, code: string) => request('GET', `${providerPath(providerId)}/grids/${encodeURIComponent(code)}`, { schema: gridViewSchema }),
    create: (providerId: string, body: GridInput) => request('POST', `${providerPath(providerId)}/grids`, { body, schema: gridViewSchema }),
    compare: (providerId: string, from: string, to: string, signal?: AbortSignal) =>
      request('GET', `${providerPath(providerId)}/grids/compare`, { query: { from, to }, schema: gridComparisonSchema, ...(signal ? { signal } : {}) }),
    /** A plain link: the browser downloads the file with the session cookie. */
    exportUrl: (providerId: string, code: string, format: GridExportFormat) => `/api/v1${providerPath(providerId)}/grids/${encodeURIComponent(code)}/export.${format}`,
    /** The price of a line on a date; `options` as dimension → value, sent as « niveau=pro&stockage=25 ». */
    lookup: (providerId: string, query: { line: string; date: string; options: Record<string, string> }) =>
      request('GET', `${providerPath(providerId)}/prices`, {
        query: { line: query.line, date: query.date, options: new URLSearchParams(query.options).toString() },
        schema: priceLookupSchema,
      }),
  },
  unitCosts: {
    list: (providerId: string) => request('GET', `${providerPath(providerId)}/unit-costs`, { schema: z.array(unitCostViewSchema) }),
  },
  agreements: {
    list: (providerId?: string, signal?: AbortSignal) =>
      request('GET', '/agreements', { query: { providerId }, schema: z.array(agreementSummarySchema), ...(signal ? { signal } : {}) }),
    /** The agreements an organisation is party to (as provider, second provider or member). */
    ofOrganisation: (organisationId: string, signal?: AbortSignal) =>
      request('GET', '/agreements', { query: { organisationId }, schema: z.array(agreementSummarySchema), ...(signal ? { signal } : {}) }),
    get: (id: string) => request('GET', `/agreements/${encodeURIComponent(id)}`, { schema: agreementDetailSchema }),
    simulateExit: (id: string, body: { party: 'member' | 'provider'; receivedOn: string }) =>
      request('POST', `/agreements/${encodeURIComponent(id)}/exit-simulation`, { body, schema: exitOutcomeSchema }),
    recordExit: (id: string, body: ExitRequestInput) => request('POST', `/agreements/${encodeURIComponent(id)}/exit-requests`, { body, schema: exitRequestSchema }),
    create: (body: AgreementCreate) => request('POST', '/agreements', { body, schema: agreementDetailSchema }),
    /** Corrects the record; `expectedUpdatedAt` is the detail's `updatedAt` (409 when someone saved meanwhile). */
    update: (id: string, body: AgreementUpdate) => request('PUT', agreementPath(id), { body, schema: agreementDetailSchema }),
    /** The agreement as it stood on a date. */
    stateOn: (id: string, on: string, signal?: AbortSignal) => request('GET', `${agreementPath(id)}/state`, { query: { on }, schema: agreementStateSchema, ...(signal ? { signal } : {}) }),
    proposeAmendment: (id: string, body: AmendmentInput) => request('POST', `${agreementPath(id)}/amendments`, { body, schema: amendmentSchema }),
    approveAmendment: (id: string, amendmentId: string, body: ApprovalInput) => request('POST', `${amendmentPath(id, amendmentId)}/approvals`, { body, schema: amendmentSchema }),
    rejectAmendment: (id: string, amendmentId: string, body: RejectionInput) => request('POST', `${amendmentPath(id, amendmentId)}/rejection`, { body, schema: amendmentSchema }),
    recordRenewalLetter: (id: string, receivedOn: string) => request('POST', `${agreementPath(id)}/renewal-letters`, { body: { receivedOn }, schema: renewalLetterSchema }),
  },
  /** Generated documents: plain links, downloaded by the browser with the session cookie. */
  documents: {
    agreementUrl: (id: string, format: DocumentFormat) => `/api/v1${agreementPath(id)}/document${queryString({ format })}`,
    amendmentUrl: (id: string, amendmentId: string, format: DocumentFormat) => `/api/v1${amendmentPath(id, amendmentId)}/document${queryString({ format })}`,
    exitAcknowledgementUrl: (id: string, exitRequestId: string, format: DocumentFormat) =>
      `/api/v1${agreementPath(id)}/exit-requests/${encodeURIComponent(exitRequestId)}/acknowledgement${queryString({ format })}`,
  },
  /** A provider's Word templates: the built-in ones unless it uploaded its own. */
  templates: {
    list: (providerId: string, signal?: AbortSignal) => request('GET', `${providerPath(providerId)}/document-templates`, { schema: z.array(templateInfoSchema), ...(signal ? { signal } : {}) }),
    downloadUrl: (providerId: string, kind: string) => `/api/v1${providerPath(providerId)}/document-templates/${encodeURIComponent(kind)}`,
    /** The file goes as the raw body; the server checks every tag before it replaces the template in force. */
    upload: (providerId: string, kind: string, file: Blob, fileName: string) =>
      request('PUT', `${providerPath(providerId)}/document-templates/${encodeURIComponent(kind)}`, { query: { fileName }, raw: { contentType: DOCX, data: file } }),
    reset: (providerId: string, kind: string) => request('DELETE', `${providerPath(providerId)}/document-templates/${encodeURIComponent(kind)}`),
  },
  calendar: {
    list: (query: CalendarQuery, signal?: AbortSignal) => request('GET', '/calendar', { query: query as Query, schema: z.array(calendarEntrySchema), ...(signal ? { signal } : {}) }),
    /** The same entries as an iCalendar file: a plain link, downloaded with the session cookie. */
    icsUrl: (query: CalendarQuery) => `/api/v1/calendar.ics${queryString(query as Query)}`,
    /** Creates the account's secret subscription address; the previous one stops working. */
    subscribe: () => request('POST', '/calendar/feed', { schema: calendarFeedSchema }),
  },
  outbox: {
    list: (limit: number) => request('GET', '/outbox', { query: { limit }, schema: z.array(outboxMailSchema) }),
  },
  audit: {
    list: (query: Partial<AuditQuery>) => request('GET', '/audit', { query: query as Query, schema: z.array(auditEventSchema) }),
  },
  imports: {
    territory: (body: { departements?: string[]; providerId?: string | null }) =>
      request('POST', '/imports/territory', { body, schema: territoryImportResultSchema }),
  },
  setup: {
    load: (content: string, dryRun: boolean) => request('POST', '/setup/load', { body: { content, dryRun }, schema: setupLoadResultSchema }),
  },
  subscriptions: subscriptionApi,
  governance: governanceApi,
  kpis: kpiApi,
  quotes: quoteApi,
  consumption: consumptionApi,
  statements: statementApi,
  forecasts: forecastApi,
  memberTimeEntries,
  timeEntries: timeEntryApi,
  operatorInvoices: operatorInvoiceApi,
  penalties: penaltyApi,
  billing: billingApi,
  titles: titleApi,
  billingSummary: billingSummaryApi,
  costs: costApi,
  accounts: {
    list: () => request('GET', '/accounts', { schema: z.array(accountSchema) }),
    create: (body: AccountCreate) => request('POST', '/accounts', { body, schema: accountSchema }),
  },
};
