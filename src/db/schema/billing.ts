import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agreements } from './agreements.ts';
import { organisations, providers } from './organisations.ts';

/**
 * One issued billing run: an agreement's bills for one period and kind (regular, provisional, true-up, penalty
 * payment orders). Unique per agreement, kind and period: issuing the same period twice creates nothing new.
 */
export const billingRuns = pgTable(
  'billing_run',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
    kind: text('kind').notNull(),
    periodKind: text('period_kind').notNull(),
    year: integer('year').notNull(),
    periodIndex: integer('period_index').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'string' }).notNull(),
    actorLabel: text('actor_label').notNull(),
    documents: integer('documents').notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('billing_run_period_key').on(t.agreementId, t.kind, t.periodKind, t.year, t.periodIndex)],
);

/**
 * A receivable title (titre de recette), a reduction or cancellation of one (a new numbered document that
 * refers to it, never an edit), or a payment order (mandat) paying a member back. Numbered per provider, fiscal
 * year and series ('recette' for titles and their reductions, 'mandat' for payment orders) with no gap: the
 * numbers are taken under a lock on the provider row. Never updated nor deleted (a trigger refuses it).
 */
export const receivableTitles = pgTable(
  'receivable_title',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    runId: uuid('run_id').references(() => billingRuns.id),
    kind: text('kind').notNull(),
    series: text('series').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    sequence: integer('sequence').notNull(),
    number: text('number').notNull(),
    refersTo: uuid('refers_to'),
    subject: text('subject').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    amountExclCents: bigint('amount_excl_cents', { mode: 'number' }).notNull(),
    vatCents: bigint('vat_cents', { mode: 'number' }).notNull(),
    amountInclCents: bigint('amount_incl_cents', { mode: 'number' }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [
    uniqueIndex('receivable_title_number_key').on(t.providerId, t.fiscalYear, t.series, t.sequence),
    index('receivable_title_member_idx').on(t.organisationId, t.fiscalYear),
    index('receivable_title_run_idx').on(t.runId),
    check('receivable_title_positive', sql`${t.amountInclCents} >= 0`),
  ],
);

/**
 * A title's lines, as computed and explained at issue, kept as one JSON text per title (an array of the
 * calculators' lines, each with its VAT amount): the title never depends on later data. One row per title
 * rather than per line because a national run writes 360,000 lines and the embedded engine pays per row
 * (docs/PERFORMANCE.md); text rather than jsonb because nothing queries inside it on the hot path, and
 * reports that need to can cast it (`lines::jsonb`).
 */
export const receivableTitleContents = pgTable('receivable_title_content', {
  titleId: uuid('title_id')
    .primaryKey()
    .references(() => receivableTitles.id),
  lines: text('lines').notNull(),
});

/** A payment received for a title (several for a partial payment). */
export const titlePayments = pgTable(
  'title_payment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    titleId: uuid('title_id').notNull().references(() => receivableTitles.id),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    reference: text('reference').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
    actorLabel: text('actor_label').notNull(),
  },
  (t) => [index('title_payment_title_idx').on(t.titleId), check('title_payment_positive', sql`${t.amountCents} > 0`)],
);

/**
 * What the provider's PES files need from its accounting (issue #7: "accounting imputation is data per service
 * line"): the public accountant's post, the collectivity and budget codes, the nature account and local product
 * code of each service line (a default for the others). Optionally the path of the official XSD to check against.
 */
export const pesSettings = pgTable('pes_settings', {
  providerId: uuid('provider_id')
    .primaryKey()
    .references(() => providers.organisationId),
  idPost: text('id_post').notNull(),
  codCol: text('cod_col').notNull(),
  codBud: text('cod_bud').notNull(),
  budgetLabel: text('budget_label').notNull(),
  defaultNature: text('default_nature').notNull(),
  defaultProductCode: text('default_product_code').notNull(),
  imputations: jsonb('imputations').notNull(),
  xsdPath: text('xsd_path'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
});
