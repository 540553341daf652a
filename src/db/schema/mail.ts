import { bigserial, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';
import { agreements } from './agreements.ts';

/** Every mail the product sends, or captures when no SMTP server is configured (development, tests). */
export const outboxMails = pgTable(
  'outbox_mail',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** captured (not sent: no SMTP configured), sent, or failed. */
    status: text('status').notNull(),
    error: text('error'),
    kind: text('kind').notNull(),
  },
  (t) => [index('outbox_mail_created_idx').on(t.id)],
);

/** One reminder per deadline, lead time and recipient: a run repeated the same day sends nothing twice. */
export const remindersSent = pgTable(
  'reminder_sent',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    entryKey: text('entry_key').notNull(),
    daysBefore: integer('days_before').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('reminder_sent_key').on(t.agreementId, t.entryKey, t.daysBefore, t.accountId)],
);
