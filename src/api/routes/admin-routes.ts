import { z } from 'zod';
import { auditEventSchema, auditQuerySchema } from '../../contracts/audit.ts';
import { errorSchema } from '../../contracts/common.ts';
import { setupLoadRequestSchema, setupLoadResultSchema } from '../../contracts/setup-file.ts';
import { listAuditEvents } from '../../repositories/audit-repository.ts';
import { require, type Deps } from '../../services/context.ts';
import { ForbiddenError } from '../../services/errors.ts';
import { listOutbox } from '../../services/mail/mailer.ts';
import { territoryImportRequestSchema, territoryImportResultSchema } from '../../contracts/registry.ts';
import { importTerritory } from '../../services/registry/import-territory.ts';
import { loadSetupFile } from '../../services/setup/setup-service.ts';
import { setupFileJsonSchema } from '../../services/setup/setup-json-schema.ts';
import { authenticated, principalOf } from '../auth-plugin.ts';
import type { ZodApp } from '../types.ts';

export function adminRoutes(app: ZodApp, deps: Deps): void {
  app.get(
    '/api/v1/audit',
    { schema: { tags: ['Journal'], summary: "Journal d'audit (du plus récent au plus ancien)", querystring: auditQuerySchema, response: { 200: z.array(auditEventSchema), 403: errorSchema } }, onRequest: authenticated },
    async (request) => {
      const principal = principalOf(request);
      require(principal, 'audit:read');
      return listAuditEvents(deps.database.db, principal.scope, request.query);
    },
  );

  app.post(
    '/api/v1/imports/territory',
    {
      schema: {
        tags: ['Registre'],
        summary: 'Importer les communes et EPCI du référentiel officiel (@etalab/decoupage-administratif)',
        body: territoryImportRequestSchema,
        response: { 200: territoryImportResultSchema, 403: errorSchema, 422: errorSchema },
      },
      onRequest: authenticated,
    },
    async (request) => importTerritory(deps, principalOf(request), request.body),
  );

  app.post(
    '/api/v1/setup/load',
    {
      schema: {
        tags: ['Paramétrage'],
        summary: 'Charger un fichier de paramétrage (tout ou rien)',
        body: setupLoadRequestSchema,
        response: { 200: setupLoadResultSchema, 403: errorSchema, 422: errorSchema },
      },
      onRequest: authenticated,
      bodyLimit: 12 * 1024 * 1024,
    },
    async (request) => loadSetupFile(deps, principalOf(request), request.body.content, { dryRun: request.body.dryRun }),
  );

  app.get(
    '/api/v1/outbox',
    {
      schema: {
        tags: ['Journal'],
        summary: 'Boîte d’envoi : courriels envoyés ou capturés (sans SMTP), pour les administrateurs de la plateforme',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: {
          200: z.array(z.object({ id: z.number().int(), createdAt: z.string(), recipient: z.string(), subject: z.string(), body: z.string(), status: z.string(), error: z.string().nullable(), kind: z.string() })),
          403: errorSchema,
        },
      },
      onRequest: authenticated,
    },
    async (request) => {
      const principal = principalOf(request);
      require(principal, 'account:manage');
      if (principal.scope.kind !== 'platform') throw new ForbiddenError('La boîte d’envoi est réservée aux administrateurs de la plateforme');
      return listOutbox(deps.database.db, request.query.limit);
    },
  );

  app.get(
    '/api/v1/setup/schema.json',
    { schema: { tags: ['Paramétrage'], summary: 'JSON Schema publié des fichiers de paramétrage' } },
    async () => setupFileJsonSchema(),
  );
}
