import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../contracts/common.ts';
import { quoteAcceptanceSchema, quoteDeclineSchema, quoteInputSchema, quoteSchema, quoteSendSchema } from '../../contracts/quotes.ts';
import type { Deps } from '../../services/context.ts';
import { acceptQuote, createQuote, declineQuote, listQuotes, quoteDocument, sendQuote, signedQuoteDocument } from '../../services/subscriptions/quote-service.ts';
import { authenticated, principalOf } from '../auth-plugin.ts';
import { sendDocument } from '../send-document.ts';
import type { ZodApp } from '../types.ts';

const writeErrors = { 403: errorSchema, 404: errorSchema, 422: errorSchema };

/** Quotes for one-off and on-quote services (seed 002 art. 4.1; seed 004 consulting). */
export function quoteRoutes(app: ZodApp, deps: Deps): void {
  const tags = ['Souscriptions'];

  app.get(
    '/api/v1/quotes',
    { schema: { tags, summary: 'Devis visibles', querystring: z.object({ providerId: z.uuid().optional(), organisationId: z.uuid().optional() }), response: { 200: z.array(quoteSchema) } }, onRequest: authenticated },
    async (request) => listQuotes(deps, principalOf(request), request.query),
  );

  app.post(
    '/api/v1/quotes',
    { schema: { tags, summary: 'Établir un devis (prix lus dans la grille en vigueur)', body: quoteInputSchema, response: { 201: quoteSchema, ...writeErrors } }, onRequest: authenticated },
    async (request, reply) => reply.status(201).send(await createQuote(deps, principalOf(request), request.body)),
  );

  app.post(
    '/api/v1/quotes/:id/send',
    { schema: { tags, summary: "Enregistrer l'envoi du devis à l'adhérent", params: idParamsSchema, body: quoteSendSchema, response: { 200: quoteSchema, ...writeErrors } }, onRequest: authenticated },
    async (request) => sendQuote(deps, principalOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/quotes/:id/acceptance',
    { schema: { tags, summary: 'Enregistrer la signature du devis (acceptation du prix)', params: idParamsSchema, body: quoteAcceptanceSchema, response: { 200: quoteSchema, ...writeErrors } }, onRequest: authenticated },
    async (request) => acceptQuote(deps, principalOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/quotes/:id/decline',
    { schema: { tags, summary: 'Enregistrer le refus du devis', params: idParamsSchema, body: quoteDeclineSchema, response: { 200: quoteSchema, ...writeErrors } }, onRequest: authenticated },
    async (request) => declineQuote(deps, principalOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/quotes/:id/document',
    { schema: { tags, summary: 'Le devis en PDF', params: idParamsSchema }, onRequest: authenticated },
    async (request, reply) => sendDocument(reply, { ...(await quoteDocument(deps, principalOf(request), request.params.id)), contentType: 'application/pdf' }),
  );

  app.get(
    '/api/v1/quotes/:id/signed-document',
    { schema: { tags, summary: 'Le devis signé déposé', params: idParamsSchema }, onRequest: authenticated },
    async (request, reply) => sendDocument(reply, { ...(await signedQuoteDocument(deps, principalOf(request), request.params.id)), contentType: 'application/octet-stream' }),
  );
}
