import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log: a trigger (migration 0001) refuses UPDATE and DELETE on this table, so the
 * trail cannot be rewritten by the application either.
 */
export const auditEvents = pgTable(
  'audit_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    actorAccountId: uuid('actor_account_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** The organisation the change concerns, so the audit trail is scoped like the data it describes. */
    organisationId: uuid('organisation_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_event_entity_idx').on(t.entityType, t.entityId), index('audit_event_organisation_idx').on(t.organisationId, t.id)],
);
