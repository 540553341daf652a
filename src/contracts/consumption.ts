import { z } from 'zod';

/** Consumption: snapshot imports and a member's units month by month. */
export const snapshotRowSchema = z
  .object({
    member: z.string().min(1).max(40).describe('SIREN, code INSEE ou identifiant de l’adhérent'),
    line: z.string().min(1).max(64),
    options: z.string().max(200).default('').describe('ex. niveau=pro;stockage=25'),
    month: z.string().min(1).max(10).describe('AAAA-MM'),
    units: z.union([z.number(), z.string()]).transform(String),
  })
  .strict();

export const snapshotPushSchema = z.object({ rows: z.array(snapshotRowSchema).min(1).max(100_000), dryRun: z.boolean().default(false) }).strict();

export const snapshotImportResultSchema = z.object({
  importId: z.uuid().nullable(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  dryRun: z.boolean(),
});

export const consumptionQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100), providerId: z.uuid().optional() });

export const consumptionSeriesSchema = z.object({
  organisationId: z.uuid(),
  year: z.number().int(),
  series: z.array(
    z.object({
      providerId: z.uuid(),
      providerName: z.string(),
      line: z.string(),
      lineName: z.string(),
      options: z.string().describe('Options en clair'),
      unit: z.string(),
      /** Twelve values, January to December; null for a month without snapshot. */
      months: z.array(z.number().int().nullable()).length(12),
      previousYear: z.array(z.number().int().nullable()).length(12),
    }),
  ),
  corrections: z.array(z.object({ line: z.string(), month: z.string(), previousUnits: z.number().int(), replacedAt: z.string() })),
  /** Operator consumption passed through (seed 000), excl. VAT, by month the billed period starts. */
  amounts: z.array(
    z.object({
      providerId: z.uuid(),
      providerName: z.string(),
      line: z.string(),
      lineName: z.string(),
      months: z.array(z.string().nullable()).length(12).describe('Euros HT, janvier à décembre'),
      previousYear: z.array(z.string().nullable()).length(12),
    }),
  ),
});
