import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../contracts/common.ts';
import { forecastComparisonSchema, forecastPutResultSchema, forecastPutSchema } from '../../contracts/forecasts.ts';
import { telecomStatementQuerySchema, telecomStatementSchema, unitsStatementQuerySchema, unitsStatementSchema } from '../../contracts/statements.ts';
import type { Deps } from '../../services/context.ts';
import { forecastComparison, importForecastFile, putForecasts } from '../../services/consumption/forecasts.ts';
import { readForecastFile } from '../../services/consumption/record-files.ts';
import { fileBody } from '../file-body.ts';
import { telecomStatementPdf, telecomStatementXlsx, unitsStatementPdf, unitsStatementXlsx } from '../../services/consumption/statement-documents.ts';
import { telecomStatementFor, unitsStatementFor } from '../../services/consumption/statements.ts';
import { authenticated, principalOf } from '../auth-plugin.ts';
import { sendDocument } from '../send-document.ts';
import type { ZodApp } from '../types.ts';

/** Forecasts of use and the statements sent to members (seed 000 quarterly, seed 001 half-yearly). */
export function statementRoutes(app: ZodApp, deps: Deps): void {
  const tags = ['Consommations'];
  const formats = 'format=json (défaut), pdf ou xlsx.';

  app.put(
    '/api/v1/providers/:id/forecasts',
    { schema: { tags, summary: 'Enregistrer des prévisions d’utilisation (unités et/ou montant) : tout ou rien', params: idParamsSchema, body: forecastPutSchema, response: { 200: forecastPutResultSchema, 403: errorSchema, 404: errorSchema, 422: errorSchema } }, onRequest: authenticated },
    async (request) => putForecasts(deps, principalOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/providers/:id/forecasts/import',
    {
      schema: {
        tags,
        summary: 'Importer des prévisions (CSV ou XLSX) : tout ou rien',
        description: 'Colonnes : membre (SIREN ou INSEE), ligne, options, année, trimestre (vide = année entière), unités, montant (HT).',
        params: idParamsSchema,
        response: { 200: forecastPutResultSchema, 403: errorSchema, 404: errorSchema, 422: errorSchema },
      },
      onRequest: authenticated,
    },
    async (request) => importForecastFile(deps, principalOf(request), request.params.id, await readForecastFile(await fileBody(request.body), request.headers['content-type'] ?? '')),
  );

  app.get(
    '/api/v1/organisations/:id/forecasts',
    {
      schema: { tags, summary: 'Prévisions d’un adhérent comparées au réalisé, par ligne, pour l’année et chaque trimestre', params: idParamsSchema, querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100), providerId: z.uuid().optional() }), response: { 200: forecastComparisonSchema, 404: errorSchema } },
      onRequest: authenticated,
    },
    async (request) => forecastComparison(deps, principalOf(request), request.params.id, request.query.year, request.query.providerId),
  );

  app.get(
    '/api/v1/organisations/:id/statements/telecom',
    { schema: { tags, summary: 'État trimestriel des consommations télécoms par type de prestation', description: formats, params: idParamsSchema, querystring: telecomStatementQuerySchema, response: { 200: telecomStatementSchema, 404: errorSchema } }, onRequest: authenticated },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const view = await telecomStatementFor(deps, principalOf(request), request.params.id, query);
      if (format === 'json') return view;
      return sendDocument(reply, await (format === 'pdf' ? telecomStatementPdf(view) : telecomStatementXlsx(view)));
    },
  );

  app.get(
    '/api/v1/organisations/:id/statements/units',
    { schema: { tags, summary: 'État des recours aux services en unités (semestriel par défaut)', description: formats, params: idParamsSchema, querystring: unitsStatementQuerySchema, response: { 200: unitsStatementSchema, 404: errorSchema } }, onRequest: authenticated },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const view = await unitsStatementFor(deps, principalOf(request), request.params.id, query);
      if (format === 'json') return view;
      return sendDocument(reply, await (format === 'pdf' ? unitsStatementPdf(view) : unitsStatementXlsx(view)));
    },
  );
}
