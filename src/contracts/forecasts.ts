import { z } from 'zod';

/** Forecast use per member and line, for a year or a quarter (seed 001 annex 3; seed 000 provisional titles). */
export const forecastRowSchema = z
  .object({
    organisationId: z.uuid(),
    line: z.string().min(1).max(64),
    options: z.record(z.string(), z.string()).default({}),
    year: z.number().int().min(2000).max(2100),
    quarter: z.number().int().min(0).max(4).default(0).describe('0 = année entière, 1 à 4 = trimestre'),
    units: z.number().int().min(0).nullable().default(null).describe('Unités prévues sur la période'),
    amount: z.string().max(20).nullable().default(null).describe('Montant prévu hors taxes, en euros (consommations refacturées)'),
  })
  .strict();

export const forecastPutSchema = z.object({ rows: z.array(forecastRowSchema).min(1).max(50_000) }).strict();

export const forecastPutResultSchema = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

export const forecastComparisonSchema = z.object({
  organisationId: z.uuid(),
  year: z.number().int(),
  rows: z.array(
    z.object({
      providerId: z.uuid(),
      line: z.string(),
      lineName: z.string(),
      options: z.string(),
      optionsKey: z.string(),
      unit: z.string(),
      /** Index 0 = year, 1–4 = quarters. */
      periods: z.array(
        z.object({
          quarter: z.number().int(),
          label: z.string(),
          forecastUnits: z.number().int().nullable(),
          actualUnits: z.number().int().nullable(),
          forecastAmount: z.string().nullable(),
          actualAmount: z.string().nullable(),
        }),
      ),
    }),
  ),
});
