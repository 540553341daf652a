import { z } from 'zod';
import { civilDateSchema } from './common.ts';

/** Billing runs, receivable titles, payment orders and payments. Amounts are decimal strings in euros. */
const euros = z.string().describe('Euros, point décimal, 2 décimales');
export const RUN_KINDS = ['regular', 'provisional', 'true_up', 'penalty_order'] as const;
export const DOCUMENT_KINDS = ['title', 'reduction', 'cancellation', 'payment_order'] as const;

export const runRequestSchema = z
  .object({
    kind: z.enum(RUN_KINDS).default('regular').describe('regular, provisional (titre prévisionnel), true_up (régularisation), penalty_order (mandat de reversement des pénalités)'),
    year: z.coerce.number().int().min(2000).max(2100),
    index: z.coerce.number().int().min(1).max(12).default(1).describe('Semestre 1–2, trimestre 1–4 ou mois 1–12 selon le rythme ; 1 pour une année'),
  })
  .strict();

/** A preview's query: the run, and which page of its members to show (the totals always cover them all). */
export const previewQuerySchema = runRequestSchema
  .extend({
    offset: z.coerce.number().int().min(0).default(0).describe('Premier adhérent de la page (à partir de 0)'),
    limit: z.coerce.number().int().min(1).max(500).default(100).describe('Adhérents par page'),
    member: z.string().trim().max(200).optional().describe('Recherche dans le nom de l’adhérent (sans accents ni casse)'),
  })
  .strict();

export const billLineViewSchema = z.object({
  line: z.string(),
  optionsKey: z.string(),
  label: z.string(),
  quantityText: z.string(),
  unitPrice: euros,
  amount: euros,
  vat: z.string().describe('Traitement de TVA en clair'),
  vatAmount: euros,
  basis: z.string().describe('D’où vient la quantité : relevés, souscription, temps passé, factures'),
  sources: z.array(z.record(z.string(), z.unknown())),
});

export const memberBillSchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  document: z.enum(['title', 'reduction', 'payment_order', 'none']),
  refersTo: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  lines: z.array(billLineViewSchema),
  amountExcl: euros,
  vat: euros,
  amountIncl: euros,
  issues: z.array(z.object({ line: z.string(), message: z.string() })),
});

export const runPreviewSchema = z.object({
  agreementId: z.uuid(),
  agreementCode: z.string(),
  agreementTitle: z.string(),
  providerId: z.uuid(),
  kind: z.enum(RUN_KINDS),
  periodKind: z.enum(['month', 'quarter', 'half', 'year']),
  year: z.number().int(),
  index: z.number().int(),
  periodLabel: z.string(),
  from: z.string(),
  to: z.string(),
  blockers: z.array(z.string()),
  warnings: z.array(z.string()).describe('Ce qui n’empêche pas l’émission mais doit être su avant (titre émis après sa fenêtre)'),
  issued: z.object({ runId: z.uuid(), issuedOn: z.string(), documents: z.number().int(), actorLabel: z.string() }).nullable(),
  members: z.array(memberBillSchema).describe('Les adhérents de la page demandée (tous sans limite)'),
  page: z.object({ offset: z.number().int(), limit: z.number().int().nullable(), matching: z.number().int().describe('Adhérents correspondant à la recherche'), members: z.number().int().describe('Adhérents de la facturation') }),
  totals: z.object({ titles: z.number().int(), titlesAmount: euros, reductions: z.number().int(), reductionsAmount: euros, paymentOrders: z.number().int(), paymentOrdersAmount: euros, issues: z.number().int() }),
});

export const titleSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  series: z.enum(['recette', 'mandat']),
  fiscalYear: z.number().int(),
  providerId: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  runId: z.uuid().nullable(),
  refersTo: z.uuid().nullable(),
  subject: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  issuedOn: z.string(),
  dueOn: z.string().nullable(),
  amountExcl: euros,
  vat: euros,
  amountIncl: euros,
  paid: euros,
  outstanding: euros.describe('Reste à recouvrer (titres) ; 0 pour une réduction ou un mandat'),
  status: z.enum(['to_collect', 'partly_paid', 'paid', 'overdue', 'cancelled', 'reduction', 'payment_order']),
});

export const titleDetailSchema = titleSchema.extend({
  lines: z.array(billLineViewSchema),
  payments: z.array(z.object({ id: z.uuid(), paidOn: z.string(), amount: euros, reference: z.string() })),
  reductions: z.array(z.object({ id: z.uuid(), number: z.string(), amountIncl: euros, issuedOn: z.string() })),
  lateInterest: z.object({ until: z.string(), amount: euros.nullable(), message: z.string().nullable() }).nullable(),
});

export const issueResultSchema = z.object({
  runId: z.uuid(),
  created: z.boolean().describe('false : la période était déjà émise, rien de nouveau'),
  documents: z.array(z.object({ id: z.uuid(), number: z.string(), kind: z.enum(DOCUMENT_KINDS), organisationName: z.string(), amountIncl: euros })),
});

export const titleQuerySchema = z.object({
  providerId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  runId: z.uuid().optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
});

export const paymentInputSchema = z.object({ paidOn: civilDateSchema, amount: z.string().min(1).max(20), reference: z.string().trim().max(200).default('') }).strict();

export const runSchema = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  agreementId: z.uuid(),
  kind: z.enum(RUN_KINDS),
  periodKind: z.enum(['month', 'quarter', 'half', 'year']),
  year: z.number().int(),
  index: z.number().int(),
  periodLabel: z.string(),
  issuedOn: z.string(),
  actorLabel: z.string(),
  documents: z.number().int(),
  total: euros.describe('Total TTC des titres (hors réductions et mandats)'),
});

export const runQuerySchema = z.object({ agreementId: z.uuid().optional(), providerId: z.uuid().optional() });

export const pesSettingsSchema = z
  .object({
    idPost: z.string().regex(/^([0-9]{6,7}|02[AB][0-9]{3,4})$/, 'codique du poste comptable : 6 ou 7 chiffres'),
    codCol: z.string().regex(/^[0-9]{3}$/, 'code collectivité : 3 chiffres'),
    codBud: z.string().regex(/^[0-9A-Z][0-9]$/, 'code budget : 2 caractères (00 = budget principal)'),
    budgetLabel: z.string().trim().min(1).max(38),
    defaultNature: z.string().regex(/^[0-9]{1,10}$/, 'compte de nature M57 (chiffres)').describe('Compte de nature par défaut (ex. 70848)'),
    defaultProductCode: z.string().regex(/^[0-9A-Za-z]{1,4}$/, 'code produit local : 1 à 4 caractères'),
    imputations: z
      .array(
        z
          .object({
            line: z.string().min(1).max(64),
            nature: z.string().regex(/^[0-9]{1,10}$/, 'compte de nature (chiffres)'),
            fonction: z.string().regex(/^[0-9A-Z]{1,10}$/).optional(),
            productCode: z.string().regex(/^[0-9A-Za-z]{1,4}$/, 'code produit local : 1 à 4 caractères'),
          })
          .strict(),
      )
      .default([])
      .describe('Imputation comptable par ligne de service'),
    xsdPath: z.string().max(500).nullable().default(null).describe('Chemin du XSD officiel PES_Aller sur le serveur, pour une validation supplémentaire'),
  })
  .strict();

export const titleCancellationSchema = z.object({ reason: z.string().trim().min(1).max(500).describe('Motif de l’annulation, repris sur le document') }).strict();

/** A partial reduction: what to take off which lines of the title, in each line's price basis, and why. */
export const titleReductionSchema = z
  .object({
    reason: z.string().trim().min(1, 'indiquez le motif de la réduction').max(500).describe('Motif de la réduction, repris sur le document'),
    lines: z
      .array(
        z
          .object({
            position: z.number().int().min(0).describe('Rang de la ligne dans le titre (à partir de 0)'),
            amount: z.string().trim().regex(/^\d{1,13}([.,]\d{1,2})?$/, 'montant en euros, au plus deux décimales').describe('Montant retiré, HT ou TTC comme le prix de la ligne'),
          })
          .strict(),
      )
      .min(1, 'indiquez au moins une ligne à réduire')
      .max(200),
  })
  .strict();

/** A member's fiscal year of bills, per provider: lines net of reductions, documents, payments and what remains. */
export const annualSummarySchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  fiscalYear: z.number().int(),
  providers: z.array(
    z.object({
      providerId: z.uuid(),
      providerName: z.string(),
      lines: z.array(z.object({ line: z.string(), label: z.string(), amountExcl: euros, vat: euros, amountIncl: euros })).describe('Par ligne de service, net des réductions et annulations'),
      documents: z.array(titleSchema),
      totals: z.object({ billed: euros, reduced: euros, net: euros, paid: euros, outstanding: euros, paidBack: euros.describe('Reversé à l’adhérent par mandat') }),
    }),
  ),
});

export const annualSummaryQuerySchema = z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2100) }).strict();
export const annualSummaryDocumentQuerySchema = annualSummaryQuerySchema.extend({ format: z.enum(['pdf', 'xlsx']).default('pdf') }).strict();
