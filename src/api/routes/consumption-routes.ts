import type { Readable } from 'node:stream';
import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../contracts/common.ts';
import { consumptionQuerySchema, consumptionSeriesSchema, snapshotImportResultSchema, snapshotPushSchema } from '../../contracts/consumption.ts';
import type { RowError } from '../../domain/consumption/snapshot-row.ts';
import type { Deps } from '../../services/context.ts';
import { memberConsumption } from '../../services/consumption/member-consumption.ts';
import { readSnapshotCsv, readSnapshotXlsx } from '../../services/consumption/snapshot-files.ts';
import { importSnapshots, type SnapshotImportResult } from '../../services/consumption/snapshot-import.ts';
import { ValidationError } from '../../services/errors.ts';
import { authenticated, principalOf } from '../auth-plugin.ts';
import type { ZodApp } from '../types.ts';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const COLUMN_LABELS: Record<RowError['column'], string> = { member: 'membre', line: 'ligne de service', options: 'options', month: 'mois', units: 'unités', ligne: 'ligne entière' };

/** An import with errors is refused whole: 422 with every error (up to 1,000) as "ligne N, colonne". */
function refuseOrReturn(result: SnapshotImportResult, path = (e: RowError) => `ligne ${e.row}, ${COLUMN_LABELS[e.column]}`) {
  if (!result.errorCount) {
    const { errors: _e, errorCount: _c, ...ok } = result;
    return ok;
  }
  const more = result.errorCount > result.errors.length ? ` ; les ${result.errors.length} premières sont listées` : '';
  throw new ValidationError(`Import refusé : ${result.errorCount} erreur(s) sur ${result.rows} ligne(s), rien n'a été enregistré${more}`, result.errors.map((e) => ({ path: path(e), message: e.message })));
}

/** Consumption: monthly snapshots by file, by API or by hand; a member's units month by month. */
export function consumptionRoutes(app: ZodApp, deps: Deps): void {
  const tags = ['Consommations'];
  // A CSV streams straight into the parser (a year at national scale is hundreds of MB); an XLSX is read whole.
  app.addContentTypeParser(CSV, (_request, payload, done) => done(null, payload));
  app.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: 64 * 1024 * 1024 }, (_request, body, done) => done(null, body));

  app.post(
    '/api/v1/providers/:id/snapshots/import',
    {
      schema: {
        tags,
        summary: 'Importer un fichier de relevés mensuels (CSV ou XLSX) : tout ou rien',
        description: `Corps : le fichier, avec l'en-tête Content-Type ${CSV} ou ${XLSX}. Colonnes : membre (SIREN ou INSEE), ligne, options, mois (AAAA-MM), unités.`,
        params: idParamsSchema,
        querystring: z.object({ fileName: z.string().max(200).optional(), dryRun: z.coerce.boolean().default(false) }),
        response: { 200: snapshotImportResultSchema, 403: errorSchema, 404: errorSchema, 422: errorSchema },
      },
      onRequest: authenticated,
    },
    async (request) => {
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
      const body = request.body as unknown;
      const records = type === XLSX && Buffer.isBuffer(body) ? readSnapshotXlsx(body) : type === CSV ? readSnapshotCsv(body as Readable) : null;
      if (!records) throw new ValidationError('Fichier attendu', [{ path: 'body', message: `envoyez le fichier avec l'en-tête Content-Type ${CSV} ou ${XLSX}` }]);
      const result = await importSnapshots(deps, principalOf(request), request.params.id, records, { source: 'file', fileName: request.query.fileName, dryRun: request.query.dryRun });
      return refuseOrReturn(result);
    },
  );

  app.post(
    '/api/v1/providers/:id/snapshots',
    {
      schema: {
        tags,
        summary: 'Pousser ou saisir des relevés mensuels (JSON) : mêmes contrôles que l’import de fichier',
        params: idParamsSchema,
        body: snapshotPushSchema,
        response: { 200: snapshotImportResultSchema, 403: errorSchema, 404: errorSchema, 422: errorSchema },
      },
      onRequest: authenticated,
    },
    async (request) => {
      const rows = request.body.rows.map((r, i) => ({ ...r, row: i }));
      const result = await importSnapshots(deps, principalOf(request), request.params.id, [rows], { source: rows.length === 1 ? 'entry' : 'api', dryRun: request.body.dryRun });
      // JSON rows are named by their index and field, as the rest of the API does.
      return refuseOrReturn(result, (e) => `rows[${e.row}]${e.column === 'ligne' ? '' : `.${e.column}`}`);
    },
  );

  app.get(
    '/api/v1/organisations/:id/consumption',
    { schema: { tags, summary: 'Unités d’un adhérent mois par mois, avec l’année précédente', params: idParamsSchema, querystring: consumptionQuerySchema, response: { 200: consumptionSeriesSchema, 404: errorSchema } }, onRequest: authenticated },
    async (request) => memberConsumption(deps, principalOf(request), request.params.id, request.query.year, request.query.providerId),
  );
}
