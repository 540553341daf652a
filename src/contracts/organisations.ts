import { z } from 'zod';
import { MEMBERSHIP_STATUS_VALUES, ORGANISATION_KIND_VALUES } from '../domain/organisation/kinds.ts';
import { civilDateSchema, inseeCodeSchema, postalCodeSchema, sirenSchema, siretSchema } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const organisationFields = {
  kind: z.enum(ORGANISATION_KIND_VALUES),
  name: text(200),
  siren: sirenSchema.nullable().optional(),
  siret: siretSchema.nullable().optional(),
  inseeCode: inseeCodeSchema.nullable().optional(),
  addressLine1: text(200).nullable().optional(),
  addressLine2: text(200).nullable().optional(),
  postalCode: postalCodeSchema.nullable().optional(),
  city: text(120).nullable().optional(),
  population: z.number().int().min(0).nullable().optional(),
  parentEpciId: z.uuid().nullable().optional(),
  representativeName: text(200).nullable().optional(),
  representativeTitle: text(200).nullable().optional(),
};

export const organisationCreateSchema = z.object(organisationFields);
export type OrganisationCreate = z.infer<typeof organisationCreateSchema>;

/** A partial update carries the version it was read at, so a concurrent edit is refused, not lost. */
export const organisationUpdateSchema = z.object(organisationFields).partial().extend({ version: z.number().int().min(1) });
export type OrganisationUpdate = z.infer<typeof organisationUpdateSchema>;

export const organisationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ORGANISATION_KIND_VALUES),
  name: z.string(),
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  inseeCode: z.string().nullable(),
  departement: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  population: z.number().int().nullable(),
  parentEpciId: z.uuid().nullable(),
  parentEpciName: z.string().nullable(),
  representativeName: z.string().nullable(),
  representativeTitle: z.string().nullable(),
  isProvider: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const membershipSchema = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  providerName: z.string(),
  memberId: z.uuid(),
  memberName: z.string(),
  status: z.enum(MEMBERSHIP_STATUS_VALUES),
  since: z.string().nullable(),
  until: z.string().nullable(),
});
export type Membership = z.infer<typeof membershipSchema>;

export const organisationDetailSchema = organisationSchema.extend({
  providerShortName: z.string().nullable(),
  /** Providers this organisation is linked to (as prospect, member or former member). */
  providers: z.array(membershipSchema),
  /** For a provider: how many organisations are linked to it, by status. */
  memberCounts: z.partialRecord(z.enum(MEMBERSHIP_STATUS_VALUES), z.number().int()).nullable(),
  /** True when a member has no active Correspondant Local Informatique (seed 004 art. 3.1). */
  missingCli: z.boolean(),
});
export type OrganisationDetail = z.infer<typeof organisationDetailSchema>;

export const ORGANISATION_SORTS = ['name', 'kind', 'population', 'inseeCode', 'siren', 'updatedAt'] as const;

export const organisationListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe('Nom, code INSEE ou SIREN'),
  kind: z.enum(ORGANISATION_KIND_VALUES).optional(),
  departement: z.string().regex(/^(\d{2,3}|2[AB])$/, 'code de département attendu (ex. 62, 2A, 974)').optional(),
  providerId: z.uuid().optional().describe('Seulement les organisations liées à ce fournisseur'),
  membershipStatus: z.enum(MEMBERSHIP_STATUS_VALUES).optional().describe('Avec providerId : le statut auprès de ce fournisseur ; sans : auprès de l’un des fournisseurs visibles'),
  providersOnly: z.stringbool().optional(),
  sort: z.enum(ORGANISATION_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuerySchema>;

export const membershipUpsertSchema = z.object({
  memberId: z.uuid(),
  status: z.enum(MEMBERSHIP_STATUS_VALUES),
  since: civilDateSchema.nullable().optional(),
  until: civilDateSchema.nullable().optional(),
});
export type MembershipUpsert = z.infer<typeof membershipUpsertSchema>;

export const providerSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(ORGANISATION_KIND_VALUES),
  members: z.number().int(),
  prospects: z.number().int(),
});
export type ProviderSummary = z.infer<typeof providerSummarySchema>;
