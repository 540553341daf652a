import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';

/**
 * A secret address per account for subscribing to its calendar from a calendar application, which
 * cannot send the session cookie. Only the SHA-256 of the token is kept; a new token replaces the old.
 */
export const calendarFeedTokens = pgTable('calendar_feed_token', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
});
