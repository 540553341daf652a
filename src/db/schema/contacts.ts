import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';

export const contacts = pgTable(
  'contact',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    civility: text('civility'),
    firstName: text('first_name'),
    lastName: text('last_name').notNull(),
    jobTitle: text('job_title'),
    email: text('email'),
    phone: text('phone'),
    roles: text('roles').array().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('contact_organisation_idx').on(t.organisationId),
    // Seed 004 art. 3.1: one Correspondant Local Informatique per member. The database holds the line
    // even under concurrent edits; the service explains the refusal first.
    uniqueIndex('contact_one_active_cli').on(t.organisationId).where(sql`${t.active} AND 'cli' = ANY(${t.roles})`),
  ],
);
