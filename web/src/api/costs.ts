import { z } from 'zod';
// The cost model's contracts straight from the server's pure zod schemas.
import { budgetDocumentSchema, budgetSummarySchema, budgetViewSchema, proposalSchema, reconciliationSchema, simulationSchema, transparencySchema, type simulationInputSchema } from '../../../src/contracts/costs.ts';
import { queryString, request } from './client.ts';

export type BudgetDocument = z.infer<typeof budgetDocumentSchema>;
export type BudgetView = z.infer<typeof budgetViewSchema>;
export type ProposalView = z.infer<typeof proposalSchema>;
export type SimulationInput = z.input<typeof simulationInputSchema>;
export type SimulationView = z.infer<typeof simulationSchema>;
export type ReconciliationView = z.infer<typeof reconciliationSchema>;
export type TransparencyView = z.infer<typeof transparencySchema>;

const id = encodeURIComponent;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const budgetPath = (providerId: string, year: number) => `/providers/${id(providerId)}/cost-budgets/${year}`;

/** The service's budget, its split and the tariff proposal (provider staff); a member's own share (members). */
export const costApi = {
  list: (providerId: string, signal?: AbortSignal) => request('GET', `/providers/${id(providerId)}/cost-budgets`, { schema: z.array(budgetSummarySchema), ...withSignal(signal) }),
  get: (providerId: string, year: number, signal?: AbortSignal) => request('GET', budgetPath(providerId, year), { schema: budgetViewSchema, ...withSignal(signal) }),
  save: (providerId: string, year: number, body: BudgetDocument) => request('PUT', budgetPath(providerId, year), { body, schema: budgetViewSchema }),
  proposal: (providerId: string, year: number, signal?: AbortSignal) => request('GET', `${budgetPath(providerId, year)}/proposal`, { schema: proposalSchema, ...withSignal(signal) }),
  /** The proposal as the annex to vote (PDF) or as a workbook: plain links, downloaded with the session cookie. */
  proposalUrl: (providerId: string, year: number, format: 'pdf' | 'xlsx') => `/api/v1${budgetPath(providerId, year)}/proposal${queryString({ format })}`,
  simulate: (providerId: string, year: number, body: SimulationInput) => request('POST', `${budgetPath(providerId, year)}/simulation`, { body, schema: simulationSchema }),
  reconciliation: (providerId: string, year: number, signal?: AbortSignal) => request('GET', `${budgetPath(providerId, year)}/reconciliation`, { schema: reconciliationSchema, ...withSignal(signal) }),
  share: (organisationId: string, providerId: string, year: number, signal?: AbortSignal) =>
    request('GET', `/organisations/${id(organisationId)}/cost-share`, { query: { providerId, year }, schema: transparencySchema, ...withSignal(signal) }),
};
