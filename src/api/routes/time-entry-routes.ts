import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../contracts/common.ts';
import { timeEntryInputSchema, timeEntrySchema, timeImportResultSchema, timeQuerySchema, timeSummaryQuerySchema, timeSummarySchema } from '../../contracts/time-entries.ts';
import type { Deps } from '../../services/context.ts';
import { ValidationError } from '../../services/errors.ts';
import { readTimeFile } from '../../services/consumption/record-files.ts';
import { listTimeEntries, recordTimeEntries, removeTimeEntry, timeSummary } from '../../services/consumption/time-entries.ts';
import { authenticated, principalOf } from '../auth-plugin.ts';
import { fileBody, refuseFileErrors } from '../file-body.ts';
import type { ZodApp } from '../types.ts';

const writeErrors = { 403: errorSchema, 404: errorSchema, 422: errorSchema };

/** Time spent for members (seed 002 art. 4.2: hourly billing; seed 004 art. 9.2.3: days of work). */
export function timeEntryRoutes(app: ZodApp, deps: Deps): void {
  const tags = ['Consommations'];

  app.post(
    '/api/v1/providers/:id/time-entries/import',
    {
      schema: {
        tags,
        summary: 'Importer des temps passés (CSV ou XLSX, export d’un outil de tickets) : tout ou rien',
        description: 'Colonnes : date, durée (1:30, 1,5 ou 90 min), intervenant, membre (SIREN ou INSEE), service, déplacement (oui/non), description, référence (n° de ticket). Réimporter le même fichier ne change rien.',
        params: idParamsSchema,
        querystring: z.object({ fileName: z.string().max(200).optional(), dryRun: z.coerce.boolean().default(false) }),
        response: { 200: timeImportResultSchema, ...writeErrors },
      },
      onRequest: authenticated,
    },
    async (request) => {
      const rows = await readTimeFile(await fileBody(request.body), request.headers['content-type'] ?? '');
      return refuseFileErrors(await recordTimeEntries(deps, principalOf(request), request.params.id, rows, { source: 'file', fileName: request.query.fileName, dryRun: request.query.dryRun }));
    },
  );

  app.post(
    '/api/v1/providers/:id/time-entries',
    { schema: { tags, summary: 'Saisir un temps passé', params: idParamsSchema, body: timeEntryInputSchema, response: { 200: timeImportResultSchema, ...writeErrors } }, onRequest: authenticated },
    async (request) => {
      const b = request.body;
      const raw = { workedOn: b.workedOn, duration: b.duration, person: b.person, member: b.organisationId, line: b.line, travel: b.travelIncluded ? 'oui' : 'non', description: b.description, reference: b.reference, row: 1 };
      const result = await recordTimeEntries(deps, principalOf(request), request.params.id, [raw], { source: b.reference ? 'api' : 'entry' });
      // A form has fields, not rows: errors are named by the field of the request body.
      const fields: Record<string, string> = { date: 'workedOn', durée: 'duration', intervenant: 'person', membre: 'organisationId', service: 'line', déplacement: 'travelIncluded', description: 'description', référence: 'reference' };
      if (result.errors.length) throw new ValidationError('Temps passé refusé', result.errors.map((e) => ({ path: fields[e.column] ?? e.column, message: e.message })));
      return refuseFileErrors(result);
    },
  );

  app.get(
    '/api/v1/time-entries',
    { schema: { tags, summary: 'Temps passés entre deux dates (un adhérent voit les siens)', querystring: timeQuerySchema, response: { 200: z.array(timeEntrySchema) } }, onRequest: authenticated },
    async (request) => listTimeEntries(deps, principalOf(request), request.query),
  );

  app.get(
    '/api/v1/time-entries/summary',
    { schema: { tags, summary: 'Temps passés cumulés par adhérent, service et période (heures et jours)', querystring: timeSummaryQuerySchema, response: { 200: timeSummarySchema } }, onRequest: authenticated },
    async (request) => timeSummary(deps, principalOf(request), request.query),
  );

  app.delete(
    '/api/v1/time-entries/:id',
    { schema: { tags, summary: 'Supprimer un temps saisi par erreur (conservé au journal)', params: idParamsSchema, response: { 204: z.null(), 403: errorSchema, 404: errorSchema } }, onRequest: authenticated },
    async (request, reply) => {
      await removeTimeEntry(deps, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
