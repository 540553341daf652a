import { z } from 'zod';
import { agreementRulesSchema, PARTY_ROLE_VALUES } from './agreement-rules.ts';
import { civilDateSchema } from './common.ts';

/** Amendments, renewal letters and the agreement's state on a date, as they cross the wire. */
const text = (max: number) => z.string().trim().min(1).max(max);

export const amendmentChangesSchema = z
  .object({
    title: text(300).optional(),
    annexes: z.array(text(300)).optional().describe('Nouvelle liste complète des annexes'),
    rules: agreementRulesSchema.optional().describe('Nouvelles règles complètes'),
    addParties: z.array(z.object({ organisationId: z.uuid(), role: z.enum(PARTY_ROLE_VALUES) }).strict()).optional(),
    removeParties: z.array(z.uuid()).optional(),
    withdrawCategories: z.array(z.object({ organisationId: z.uuid(), categories: z.array(z.string().min(1).max(64)).min(1) }).strict()).optional(),
  })
  .strict()
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: "l'avenant doit modifier au moins un élément" });

export const amendmentInputSchema = z
  .object({
    subject: text(300).describe("Objet de l'avenant"),
    proposedOn: civilDateSchema.describe('Date de la délibération du fournisseur ou de la proposition'),
    notBefore: civilDateSchema.optional().describe("Date avant laquelle l'avenant ne peut prendre effet"),
    changes: amendmentChangesSchema,
  })
  .strict();

export const approvalInputSchema = z
  .object({ organisationId: z.uuid(), approvedOn: civilDateSchema.describe("Date de la délibération d'approbation"), deliberationNumber: text(100).optional() })
  .strict();
export const rejectionInputSchema = z.object({ organisationId: z.uuid(), rejectedOn: civilDateSchema }).strict();

export const amendmentSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  subject: z.string(),
  changes: amendmentChangesSchema,
  proposedOn: z.string(),
  notBefore: z.string().nullable(),
  rejectedOn: z.string().nullable(),
  exitRequestId: z.uuid().nullable(),
  status: z.enum(['pending', 'approved', 'in_effect', 'lapsed', 'rejected']),
  approvalDeadline: z.string().nullable(),
  approvedOn: z.string().nullable(),
  takesEffectOn: z.string().nullable(),
  explanation: z.string(),
  approvals: z.array(
    z.object({ organisationId: z.uuid(), organisationName: z.string(), required: z.boolean(), approvedOn: z.string().nullable(), deliberationNumber: z.string().nullable() }),
  ),
});
export type AmendmentView = z.infer<typeof amendmentSchema>;

export const renewalLetterInputSchema = z.object({ receivedOn: civilDateSchema.describe('Date de réception du courrier de renouvellement') }).strict();
export const renewalLetterSchema = z.object({ id: z.uuid(), receivedOn: z.string(), renewedUntil: z.string(), explanation: z.string() });

export const agreementStateQuerySchema = z.object({ on: civilDateSchema.describe('Date à laquelle reconstituer la convention') });
export const agreementStateSchema = z.object({
  on: z.string(),
  title: z.string(),
  annexes: z.array(z.string()),
  rules: agreementRulesSchema,
  status: z.enum(['draft', 'signed', 'in_force', 'ending', 'ended']),
  parties: z.array(z.object({ organisationId: z.uuid(), organisationName: z.string(), role: z.enum(PARTY_ROLE_VALUES), withdrawnCategories: z.array(z.string()) })),
  amendmentsApplied: z.array(z.number().int()),
  partiesLeft: z.array(z.object({ organisationId: z.uuid(), organisationName: z.string(), effectiveOn: z.string() })),
});
