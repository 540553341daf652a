import { integer, jsonb, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { providers } from './organisations.ts';

/**
 * The budget of a provider's shared service for one fiscal year (seed 004 art. 9.1): operating charges, staff
 * with their shares of time, investments with their depreciation, keys and forecast units, forecast and
 * actual amounts side by side. Stored as one document: it is edited whole in the budget editor and read whole
 * by the allocation (domain/costs); amounts inside are integer cents.
 */
export const costBudgets = pgTable(
  'cost_budget',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    fiscalYear: integer('fiscal_year').notNull(),
    document: jsonb('document').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('cost_budget_key').on(t.providerId, t.fiscalYear)],
);
