import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { errorSchema, idParamsSchema, pageOf } from '../../contracts/common.ts';
import {
  membershipSchema,
  membershipUpsertSchema,
  organisationCreateSchema,
  organisationDetailSchema,
  organisationListQuerySchema,
  organisationSchema,
  organisationUpdateSchema,
  providerSummarySchema,
} from '../../contracts/organisations.ts';
import { ORGANISATION_KINDS } from '../../domain/organisation/kinds.ts';
import { iterateOrganisations } from '../../repositories/organisation-repository.ts';
import type { Organisation } from '../../contracts/organisations.ts';
import { listProviders } from '../../repositories/membership-repository.ts';
import { require, type Deps } from '../../services/context.ts';
import { createOrganisation, getOrganisationDetail, listOrganisationsFor, setMembership, updateOrganisationFor } from '../../services/organisation-service.ts';
import { authenticated, principalOf } from '../auth-plugin.ts';
import type { ZodApp } from '../types.ts';

const CSV_COLUMNS: [keyof Organisation, string][] = [
  ['name', 'Nom'],
  ['kind', 'Type'],
  ['siren', 'SIREN'],
  ['siret', 'SIRET'],
  ['inseeCode', 'Code INSEE'],
  ['departement', 'Département'],
  ['population', 'Population'],
  ['parentEpciName', 'EPCI de rattachement'],
  ['addressLine1', 'Adresse'],
  ['addressLine2', 'Complément'],
  ['postalCode', 'Code postal'],
  ['city', 'Ville'],
  ['representativeName', 'Représentant'],
  ['representativeTitle', 'Qualité du représentant'],
];

export function organisationRoutes(app: ZodApp, deps: Deps): void {
  const tags = ['Organisations'];

  app.get(
    '/api/v1/organisations',
    { schema: { tags, summary: 'Rechercher des organisations', querystring: organisationListQuerySchema, response: { 200: pageOf(organisationSchema) } }, onRequest: authenticated },
    async (request) => listOrganisationsFor(deps, principalOf(request), request.query),
  );

  app.get(
    '/api/v1/organisations/export.csv',
    {
      schema: { tags, summary: 'Exporter la recherche en CSV (séparateur ;, UTF-8 avec BOM pour les tableurs)', querystring: organisationListQuerySchema.omit({ limit: true, offset: true }) },
      onRequest: authenticated,
    },
    async (request, reply) => {
      const principal = principalOf(request);
      require(principal, 'organisation:read');
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="organisations.csv"');
      let out = '\ufeff' + stringify([CSV_COLUMNS.map(([, label]) => label)], { delimiter: ';' });
      for await (const org of iterateOrganisations(deps.database.db, principal.scope, { ...request.query, limit: 500, offset: 0 })) {
        out += stringify([CSV_COLUMNS.map(([key]) => (key === 'kind' ? ORGANISATION_KINDS[org.kind] : (org[key] ?? '')))], { delimiter: ';' });
      }
      return out;
    },
  );

  app.get(
    '/api/v1/organisations/:id',
    { schema: { tags, summary: "Fiche d'une organisation", params: idParamsSchema, response: { 200: organisationDetailSchema, 404: errorSchema } }, onRequest: authenticated },
    async (request) => getOrganisationDetail(deps, principalOf(request), request.params.id),
  );

  app.post(
    '/api/v1/organisations',
    {
      schema: { tags, summary: 'Créer une organisation', body: organisationCreateSchema, response: { 201: organisationSchema, 403: errorSchema, 422: errorSchema } },
      onRequest: authenticated,
    },
    async (request, reply) => reply.status(201).send(await createOrganisation(deps, principalOf(request), request.body)),
  );

  app.patch(
    '/api/v1/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Modifier une organisation',
        params: idParamsSchema,
        body: organisationUpdateSchema,
        response: { 200: organisationSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
      onRequest: authenticated,
    },
    async (request) => updateOrganisationFor(deps, principalOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/providers',
    { schema: { tags: ['Fournisseurs'], summary: 'Fournisseurs visibles', response: { 200: z.array(providerSummarySchema) } }, onRequest: authenticated },
    async (request) => {
      const principal = principalOf(request);
      require(principal, 'organisation:read');
      return listProviders(deps.database.db, principal.scope);
    },
  );

  app.put(
    '/api/v1/providers/:id/memberships',
    {
      schema: {
        tags: ['Fournisseurs'],
        summary: "Lier une organisation à un fournisseur (prospect, adhérent, ancien adhérent)",
        params: idParamsSchema,
        body: membershipUpsertSchema,
        response: { 200: membershipSchema, 403: errorSchema, 404: errorSchema, 422: errorSchema },
      },
      onRequest: authenticated,
    },
    async (request) => setMembership(deps, principalOf(request), request.params.id, request.body),
  );
}
