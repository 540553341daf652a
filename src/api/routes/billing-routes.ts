import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../contracts/common.ts';
import { annualSummaryDocumentQuerySchema, annualSummaryQuerySchema, annualSummarySchema, issueResultSchema, paymentInputSchema, pesSettingsSchema, previewQuerySchema, runPreviewSchema, runQuerySchema, runRequestSchema, runSchema, titleCancellationSchema, titleDetailSchema, titleReductionSchema, titleQuerySchema, titleSchema } from '../../contracts/billing.ts';
import type { Deps } from '../../services/context.ts';
import { issueRun } from '../../services/billing/run-issue.ts';
import { cancelTitle, reduceTitle } from '../../services/billing/title-corrections.ts';
import { exportRunPes, getPesSettings, putPesSettings } from '../../services/billing/pes-export.ts';
import { previewRun } from '../../services/billing/run-preview.ts';
import { getTitle, listRuns, listTitles, recordPayment, runExport, titleDocument } from '../../services/billing/titles.ts';
import { sendDocument } from '../send-document.ts';
import { memberAnnualSummary } from '../../services/billing/annual-summary.ts';
import { annualSummaryPdf, annualSummaryXlsx } from '../../services/billing/annual-summary-documents.ts';
import { authenticated, principalOf } from '../auth-plugin.ts';
import type { ZodApp } from '../types.ts';

const errors = { 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

/** Billing runs of an agreement, receivable titles, payment orders and payments. */
export function billingRoutes(app: ZodApp, deps: Deps): void {
  const tags = ['Facturation'];

  app.get(
    '/api/v1/agreements/:id/billing/preview',
    {
      schema: { tags, summary: 'Aperçu d’une facturation : chaque adhérent, chaque ligne expliquée (rien n’est émis)', params: idParamsSchema, querystring: previewQuerySchema, response: { 200: runPreviewSchema, ...errors } },
      onRequest: authenticated,
    },
    async (request) => {
      const { offset, limit, member, ...run } = request.query;
      return previewRun(deps, principalOf(request), request.params.id, run, { offset, limit, member });
    },
  );

  app.post(
    '/api/v1/agreements/:id/billing/issue',
    {
      schema: {
        tags,
        summary: 'Émettre les titres d’une période : tout ou rien, numérotés sans trou ; réémettre la même période ne crée rien',
        params: idParamsSchema,
        body: runRequestSchema,
        response: { 200: issueResultSchema, ...errors },
      },
      onRequest: authenticated,
    },
    async (request) => issueRun(deps, principalOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/titles',
    { schema: { tags, summary: 'Titres de recette, réductions et mandats (un adhérent voit les siens)', querystring: titleQuerySchema, response: { 200: z.array(titleSchema) } }, onRequest: authenticated },
    async (request) => listTitles(deps, principalOf(request), request.query),
  );

  app.get(
    '/api/v1/titles/:id',
    { schema: { tags, summary: 'Un titre : ses lignes expliquées, ses paiements, ses réductions, les intérêts de retard', params: idParamsSchema, response: { 200: titleDetailSchema, 404: errorSchema } }, onRequest: authenticated },
    async (request) => getTitle(deps, principalOf(request), request.params.id),
  );

  app.get(
    '/api/v1/titles/:id/document',
    { schema: { tags, summary: 'Le titre en PDF, chaque ligne expliquée', params: idParamsSchema }, onRequest: authenticated },
    async (request, reply) => sendDocument(reply, await titleDocument(deps, principalOf(request), request.params.id)),
  );

  app.get(
    '/api/v1/organisations/:id/billing-summary',
    {
      schema: { tags, summary: 'Récapitulatif annuel d’un adhérent : prestations nettes des réductions, titres, paiements et reste à payer, par fournisseur', params: idParamsSchema, querystring: annualSummaryQuerySchema, response: { 200: annualSummarySchema, ...errors } },
      onRequest: authenticated,
    },
    async (request) => memberAnnualSummary(deps, principalOf(request), request.params.id, request.query.fiscalYear),
  );

  app.get(
    '/api/v1/organisations/:id/billing-summary/document',
    { schema: { tags, summary: 'Le récapitulatif annuel en PDF ou XLSX', params: idParamsSchema, querystring: annualSummaryDocumentQuerySchema }, onRequest: authenticated },
    async (request, reply) => {
      const summary = await memberAnnualSummary(deps, principalOf(request), request.params.id, request.query.fiscalYear);
      const name = `recapitulatif-${summary.fiscalYear}-${summary.organisationId.slice(0, 8)}`;
      return sendDocument(
        reply,
        request.query.format === 'pdf'
          ? { fileName: `${name}.pdf`, contentType: 'application/pdf', content: await annualSummaryPdf(summary) }
          : { fileName: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: await annualSummaryXlsx(summary) },
      );
    },
  );

  app.get(
    '/api/v1/billing-runs',
    { schema: { tags, summary: 'Facturations émises (historique)', querystring: runQuerySchema, response: { 200: z.array(runSchema) } }, onRequest: authenticated },
    async (request) => listRuns(deps, principalOf(request), request.query),
  );

  app.get(
    '/api/v1/billing-runs/:id/export',
    { schema: { tags, summary: 'Les titres d’une facturation en CSV ou XLSX', params: idParamsSchema, querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }) }, onRequest: authenticated },
    async (request, reply) => sendDocument(reply, await runExport(deps, principalOf(request), request.params.id, request.query.format)),
  );

  app.get(
    '/api/v1/billing-runs/:id/pes',
    {
      schema: {
        tags,
        summary: 'Les titres de recette d’une facturation en fichier PES V2 (PES_Aller), validé avant d’être proposé',
        description: 'Refusé (422) avec chaque élément en faute si la validation échoue : paramètres PES, adresse ou SIRET manquants…',
        params: idParamsSchema,
        response: { 404: errorSchema, 422: errorSchema },
      },
      onRequest: authenticated,
    },
    async (request, reply) => sendDocument(reply, await exportRunPes(deps, principalOf(request), request.params.id)),
  );

  app.get(
    '/api/v1/providers/:id/pes-settings',
    { schema: { tags, summary: 'Paramètres PES du fournisseur (poste comptable, codes, imputations)', params: idParamsSchema, response: { 200: pesSettingsSchema.nullable(), 403: errorSchema } }, onRequest: authenticated },
    async (request) => getPesSettings(deps, principalOf(request), request.params.id),
  );

  app.put(
    '/api/v1/providers/:id/pes-settings',
    { schema: { tags, summary: 'Enregistrer les paramètres PES du fournisseur', params: idParamsSchema, body: pesSettingsSchema, response: { 200: pesSettingsSchema, ...errors } }, onRequest: authenticated },
    async (request) => putPesSettings(deps, principalOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/titles/:id/cancellation',
    {
      schema: { tags, summary: 'Annuler un titre par un nouveau document numéroté qui s’y réfère (le titre ne change pas)', params: idParamsSchema, body: titleCancellationSchema, response: { 200: titleDetailSchema, ...errors } },
      onRequest: authenticated,
    },
    async (request) => cancelTitle(deps, principalOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/titles/:id/reduction',
    {
      schema: { tags, summary: 'Réduire une partie d’un titre par un nouveau document numéroté qui s’y réfère (le titre ne change pas)', params: idParamsSchema, body: titleReductionSchema, response: { 200: titleDetailSchema, ...errors } },
      onRequest: authenticated,
    },
    async (request) => reduceTitle(deps, principalOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/titles/:id/payments',
    { schema: { tags, summary: 'Enregistrer un paiement (total ou partiel)', params: idParamsSchema, body: paymentInputSchema, response: { 200: titleDetailSchema, ...errors } }, onRequest: authenticated },
    async (request) => recordPayment(deps, principalOf(request), request.params.id, request.body),
  );
}
