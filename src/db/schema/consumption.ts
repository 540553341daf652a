import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, providers } from './organisations.ts';

/**
 * Units a member had each month of a year for one service line and option combination (seed 004 art. 9.2.3:
 * monthly snapshots of workstations, mailboxes, days): `units[1..12]`, NULL for a month without snapshot.
 * One row per year rather than per month: a national year is 360,000 rows instead of 4.3 million, which is
 * what makes loading and billing fast (STACK-NOTES: the cost is in reading rows). A correction moves the
 * previous array to `consumption_snapshot_history`.
 */
export const consumptionSnapshots = pgTable(
  'consumption_snapshot',
  {
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    line: text('line').notNull(),
    optionsKey: text('options_key').notNull(),
    year: integer('year').notNull(),
    units: integer('units').array().notNull(),
    importId: uuid('import_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'consumption_snapshot_pkey', columns: [t.providerId, t.organisationId, t.line, t.optionsKey, t.year] }),
    check('consumption_snapshot_twelve_months', sql`cardinality(${t.units}) = 12`),
  ],
);

/** Previous values of corrected snapshots, with when and by which import they were replaced. */
export const consumptionSnapshotHistory = pgTable(
  'consumption_snapshot_history',
  {
    providerId: uuid('provider_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    line: text('line').notNull(),
    optionsKey: text('options_key').notNull(),
    year: integer('year').notNull(),
    units: integer('units').array().notNull(),
    importId: uuid('import_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
    replacedAt: timestamp('replaced_at', { withTimezone: true, mode: 'string' }).notNull(),
    replacedByImport: uuid('replaced_by_import'),
  },
  (t) => [index('consumption_snapshot_history_member_idx').on(t.providerId, t.organisationId, t.year)],
);

/** One import of snapshots (file, API push or hand entry), with what it changed. */
export const consumptionImports = pgTable('consumption_import', {
  id: uuid('id').primaryKey().defaultRandom(),
  providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
  source: text('source').notNull(),
  fileName: text('file_name'),
  rows: integer('rows').notNull(),
  created: integer('created').notNull(),
  updated: integer('updated').notNull(),
  unchanged: integer('unchanged').notNull(),
  actorLabel: text('actor_label').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true, mode: 'string' }).notNull(),
});
