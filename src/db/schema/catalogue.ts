import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, providers } from './organisations.ts';

/**
 * A provider's catalogue. Lines, dependencies and prices refer to one another by their code within the
 * provider, as the documents do ("niveau 1", "messagerie"); the domain checks the references on write.
 */
export const catalogueCategories = pgTable(
  'catalogue_category',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('catalogue_category_code_key').on(t.providerId, t.code)],
);

export const serviceLines = pgTable(
  'service_line',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    categoryCode: text('category_code').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    kind: text('kind').notNull(),
    unit: text('unit').notNull(),
    status: text('status').notNull(),
    /** Why a line was withdrawn; 'security' needs only a notice to members (seed 003 art. 4.4). */
    withdrawalReason: text('withdrawal_reason'),
    options: jsonb('options').notNull(),
    additiveTo: text('additive_to'),
    deliveredById: uuid('delivered_by_id').references(() => organisations.id),
    subProviderId: uuid('sub_provider_id').references(() => organisations.id),
    /** Who does what for this line when two bodies share it (seed 001 art. 2). */
    responsibilities: jsonb('responsibilities').notNull(),
    technicalPrerequisites: text('technical_prerequisites').array().notNull(),
    annexes: text('annexes').array().notNull(),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('service_line_code_key').on(t.providerId, t.code)],
);

export const catalogueDependencies = pgTable(
  'catalogue_dependency',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    fromKind: text('from_kind').notNull(),
    fromCode: text('from_code').notNull(),
    requiresKind: text('requires_kind').notNull(),
    requiresCode: text('requires_code').notNull(),
  },
  (t) => [uniqueIndex('catalogue_dependency_key').on(t.providerId, t.fromKind, t.fromCode, t.requiresKind, t.requiresCode)],
);

export const sharedCharges = pgTable(
  'shared_charge',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    chargeLine: text('charge_line').notNull(),
    triggeredBy: text('triggered_by').array().notNull(),
  },
  (t) => [uniqueIndex('shared_charge_key').on(t.providerId, t.chargeLine)],
);

/** A voted grid. Never edited once stored: a new price is a new grid version with its own effective date. */
export const tariffGrids = pgTable(
  'tariff_grid',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    code: text('code').notNull(),
    label: text('label').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    deliberationOrgan: text('deliberation_organ'),
    deliberationNumber: text('deliberation_number'),
    deliberationDate: date('deliberation_date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('tariff_grid_code_key').on(t.providerId, t.code), uniqueIndex('tariff_grid_effective_key').on(t.providerId, t.effectiveFrom)],
);

export const tariffPrices = pgTable(
  'tariff_price',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    gridId: uuid('grid_id').notNull().references(() => tariffGrids.id),
    lineCode: text('line_code').notNull(),
    options: jsonb('options').notNull(),
    optionsKey: text('options_key').notNull(),
    monthlyCents: bigint('monthly_cents', { mode: 'number' }),
    annualCents: bigint('annual_cents', { mode: 'number' }),
    perUnitCents: bigint('per_unit_cents', { mode: 'number' }),
    vatMode: text('vat_mode').notNull(),
    vatRateBasisPoints: integer('vat_rate_basis_points'),
    minimumQuantity: integer('minimum_quantity'),
    statedElsewhere: jsonb('stated_elsewhere'),
  },
  (t) => [uniqueIndex('tariff_price_key').on(t.gridId, t.lineCode, t.optionsKey), index('tariff_price_grid_idx').on(t.gridId)],
);

/** A unit cost per line and fiscal year, with the charges it was built from (seed 001 annex 2). */
export const unitCosts = pgTable(
  'unit_cost',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    lineCode: text('line_code').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    forecastUnits: integer('forecast_units').notNull(),
    charges: jsonb('charges').notNull(),
    noticeMonths: integer('notice_months').notNull(),
    budgetAdoption: date('budget_adoption', { mode: 'string' }),
    notifiedOn: date('notified_on', { mode: 'string' }),
  },
  (t) => [uniqueIndex('unit_cost_key').on(t.providerId, t.lineCode, t.fiscalYear)],
);
