import { z } from 'zod';
import { agreementCreateSchema, agreementDetailSchema, agreementUpdateSchema } from '../../contracts/agreements.ts';
import {
  agreementStateQuerySchema,
  agreementStateSchema,
  amendmentInputSchema,
  amendmentSchema,
  approvalInputSchema,
  rejectionInputSchema,
  renewalLetterInputSchema,
  renewalLetterSchema,
} from '../../contracts/amendments.ts';
import { errorSchema, idParamsSchema } from '../../contracts/common.ts';
import { createAgreement, updateAgreement } from '../../services/agreements/agreement-service.ts';
import { agreementStateAt, approveAmendment, listAmendments, proposeAmendment, rejectAmendment } from '../../services/agreements/amendments.ts';
import { recordRenewalLetter } from '../../services/agreements/renewals.ts';
import type { Deps } from '../../services/context.ts';
import { authenticated, principalOf } from '../auth-plugin.ts';
import type { ZodApp } from '../types.ts';

const amendmentParams = z.object({ id: z.uuid(), amendmentId: z.uuid() });
const writeErrors = { 403: errorSchema, 404: errorSchema, 422: errorSchema };

/** Writing agreements: creation, corrections, amendments and their approvals, renewal letters; the state on a date. */
export function amendmentRoutes(app: ZodApp, deps: Deps): void {
  const tags = ['Conventions et calendrier'];

  app.post(
    '/api/v1/agreements',
    { schema: { tags, summary: 'Créer une convention', body: agreementCreateSchema, response: { 201: agreementDetailSchema, ...writeErrors } }, onRequest: authenticated },
    async (request, reply) => reply.status(201).send(await createAgreement(deps, principalOf(request), request.body)),
  );

  app.put(
    '/api/v1/agreements/:id',
    {
      schema: { tags, summary: 'Corriger une convention (les changements juridiques passent par avenant)', params: idParamsSchema, body: agreementUpdateSchema, response: { 200: agreementDetailSchema, 409: errorSchema, ...writeErrors } },
      onRequest: authenticated,
    },
    async (request) => updateAgreement(deps, principalOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/agreements/:id/state',
    { schema: { tags, summary: 'La convention telle qu’elle était à une date (avenants en vigueur, parties, périmètres)', params: idParamsSchema, querystring: agreementStateQuerySchema, response: { 200: agreementStateSchema, 404: errorSchema } }, onRequest: authenticated },
    async (request) => agreementStateAt(deps, principalOf(request), request.params.id, request.query.on),
  );

  app.get(
    '/api/v1/agreements/:id/amendments',
    { schema: { tags, summary: 'Avenants de la convention et leur statut', params: idParamsSchema, response: { 200: z.array(amendmentSchema), 404: errorSchema } }, onRequest: authenticated },
    async (request) => listAmendments(deps, principalOf(request), request.params.id),
  );

  app.post(
    '/api/v1/agreements/:id/amendments',
    { schema: { tags, summary: 'Proposer un avenant', params: idParamsSchema, body: amendmentInputSchema, response: { 201: amendmentSchema, ...writeErrors } }, onRequest: authenticated },
    async (request, reply) => reply.status(201).send(await proposeAmendment(deps, principalOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/agreements/:id/amendments/:amendmentId/approvals',
    { schema: { tags, summary: "Enregistrer l'approbation d'une partie (sa délibération)", params: amendmentParams, body: approvalInputSchema, response: { 200: amendmentSchema, ...writeErrors } }, onRequest: authenticated },
    async (request) => approveAmendment(deps, principalOf(request), request.params.id, request.params.amendmentId, request.body),
  );

  app.post(
    '/api/v1/agreements/:id/amendments/:amendmentId/rejection',
    { schema: { tags, summary: "Enregistrer le rejet d'un avenant par une partie", params: amendmentParams, body: rejectionInputSchema, response: { 200: amendmentSchema, ...writeErrors } }, onRequest: authenticated },
    async (request) => rejectAmendment(deps, principalOf(request), request.params.id, request.params.amendmentId, request.body),
  );

  app.post(
    '/api/v1/agreements/:id/renewal-letters',
    { schema: { tags, summary: 'Enregistrer un courrier de renouvellement exprès', params: idParamsSchema, body: renewalLetterInputSchema, response: { 201: renewalLetterSchema, ...writeErrors } }, onRequest: authenticated },
    async (request, reply) => reply.status(201).send(await recordRenewalLetter(deps, principalOf(request), request.params.id, request.body)),
  );
}
