import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const organisations = pgTable(
  'organisation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    siren: text('siren'),
    siret: text('siret'),
    inseeCode: text('insee_code'),
    departement: text('departement'),
    addressLine1: text('address_line1'),
    addressLine2: text('address_line2'),
    postalCode: text('postal_code'),
    city: text('city'),
    population: integer('population'),
    parentEpciId: uuid('parent_epci_id').references((): AnyPgColumn => organisations.id),
    representativeName: text('representative_name'),
    representativeTitle: text('representative_title'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('organisation_siren_key').on(t.siren),
    uniqueIndex('organisation_insee_code_key').on(t.inseeCode),
    index('organisation_parent_epci_idx').on(t.parentEpciId),
    index('organisation_departement_idx').on(t.departement),
    index('organisation_name_search_idx').using('btree', sql`lower(${t.name}) text_pattern_ops`),
    check('organisation_population_check', sql`${t.population} IS NULL OR ${t.population} >= 0`),
  ],
);

/** An organisation that produces services; holds provider-wide settings as later issues add them. */
export const providers = pgTable('provider', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  shortName: text('short_name').notNull(),
  /** Length of a working day for converting time spent into days of work (seed 004 art. 8: the provider's own working-time rules). */
  workdayMinutes: integer('workday_minutes').notNull().default(420),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
});

/** The link between a provider and an organisation it serves, from prospect to former member. */
export const memberships = pgTable(
  'membership',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.organisationId),
    memberId: uuid('member_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status').notNull(),
    since: date('since', { mode: 'string' }),
    until: date('until', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [
    uniqueIndex('membership_provider_member_key').on(t.providerId, t.memberId),
    index('membership_member_idx').on(t.memberId),
    check('membership_not_self', sql`${t.providerId} <> ${t.memberId}`),
  ],
);

