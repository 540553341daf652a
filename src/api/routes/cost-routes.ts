import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../contracts/common.ts';
import {
  budgetDocumentSchema,
  budgetParamsSchema,
  budgetSummarySchema,
  budgetViewSchema,
  proposalQuerySchema,
  proposalSchema,
  reconciliationSchema,
  simulationInputSchema,
  simulationSchema,
  transparencyQuerySchema,
  transparencySchema,
} from '../../contracts/costs.ts';
import type { Deps } from '../../services/context.ts';
import { getBudget, listBudgets, putBudget } from '../../services/costs/cost-budgets.ts';
import { proposalPdf, proposalXlsx } from '../../services/costs/cost-documents.ts';
import { getProposal, simulateScenario } from '../../services/costs/cost-proposals.ts';
import { getReconciliation, getTransparency } from '../../services/costs/cost-reconciliation.ts';
import { authenticated, principalOf } from '../auth-plugin.ts';
import { sendDocument } from '../send-document.ts';
import type { ZodApp } from '../types.ts';

const readErrors = { 403: errorSchema, 404: errorSchema, 422: errorSchema };

/** The cost model (issue #8): the service's budget, its split, the tariff proposal, the year-end reconciliation. */
export function costRoutes(app: ZodApp, deps: Deps): void {
  const tags = ['Coûts et répartition'];
  const base = '/api/v1/providers/:id/cost-budgets';

  app.get(base, { schema: { tags, summary: 'Budgets du service par exercice (personnel du fournisseur)', params: idParamsSchema, response: { 200: z.array(budgetSummarySchema), ...readErrors } }, onRequest: authenticated }, async (request) =>
    listBudgets(deps, principalOf(request), request.params.id),
  );

  app.get(
    `${base}/:year`,
    { schema: { tags, summary: 'Budget d’un exercice et sa répartition : charges, personnel, amortissements, coûts unitaires (prévu et réalisé)', params: budgetParamsSchema, response: { 200: budgetViewSchema, ...readErrors } }, onRequest: authenticated },
    async (request) => getBudget(deps, principalOf(request), request.params.id, request.params.year),
  );

  app.put(
    `${base}/:year`,
    { schema: { tags, summary: 'Enregistrer le budget d’un exercice (en entier) ; refusé avec toutes ses erreurs s’il ne peut être réparti', params: budgetParamsSchema, body: budgetDocumentSchema, response: { 200: budgetViewSchema, ...readErrors } }, onRequest: authenticated },
    async (request) => putBudget(deps, principalOf(request), request.params.id, request.params.year, request.body),
  );

  app.get(
    `${base}/:year/proposal`,
    {
      schema: {
        tags,
        summary: 'Proposition de grille tarifaire tirée du budget et des unités prévues (CGCT D5211-16)',
        description: 'format=json (défaut), pdf (annexe à voter et document du débat d’orientation budgétaire) ou xlsx.',
        params: budgetParamsSchema,
        querystring: proposalQuerySchema,
        response: { 200: proposalSchema, ...readErrors },
      },
      onRequest: authenticated,
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { id, year } = request.params;
      const proposal = await getProposal(deps, principal, id, year, request.query.effectiveFrom);
      if (request.query.format === 'json') return proposal;
      const budget = await getBudget(deps, principal, id, year);
      return sendDocument(reply, await (request.query.format === 'pdf' ? proposalPdf(proposal, budget) : proposalXlsx(proposal, budget)));
    },
  );

  app.post(
    `${base}/:year/simulation`,
    {
      schema: { tags, summary: 'Ce que chaque adhérent paierait avec la grille actuelle, la grille proposée, et si des communes adhèrent ou partent', params: budgetParamsSchema, body: simulationInputSchema, response: { 200: simulationSchema, ...readErrors } },
      onRequest: authenticated,
    },
    async (request) => simulateScenario(deps, principalOf(request), request.params.id, request.params.year, request.body),
  );

  app.get(
    `${base}/:year/reconciliation`,
    { schema: { tags, summary: 'Bilan de fin d’exercice : coûts réels répartis selon l’usage réel, comparés au facturé ; régularisation par adhérent', params: budgetParamsSchema, response: { 200: reconciliationSchema, ...readErrors } }, onRequest: authenticated },
    async (request) => getReconciliation(deps, principalOf(request), request.params.id, request.params.year),
  );

  app.get(
    '/api/v1/organisations/:id/cost-share',
    { schema: { tags, summary: 'Ce dont se compose la part d’un adhérent (coût de chaque service, unités, nature des charges) ; un adhérent ne voit que la sienne', params: idParamsSchema, querystring: transparencyQuerySchema, response: { 200: transparencySchema, ...readErrors } }, onRequest: authenticated },
    async (request) => getTransparency(deps, principalOf(request), request.params.id, request.query),
  );
}
