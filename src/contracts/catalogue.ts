import { z } from 'zod';
import { LINE_KIND_VALUES, LINE_STATUS_VALUES, UNIT_VALUES } from '../domain/catalogue/catalogue.ts';
import { COST_NATURE_VALUES } from '../domain/catalogue/unit-cost.ts';
import { civilDateSchema } from './common.ts';

/** Catalogue and tariff grids as they cross the wire and sit in setup files. Money is decimal text ("84.00"). */
export const codeSchema = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,62}$/, 'code attendu en minuscules, chiffres, ., - ou _ (ex. « postes-n1 »)');
export const eurosSchema = z
  .string()
  .regex(/^\d{1,10}(?:[.,]\d{1,2})?$/, 'montant attendu en euros avec au plus 2 décimales, sous forme de texte (ex. "84.00")')
  .meta({ example: '84.00' });
const percentSchema = z.string().regex(/^\d{1,2}(?:[.,]\d{1,2})?$/, 'taux attendu en pourcentage (ex. "20" ou "5.5")');
const text = (max: number) => z.string().trim().min(1).max(max);

const nodeRefSchema = z.union([z.object({ category: codeSchema }).strict(), z.object({ line: codeSchema }).strict()]);

/** `party` names an organisation: a `ref` in a setup file, an id in the API. */
export function catalogueDocumentSchema<P extends z.ZodType<string>>(party: P) {
  return z
    .object({
      categories: z.array(z.object({ code: codeSchema, name: text(300), description: z.string().max(4000).optional() }).strict()),
      lines: z.array(
        z
          .object({
            code: codeSchema,
            category: codeSchema,
            name: text(300),
            description: z.string().max(4000).optional(),
            kind: z.enum(LINE_KIND_VALUES),
            unit: z.enum(UNIT_VALUES),
            status: z.enum(LINE_STATUS_VALUES).default('active'),
            withdrawalReason: z.enum(['security', 'other']).optional().describe('security : simple information des membres (seed 003 art. 4.4)'),
            options: z
              .array(z.object({ code: codeSchema, label: text(100), values: z.array(z.object({ code: codeSchema, label: text(100) }).strict()).min(1) }).strict())
              .default([]),
            additiveTo: codeSchema.optional().describe('Ligne dont ce niveau est un tarif additionnel'),
            deliveredBy: party.optional().describe('Organisation qui délivre la ligne (par défaut : le fournisseur)'),
            subProvider: party.optional().describe('Sous-traitant ou second fournisseur'),
            responsibilities: z.array(z.object({ party, tasks: text(1000) }).strict()).default([]),
            technicalPrerequisites: z.array(text(500)).default([]),
            annexes: z.array(text(200)).default([]),
          })
          .strict(),
      ),
      dependencies: z.array(z.object({ from: nodeRefSchema, requires: nodeRefSchema }).strict()).default([]),
      sharedCharges: z.array(z.object({ chargeLine: codeSchema, triggeredBy: z.array(codeSchema).min(1) }).strict()).default([]),
    })
    .strict();
}

export const priceInputSchema = z
  .object({
    line: codeSchema,
    options: z.record(z.string(), codeSchema).default({}),
    monthly: eurosSchema.optional(),
    annual: eurosSchema.optional(),
    perUnit: eurosSchema.optional(),
    vat: z.enum(['not_subject', 'excl', 'incl']).default('not_subject').describe('non assujetti, HT + taux, ou TTC'),
    vatRate: percentSchema.optional(),
    minimumQuantity: z.number().int().min(1).optional(),
    statedElsewhere: z
      .array(z.object({ document: text(200), monthly: eurosSchema.optional(), annual: eurosSchema.optional(), perUnit: eurosSchema.optional() }).strict())
      .optional()
      .describe('Le même prix tel qu’imprimé dans un autre document, pour contrôle'),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.vat !== 'not_subject' && !p.vatRate) ctx.addIssue({ code: 'custom', path: ['vatRate'], message: 'taux de TVA requis' });
  });

export const gridInputSchema = z
  .object({
    code: codeSchema,
    label: text(300),
    effectiveFrom: civilDateSchema,
    deliberation: z.object({ organ: text(200), number: text(100).optional(), date: civilDateSchema }).strict().optional(),
    prices: z.array(priceInputSchema),
  })
  .strict();
export type GridInput = z.infer<typeof gridInputSchema>;

export const unitCostInputSchema = z
  .object({
    line: codeSchema,
    fiscalYear: z.number().int().min(2000).max(2100),
    forecastUnits: z.number().int().min(1),
    noticeMonths: z.number().int().min(0).max(24).default(3),
    budgetAdoption: civilDateSchema.optional(),
    notifiedOn: civilDateSchema.optional(),
    charges: z.array(z.object({ nature: z.enum(COST_NATURE_VALUES), label: text(200).optional(), amount: eurosSchema }).strict()).min(1),
  })
  .strict();
export type UnitCostInput = z.infer<typeof unitCostInputSchema>;

export const apiCatalogueDocumentSchema = catalogueDocumentSchema(z.uuid());
export type CatalogueDocument = z.infer<typeof apiCatalogueDocumentSchema>;

// Answers.
const gridIssueSchema = z.object({ kind: z.string(), line: z.string(), options: z.record(z.string(), z.string()), message: z.string() });

/** A replacement may carry the version it was edited from: a concurrent change is then refused, not lost. */
export const catalogueReplaceSchema = apiCatalogueDocumentSchema.extend({
  expectedVersion: z.string().max(64).optional().describe('La version lue (champ version de la vue) ; 409 si le catalogue a changé entre-temps'),
});

export const catalogueViewSchema = apiCatalogueDocumentSchema.extend({
  version: z.string(),
  providerId: z.uuid(),
  providerName: z.string(),
  lines: z.array(
    apiCatalogueDocumentSchema.shape.lines.element.extend({
      deliveredByName: z.string().nullable(),
      subProviderName: z.string().nullable(),
      responsibilities: z.array(z.object({ party: z.uuid(), partyName: z.string(), tasks: z.string() })),
    }),
  ),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type CatalogueView = z.infer<typeof catalogueViewSchema>;

export const gridSummarySchema = z.object({
  code: z.string(),
  label: z.string(),
  effectiveFrom: z.string(),
  deliberation: z.object({ organ: z.string(), number: z.string().nullable(), date: z.string() }).nullable(),
  prices: z.number().int(),
  inForce: z.boolean(),
});
export const gridViewSchema = gridSummarySchema.extend({
  prices: z.array(
    z.object({
      line: z.string(),
      lineName: z.string(),
      options: z.record(z.string(), z.string()),
      optionsLabel: z.string(),
      monthly: z.string().nullable(),
      annual: z.string().nullable(),
      perUnit: z.string().nullable(),
      vat: z.enum(['not_subject', 'excl', 'incl']),
      vatRate: z.string().nullable(),
      minimumQuantity: z.number().int().nullable(),
      /** For an additive level, the annual total with the level it adds to ("Total catégorie 1"). */
      cumulativeAnnual: z.string().nullable(),
      statedElsewhere: z.array(z.object({ document: z.string(), monthly: z.string().optional(), annual: z.string().optional(), perUnit: z.string().optional() })),
    }),
  ),
  issues: z.array(gridIssueSchema),
});
export type GridView = z.infer<typeof gridViewSchema>;

export const gridComparisonSchema = z.object({
  from: gridSummarySchema,
  to: gridSummarySchema,
  rows: z.array(
    z.object({
      line: z.string(),
      lineName: z.string(),
      optionsLabel: z.string(),
      change: z.enum(['same', 'changed', 'added', 'removed']),
      before: z.object({ monthly: z.string().nullable(), annual: z.string().nullable(), perUnit: z.string().nullable() }).nullable(),
      after: z.object({ monthly: z.string().nullable(), annual: z.string().nullable(), perUnit: z.string().nullable() }).nullable(),
      options: z.record(z.string(), z.string()),
      annualDelta: z.string().nullable(),
    }),
  ),
});

export const missingPrerequisitesSchema = z.array(z.object({ line: z.string(), requires: z.string(), requiresLabel: z.string() }));

export const priceLookupQuerySchema = z.object({
  line: codeSchema,
  date: civilDateSchema,
  options: z.string().max(500).optional().describe('Options sous la forme niveau=pro&stockage=25, encodée'),
});
export const priceLookupSchema = z.object({
  grid: z.string(),
  line: z.string(),
  monthly: z.string().nullable(),
  annual: z.string().nullable(),
  perUnit: z.string().nullable(),
  vat: z.enum(['not_subject', 'excl', 'incl']),
  vatRate: z.string().nullable(),
});

export const unitCostViewSchema = z.object({
  line: z.string(),
  lineName: z.string(),
  fiscalYear: z.number().int(),
  forecastUnits: z.number().int(),
  total: z.string(),
  unitCost: z.string(),
  breakdown: z.array(z.object({ nature: z.string(), natureLabel: z.string(), amount: z.string(), perUnit: z.string() })),
  noticeMonths: z.number().int(),
  budgetAdoption: z.string().nullable(),
  notifiedOn: z.string().nullable(),
  noticeDeadline: z.string().nullable(),
  noticeRespected: z.boolean().nullable(),
});
