import { z } from 'zod';
import { civilDateSchema } from './common.ts';

/** Subscriptions: perimeters, requests and their lines, decisions, opening records, as they cross the wire. */
const text = (max: number) => z.string().trim().min(1).max(max);
const lineStatus = z.enum(['submitted', 'postponed', 'accepted', 'refused', 'cancelled', 'opened', 'withdrawn']);

export const perimeterInputSchema = z
  .object({
    providerId: z.uuid(),
    lines: z.array(text(64)).min(1).describe('Lignes de service que le représentant peut ouvrir'),
    representative: text(200).optional(),
    deliberation: z.object({ organ: text(200), number: text(100).optional(), date: civilDateSchema }).strict(),
  })
  .strict();

export const perimeterSchema = z.object({
  id: z.uuid(),
  lines: z.array(z.string()),
  representative: z.string().nullable(),
  deliberation: z.object({ organ: z.string(), number: z.string().nullable(), date: z.string() }),
});

export const requestInputSchema = z
  .object({
    providerId: z.uuid(),
    organisationId: z.uuid(),
    receivedOn: civilDateSchema.optional().describe("Date de réception (personnel du fournisseur) ; sinon aujourd'hui"),
    baseBillableFrom: civilDateSchema.optional().describe("Date à partir de laquelle le socle d'adhésion est facturé (art. 10.1.3)"),
    note: z.string().max(4000).optional(),
    lines: z
      .array(
        z
          .object({
            line: text(64),
            options: z.record(z.string(), z.string()).default({}),
            quantity: z.number().describe('Volume : postes, boîtes, Go, lignes…'),
            wishedOn: civilDateSchema.describe("Date d'ouverture souhaitée"),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export const findingSchema = z.object({ severity: z.enum(['refusal', 'warning']), code: z.string(), path: z.string(), message: z.string() });

export const subscriptionLineSchema = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  organisationId: z.uuid(),
  line: z.string(),
  lineName: z.string(),
  options: z.record(z.string(), z.string()),
  quantity: z.number().int(),
  wishedOn: z.string(),
  status: lineStatus,
  statusLabel: z.string(),
  plannedFrom: z.string().nullable(),
  plannedUntil: z.string().nullable(),
  refusalReason: z.string().nullable(),
  openedOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  openingRecord: z.string().nullable(),
  billableFrom: z.string().nullable(),
  history: z.array(z.object({ sequence: z.number().int(), event: z.string(), label: z.string(), note: z.string().nullable(), actor: z.string(), recordedAt: z.string() })),
  quantities: z.array(z.object({ effectiveFrom: z.string(), quantity: z.number().int() })),
});

export const TASK_KINDS = {
  compliance_plan: 'Plan de mise en conformité aux prérequis (adhérent)',
  resource_study: 'Étude des ressources nécessaires (fournisseur)',
  technical_audit: 'Audit des prérequis techniques (annexe 3)',
  other: 'Autre',
} as const;
export const TASK_KIND_VALUES = Object.keys(TASK_KINDS) as [keyof typeof TASK_KINDS, ...(keyof typeof TASK_KINDS)[]];

export const taskInputSchema = z
  .object({ kind: z.enum(TASK_KIND_VALUES), owner: z.enum(['member', 'provider']), title: text(300), dueOn: civilDateSchema })
  .strict();
export const taskDoneSchema = z.object({ doneOn: civilDateSchema, note: z.string().max(2000).optional() }).strict();
export const taskSchema = z.object({
  id: z.uuid(),
  kind: z.enum(TASK_KIND_VALUES),
  kindLabel: z.string(),
  owner: z.enum(['member', 'provider']),
  title: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
});

export const subscriptionRequestSchema = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  agreementId: z.uuid(),
  receivedOn: z.string(),
  baseBillableFrom: z.string().nullable(),
  submittedBy: z.string(),
  warnings: z.array(findingSchema),
  note: z.string().nullable(),
  lines: z.array(subscriptionLineSchema),
  tasks: z.array(taskSchema),
  /** Technical prerequisites of the requested lines (catalogue, seed 004 annex 3), met: null while unchecked. */
  checklist: z.array(
    z.object({ line: z.string(), lineName: z.string(), item: z.string(), met: z.boolean().nullable(), checkedOn: z.string().nullable(), checkedBy: z.string().nullable(), note: z.string().nullable() }),
  ),
});
export type SubscriptionRequestView = z.infer<typeof subscriptionRequestSchema>;

export const requestListQuerySchema = z.object({ providerId: z.uuid().optional(), organisationId: z.uuid().optional() });

export const lineEventInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accept'), on: civilDateSchema, note: z.string().max(2000).optional() }).strict(),
  z.object({ kind: z.literal('refuse'), on: civilDateSchema, reason: z.enum(['late', 'prerequisites', 'resources']), note: z.string().max(2000).optional() }).strict(),
  z.object({ kind: z.literal('postpone'), on: civilDateSchema, plannedFrom: civilDateSchema, plannedUntil: civilDateSchema, note: z.string().max(2000).optional() }).strict(),
  z.object({ kind: z.literal('cancel'), on: civilDateSchema, note: z.string().max(2000).optional() }).strict(),
  z.object({ kind: z.literal('open'), openedOn: civilDateSchema, openingRecord: text(200).describe('Référence du procès-verbal d’ouverture'), note: z.string().max(2000).optional() }).strict(),
  z.object({ kind: z.literal('withdraw'), on: civilDateSchema, note: z.string().max(2000).optional() }).strict(),
]);

export const quantityInputSchema = z.object({ effectiveFrom: civilDateSchema, quantity: z.number().int().min(0) }).strict();

export const requestPreviewSchema = z.object({
  findings: z.array(findingSchema),
  estimate: z.object({
    year: z.number().int(),
    total: z.string().describe('Montant estimé en euros, ex. « 1234.50 »'),
    lines: z.array(z.object({ index: z.number().int(), months: z.number().int(), annualUnitPrice: z.string().nullable(), amount: z.string().nullable(), note: z.string().nullable() })),
  }),
});

export const prerequisiteCheckInputSchema = z.object({ line: text(64), item: text(500), met: z.boolean(), note: z.string().max(2000).optional() }).strict();
