import { z } from 'zod';

export const auditEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  organisationId: z.uuid().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditQuerySchema = z.object({
  organisationId: z.uuid().optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeId: z.coerce.number().int().optional().describe("Pagination : événements d'id inférieur"),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
