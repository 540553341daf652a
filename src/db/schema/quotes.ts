import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, providers } from './organisations.ts';
import { subscriptionRequests } from './subscriptions.ts';
import { bytea } from './types.ts';

/** A quote (devis) numbered per provider and year without gaps; its lines keep their own prices. */
export const quotes = pgTable(
  'quote',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    requestId: uuid('request_id').references(() => subscriptionRequests.id),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    number: text('number').notNull(),
    subject: text('subject').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    sentOn: date('sent_on', { mode: 'string' }),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    acceptedBy: text('accepted_by'),
    signedFileName: text('signed_file_name'),
    signedDocument: bytea('signed_document'),
    declinedOn: date('declined_on', { mode: 'string' }),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('quote_number_key').on(t.providerId, t.year, t.sequence), index('quote_member_idx').on(t.providerId, t.organisationId)],
);

export const quoteLines = pgTable(
  'quote_line',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quoteId: uuid('quote_id').notNull().references(() => quotes.id),
    position: integer('position').notNull(),
    line: text('line'),
    nature: text('nature').notNull(),
    /** Hundredths: 150 = 1.5 hours. */
    quantityHundredths: integer('quantity_hundredths').notNull(),
    unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
    vat: jsonb('vat').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('quote_line_position_key').on(t.quoteId, t.position)],
);
