import { z } from 'zod';
import { AGREEMENT_TYPE_VALUES, PARTY_ROLE_VALUES, agreementRulesSchema } from './agreement-rules.ts';
import { amendmentSchema } from './amendments.ts';
import { civilDateSchema } from './common.ts';

export { AGREEMENT_TYPES, AGREEMENT_TYPE_VALUES, PARTY_ROLES, PARTY_ROLE_VALUES, agreementRulesSchema } from './agreement-rules.ts';

/** Agreements as they cross the wire and sit in setup files. */
const text = (max: number) => z.string().trim().min(1).max(max);
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

/** The API names parties by organisation id. */
export const agreementCreateSchema = agreementInputSchema(z.uuid()).extend({ providerId: z.uuid() });
export const agreementUpdateSchema = agreementInputSchema(z.uuid()).extend({ expectedUpdatedAt: z.string().min(1).describe('Valeur updatedAt lue avant modification') });

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
  /** The amendment written for a partial exit. */
  amendmentId: z.uuid().nullable(),
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
  amendments: z.array(amendmentSchema),
  renewalLetters: z.array(z.object({ id: z.uuid(), receivedOn: z.string(), renewedUntil: z.string() })),
  /** Version token for edits (optimistic concurrency). */
  updatedAt: z.string(),
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
