import { z } from 'zod';
import { monthDayError } from '../domain/agreements/obligations.ts';
import { civilDateSchema } from './common.ts';

/** Agreements and their rules as they cross the wire and sit in setup files (rules mirror domain/agreements/rules.ts). */
const months = z.number().int().min(0).max(240);
const monthDay = z.string().superRefine((value, ctx) => {
  const error = monthDayError(value);
  if (error) ctx.addIssue({ code: 'custom', message: error });
});
const text = (max: number) => z.string().trim().min(1).max(max);
const party = z.enum(['member', 'provider']);

export const agreementRulesSchema = z
  .object({
    effective: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('on_signature') }).strict(),
      z.object({ kind: z.literal('first_of_month_after_opening_record') }).strict(),
      z.object({ kind: z.literal('start_of_fiscal_year_after_signature') }).strict(),
    ]),
    duration: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('fixed'),
          months: months.min(1),
          renewal: z.discriminatedUnion('kind', [
            z.object({ kind: z.literal('none') }).strict(),
            z.object({ kind: z.literal('express'), periodMonths: months.min(1), letterMonthsBefore: months }).strict(),
            z.object({ kind: z.literal('tacit'), periodMonths: months.min(1) }).strict(),
          ]),
          lastYear: z.number().int().min(2000).max(2100).optional(),
        })
        .strict(),
      z.object({ kind: z.literal('open_ended') }).strict(),
    ]),
    exits: z.array(
      z
        .object({
          parties: z.array(party).min(1),
          anchor: z.enum(['expiry', 'anniversary', 'january_first', 'fiscal_year_end', 'after_receipt']),
          noticeMonths: months,
          late: z.enum(['next_anchor', 'may_be_held_next_period']).default('next_anchor'),
        })
        .strict(),
    ),
    breachMonthsAfterFormalNotice: months.optional(),
    reviewEveryMonths: months.min(1).optional(),
    obligations: z
      .array(
        z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('yearly'), label: text(200), monthDay }).strict(),
          z.object({ kind: z.literal('yearly_window'), label: text(200), from: monthDay, to: monthDay }).strict(),
          z.object({ kind: z.literal('every_months'), label: text(200), months: months.min(1), startMonthsAfterEffective: months.optional() }).strict(),
        ]),
      )
      .default([]),
  })
  .strict();

export const AGREEMENT_TYPES = {
  service_commun: 'Service commun (CGCT L5211-4-2)',
  pooling: 'Convention de mutualisation',
  provision_between_bodies: 'Mise à disposition de services entre établissements (CGCT L5111-1-1)',
  services: 'Convention de prestations de services',
  group: 'Convention de groupement',
} as const;
export const AGREEMENT_TYPE_VALUES = Object.keys(AGREEMENT_TYPES) as [keyof typeof AGREEMENT_TYPES, ...(keyof typeof AGREEMENT_TYPES)[]];
export const PARTY_ROLES = { provider: 'Fournisseur / coordonnateur', second_provider: 'Second fournisseur', member: 'Adhérent' } as const;
export const PARTY_ROLE_VALUES = Object.keys(PARTY_ROLES) as [keyof typeof PARTY_ROLES, ...(keyof typeof PARTY_ROLES)[]];

/** `organisation` names a party: a `ref` in a setup file, an id in the API. */
export function agreementInputSchema<P extends z.ZodType<string>>(organisation: P) {
  return z
    .object({
      code: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,62}$/, 'code attendu en minuscules, chiffres, ., - ou _'),
      title: text(300),
      type: z.enum(AGREEMENT_TYPE_VALUES),
      signedOn: civilDateSchema.optional(),
      openingRecordSignedOn: civilDateSchema.optional(),
      expressRenewals: z.number().int().min(0).max(100).optional().describe('Renouvellements exprès enregistrés (convention renouvelable par courrier)'),
      legalityReceipt: z.object({ id: text(100), transmittedOn: civilDateSchema.optional(), receivedOn: civilDateSchema.optional() }).strict().optional(),
      parties: z
        .array(
          z
            .object({
              organisation,
              role: z.enum(PARTY_ROLE_VALUES),
              signatory: z.object({ name: text(200), title: text(200) }).strict().optional(),
              deliberation: z.object({ organ: text(200), number: text(100).optional(), date: civilDateSchema }).strict().optional(),
              signedOn: civilDateSchema.optional(),
            })
            .strict(),
        )
        .min(2),
      annexes: z.array(text(300)).default([]),
      rules: agreementRulesSchema,
      note: z.string().max(4000).optional(),
    })
    .strict();
}
export type AgreementInput = z.infer<ReturnType<typeof agreementInputSchema<z.ZodString>>>;

export const agreementSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  type: z.enum(AGREEMENT_TYPE_VALUES),
  providerId: z.uuid(),
  providerName: z.string(),
  members: z.array(z.string()),
  effectiveOn: z.string().nullable(),
  status: z.enum(['draft', 'signed', 'in_force', 'ending', 'ended']),
  nextDeadline: z.object({ date: z.string(), label: z.string() }).nullable(),
});

export const calendarEntrySchema = z.object({
  date: z.string(),
  until: z.string().nullable(),
  kind: z.string(),
  label: z.string(),
  party: z.enum(['member', 'provider']).nullable(),
  agreementId: z.uuid(),
  agreementCode: z.string(),
  agreementTitle: z.string(),
  providerName: z.string(),
});
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;

export const exitRequestInputSchema = z
  .object({
    organisationId: z.uuid(),
    scope: z.enum(['full', 'partial']),
    categories: z.array(z.string().max(64)).max(50).default([]).describe('Catégories quittées, pour une sortie partielle'),
    receivedOn: civilDateSchema.describe('Date de réception du courrier recommandé'),
  })
  .strict();

export const exitRequestSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  party: z.enum(['member', 'provider']),
  scope: z.enum(['full', 'partial']),
  categories: z.array(z.string()),
  receivedOn: z.string(),
  effectiveOn: z.string(),
  noticeDeadline: z.string(),
  late: z.boolean(),
  mayBeHeldUntil: z.string().nullable(),
  /** Seed 004 art. 13: a partial exit keeps the base and is written as an amendment. */
  amendmentRequired: z.boolean(),
});

export const agreementDetailSchema = agreementSummarySchema.extend({
  signedOn: z.string().nullable(),
  openingRecordSignedOn: z.string().nullable(),
  expressRenewals: z.number().int(),
  legalityReceipt: z.object({ id: z.string(), transmittedOn: z.string().nullable(), receivedOn: z.string().nullable() }).nullable(),
  parties: z.array(
    z.object({
      organisationId: z.uuid(),
      organisationName: z.string(),
      role: z.enum(PARTY_ROLE_VALUES),
      signatory: z.object({ name: z.string(), title: z.string() }).nullable(),
      deliberation: z.object({ organ: z.string(), number: z.string().nullable(), date: z.string() }).nullable(),
      signedOn: z.string().nullable(),
    }),
  ),
  annexes: z.array(z.string()),
  rules: agreementRulesSchema,
  note: z.string().nullable(),
  exitRequests: z.array(exitRequestSchema),
  timeline: z.array(calendarEntrySchema),
});

export const exitSimulationSchema = z.object({ party: z.enum(['member', 'provider']), receivedOn: civilDateSchema });
export const exitOutcomeSchema = z.object({
  effectiveOn: z.string(),
  lastDayInForce: z.string(),
  noticeDeadline: z.string(),
  late: z.boolean(),
  mayBeHeldUntil: z.string().nullable(),
  explanation: z.string(),
});

export const calendarQuerySchema = z.object({
  from: civilDateSchema.optional(),
  to: civilDateSchema.optional(),
  providerId: z.uuid().optional(),
  kind: z.string().max(40).optional(),
});
