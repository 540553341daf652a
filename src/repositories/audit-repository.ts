import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { AuditEvent, AuditQuery } from '../contracts/audit.ts';
import type { Scope } from '../domain/access/roles.ts';
import type { Db } from '../db/database.ts';
import { auditEvents } from '../db/schema/index.ts';
import { visibleTo } from '../db/scope.ts';

export interface Actor {
  accountId: string | null;
  label: string;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  organisationId: string | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(db: Db, actor: Actor, occurredAt: Date, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    occurredAt: occurredAt.toISOString(),
    actorAccountId: actor.accountId,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    organisationId: entry.organisationId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export async function listAuditEvents(db: Db, scope: Scope, query: AuditQuery): Promise<AuditEvent[]> {
  // Events about no organisation (accounts of the platform, imports) are for platform staff only.
  const scoped = scope.kind === 'platform' ? sql`true` : and(sql`${auditEvents.organisationId} IS NOT NULL`, visibleTo(scope, auditEvents.organisationId));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        scoped,
        query.organisationId ? eq(auditEvents.organisationId, query.organisationId) : undefined,
        query.entityType ? eq(auditEvents.entityType, query.entityType) : undefined,
        query.entityId ? eq(auditEvents.entityId, query.entityId) : undefined,
        query.beforeId ? lt(auditEvents.id, query.beforeId) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(query.limit);
  return rows.map((r) => ({
    id: Number(r.id),
    occurredAt: new Date(r.occurredAt).toISOString(),
    actorLabel: r.actorLabel,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    organisationId: r.organisationId,
    before: r.before ?? null,
    after: r.after ?? null,
  }));
}
