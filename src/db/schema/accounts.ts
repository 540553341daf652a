import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.ts';
import { organisations } from './organisations.ts';

export const accounts = pgTable(
  'account',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    /** Provider staff: their provider (null = whole platform). Member people: their organisation. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    contactId: uuid('contact_id').references(() => contacts.id),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('account_email_key').on(sql`lower(${t.email})`), index('account_organisation_idx').on(t.organisationId)],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'session',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('session_account_idx').on(t.accountId)],
);
