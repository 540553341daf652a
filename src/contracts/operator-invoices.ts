import { z } from 'zod';
import { civilDateSchema } from './common.ts';

/** Operator invoices, their lines per member, and penalties (seed 000 art. 4.2). */
const euros = z.string().describe('Euros, point décimal, 2 décimales');

export const invoiceImportResultSchema = z.object({
  rows: z.number().int(),
  invoices: z.number().int(),
  created: z.number().int(),
  unchanged: z.number().int(),
  amount: euros,
  dryRun: z.boolean(),
});

export const operatorInvoiceSummarySchema = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  operator: z.string(),
  marketLot: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  paidOn: z.string().nullable(),
  amount: euros,
  vat: euros,
  total: euros,
  copyFileName: z.string().nullable(),
  members: z.array(z.string()),
  lineCount: z.number().int(),
});

export const operatorInvoiceSchema = operatorInvoiceSummarySchema.extend({
  lines: z.array(z.object({ position: z.number().int(), organisationId: z.uuid(), organisationName: z.string(), line: z.string(), lineName: z.string(), site: z.string(), label: z.string(), amount: euros, vat: euros })),
});

export const invoiceQuerySchema = z.object({ providerId: z.uuid().optional(), from: civilDateSchema, to: civilDateSchema });

export const invoicePaymentSchema = z.object({ paidOn: civilDateSchema }).strict();

export const invoiceCopySchema = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg']).default('application/pdf'),
    contentBase64: z.string().min(1).max(30_000_000),
  })
  .strict();

export const penaltyInputSchema = z
  .object({
    organisationId: z.uuid(),
    operator: z.string().trim().min(1).max(200),
    marketLot: z.string().trim().max(200).default(''),
    receivedOn: civilDateSchema,
    amount: z.string().min(1).max(20).describe('Euros, ex. 150,00'),
    reason: z.string().trim().min(1).max(2000),
    invoiceId: z.uuid().optional(),
  })
  .strict();

export const penaltySchema = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  operator: z.string(),
  marketLot: z.string(),
  receivedOn: z.string(),
  amount: euros,
  reason: z.string(),
  invoiceId: z.uuid().nullable(),
  recordedAt: z.string(),
});

export const penaltyQuerySchema = z.object({ providerId: z.uuid().optional(), organisationId: z.uuid().optional(), year: z.coerce.number().int().min(2000).max(2100) });
