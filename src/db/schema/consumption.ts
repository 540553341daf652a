import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, providers } from './organisations.ts';

/**
 * Units a member had on a month for one service line and option combination (seed 004 art. 9.2.3: monthly
 * snapshots of workstations, mailboxes, days). `month` is the first day of the month. A correction moves
 * the previous value to `consumption_snapshot_history`.
 */
export const consumptionSnapshots = pgTable(
  'consumption_snapshot',
  {
    providerId: uuid('provider_id').notNull().references(() => providers.organisationId),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    line: text('line').notNull(),
    optionsKey: text('options_key').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    units: integer('units').notNull(),
    importId: uuid('import_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ name: 'consumption_snapshot_pkey', columns: [t.providerId, t.organisationId, t.line, t.optionsKey, t.month] })],
);

/** Previous values of corrected snapshots, with when and by which import they were replaced. */
export const consumptionSnapshotHistory = pgTable(
  'consumption_snapshot_history',
  {
    providerId: uuid('provider_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    line: text('line').notNull(),
    optionsKey: text('options_key').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    units: integer('units').notNull(),
    importId: uuid('import_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
    replacedAt: timestamp('replaced_at', { withTimezone: true, mode: 'string' }).notNull(),
    replacedByImport: uuid('replaced_by_import'),
  },
  (t) => [index('consumption_snapshot_history_member_idx').on(t.providerId, t.organisationId, t.month)],
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
