import { z } from 'zod';
import {
  agreementDetailSchema,
  agreementSummarySchema,
  calendarEntrySchema,
  calendarQuerySchema,
  exitOutcomeSchema,
  exitRequestInputSchema,
  exitRequestSchema,
  exitSimulationSchema,
} from '../../contracts/agreements.ts';
import { recordExitRequest } from '../../services/agreements/exit-requests.ts';
import { errorSchema, idParamsSchema } from '../../contracts/common.ts';
import { calendarFor, getAgreement, listAgreements, simulateExit } from '../../services/agreements/agreement-service.ts';
import { calendarIcs } from '../../services/agreements/calendar-ics.ts';
import { feedByToken, issueFeedToken } from '../../services/agreements/calendar-feed.ts';
import type { Deps } from '../../services/context.ts';
import { authenticated, principalOf } from '../auth-plugin.ts';
import type { ZodApp } from '../types.ts';

const ICS = 'text/calendar; charset=utf-8';

export function agreementRoutes(app: ZodApp, deps: Deps): void {
  const tags = ['Conventions et calendrier'];

  app.get(
    '/api/v1/agreements',
    {
      schema: {
        tags,
        summary: 'Conventions visibles, avec leur statut et leur prochaine échéance',
        querystring: z.object({ providerId: z.uuid().optional(), organisationId: z.uuid().optional().describe('Seulement les conventions dont cette organisation est partie') }),
        response: { 200: z.array(agreementSummarySchema) },
      },
      onRequest: authenticated,
    },
    async (request) => listAgreements(deps, principalOf(request), request.query),
  );

  app.get(
    '/api/v1/agreements/:id',
    { schema: { tags, summary: 'Une convention : parties, règles, chronologie des dates passées et à venir', params: idParamsSchema, response: { 200: agreementDetailSchema, 404: errorSchema } }, onRequest: authenticated },
    async (request) => getAgreement(deps, principalOf(request), request.params.id),
  );

  app.post(
    '/api/v1/agreements/:id/exit-simulation',
    {
      schema: { tags, summary: "Date d'effet d'une dénonciation reçue à une date", params: idParamsSchema, body: exitSimulationSchema, response: { 200: exitOutcomeSchema, 404: errorSchema, 422: errorSchema } },
      onRequest: authenticated,
    },
    async (request) => simulateExit(deps, principalOf(request), request.params.id, request.body.party, request.body.receivedOn),
  );

  app.post(
    '/api/v1/agreements/:id/exit-requests',
    {
      schema: {
        tags,
        summary: 'Enregistrer une dénonciation reçue (totale ou partielle) et sa date d’effet',
        params: idParamsSchema,
        body: exitRequestInputSchema,
        response: { 201: exitRequestSchema, 403: errorSchema, 404: errorSchema, 422: errorSchema },
      },
      onRequest: authenticated,
    },
    async (request, reply) => reply.status(201).send(await recordExitRequest(deps, principalOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/calendar',
    { schema: { tags, summary: 'Calendrier des échéances de toutes les conventions visibles', querystring: calendarQuerySchema, response: { 200: z.array(calendarEntrySchema), 422: errorSchema } }, onRequest: authenticated },
    async (request) => calendarFor(deps, principalOf(request), request.query),
  );

  app.get(
    '/api/v1/calendar.ics',
    { schema: { tags, summary: 'Le même calendrier au format iCalendar (téléchargement)', querystring: calendarQuerySchema }, onRequest: authenticated },
    async (request, reply) => {
      const entries = await calendarFor(deps, principalOf(request), request.query);
      return reply.header('content-type', ICS).header('content-disposition', 'attachment; filename="mutualis-echeances.ics"').send(calendarIcs(entries, 'Mutualis — échéances des conventions'));
    },
  );

  app.post(
    '/api/v1/calendar/feed',
    {
      schema: { tags, summary: "Créer (ou renouveler) l'adresse secrète d'abonnement au calendrier", response: { 200: z.object({ path: z.string() }) } },
      onRequest: authenticated,
    },
    async (request) => ({ path: `/api/v1/calendar/feed/${await issueFeedToken(deps, principalOf(request))}` }),
  );

  app.get(
    '/api/v1/calendar/feed/:token',
    {
      schema: {
        tags,
        summary: "Flux iCalendar d'abonnement (adresse secrète, sans cookie, pour les applications d'agenda)",
        params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) }),
        security: [],
      },
    },
    async (request, reply) => reply.header('content-type', ICS).send(await feedByToken(deps, request.params.token)),
  );
}
