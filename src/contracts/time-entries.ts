import { z } from 'zod';
import { civilDateSchema } from './common.ts';

/** Time spent for members (seed 002 art. 4.2 hourly billing; seed 004 days of work). */
export const timeEntryInputSchema = z
  .object({
    organisationId: z.uuid(),
    line: z.string().min(1).max(64),
    workedOn: civilDateSchema,
    duration: z.string().min(1).max(20).describe('1:30, 1h30, 1,5 ou 90 min'),
    person: z.string().trim().min(1).max(200),
    travelIncluded: z.boolean(),
    description: z.string().max(2000).default(''),
    reference: z.string().max(100).default('').describe('Numéro de ticket, si l’outil de suivi en donne un'),
  })
  .strict();

export const timeEntrySchema = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  providerName: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  line: z.string(),
  lineName: z.string(),
  workedOn: z.string(),
  minutes: z.number().int(),
  hours: z.string().describe('Heures décimales, 2 décimales'),
  person: z.string(),
  travelIncluded: z.boolean(),
  description: z.string(),
  reference: z.string().describe('Référence du fichier, ou vide pour une saisie'),
  recordedAt: z.string(),
  actorLabel: z.string(),
});

export const timeImportResultSchema = z.object({ rows: z.number().int(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), dryRun: z.boolean() });

export const timeQuerySchema = z.object({
  providerId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  from: civilDateSchema,
  to: civilDateSchema,
});

export const timeSummaryQuerySchema = z.object({
  providerId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100),
  period: z.enum(['month', 'quarter', 'half', 'year']).default('month'),
});

export const timeSummarySchema = z.object({
  year: z.number().int(),
  period: z.enum(['month', 'quarter', 'half', 'year']),
  totals: z.array(
    z.object({
      providerId: z.uuid(),
      organisationId: z.uuid(),
      organisationName: z.string(),
      line: z.string(),
      lineName: z.string(),
      periodIndex: z.number().int(),
      periodLabel: z.string(),
      entries: z.number().int(),
      minutes: z.number().int(),
      hours: z.string(),
      days: z.string().describe('Jours de travail, selon la durée de la journée du fournisseur'),
      workdayMinutes: z.number().int(),
    }),
  ),
});
