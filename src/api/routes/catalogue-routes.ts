import { z } from 'zod';
import {
  catalogueReplaceSchema,
  catalogueViewSchema,
  codeSchema,
  gridComparisonSchema,
  gridInputSchema,
  gridSummarySchema,
  gridViewSchema,
  missingPrerequisitesSchema,
  priceLookupQuerySchema,
  priceLookupSchema,
  unitCostInputSchema,
  unitCostViewSchema,
} from '../../contracts/catalogue.ts';
import { errorSchema, idParamsSchema } from '../../contracts/common.ts';
import { missingPrerequisites } from '../../domain/catalogue/prerequisites.ts';
import { nodeLabel } from '../../domain/catalogue/catalogue.ts';
import { getCatalogueView, replaceCatalogue } from '../../services/catalogue/catalogue-service.ts';
import { documentToDomain } from '../../services/catalogue/catalogue-mapping.ts';
import { gridCsv, gridPdf, gridXlsx } from '../../services/catalogue/grid-export.ts';
import { compareGridVersions, createGrid, getGrid, listGrids, lookupPrice } from '../../services/catalogue/grid-service.ts';
import { listUnitCosts, putUnitCost } from '../../services/catalogue/unit-cost-service.ts';
import type { Deps } from '../../services/context.ts';
import { authenticated, principalOf } from '../auth-plugin.ts';
import type { ZodApp } from '../types.ts';

const gridParams = idParamsSchema.extend({ code: codeSchema });
const exportParams = gridParams.extend({ format: z.enum(['csv', 'xlsx', 'pdf']) });

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export function catalogueRoutes(app: ZodApp, deps: Deps): void {
  const tags = ['Catalogue et tarifs'];
  const base = '/api/v1/providers/:id';

  app.get(
    `${base}/catalogue`,
    { schema: { tags, summary: "Catalogue d'un fournisseur (catégories, lignes, prérequis)", params: idParamsSchema, response: { 200: catalogueViewSchema, 404: errorSchema } }, onRequest: authenticated },
    async (request) => getCatalogueView(deps, principalOf(request), request.params.id),
  );

  app.put(
    `${base}/catalogue`,
    {
      schema: {
        tags,
        summary: 'Remplacer le catalogue (refus des références inconnues et des dépendances circulaires)',
        params: idParamsSchema,
        body: catalogueReplaceSchema,
        response: { 200: catalogueViewSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
      onRequest: authenticated,
    },
    async (request) => replaceCatalogue(deps, principalOf(request), request.params.id, request.body),
  );

  app.post(
    `${base}/catalogue/missing-prerequisites`,
    {
      schema: {
        tags,
        summary: 'Ce qui manque à un ensemble de lignes souscrites',
        params: idParamsSchema,
        body: z.object({ lines: z.array(codeSchema).max(500) }),
        response: { 200: missingPrerequisitesSchema, 404: errorSchema },
      },
      onRequest: authenticated,
    },
    async (request) => {
      const view = await getCatalogueView(deps, principalOf(request), request.params.id);
      const catalogue = documentToDomain(view);
      return missingPrerequisites(catalogue, request.body.lines).map((m) => ({
        line: m.line,
        requires: 'category' in m.requires ? `category:${m.requires.category}` : `line:${m.requires.line}`,
        requiresLabel: nodeLabel(catalogue, m.requires),
      }));
    },
  );

  app.get(
    `${base}/grids`,
    { schema: { tags, summary: 'Grilles tarifaires, par date d’effet', params: idParamsSchema, response: { 200: z.array(gridSummarySchema), 404: errorSchema } }, onRequest: authenticated },
    async (request) => listGrids(deps, principalOf(request), request.params.id),
  );

  app.post(
    `${base}/grids`,
    {
      schema: {
        tags,
        summary: 'Enregistrer une nouvelle version de grille (une grille enregistrée ne se modifie plus)',
        params: idParamsSchema,
        body: gridInputSchema,
        response: { 201: gridViewSchema, 403: errorSchema, 404: errorSchema, 422: errorSchema },
      },
      onRequest: authenticated,
    },
    async (request, reply) => reply.status(201).send(await createGrid(deps, principalOf(request), request.params.id, request.body)),
  );

  app.get(
    `${base}/grids/compare`,
    {
      schema: { tags, summary: 'Comparer deux versions de grille', params: idParamsSchema, querystring: z.object({ from: codeSchema, to: codeSchema }), response: { 200: gridComparisonSchema, 404: errorSchema } },
      onRequest: authenticated,
    },
    async (request) => compareGridVersions(deps, principalOf(request), request.params.id, request.query.from, request.query.to),
  );

  app.get(
    `${base}/grids/:code`,
    { schema: { tags, summary: 'Une grille avec ses prix et ses incohérences', params: gridParams, response: { 200: gridViewSchema, 404: errorSchema } }, onRequest: authenticated },
    async (request) => getGrid(deps, principalOf(request), request.params.id, request.params.code),
  );

  app.get(
    `${base}/grids/:code/export.:format`,
    { schema: { tags, summary: 'Exporter une grille (annexe votée) en CSV, XLSX ou PDF', params: exportParams }, onRequest: authenticated },
    async (request, reply) => {
      const principal = principalOf(request);
      const [grid, catalogue] = await Promise.all([getGrid(deps, principal, request.params.id, request.params.code), getCatalogueView(deps, principal, request.params.id)]);
      const { format } = request.params;
      const body = format === 'csv' ? gridCsv(grid, catalogue) : format === 'xlsx' ? await gridXlsx(grid, catalogue) : await gridPdf(grid, catalogue);
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="grille-${grid.code}.${format}"`)
        .send(body);
    },
  );

  app.get(
    `${base}/prices`,
    { schema: { tags, summary: 'Prix applicable à une ligne et des options à une date', params: idParamsSchema, querystring: priceLookupQuerySchema, response: { 200: priceLookupSchema, 404: errorSchema, 422: errorSchema } }, onRequest: authenticated },
    async (request) => {
      const options = Object.fromEntries(new URLSearchParams(request.query.options ?? ''));
      return lookupPrice(deps, principalOf(request), request.params.id, request.query.line, request.query.date, options);
    },
  );

  app.get(
    `${base}/unit-costs`,
    { schema: { tags, summary: 'Coûts unitaires (CGCT D5211-16) et leur décomposition', params: idParamsSchema, response: { 200: z.array(unitCostViewSchema), 404: errorSchema } }, onRequest: authenticated },
    async (request) => listUnitCosts(deps, principalOf(request), request.params.id),
  );

  app.put(
    `${base}/unit-costs`,
    {
      schema: { tags, summary: "Enregistrer le coût unitaire d'une ligne pour un exercice", params: idParamsSchema, body: unitCostInputSchema, response: { 200: unitCostViewSchema, 403: errorSchema, 404: errorSchema, 422: errorSchema } },
      onRequest: authenticated,
    },
    async (request) => putUnitCost(deps, principalOf(request), request.params.id, request.body),
  );
}
