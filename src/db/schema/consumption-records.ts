import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, providers } from './organisations.ts';
import { bytea } from './types.ts';

/**
 * Time spent for a member (seed 002 art. 4.2: each intervention billed on time spent at an hourly rate,
 * travel included; seed 004 art. 9.2.3: days of work). `reference` identifies the entry across imports (a
 * ticket number, or a digest of the row when the file has none), so re-importing a file changes nothing.
 */
export const timeEntries = pgTable(
  'time_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    line: text('line').notNull(),
    workedOn: date('worked_on', { mode: 'string' }).notNull(),
    minutes: integer('minutes').notNull(),
    person: text('person').notNull(),
    travelIncluded: boolean('travel_included').notNull(),
    description: text('description').notNull(),
    reference: text('reference').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
    actorLabel: text('actor_label').notNull(),
  },
  (t) => [
    uniqueIndex('time_entry_reference_key').on(t.providerId, t.reference),
    index('time_entry_member_idx').on(t.providerId, t.organisationId, t.workedOn),
    check('time_entry_minutes_positive', sql`${t.minutes} > 0`),
  ],
);

/**
 * An invoice a telecom operator sent the provider under a lot of its public market (seed 000 art. 4.2: the
 * provider orders from the holders of each lot of the PST market and passes the real cost on). The copy
 * ("double de la facture") is kept for the members it concerns.
 */
export const operatorInvoices = pgTable(
  'operator_invoice',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    operator: text('operator').notNull(),
    marketLot: text('market_lot').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    vatCents: bigint('vat_cents', { mode: 'number' }).notNull(),
    copyFileName: text('copy_file_name'),
    copyContentType: text('copy_content_type'),
    copy: bytea('copy'),
    importId: uuid('import_id').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('operator_invoice_number_key').on(t.providerId, t.operator, t.number), index('operator_invoice_period_idx').on(t.providerId, t.periodFrom)],
);

/** One line of an operator invoice: what one member consumed of one type of service, on a line or site. */
export const operatorInvoiceLines = pgTable(
  'operator_invoice_line',
  {
    invoiceId: uuid('invoice_id').notNull().references(() => operatorInvoices.id),
    position: integer('position').notNull(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    line: text('line').notNull(),
    site: text('site').notNull(),
    label: text('label').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    vatCents: bigint('vat_cents', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ name: 'operator_invoice_line_pkey', columns: [t.invoiceId, t.position] }), index('operator_invoice_line_member_idx').on(t.organisationId)],
);

/** A penalty an operator paid the provider for a member's services: paid back at year end (seed 000 art. 4.2). */
export const operatorPenalties = pgTable(
  'operator_penalty',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    operator: text('operator').notNull(),
    marketLot: text('market_lot').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    invoiceId: uuid('invoice_id').references(() => operatorInvoices.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
    actorLabel: text('actor_label').notNull(),
  },
  (t) => [index('operator_penalty_member_idx').on(t.providerId, t.organisationId, t.receivedOn), check('operator_penalty_amount_positive', sql`${t.amountCents} > 0`)],
);

/**
 * Forecast use of a service line for a year (quarter 0) or one quarter (1–4): units over the period (seed 001
 * annex 3, forecast of use in units of service) and/or an amount (seed 000: the provisional quarterly title
 * is the forecast consumption).
 */
export const consumptionForecasts = pgTable(
  'consumption_forecast',
  {
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    line: text('line').notNull(),
    optionsKey: text('options_key').notNull(),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    units: integer('units'),
    amountCents: bigint('amount_cents', { mode: 'number' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
    actorLabel: text('actor_label').notNull(),
  },
  (t) => [
    primaryKey({ name: 'consumption_forecast_pkey', columns: [t.providerId, t.organisationId, t.line, t.optionsKey, t.year, t.quarter] }),
    check('consumption_forecast_quarter', sql`${t.quarter} BETWEEN 0 AND 4`),
    check('consumption_forecast_something', sql`${t.units} IS NOT NULL OR ${t.amountCents} IS NOT NULL`),
  ],
);
