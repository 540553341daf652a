import { z } from 'zod';
import { civilDateSchema } from './common.ts';

/** Quotes (devis) as they cross the wire; amounts in euros as decimal strings ("150.00"). */
const text = (max: number) => z.string().trim().min(1).max(max);
const euros = z.string().regex(/^\d{1,10}([.,]\d{1,2})?$/, 'montant attendu en euros, au plus 2 décimales (ex. 50.00)');
const vatSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('not_subject') }).strict(),
  z.object({ mode: z.literal('excl'), rateBasisPoints: z.number().int().min(0).max(10000) }).strict(),
  z.object({ mode: z.literal('incl'), rateBasisPoints: z.number().int().min(0).max(10000) }).strict(),
]);

export const quoteInputSchema = z
  .object({
    providerId: z.uuid(),
    organisationId: z.uuid(),
    requestId: z.uuid().optional(),
    subject: text(300),
    issuedOn: civilDateSchema.optional().describe("Date d'émission ; sinon aujourd'hui"),
    validUntil: civilDateSchema.describe('Dernier jour de validité'),
    lines: z
      .array(
        z
          .object({
            line: text(64).optional().describe('Ligne du catalogue : son prix unitaire est lu dans la grille en vigueur'),
            options: z.record(z.string(), z.string()).default({}),
            nature: text(500).optional().describe('Nature de la prestation ; par défaut le nom de la ligne'),
            quantity: z.string().describe('Quantité, au plus 2 décimales (ex. 1.5 heure)'),
            unitPrice: euros.optional().describe('Prix unitaire si la grille n’en donne pas'),
            vat: vatSchema.optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export const quoteSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  subject: z.string(),
  providerId: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  requestId: z.uuid().nullable(),
  issuedOn: z.string(),
  validUntil: z.string(),
  sentOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  signedFileName: z.string().nullable(),
  declinedOn: z.string().nullable(),
  status: z.enum(['draft', 'sent', 'accepted', 'declined', 'expired']),
  statusLabel: z.string(),
  total: z.string(),
  vatLabel: z.string(),
  lines: z.array(z.object({ position: z.number().int(), line: z.string().nullable(), nature: z.string(), quantity: z.string(), unitPrice: z.string(), amount: z.string(), vatLabel: z.string() })),
});
export type QuoteView = z.infer<typeof quoteSchema>;

export const quoteSendSchema = z.object({ sentOn: civilDateSchema }).strict();
export const quoteAcceptanceSchema = z
  .object({
    acceptedOn: civilDateSchema.describe('Date de signature du devis'),
    acceptedBy: text(200).describe('Nom et qualité du signataire'),
    signedFileName: text(200).optional(),
    signedDocumentBase64: z.string().max(14_000_000).optional().describe('Devis signé (PDF ou image), encodé en base64'),
  })
  .strict();
export const quoteDeclineSchema = z.object({ declinedOn: civilDateSchema }).strict();
