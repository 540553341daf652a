import { z } from 'zod';

/** The statements a member receives: telecom by quarter (seed 000), uses in units by half-year (seed 001). */
const euros = z.string();

export const statementQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  providerId: z.uuid().optional(),
  format: z.enum(['json', 'pdf', 'xlsx']).default('json'),
});

export const telecomStatementQuerySchema = statementQuerySchema.extend({ quarter: z.coerce.number().int().min(1).max(4) });
export const unitsStatementQuerySchema = statementQuerySchema.extend({ period: z.enum(['half', 'quarter', 'year']).default('half'), index: z.coerce.number().int().min(1).max(4).default(1) });

export const telecomStatementSchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  periodLabel: z.string(),
  from: z.string(),
  to: z.string(),
  statements: z.array(
    z.object({
      providerId: z.uuid(),
      providerName: z.string(),
      byType: z.array(z.object({ line: z.string(), lineName: z.string(), lines: z.number().int(), amount: euros, vat: euros, total: euros })),
      invoices: z.array(
        z.object({ invoiceId: z.uuid(), operator: z.string(), marketLot: z.string(), number: z.string(), issuedOn: z.string(), periodFrom: z.string(), periodTo: z.string(), paidOn: z.string().nullable(), hasCopy: z.boolean(), lines: z.number().int(), amount: euros, vat: euros }),
      ),
      penalties: z.array(z.object({ operator: z.string(), marketLot: z.string(), receivedOn: z.string(), amount: euros, reason: z.string() })),
      amount: euros,
      vat: euros,
      total: euros,
      penaltiesAmount: euros,
      forecastAmount: euros.nullable(),
      difference: euros.nullable(),
    }),
  ),
});

export const unitsStatementSchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  periodLabel: z.string(),
  from: z.string(),
  to: z.string(),
  statements: z.array(
    z.object({
      providerId: z.uuid(),
      providerName: z.string(),
      rows: z.array(
        z.object({
          line: z.string(),
          lineName: z.string(),
          options: z.string(),
          unit: z.string(),
          months: z.array(z.object({ month: z.number().int(), label: z.string(), units: z.number().int().nullable() })),
          totalUnits: z.number().int(),
          yearToDateUnits: z.number().int(),
          forecastUnits: z.number().int().nullable(),
          differenceUnits: z.number().int().nullable(),
          yearForecastUnits: z.number().int().nullable(),
        }),
      ),
    }),
  ),
});
