import { z } from 'zod';
import {
  accountSchema,
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

export const departementCodeSchema = z.string().regex(/^(\d{2,3}|2[AB])$/, 'code de département attendu (ex. 62, 2A, 974)');

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
  accounts: {
    list: () => request('GET', '/accounts', { schema: z.array(accountSchema) }),
    create: (body: AccountCreate) => request('POST', '/accounts', { body, schema: accountSchema }),
  },
};
