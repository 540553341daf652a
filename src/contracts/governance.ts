import { z } from 'zod';
import { COMMITTEE_KIND_VALUES, SEAT_ROLE_VALUES } from '../domain/governance/committees.ts';
import { DECISION_KIND_VALUES, MEETING_STATUS_VALUES } from '../domain/governance/meetings.ts';
import { NEED_KIND_VALUES, NEED_STATUS_VALUES } from '../domain/governance/needs.ts';
import { REFUSAL_REASONS, type RefusalReason } from '../domain/subscriptions/workflow.ts';
import { eurosSchema } from './catalogue.ts';
import { civilDateSchema } from './common.ts';

/** Committees, meetings, decisions and the needs register (seed 004 art. 3.2 and 4; seed 001 art. 6.3). */
const text = (max: number) => z.string().trim().min(1).max(max);
const REFUSAL_VALUES = Object.keys(REFUSAL_REASONS) as [RefusalReason, ...RefusalReason[]];

export const seatRuleSchema = z
  .object({
    roles: z.array(z.enum(SEAT_ROLE_VALUES)).min(1).describe('Un de ces rôles occupe le siège'),
    scope: z.enum(['provider', 'each_member', 'each_party']).describe('Pour le fournisseur, chaque adhérent ou chaque partie'),
    min: z.number().int().min(0),
    max: z.number().int().min(1).optional(),
  })
  .strict();

export const rhythmSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('on_demand') }).strict(),
  z
    .object({
      kind: z.literal('periodic'),
      months: z.number().int().min(1).max(36),
      from: civilDateSchema.describe('Première date du rythme'),
      then: z.object({ months: z.number().int().min(1).max(36), from: civilDateSchema }).strict().optional().describe('Rythme suivant, à partir d’une date (mensuel puis trimestriel)'),
      atLeast: z.boolean().optional().describe('Un minimum (« a minima une fois par an ») compté depuis la dernière réunion'),
    })
    .strict(),
]);

export const seatSchema = z
  .object({ organisationId: z.uuid(), role: z.enum(SEAT_ROLE_VALUES), name: text(200), title: text(200).optional() })
  .strict();

export const committeeInputSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'code attendu en minuscules, chiffres, - ou _'),
    kind: z.enum(COMMITTEE_KIND_VALUES),
    name: text(200),
    agreementId: z.uuid().optional(),
    composition: z.array(seatRuleSchema).default([]),
    members: z.array(seatSchema).default([]),
    rhythm: rhythmSchema,
    powers: z.array(z.enum(DECISION_KIND_VALUES)).default([]).describe('Ce que le comité décide'),
    note: z.string().max(4000).optional(),
  })
  .strict();

export const committeeSchema = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  providerName: z.string(),
  agreementId: z.uuid().nullable(),
  agreementTitle: z.string().nullable(),
  code: z.string(),
  kind: z.enum(COMMITTEE_KIND_VALUES),
  kindLabel: z.string(),
  name: z.string(),
  composition: z.array(seatRuleSchema),
  members: z.array(seatSchema.extend({ organisationName: z.string() })),
  compositionIssues: z.array(z.object({ path: z.string(), message: z.string() })),
  rhythm: rhythmSchema,
  rhythmText: z.string(),
  powers: z.array(z.enum(DECISION_KIND_VALUES)),
  note: z.string().nullable(),
  lastHeldOn: z.string().nullable(),
  nextPlannedOn: z.string().nullable(),
  nextDueOn: z.string().nullable().describe('Date de la prochaine réunion selon le rythme'),
  updatedAt: z.string(),
});
export type CommitteeView = z.infer<typeof committeeSchema>;

export const committeeQuerySchema = z.object({ providerId: z.uuid().optional(), agreementId: z.uuid().optional() });

export const agendaItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('subscription_request'), requestId: z.uuid() }).strict(),
  z.object({ kind: z.literal('need'), needId: z.uuid() }).strict(),
  z.object({ kind: z.literal('text'), title: text(300) }).strict(),
]);

export const attendanceSchema = z
  .object({ name: text(200), organisationId: z.uuid().optional(), role: z.enum(SEAT_ROLE_VALUES).optional(), present: z.boolean() })
  .strict();

export const meetingInputSchema = z.object({ scheduledOn: civilDateSchema, place: text(200).optional(), agenda: z.array(agendaItemSchema).default([]) }).strict();

export const meetingUpdateSchema = z
  .object({
    place: text(200).nullable().optional(),
    agenda: z.array(agendaItemSchema).optional(),
    attendance: z.array(attendanceSchema).optional(),
    minutes: z.string().max(50_000).optional(),
    expectedUpdatedAt: z.string().describe('Date de mise à jour lue : une modification entre-temps est refusée'),
  })
  .strict();

export const meetingEventSchema = z.object({ kind: z.enum(['hold', 'finalise', 'cancel', 'reschedule']), on: civilDateSchema }).strict();

export const decisionInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('subscription'),
      requestId: z.uuid(),
      outcome: z.enum(['accept', 'refuse', 'postpone']),
      reason: z.enum(REFUSAL_VALUES).optional(),
      plannedFrom: civilDateSchema.optional(),
      plannedUntil: civilDateSchema.optional(),
      lineIds: z.array(z.uuid()).optional().describe('Lignes décidées ; toutes les lignes en attente si absent'),
      text: z.string().max(4000).default(''),
    })
    .strict(),
  z
    .object({
      kind: z.literal('need'),
      needId: z.uuid(),
      outcome: z.enum(['gather', 'prioritise', 'decline']),
      priority: z.number().int().min(1).optional(),
      roadmapYear: z.number().int().min(2000).max(2100).optional(),
      budget: eurosSchema.optional(),
      resources: z.string().max(2000).optional(),
      reason: z.string().max(2000).optional(),
      text: z.string().max(4000).default(''),
    })
    .strict(),
  z.object({ kind: z.enum(['amendment', 'catalogue', 'other']), subject: text(500), text: z.string().max(4000).default('') }).strict(),
  z.object({ kind: z.literal('grid'), gridCode: text(64), text: z.string().max(4000).default('') }).strict(),
]);

export const decisionSchema = z.object({
  id: z.uuid(),
  kind: z.enum(DECISION_KIND_VALUES),
  kindLabel: z.string(),
  subject: z.record(z.string(), z.unknown()),
  summary: z.string(),
  text: z.string(),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  decidedOn: z.string(),
});

export const agendaEntrySchema = z.object({
  kind: z.enum(['subscription_request', 'need', 'text']),
  id: z.string().nullable(),
  title: z.string(),
  organisationName: z.string().nullable(),
  status: z.string().nullable(),
});

export type AgendaEntry = z.infer<typeof agendaEntrySchema>;

export const meetingSchema = z.object({
  id: z.uuid(),
  committeeId: z.uuid(),
  committeeName: z.string(),
  committeeKind: z.enum(COMMITTEE_KIND_VALUES),
  providerId: z.uuid(),
  powers: z.array(z.enum(DECISION_KIND_VALUES)),
  scheduledOn: z.string(),
  status: z.enum(MEETING_STATUS_VALUES),
  statusLabel: z.string(),
  heldOn: z.string().nullable(),
  finalisedOn: z.string().nullable(),
  place: z.string().nullable(),
  agenda: z.array(agendaEntrySchema),
  attendance: z.array(attendanceSchema),
  minutes: z.string().nullable(),
  decisions: z.array(decisionSchema),
  /** What may go on the agenda: pending subscription requests and needs awaiting a committee. */
  proposals: z.array(agendaEntrySchema),
  updatedAt: z.string(),
});
export type MeetingView = z.infer<typeof meetingSchema>;

export const meetingSummarySchema = meetingSchema.pick({ id: true, committeeId: true, committeeName: true, committeeKind: true, scheduledOn: true, status: true, statusLabel: true, heldOn: true, place: true });
export const meetingQuerySchema = z.object({ providerId: z.uuid().optional(), committeeId: z.uuid().optional(), from: civilDateSchema.optional(), to: civilDateSchema.optional() });

export const needInputSchema = z
  .object({
    providerId: z.uuid(),
    organisationId: z.uuid(),
    year: z.number().int().min(2000).max(2100),
    kind: z.enum(NEED_KIND_VALUES),
    title: text(300),
    description: z.string().max(4000).optional(),
    estimated: eurosSchema.optional().describe('Montant estimé en euros'),
    submit: z.boolean().default(false).describe('Transmettre tout de suite au fournisseur'),
  })
  .strict();

export const needEventInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('submit') }).strict(),
  z.object({ kind: z.literal('advise'), favourable: z.boolean(), text: text(4000) }).strict(),
  z.object({ kind: z.literal('validate') }).strict(),
  z.object({ kind: z.enum(['refuse', 'decline']), reason: text(2000) }).strict(),
  z.object({ kind: z.literal('complete') }).strict(),
]);

export const needSchema = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  providerName: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  year: z.number().int(),
  kind: z.enum(NEED_KIND_VALUES),
  kindLabel: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  estimated: z.string().nullable(),
  status: z.enum(NEED_STATUS_VALUES),
  statusLabel: z.string(),
  advice: z.object({ favourable: z.boolean(), text: z.string(), on: z.string() }).nullable(),
  roadmap: z.object({ priority: z.number().int(), year: z.number().int(), budget: z.string().nullable(), resources: z.string().nullable() }).nullable(),
  reason: z.string().nullable(),
  history: z.array(z.object({ kind: z.string(), on: z.string(), by: z.string(), note: z.string().nullable() })),
  recordedBy: z.string(),
  updatedAt: z.string(),
});
export type NeedView = z.infer<typeof needSchema>;

export const needQuerySchema = z.object({
  providerId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(NEED_STATUS_VALUES).optional(),
});

const reportTextsSchema = z
  .object({
    introduction: z.string().max(20_000),
    services: z.string().max(20_000),
    finances: z.string().max(20_000),
    incidents: z.string().max(20_000),
    proposals: z.string().max(20_000),
    opinion: z.string().max(20_000),
  })
  .strict();

export const annualReportParamsSchema = z.object({ id: z.uuid(), year: z.coerce.number().int().min(2000).max(2100) });
export const annualReportInputSchema = z.object({ texts: reportTextsSchema, expectedUpdatedAt: z.string().optional().describe('Absent à la création du projet') }).strict();
export const annualReportFinalSchema = z.object({ expectedUpdatedAt: z.string() }).strict();

export const annualReportSchema = z.object({
  agreementId: z.uuid(),
  agreementTitle: z.string(),
  providerName: z.string(),
  year: z.number().int(),
  status: z.enum(['none', 'draft', 'final']).describe('none : aucun projet enregistré, les textes proposés sont ceux d’un nouveau projet'),
  texts: reportTextsSchema,
  figures: z.object({
    services: z.array(z.object({ organisationName: z.string(), lineName: z.string(), quantity: z.number().int(), openedOn: z.string(), withdrawnOn: z.string().nullable() })),
    units: z.array(z.object({ lineName: z.string(), quantity: z.number().int() })),
    billed: z.string(),
    reduced: z.string(),
    netBilled: z.string(),
    collected: z.string(),
    outstanding: z.string(),
    paymentOrders: z.string(),
    costs: z.array(z.object({ lineName: z.string(), charges: z.string(), forecastUnits: z.number().int() })),
    costsTotal: z.string(),
    meetings: z.array(z.object({ committeeName: z.string(), heldOn: z.string(), decisions: z.array(z.string()) })),
  }),
  finalisedOn: z.string().nullable(),
  finalisedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  canEdit: z.boolean(),
});
export type AnnualReportView = z.infer<typeof annualReportSchema>;

const monthly = z.array(z.number()).length(12);
const monthlyEuros = z.array(z.string()).length(12).describe('Euros par mois, point décimal');

export const kpiQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100), organisationId: z.uuid().optional() });
export const kpiExportQuerySchema = kpiQuerySchema.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

/** The operational committee's indicators for a provider and a year (seed 004 art. 4: "KPIs"). */
export const kpiSchema = z.object({
  providerId: z.uuid(),
  year: z.number().int(),
  organisationId: z.uuid().nullable(),
  members: monthly.describe('Adhérents ayant au moins une ligne ouverte en fin de mois'),
  units: z.array(z.object({ category: z.string(), categoryName: z.string(), months: monthly })),
  openings: monthly,
  openingsPrevious: monthly,
  billed: monthlyEuros,
  billedPrevious: monthlyEuros,
  collected: monthlyEuros,
  pipeline: z.object({
    requests: z.number().int(),
    lines: z.number().int(),
    averageDays: z.number().int(),
    oldestDays: z.number().int(),
    oldest: z.array(z.object({ requestId: z.uuid(), organisationName: z.string(), receivedOn: z.string(), days: z.number().int(), lines: z.array(z.string()) })),
  }),
  overdue: z.object({ count: z.number().int(), amount: z.string(), titles: z.array(z.object({ id: z.uuid(), number: z.string(), organisationName: z.string(), dueOn: z.string().nullable(), outstanding: z.string() })) }),
  deadlines: z.array(z.object({ date: z.string(), label: z.string(), agreementTitle: z.string() })),
});
export type KpiView = z.infer<typeof kpiSchema>;
