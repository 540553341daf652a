import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../contracts/common.ts';
import {
  lineEventInputSchema,
  perimeterInputSchema,
  perimeterSchema,
  prerequisiteCheckInputSchema,
  quantityInputSchema,
  requestInputSchema,
  requestListQuerySchema,
  requestPreviewSchema,
  subscriptionRequestSchema,
  taskDoneSchema,
  taskInputSchema,
} from '../../contracts/subscriptions.ts';
import { getPerimeter, recordPerimeter } from '../../services/subscriptions/perimeters.ts';
import { addTask, checkPrerequisite, completeTask } from '../../services/subscriptions/subscription-followup.ts';
import { applyLineEvent, changeQuantity, listRequests, previewRequest, submitRequest } from '../../services/subscriptions/subscription-service.ts';
import type { Deps } from '../../services/context.ts';
import { openingRecordDocument } from '../../services/subscriptions/opening-record.ts';
import { authenticated, principalOf } from '../auth-plugin.ts';
import { sendDocument } from '../send-document.ts';
import type { ZodApp } from '../types.ts';

const writeErrors = { 403: errorSchema, 404: errorSchema, 422: errorSchema };

/** Subscriptions: the member's authorised perimeter, requests, decisions, opening records, volumes. */
export function subscriptionRoutes(app: ZodApp, deps: Deps): void {
  const tags = ['Souscriptions'];

  app.get(
    '/api/v1/organisations/:id/perimeter',
    {
      schema: { tags, summary: 'Périmètre autorisé par délibération (annexe 6)', params: idParamsSchema, querystring: z.object({ providerId: z.uuid() }), response: { 200: perimeterSchema.nullable(), 404: errorSchema } },
      onRequest: authenticated,
    },
    async (request) => getPerimeter(deps, principalOf(request), request.params.id, request.query.providerId),
  );

  app.post(
    '/api/v1/organisations/:id/perimeter',
    { schema: { tags, summary: 'Enregistrer la délibération de périmètre', params: idParamsSchema, body: perimeterInputSchema, response: { 201: perimeterSchema, ...writeErrors } }, onRequest: authenticated },
    async (request, reply) => reply.status(201).send(await recordPerimeter(deps, principalOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/subscription-requests',
    { schema: { tags, summary: 'Demandes de souscription visibles, avec leurs lignes et leur historique', querystring: requestListQuerySchema, response: { 200: z.array(subscriptionRequestSchema) } }, onRequest: authenticated },
    async (request) => listRequests(deps, principalOf(request), request.query),
  );

  app.post(
    '/api/v1/subscription-requests',
    { schema: { tags, summary: 'Déposer une demande de souscription (annexe 7)', body: requestInputSchema, response: { 201: subscriptionRequestSchema, ...writeErrors } }, onRequest: authenticated },
    async (request, reply) => reply.status(201).send(await submitRequest(deps, principalOf(request), request.body)),
  );

  app.post(
    '/api/v1/subscription-requests/preview',
    {
      schema: {
        tags,
        summary: 'Vérifier une demande et estimer son coût sur une année, sans l’enregistrer',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        body: requestInputSchema,
        response: { 200: requestPreviewSchema, ...writeErrors },
      },
      onRequest: authenticated,
    },
    async (request) => previewRequest(deps, principalOf(request), request.body, request.query.year),
  );

  app.post(
    '/api/v1/subscription-requests/:id/tasks',
    { schema: { tags, summary: "Ajouter une tâche de suivi (plan de conformité, étude, audit)", params: idParamsSchema, body: taskInputSchema, response: { 201: subscriptionRequestSchema, ...writeErrors } }, onRequest: authenticated },
    async (request, reply) => reply.status(201).send(await addTask(deps, principalOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/subscription-requests/:id/prerequisite-checks',
    {
      schema: { tags, summary: 'Déclarer ou vérifier un prérequis technique (annexe 3)', params: idParamsSchema, body: prerequisiteCheckInputSchema, response: { 200: subscriptionRequestSchema, ...writeErrors } },
      onRequest: authenticated,
    },
    async (request) => checkPrerequisite(deps, principalOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/subscription-tasks/:id/done',
    { schema: { tags, summary: 'Marquer une tâche comme faite', params: idParamsSchema, body: taskDoneSchema, response: { 200: subscriptionRequestSchema, ...writeErrors } }, onRequest: authenticated },
    async (request) => completeTask(deps, principalOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/subscription-lines/:id/events',
    {
      schema: { tags, summary: 'Décider (accepter, refuser, reporter), annuler, ouvrir par procès-verbal ou retirer une ligne', params: idParamsSchema, body: lineEventInputSchema, response: { 200: subscriptionRequestSchema, ...writeErrors } },
      onRequest: authenticated,
    },
    async (request) => applyLineEvent(deps, principalOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/subscription-lines/:id/opening-record',
    {
      schema: { tags, summary: "Procès-verbal d'ouverture de la ligne (annexe 8), en DOCX ou PDF", params: idParamsSchema, querystring: z.object({ format: z.enum(['docx', 'pdf']).default('pdf') }) },
      onRequest: authenticated,
    },
    async (request, reply) => sendDocument(reply, await openingRecordDocument(deps, principalOf(request), request.params.id, request.query.format)),
  );

  app.post(
    '/api/v1/subscription-lines/:id/quantities',
    { schema: { tags, summary: "Changer le volume d'une ligne ouverte à partir d'une date", params: idParamsSchema, body: quantityInputSchema, response: { 200: subscriptionRequestSchema, ...writeErrors } }, onRequest: authenticated },
    async (request) => changeQuantity(deps, principalOf(request), request.params.id, request.body),
  );
}
