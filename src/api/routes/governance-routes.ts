import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../contracts/common.ts';
import {
  annualReportFinalSchema,
  annualReportInputSchema,
  annualReportParamsSchema,
  annualReportSchema,
  committeeInputSchema,
  committeeQuerySchema,
  kpiExportQuerySchema,
  kpiQuerySchema,
  kpiSchema,
  committeeSchema,
  decisionInputSchema,
  meetingEventSchema,
  meetingInputSchema,
  meetingQuerySchema,
  meetingSchema,
  meetingSummarySchema,
  meetingUpdateSchema,
  needEventInputSchema,
  needInputSchema,
  needQuerySchema,
  needSchema,
} from '../../contracts/governance.ts';
import type { Deps } from '../../services/context.ts';
import { changeCommittee, getCommittee, listCommittees, saveCommittee } from '../../services/governance/committees.ts';
import { recordDecision } from '../../services/governance/decisions.ts';
import { editMeeting, getMeeting, listMeetings, meetingEvent, scheduleMeeting } from '../../services/governance/meetings.ts';
import { applyNeedEvent, listNeeds, recordNeed } from '../../services/governance/needs.ts';
import { annualReportDocument } from '../../services/governance/annual-report-document.ts';
import { finaliseAnnualReport, getAnnualReport, saveAnnualReport } from '../../services/governance/annual-reports.ts';
import { authenticated, principalOf } from '../auth-plugin.ts';
import { sendDocument } from '../send-document.ts';
import { kpiCsv, kpiXlsx } from '../../services/governance/kpi-export.ts';
import { providerKpis } from '../../services/governance/kpis.ts';
import type { ZodApp } from '../types.ts';

const readErrors = { 403: errorSchema, 404: errorSchema };
const writeErrors = { 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

/** Committees, meetings and decisions (seed 004 art. 4, seed 001 art. 6.3); the needs register (seed 004 art. 3.2). */
export function governanceRoutes(app: ZodApp, deps: Deps): void {
  const tags = ['Gouvernance'];

  app.get(
    '/api/v1/committees',
    { schema: { tags, summary: 'Comités des fournisseurs (personnel du fournisseur)', querystring: committeeQuerySchema, response: { 200: z.array(committeeSchema), ...readErrors } }, onRequest: authenticated },
    async (request) => listCommittees(deps, principalOf(request), request.query),
  );
  app.get(
    '/api/v1/committees/:id',
    { schema: { tags, summary: 'Un comité : composition, rythme, prochaine réunion', params: idParamsSchema, response: { 200: committeeSchema, ...readErrors } }, onRequest: authenticated },
    async (request) => getCommittee(deps, principalOf(request), request.params.id),
  );
  app.post(
    '/api/v1/providers/:id/committees',
    { schema: { tags, summary: 'Créer un comité du fournisseur', params: idParamsSchema, body: committeeInputSchema, response: { 201: committeeSchema, ...writeErrors } }, onRequest: authenticated },
    async (request, reply) => reply.status(201).send(await saveCommittee(deps, principalOf(request), request.params.id, request.body)),
  );
  app.put(
    '/api/v1/committees/:id',
    { schema: { tags, summary: 'Modifier un comité', params: idParamsSchema, body: committeeInputSchema, response: { 200: committeeSchema, ...writeErrors } }, onRequest: authenticated },
    async (request) => changeCommittee(deps, principalOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/meetings',
    { schema: { tags, summary: 'Réunions des comités', querystring: meetingQuerySchema, response: { 200: z.array(meetingSummarySchema), ...readErrors } }, onRequest: authenticated },
    async (request) => listMeetings(deps, principalOf(request), request.query),
  );
  app.post(
    '/api/v1/committees/:id/meetings',
    { schema: { tags, summary: 'Programmer une réunion', params: idParamsSchema, body: meetingInputSchema, response: { 201: meetingSchema, ...writeErrors } }, onRequest: authenticated },
    async (request, reply) => reply.status(201).send(await scheduleMeeting(deps, principalOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/v1/meetings/:id',
    { schema: { tags, summary: 'Une réunion : ordre du jour, présences, compte rendu, décisions', params: idParamsSchema, response: { 200: meetingSchema, ...readErrors } }, onRequest: authenticated },
    async (request) => getMeeting(deps, principalOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/meetings/:id',
    { schema: { tags, summary: 'Ordre du jour, présences et compte rendu', params: idParamsSchema, body: meetingUpdateSchema, response: { 200: meetingSchema, ...writeErrors } }, onRequest: authenticated },
    async (request) => editMeeting(deps, principalOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/meetings/:id/events',
    { schema: { tags, summary: 'Tenir, reporter, annuler une réunion ; rendre son compte rendu définitif', params: idParamsSchema, body: meetingEventSchema, response: { 200: meetingSchema, ...writeErrors } }, onRequest: authenticated },
    async (request) => meetingEvent(deps, principalOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/meetings/:id/decisions',
    {
      schema: {
        tags,
        summary: 'Inscrire une décision au compte rendu et l’appliquer (demande de souscription, besoin…)',
        params: idParamsSchema,
        body: decisionInputSchema,
        response: { 201: meetingSchema, ...writeErrors },
      },
      onRequest: authenticated,
    },
    async (request, reply) => reply.status(201).send(await recordDecision(deps, principalOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/v1/needs',
    { schema: { tags, summary: 'Registre des besoins et demandes d’acquisition (un adhérent voit les siens)', querystring: needQuerySchema, response: { 200: z.array(needSchema), ...readErrors } }, onRequest: authenticated },
    async (request) => listNeeds(deps, principalOf(request), request.query),
  );
  app.post(
    '/api/v1/needs',
    { schema: { tags, summary: 'Recenser un besoin ou une demande d’acquisition', body: needInputSchema, response: { 201: needSchema, ...writeErrors } }, onRequest: authenticated },
    async (request, reply) => reply.status(201).send(await recordNeed(deps, principalOf(request), request.body)),
  );
  app.post(
    '/api/v1/needs/:id/events',
    { schema: { tags, summary: 'Transmettre, rendre un avis, valider, refuser, marquer réalisé', params: idParamsSchema, body: needEventInputSchema, response: { 200: needSchema, ...writeErrors } }, onRequest: authenticated },
    async (request) => applyNeedEvent(deps, principalOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/agreements/:id/annual-reports/:year',
    { schema: { tags, summary: 'Rapport annuel d’une convention : chiffres de l’année et textes (projet ou définitif)', params: annualReportParamsSchema, response: { 200: annualReportSchema, ...readErrors } }, onRequest: authenticated },
    async (request) => getAnnualReport(deps, principalOf(request), request.params.id, request.params.year),
  );
  app.put(
    '/api/v1/agreements/:id/annual-reports/:year',
    { schema: { tags, summary: 'Enregistrer les textes du projet de rapport annuel', params: annualReportParamsSchema, body: annualReportInputSchema, response: { 200: annualReportSchema, ...writeErrors } }, onRequest: authenticated },
    async (request) => saveAnnualReport(deps, principalOf(request), request.params.id, request.params.year, request.body),
  );
  app.post(
    '/api/v1/agreements/:id/annual-reports/:year/final',
    {
      schema: { tags, summary: 'Rendre le rapport annuel définitif (chiffres figés, plus aucune modification)', params: annualReportParamsSchema, body: annualReportFinalSchema, response: { 200: annualReportSchema, ...writeErrors } },
      onRequest: authenticated,
    },
    async (request) => finaliseAnnualReport(deps, principalOf(request), request.params.id, request.params.year, request.body.expectedUpdatedAt),
  );
  app.get(
    '/api/v1/agreements/:id/annual-reports/:year/document',
    { schema: { tags, summary: 'Le rapport annuel en DOCX (modèle Word) ou PDF', params: annualReportParamsSchema, querystring: z.object({ format: z.enum(['docx', 'pdf']).default('pdf') }) }, onRequest: authenticated },
    async (request, reply) => sendDocument(reply, await annualReportDocument(deps, principalOf(request), request.params.id, request.params.year, request.query.format)),
  );

  app.get(
    '/api/v1/providers/:id/kpis',
    { schema: { tags, summary: 'Indicateurs du comité opérationnel pour une année (adhérents, unités, ouvertures, facturation, demandes en attente, retards, échéances)', params: idParamsSchema, querystring: kpiQuerySchema, response: { 200: kpiSchema, ...readErrors } }, onRequest: authenticated },
    async (request) => providerKpis(deps, principalOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/v1/providers/:id/kpis/export',
    { schema: { tags, summary: 'Les indicateurs en CSV ou XLSX', params: idParamsSchema, querystring: kpiExportQuerySchema }, onRequest: authenticated },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const kpis = await providerKpis(deps, principalOf(request), request.params.id, query);
      const name = `indicateurs-${query.year}`;
      return sendDocument(
        reply,
        format === 'csv'
          ? { fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8', content: kpiCsv(kpis) }
          : { fileName: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: await kpiXlsx(kpis) },
      );
    },
  );
}
