import { z } from 'zod';
import { COST_NATURE_VALUES } from '../domain/catalogue/unit-cost.ts';
import { KEY_BASES, STAFF_ROLES } from '../domain/costs/budget.ts';
import { civilDateSchema } from './common.ts';
import { codeSchema, eurosSchema } from './catalogue.ts';

/** The cost model as it crosses the wire (issue #8). Money is decimal text ("84.00"), shares of time in percent. */
const text = (max: number) => z.string().trim().min(1).max(max);
const euros = z.string();
const percentSchema = z.string().regex(/^\d{1,3}(?:[.,]\d{1,2})?$/, 'part attendue en pourcentage, au plus 2 décimales (ex. "60" ou "33,33")');
const yearSchema = z.number().int().min(2000).max(2100);

export const costTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('provider') }).strict(),
  z.object({ kind: z.literal('line'), line: codeSchema }).strict(),
  z.object({ kind: z.literal('category'), category: codeSchema }).strict(),
  z.object({ kind: z.literal('key'), key: codeSchema }).strict(),
]);

const chargeSchema = z
  .object({ id: codeSchema, label: text(200), nature: z.enum(COST_NATURE_VALUES), forecast: eurosSchema, actual: eurosSchema.nullable().default(null), target: costTargetSchema })
  .strict();

export const budgetDocumentSchema = z
  .object({
    charges: z.array(chargeSchema).max(500),
    staff: z
      .array(
        z
          .object({
            id: codeSchema,
            label: text(200),
            role: z.enum(Object.keys(STAFF_ROLES) as [keyof typeof STAFF_ROLES]),
            forecast: eurosSchema,
            actual: eurosSchema.nullable().default(null),
            shares: z.array(z.object({ line: codeSchema, percent: percentSchema }).strict()).max(100),
          })
          .strict(),
      )
      .max(500),
    investments: z.array(z.object({ id: codeSchema, label: text(200), amount: eurosSchema, firstYear: yearSchema, years: z.number().int().min(1).max(50), target: costTargetSchema }).strict()).max(500),
    keys: z
      .array(
        z
          .object({
            code: codeSchema,
            label: text(200),
            basis: z.enum(Object.keys(KEY_BASES) as [keyof typeof KEY_BASES]),
            weights: z.array(z.object({ line: codeSchema, weight: z.number().int().min(0).max(1_000_000_000) }).strict()).min(1).max(100),
          })
          .strict(),
      )
      .max(100),
    forecastUnits: z.array(z.object({ line: codeSchema, options: z.record(z.string(), z.string()).default({}), units: z.number().int().min(0).max(100_000_000) }).strict()).max(1000),
  })
  .strict();
export type BudgetDocument = z.infer<typeof budgetDocumentSchema>;

export const budgetParamsSchema = z.object({ id: z.uuid(), year: z.coerce.number().int().min(2000).max(2100) });

const natureRow = z.object({ nature: z.string(), natureLabel: z.string(), amount: euros, perUnit: euros.nullable() });
const sourceRow = z.object({ kind: z.enum(['charge', 'staff', 'depreciation']), id: z.string(), label: z.string(), amount: euros, basis: z.string() });

export const budgetViewSchema = z.object({
  providerId: z.uuid(),
  providerName: z.string(),
  fiscalYear: z.number().int(),
  document: budgetDocumentSchema,
  updatedAt: z.string().nullable(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
  totals: z.object({ forecast: euros, actual: euros, sharedForecast: euros, sharedActual: euros, providerAloneForecast: euros, providerAloneActual: euros }),
  lines: z.array(
    z.object({ line: z.string(), lineName: z.string(), category: z.string(), categoryName: z.string(), forecast: euros, actual: euros, units: z.number().int(), unitCost: euros.nullable(), byNature: z.array(natureRow), sources: z.array(sourceRow) }),
  ),
  flows: z.array(z.object({ sourceKind: z.string(), sourceId: z.string(), sourceLabel: z.string(), nature: z.string(), line: z.string().nullable(), lineName: z.string().nullable(), category: z.string().nullable(), amount: euros, basis: z.string() })),
  depreciation: z.array(z.object({ id: z.string(), label: z.string(), amount: euros, schedule: z.array(z.object({ year: z.number().int(), amount: euros, remaining: euros })) })),
  staffProvision: z.array(z.object({ id: z.string(), label: z.string(), role: z.string(), cost: euros, percent: z.string(), reimbursed: euros })),
});
export type BudgetView = z.infer<typeof budgetViewSchema>;

export const budgetSummarySchema = z.object({ fiscalYear: z.number().int(), forecast: euros, shared: euros, updatedAt: z.string() });

export const proposalSchema = z.object({
  providerId: z.uuid(),
  providerName: z.string(),
  fiscalYear: z.number().int(),
  effectiveFrom: z.string(),
  currentGrid: z.object({ code: z.string(), label: z.string(), effectiveFrom: z.string() }).nullable(),
  rows: z.array(
    z.object({ line: z.string(), lineName: z.string(), options: z.record(z.string(), z.string()), optionsLabel: z.string(), units: z.number().int(), currentAnnual: euros.nullable(), proposedMonthly: euros, proposedAnnual: euros, changePercent: z.string().nullable() }),
  ),
  lines: z.array(z.object({ line: z.string(), lineName: z.string(), allocated: euros, units: z.number().int(), unitCost: euros.nullable(), forecastRevenue: euros, gap: euros, method: z.enum(['unit_cost', 'scaled', 'unpriced', 'unchanged']) })),
  totals: z.object({ allocated: euros, forecastRevenue: euros, gap: euros }),
});
export type ProposalView = z.infer<typeof proposalSchema>;

export const proposalQuerySchema = z.object({ effectiveFrom: civilDateSchema.optional(), format: z.enum(['json', 'pdf', 'xlsx']).default('json') });

const volumeSchema = z.object({ line: codeSchema, options: z.record(z.string(), z.string()).default({}), units: z.number().int().min(0).max(10_000_000) }).strict();
export const simulationInputSchema = z
  .object({
    effectiveFrom: civilDateSchema.optional(),
    joining: z.array(z.object({ name: text(200), volumes: z.array(volumeSchema).max(100) }).strict()).max(50).default([]),
    leaving: z.array(z.uuid()).max(500).default([]),
    extraCharges: z.array(z.object({ label: text(200), nature: z.enum(COST_NATURE_VALUES), amount: eurosSchema, target: costTargetSchema }).strict()).max(50).default([]),
  })
  .strict();
export type SimulationInput = z.infer<typeof simulationInputSchema>;

export const simulationSchema = z.object({
  proposal: proposalSchema,
  scenarioProposal: proposalSchema,
  members: z.array(z.object({ memberId: z.string(), name: z.string(), status: z.enum(['member', 'joining', 'leaving']), current: euros, proposed: euros, scenario: euros, difference: euros, byLine: z.array(z.object({ line: z.string(), amount: euros })) })),
  totals: z.object({ current: euros, proposed: euros, scenario: euros }),
  unpriced: z.array(z.object({ memberId: z.string(), line: z.string(), options: z.record(z.string(), z.string()), grid: z.string() })),
});

export const reconciliationSchema = z.object({
  providerId: z.uuid(),
  fiscalYear: z.number().int(),
  members: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      leaving: z.boolean(),
      cells: z.array(z.object({ line: z.string(), lineName: z.string(), units: z.number().int(), allocated: euros, billed: euros, trueUp: euros })),
      allocated: euros,
      billed: euros,
      trueUp: euros,
    }),
  ),
  categories: z.array(z.object({ category: z.string(), categoryName: z.string(), cost: euros, billed: euros, result: euros })),
  unallocated: z.array(z.object({ line: z.string(), lineName: z.string(), cost: euros })),
  outsideBudget: z.array(z.object({ memberId: z.string(), line: z.string(), amount: euros })),
  totals: z.object({ cost: euros, billed: euros, surplus: euros }),
});

export const transparencyQuerySchema = z.object({ providerId: z.uuid(), year: z.coerce.number().int().min(2000).max(2100) });
export const transparencySchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  providerId: z.uuid(),
  providerName: z.string(),
  fiscalYear: z.number().int(),
  lines: z.array(
    z.object({
      line: z.string(),
      lineName: z.string(),
      units: z.number().int(),
      serviceUnits: z.number().int(),
      serviceCost: euros,
      unitCost: euros.nullable(),
      share: euros,
      byNature: z.array(z.object({ nature: z.string(), natureLabel: z.string(), amount: euros })),
    }),
  ),
  total: euros,
  providerAlone: euros,
});
