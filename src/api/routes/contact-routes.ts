import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../contracts/common.ts';
import { contactCreateSchema, contactSchema, contactUpdateSchema } from '../../contracts/contacts.ts';
import { createContact, listContactsOf, updateContactFor } from '../../services/contact-service.ts';
import type { Deps } from '../../services/context.ts';
import { authenticated, principalOf } from '../auth-plugin.ts';
import type { ZodApp } from '../types.ts';

export function contactRoutes(app: ZodApp, deps: Deps): void {
  const tags = ['Contacts'];
  app.get(
    '/api/v1/organisations/:id/contacts',
    { schema: { tags, summary: "Contacts d'une organisation", params: idParamsSchema, response: { 200: z.array(contactSchema), 404: errorSchema } }, onRequest: authenticated },
    async (request) => listContactsOf(deps, principalOf(request), request.params.id),
  );

  app.post(
    '/api/v1/organisations/:id/contacts',
    {
      schema: { tags, summary: 'Ajouter un contact', params: idParamsSchema, body: contactCreateSchema, response: { 201: contactSchema, 403: errorSchema, 404: errorSchema, 422: errorSchema } },
      onRequest: authenticated,
    },
    async (request, reply) => reply.status(201).send(await createContact(deps, principalOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/v1/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Modifier un contact (rôles, coordonnées, désactivation)',
        params: idParamsSchema,
        body: contactUpdateSchema,
        response: { 200: contactSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
      onRequest: authenticated,
    },
    async (request) => updateContactFor(deps, principalOf(request), request.params.id, request.body),
  );
}
