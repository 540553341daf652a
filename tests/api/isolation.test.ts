import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { catalogueViewSchema } from '../../src/contracts/catalogue.ts';
import { CALL_ADMIN, useApiWorld, type ApiWorld } from '../support/api-harness.ts';
import { ENGINES } from '../support/test-database.ts';

/**
 * Data isolation on EVERY route of the API. The victim is Trouville-sur-Mer (member of CC Cœur Côte
 * Fleurie, seed 003). The intruders are Lens' CLI (a member of another provider) and the CALL's staff
 * (another provider). Each probe is also run by someone entitled to the data, so a probe that could
 * never see the victim would fail instead of passing silently.
 */
interface Probe {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

type Case = {
  /** Route as declared, e.g. "GET /api/v1/organisations/{id}". */
  route: string;
  probe: (w: ApiWorld, victim: Victim) => Probe;
  /** Routes that only ever touch the caller's own account, or publish no data. */
  ownOnly?: string;
};

/** The victim provider's catalogue and grid carry a marker that must never reach an intruder. */
const VICTIM_CATALOGUE = {
  categories: [{ code: 'secret', name: 'SECRET catégorie' }],
  lines: [
    { code: 'secret-line', category: 'secret', name: 'SECRET ligne', kind: 'continuous', unit: 'workstation' },
    { code: 'secret-option', category: 'secret', name: 'SECRET option', kind: 'continuous', unit: 'workstation' },
    { code: 'secret-telecom', category: 'secret', name: 'SECRET télécom', kind: 'pass_through', unit: 'line' },
  ],
  dependencies: [{ from: { line: 'secret-option' }, requires: { line: 'secret-line' } }],
};
type CatalogueView = z.infer<typeof catalogueViewSchema>;
const VICTIM_GRID = { code: 'secret-grid', label: 'SECRET grille', effectiveFrom: '2025-01-01', prices: [{ line: 'secret-line', annual: '987.65' }] };

interface Victim {
  agreementId: string;
  organisationId: string;
  contactId: string;
  providerId: string;
  name: string;
  amendmentId: string;
  exitRequestId: string;
  updatedAt: string;
  lineId: string;
  quoteId: string;
  requestId: string;
  taskId: string;
  timeEntryId: string;
  invoiceId: string;
  titleId: string;
  runId: string;
  committeeId: string;
  meetingId: string;
  needId: string;
}

const TIME_FILE = 'date;durée;intervenant;membre;service;description\n2025-03-10;1:00;SECRET intervenant;14715;secret-line;SECRET intervention';
const INVOICE_FILE = [
  'opérateur;lot;facture;date de facture;début de période;fin de période;membre;type de prestation;site;libellé;montant HT;TVA',
  'SECRET opérateur;Lot 1;SECRET-F1;2025-04-05;2025-03-01;2025-03-31;14715;secret-telecom;SECRET site;SECRET ligne;987,65;0',
].join('\n');

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const agreementBody = (v: Victim) => ({
  code: 'intrusion',
  title: 'Intrusion',
  type: 'group',
  parties: [{ organisation: v.providerId, role: 'provider' }, { organisation: v.organisationId, role: 'member' }],
  rules: { effective: { kind: 'on_signature' }, duration: { kind: 'open_ended' }, exits: [] },
});

const committeeBody = (v: Victim) => ({
  code: 'secret-comite',
  kind: 'steering',
  name: 'SECRET comité',
  agreementId: v.agreementId,
  composition: [{ roles: ['elected'], scope: 'each_party', min: 1 }],
  members: [{ organisationId: v.organisationId, role: 'elected', name: 'SECRET élu' }],
  rhythm: { kind: 'periodic', months: 12, from: '2025-06-01', atLeast: true },
  powers: ['need', 'other'],
});

const CASES: Case[] = [
  { route: 'POST /api/v1/auth/login', probe: () => ({ method: 'POST', url: '/api/v1/auth/login', payload: {} }), ownOnly: 'public; answers with the caller’s own account' },
  { route: 'POST /api/v1/auth/logout', probe: () => ({ method: 'POST', url: '/api/v1/auth/logout' }), ownOnly: 'closes the caller’s own session' },
  { route: 'GET /api/v1/auth/me', probe: () => ({ method: 'GET', url: '/api/v1/auth/me' }), ownOnly: 'the caller’s own account' },
  { route: 'POST /api/v1/auth/password', probe: () => ({ method: 'POST', url: '/api/v1/auth/password', payload: {} }), ownOnly: 'the caller’s own password' },
  { route: 'GET /api/v1/setup/schema.json', probe: () => ({ method: 'GET', url: '/api/v1/setup/schema.json' }), ownOnly: 'a published JSON Schema, no data' },
  { route: 'GET /api/v1/accounts', probe: () => ({ method: 'GET', url: '/api/v1/accounts' }) },
  {
    route: 'POST /api/v1/accounts',
    probe: (_w, v) => ({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { email: `intrus-${Math.random()}@test.fr`, displayName: 'Intrus', role: 'member_cli', organisationId: v.organisationId, password: 'un mot de passe assez long' },
    }),
  },
  { route: 'GET /api/v1/organisations', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/organisations?q=${encodeURIComponent(v.name)}` }) },
  { route: 'GET /api/v1/organisations/export.csv', probe: () => ({ method: 'GET', url: '/api/v1/organisations/export.csv' }) },
  { route: 'GET /api/v1/organisations/{id}', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/organisations/${v.organisationId}` }) },
  {
    route: 'PATCH /api/v1/organisations/{id}',
    probe: (_w, v) => ({ method: 'PATCH', url: `/api/v1/organisations/${v.organisationId}`, payload: { version: 1, population: 1 } }),
  },
  {
    route: 'POST /api/v1/organisations',
    probe: (_w, v) => ({ method: 'POST', url: '/api/v1/organisations', payload: { kind: 'commune', name: 'Doublon', inseeCode: '14715', parentEpciId: v.providerId } }),
  },
  { route: 'GET /api/v1/organisations/{id}/contacts', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/organisations/${v.organisationId}/contacts` }) },
  {
    route: 'POST /api/v1/organisations/{id}/contacts',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/organisations/${v.organisationId}/contacts`, payload: { lastName: 'INTRUS', roles: ['cli'] } }),
  },
  { route: 'PATCH /api/v1/contacts/{id}', probe: (_w, v) => ({ method: 'PATCH', url: `/api/v1/contacts/${v.contactId}`, payload: { version: 1, lastName: 'INTRUS' } }) },
  { route: 'GET /api/v1/providers', probe: () => ({ method: 'GET', url: '/api/v1/providers' }) },
  {
    route: 'PUT /api/v1/providers/{id}/memberships',
    probe: (_w, v) => ({ method: 'PUT', url: `/api/v1/providers/${v.providerId}/memberships`, payload: { memberId: v.organisationId, status: 'former' } }),
  },
  { route: 'GET /api/v1/audit', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/audit?organisationId=${v.organisationId}` }) },
  {
    route: 'POST /api/v1/imports/territory',
    probe: (_w, v) => ({ method: 'POST', url: '/api/v1/imports/territory', payload: { departements: ['14'], providerId: v.providerId } }),
  },
  { route: 'GET /api/v1/providers/{id}/catalogue', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/providers/${v.providerId}/catalogue` }) },
  { route: 'PUT /api/v1/providers/{id}/catalogue', probe: (_w, v) => ({ method: 'PUT', url: `/api/v1/providers/${v.providerId}/catalogue`, payload: VICTIM_CATALOGUE }) },
  {
    route: 'POST /api/v1/providers/{id}/catalogue/missing-prerequisites',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/providers/${v.providerId}/catalogue/missing-prerequisites`, payload: { lines: ['secret-option'] } }),
  },
  { route: 'GET /api/v1/providers/{id}/grids', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/providers/${v.providerId}/grids` }) },
  { route: 'POST /api/v1/providers/{id}/grids', probe: (_w, v) => ({ method: 'POST', url: `/api/v1/providers/${v.providerId}/grids`, payload: { ...VICTIM_GRID, code: 'intrus', effectiveFrom: '2030-01-01' } }) },
  { route: 'GET /api/v1/providers/{id}/grids/compare', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/providers/${v.providerId}/grids/compare?from=secret-grid&to=secret-grid` }) },
  { route: 'GET /api/v1/providers/{id}/grids/{code}', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/providers/${v.providerId}/grids/secret-grid` }) },
  { route: 'GET /api/v1/providers/{id}/grids/{code}/export.{format}', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/providers/${v.providerId}/grids/secret-grid/export.csv` }) },
  { route: 'GET /api/v1/providers/{id}/prices', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/providers/${v.providerId}/prices?line=secret-line&date=2025-02-01` }) },
  { route: 'GET /api/v1/providers/{id}/unit-costs', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/providers/${v.providerId}/unit-costs` }) },
  {
    route: 'PUT /api/v1/providers/{id}/unit-costs',
    probe: (_w, v) => ({ method: 'PUT', url: `/api/v1/providers/${v.providerId}/unit-costs`, payload: { line: 'secret-line', fiscalYear: 2026, forecastUnits: 1, charges: [{ nature: 'staff', amount: '1.00' }] } }),
  },
  { route: 'GET /api/v1/outbox', probe: () => ({ method: 'GET', url: '/api/v1/outbox' }) },
  { route: 'GET /api/v1/agreements', probe: () => ({ method: 'GET', url: '/api/v1/agreements' }) },
  { route: 'GET /api/v1/agreements/{id}', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/agreements/${v.agreementId}` }) },
  {
    route: 'POST /api/v1/agreements/{id}/exit-simulation',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/agreements/${v.agreementId}/exit-simulation`, payload: { party: 'member', receivedOn: '2026-01-01' } }),
  },
  {
    route: 'POST /api/v1/agreements/{id}/exit-requests',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/agreements/${v.agreementId}/exit-requests`, payload: { organisationId: v.organisationId, scope: 'full', receivedOn: '2026-01-01' } }),
  },
  { route: 'POST /api/v1/agreements', probe: (_w, v) => ({ method: 'POST', url: '/api/v1/agreements', payload: { ...agreementBody(v), providerId: v.providerId } }) },
  {
    route: 'PUT /api/v1/agreements/{id}',
    probe: (_w, v) => ({ method: 'PUT', url: `/api/v1/agreements/${v.agreementId}`, payload: { ...agreementBody(v), code: 'secret-convention', expectedUpdatedAt: v.updatedAt } }),
  },
  { route: 'GET /api/v1/agreements/{id}/state', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/agreements/${v.agreementId}/state?on=2026-01-01` }) },
  { route: 'GET /api/v1/agreements/{id}/amendments', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/agreements/${v.agreementId}/amendments` }) },
  {
    route: 'POST /api/v1/agreements/{id}/amendments',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/agreements/${v.agreementId}/amendments`, payload: { subject: 'Intrusion', proposedOn: '2026-01-01', changes: { annexes: ['x'] } } }),
  },
  {
    route: 'POST /api/v1/agreements/{id}/amendments/{amendmentId}/approvals',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/agreements/${v.agreementId}/amendments/${v.amendmentId}/approvals`, payload: { organisationId: v.organisationId, approvedOn: '2026-01-01' } }),
  },
  {
    route: 'POST /api/v1/agreements/{id}/amendments/{amendmentId}/rejection',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/agreements/${v.agreementId}/amendments/${v.amendmentId}/rejection`, payload: { organisationId: v.organisationId, rejectedOn: '2026-01-01' } }),
  },
  { route: 'POST /api/v1/agreements/{id}/renewal-letters', probe: (_w, v) => ({ method: 'POST', url: `/api/v1/agreements/${v.agreementId}/renewal-letters`, payload: { receivedOn: '2026-01-01' } }) },
  { route: 'GET /api/v1/agreements/{id}/document', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/agreements/${v.agreementId}/document?format=docx` }) },
  {
    route: 'GET /api/v1/agreements/{id}/amendments/{amendmentId}/document',
    probe: (_w, v) => ({ method: 'GET', url: `/api/v1/agreements/${v.agreementId}/amendments/${v.amendmentId}/document?format=pdf` }),
  },
  {
    route: 'GET /api/v1/agreements/{id}/exit-requests/{exitRequestId}/acknowledgement',
    probe: (_w, v) => ({ method: 'GET', url: `/api/v1/agreements/${v.agreementId}/exit-requests/${v.exitRequestId}/acknowledgement?format=docx` }),
  },
  { route: 'GET /api/v1/providers/{id}/document-templates', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/providers/${v.providerId}/document-templates` }) },
  { route: 'GET /api/v1/providers/{id}/document-templates/{kind}', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/providers/${v.providerId}/document-templates/convention` }) },
  {
    route: 'PUT /api/v1/providers/{id}/document-templates/{kind}',
    probe: (_w, v) => ({ method: 'PUT', url: `/api/v1/providers/${v.providerId}/document-templates/convention`, payload: readFileSync('templates/convention.docx'), headers: { 'content-type': DOCX } }),
  },
  { route: 'DELETE /api/v1/providers/{id}/document-templates/{kind}', probe: (_w, v) => ({ method: 'DELETE', url: `/api/v1/providers/${v.providerId}/document-templates/avenant` }) },
  { route: 'GET /api/v1/organisations/{id}/perimeter', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/organisations/${v.organisationId}/perimeter?providerId=${v.providerId}` }) },
  {
    route: 'POST /api/v1/organisations/{id}/perimeter',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/organisations/${v.organisationId}/perimeter`, payload: { providerId: v.providerId, lines: ['secret-line'], deliberation: { organ: 'Intrus', date: '2026-01-01' } } }),
  },
  { route: 'GET /api/v1/subscription-requests', probe: () => ({ method: 'GET', url: '/api/v1/subscription-requests' }) },
  {
    route: 'POST /api/v1/subscription-requests',
    probe: (_w, v) => ({ method: 'POST', url: '/api/v1/subscription-requests', payload: { providerId: v.providerId, organisationId: v.organisationId, lines: [{ line: 'secret-line', quantity: 1, wishedOn: '2026-06-01' }] } }),
  },
  {
    route: 'POST /api/v1/subscription-requests/preview',
    probe: (_w, v) => ({ method: 'POST', url: '/api/v1/subscription-requests/preview', payload: { providerId: v.providerId, organisationId: v.organisationId, lines: [{ line: 'secret-line', quantity: 1, wishedOn: '2026-06-01' }] } }),
  },
  { route: 'POST /api/v1/subscription-lines/{id}/events', probe: (_w, v) => ({ method: 'POST', url: `/api/v1/subscription-lines/${v.lineId}/events`, payload: { kind: 'cancel', on: '2026-01-01' } }) },
  { route: 'GET /api/v1/subscription-lines/{id}/opening-record', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/subscription-lines/${v.lineId}/opening-record?format=docx` }) },
  {
    route: 'POST /api/v1/subscription-lines/{id}/quantities',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/subscription-lines/${v.lineId}/quantities`, payload: { effectiveFrom: '2026-07-01', quantity: 2 } }),
  },
  {
    route: 'POST /api/v1/subscription-requests/{id}/tasks',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/subscription-requests/${v.requestId}/tasks`, payload: { kind: 'other', owner: 'provider', title: 'Intrus', dueOn: '2026-06-01' } }),
  },
  {
    route: 'POST /api/v1/subscription-requests/{id}/prerequisite-checks',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/subscription-requests/${v.requestId}/prerequisite-checks`, payload: { line: 'secret-line', item: 'x', met: true } }),
  },
  { route: 'POST /api/v1/subscription-tasks/{id}/done', probe: (_w, v) => ({ method: 'POST', url: `/api/v1/subscription-tasks/${v.taskId}/done`, payload: { doneOn: '2026-06-01' } }) },
  {
    route: 'POST /api/v1/providers/{id}/snapshots/import',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/providers/${v.providerId}/snapshots/import`, payload: 'membre,ligne,mois,unites\n14715,secret-line,2025-04,9', headers: { 'content-type': 'text/csv' } }),
  },
  {
    route: 'POST /api/v1/providers/{id}/snapshots',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/providers/${v.providerId}/snapshots`, payload: { rows: [{ member: '14715', line: 'secret-line', month: '2025-04', units: 9 }] } }),
  },
  { route: 'GET /api/v1/agreements/{id}/billing/preview', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/agreements/${v.agreementId}/billing/preview?year=2025` }) },
  { route: 'POST /api/v1/agreements/{id}/billing/issue', probe: (_w, v) => ({ method: 'POST', url: `/api/v1/agreements/${v.agreementId}/billing/issue`, payload: { year: 2025 } }) },
  { route: 'GET /api/v1/titles/{id}/document', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/titles/${v.titleId}/document` }) },
  { route: 'GET /api/v1/billing-runs', probe: () => ({ method: 'GET', url: '/api/v1/billing-runs' }) },
  { route: 'GET /api/v1/billing-runs/{id}/export', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/billing-runs/${v.runId}/export?format=csv` }) },
  { route: 'GET /api/v1/billing-runs/{id}/pes', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/billing-runs/${v.runId}/pes` }) },
  { route: 'GET /api/v1/providers/{id}/pes-settings', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/providers/${v.providerId}/pes-settings` }) },
  {
    route: 'PUT /api/v1/providers/{id}/pes-settings',
    probe: (_w, v) => ({ method: 'PUT', url: `/api/v1/providers/${v.providerId}/pes-settings`, payload: { idPost: '000000', codCol: '000', codBud: '00', budgetLabel: 'Intrus', defaultNature: '1', defaultProductCode: 'X' } }),
  },
  { route: 'GET /api/v1/titles', probe: () => ({ method: 'GET', url: '/api/v1/titles' }) },
  { route: 'GET /api/v1/providers/{id}/cost-budgets', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/providers/${v.providerId}/cost-budgets` }) },
  { route: 'GET /api/v1/providers/{id}/cost-budgets/{year}', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/providers/${v.providerId}/cost-budgets/2025` }) },
  { route: 'PUT /api/v1/providers/{id}/cost-budgets/{year}', probe: (_w, v) => ({ method: 'PUT', url: `/api/v1/providers/${v.providerId}/cost-budgets/2025`, payload: { charges: [], staff: [], investments: [], keys: [], forecastUnits: [] } }) },
  { route: 'GET /api/v1/providers/{id}/cost-budgets/{year}/proposal', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/providers/${v.providerId}/cost-budgets/2025/proposal` }) },
  { route: 'POST /api/v1/providers/{id}/cost-budgets/{year}/simulation', probe: (_w, v) => ({ method: 'POST', url: `/api/v1/providers/${v.providerId}/cost-budgets/2025/simulation`, payload: {} }) },
  { route: 'GET /api/v1/providers/{id}/cost-budgets/{year}/reconciliation', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/providers/${v.providerId}/cost-budgets/2025/reconciliation` }) },
  { route: 'GET /api/v1/organisations/{id}/cost-share', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/organisations/${v.organisationId}/cost-share?providerId=${v.providerId}&year=2025` }) },
  { route: 'GET /api/v1/titles/{id}', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/titles/${v.titleId}` }) },
  { route: 'POST /api/v1/titles/{id}/cancellation', probe: (_w, v) => ({ method: 'POST', url: `/api/v1/titles/${v.titleId}/cancellation`, payload: { reason: 'intrusion' } }) },
  { route: 'GET /api/v1/organisations/{id}/billing-summary', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/organisations/${v.organisationId}/billing-summary?fiscalYear=2026` }) },
  { route: 'GET /api/v1/organisations/{id}/billing-summary/document', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/organisations/${v.organisationId}/billing-summary/document?fiscalYear=2026&format=xlsx` }) },
  { route: 'POST /api/v1/titles/{id}/reduction', probe: (_w, v) => ({ method: 'POST', url: `/api/v1/titles/${v.titleId}/reduction`, payload: { reason: 'intrusion', lines: [{ position: 0, amount: '1.00' }] } }) },
  { route: 'POST /api/v1/titles/{id}/payments', probe: (_w, v) => ({ method: 'POST', url: `/api/v1/titles/${v.titleId}/payments`, payload: { paidOn: '2026-03-15', amount: '1,00' } }) },
  { route: 'GET /api/v1/organisations/{id}/consumption', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/organisations/${v.organisationId}/consumption?year=2025` }) },
  {
    route: 'POST /api/v1/providers/{id}/time-entries/import',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/providers/${v.providerId}/time-entries/import`, payload: TIME_FILE, headers: { 'content-type': 'text/csv' } }),
  },
  {
    route: 'POST /api/v1/providers/{id}/time-entries',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/providers/${v.providerId}/time-entries`, payload: { organisationId: v.organisationId, line: 'secret-line', workedOn: '2025-03-10', duration: '1:00', person: 'Intrus', travelIncluded: false } }),
  },
  { route: 'GET /api/v1/time-entries', probe: () => ({ method: 'GET', url: '/api/v1/time-entries?from=2025-01-01&to=2026-12-31' }) },
  { route: 'GET /api/v1/time-entries/summary', probe: () => ({ method: 'GET', url: '/api/v1/time-entries/summary?year=2025&period=year' }) },
  { route: 'DELETE /api/v1/time-entries/{id}', probe: (_w, v) => ({ method: 'DELETE', url: `/api/v1/time-entries/${v.timeEntryId}` }) },
  {
    route: 'POST /api/v1/providers/{id}/operator-invoices/import',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/providers/${v.providerId}/operator-invoices/import`, payload: INVOICE_FILE.replace('SECRET-F1', 'INTRUS-F1'), headers: { 'content-type': 'text/csv' } }),
  },
  { route: 'GET /api/v1/operator-invoices', probe: () => ({ method: 'GET', url: '/api/v1/operator-invoices?from=2025-01-01&to=2026-12-31' }) },
  { route: 'GET /api/v1/operator-invoices/{id}', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/operator-invoices/${v.invoiceId}` }) },
  { route: 'POST /api/v1/operator-invoices/{id}/payment', probe: (_w, v) => ({ method: 'POST', url: `/api/v1/operator-invoices/${v.invoiceId}/payment`, payload: { paidOn: '2025-05-01' } }) },
  {
    route: 'PUT /api/v1/operator-invoices/{id}/copy',
    probe: (_w, v) => ({ method: 'PUT', url: `/api/v1/operator-invoices/${v.invoiceId}/copy`, payload: { fileName: 'intrus.pdf', contentBase64: Buffer.from('intrus').toString('base64') } }),
  },
  { route: 'GET /api/v1/operator-invoices/{id}/copy', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/operator-invoices/${v.invoiceId}/copy` }) },
  {
    route: 'POST /api/v1/providers/{id}/penalties',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/providers/${v.providerId}/penalties`, payload: { organisationId: v.organisationId, operator: 'Intrus', receivedOn: '2025-05-01', amount: '1,00', reason: 'intrusion' } }),
  },
  { route: 'GET /api/v1/penalties', probe: () => ({ method: 'GET', url: '/api/v1/penalties?year=2025' }) },
  {
    route: 'PUT /api/v1/providers/{id}/forecasts',
    probe: (_w, v) => ({ method: 'PUT', url: `/api/v1/providers/${v.providerId}/forecasts`, payload: { rows: [{ organisationId: v.organisationId, line: 'secret-line', year: 2025, units: 1 }] } }),
  },
  {
    route: 'POST /api/v1/providers/{id}/forecasts/import',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/providers/${v.providerId}/forecasts/import`, payload: 'membre;ligne;année;unités\n14715;secret-line;2025;1', headers: { 'content-type': 'text/csv' } }),
  },
  { route: 'GET /api/v1/organisations/{id}/forecasts', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/organisations/${v.organisationId}/forecasts?year=2025` }) },
  { route: 'GET /api/v1/organisations/{id}/statements/telecom', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/organisations/${v.organisationId}/statements/telecom?year=2025&quarter=1` }) },
  { route: 'GET /api/v1/organisations/{id}/statements/units', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/organisations/${v.organisationId}/statements/units?year=2025&period=year` }) },
  { route: 'GET /api/v1/quotes', probe: () => ({ method: 'GET', url: '/api/v1/quotes' }) },
  {
    route: 'POST /api/v1/quotes',
    probe: (_w, v) => ({ method: 'POST', url: '/api/v1/quotes', payload: { providerId: v.providerId, organisationId: v.organisationId, subject: 'Intrus', validUntil: '2026-12-31', lines: [{ nature: 'x', quantity: '1', unitPrice: '1.00' }] } }),
  },
  { route: 'POST /api/v1/quotes/{id}/send', probe: (_w, v) => ({ method: 'POST', url: `/api/v1/quotes/${v.quoteId}/send`, payload: { sentOn: '2026-03-01' } }) },
  { route: 'POST /api/v1/quotes/{id}/acceptance', probe: (_w, v) => ({ method: 'POST', url: `/api/v1/quotes/${v.quoteId}/acceptance`, payload: { acceptedOn: '2026-03-02', acceptedBy: 'Intrus' } }) },
  { route: 'POST /api/v1/quotes/{id}/decline', probe: (_w, v) => ({ method: 'POST', url: `/api/v1/quotes/${v.quoteId}/decline`, payload: { declinedOn: '2026-03-02' } }) },
  { route: 'GET /api/v1/quotes/{id}/document', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/quotes/${v.quoteId}/document` }) },
  { route: 'GET /api/v1/quotes/{id}/signed-document', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/quotes/${v.quoteId}/signed-document` }) },
  { route: 'GET /api/v1/calendar', probe: () => ({ method: 'GET', url: '/api/v1/calendar?from=2024-01-01&to=2030-12-31' }) },
  { route: 'GET /api/v1/calendar.ics', probe: () => ({ method: 'GET', url: '/api/v1/calendar.ics?from=2024-01-01&to=2030-12-31' }) },
  { route: 'POST /api/v1/calendar/feed', probe: () => ({ method: 'POST', url: '/api/v1/calendar/feed' }), ownOnly: 'the caller’s own feed address; its content is probed below' },
  {
    route: 'GET /api/v1/calendar/feed/{token}',
    probe: () => ({ method: 'GET', url: '/api/v1/calendar/feed/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }),
    ownOnly: 'public by secret token; a token gives exactly its account’s calendar (tested below)',
  },
  {
    route: 'POST /api/v1/setup/load',
    probe: (_w, v) => ({
      method: 'POST',
      url: '/api/v1/setup/load',
      payload: { content: `version: 1\ntitle: intrusion\norganisations:\n  - {ref: t, kind: commune, name: "${v.name}", inseeCode: "14715", population: 1}\n`, dryRun: false },
    }),
  },
  { route: 'GET /api/v1/committees', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/committees?providerId=${v.providerId}` }) },
  { route: 'GET /api/v1/committees/{id}', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/committees/${v.committeeId}` }) },
  { route: 'POST /api/v1/providers/{id}/committees', probe: (_w, v) => ({ method: 'POST', url: `/api/v1/providers/${v.providerId}/committees`, payload: { ...committeeBody(v), code: 'intrus' } }) },
  { route: 'PUT /api/v1/committees/{id}', probe: (_w, v) => ({ method: 'PUT', url: `/api/v1/committees/${v.committeeId}`, payload: committeeBody(v) }) },
  { route: 'GET /api/v1/meetings', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/meetings?providerId=${v.providerId}` }) },
  { route: 'POST /api/v1/committees/{id}/meetings', probe: (_w, v) => ({ method: 'POST', url: `/api/v1/committees/${v.committeeId}/meetings`, payload: { scheduledOn: '2026-03-01' } }) },
  { route: 'GET /api/v1/meetings/{id}', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/meetings/${v.meetingId}` }) },
  { route: 'PATCH /api/v1/meetings/{id}', probe: (_w, v) => ({ method: 'PATCH', url: `/api/v1/meetings/${v.meetingId}`, payload: { minutes: 'INTRUS', expectedUpdatedAt: '2026-01-01T00:00:00Z' } }) },
  { route: 'POST /api/v1/meetings/{id}/events', probe: (_w, v) => ({ method: 'POST', url: `/api/v1/meetings/${v.meetingId}/events`, payload: { kind: 'cancel', on: '2026-03-01' } }) },
  {
    route: 'POST /api/v1/meetings/{id}/decisions',
    probe: (_w, v) => ({ method: 'POST', url: `/api/v1/meetings/${v.meetingId}/decisions`, payload: { kind: 'need', needId: v.needId, outcome: 'decline', reason: 'intrus' } }),
  },
  { route: 'GET /api/v1/needs', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/needs?organisationId=${v.organisationId}` }) },
  { route: 'POST /api/v1/needs', probe: (_w, v) => ({ method: 'POST', url: '/api/v1/needs', payload: { providerId: v.providerId, organisationId: v.organisationId, year: 2026, kind: 'need', title: 'Intrus' } }) },
  { route: 'GET /api/v1/agreements/{id}/annual-reports/{year}', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/agreements/${v.agreementId}/annual-reports/2025` }) },
  {
    route: 'PUT /api/v1/agreements/{id}/annual-reports/{year}',
    probe: (_w, v) => ({ method: 'PUT', url: `/api/v1/agreements/${v.agreementId}/annual-reports/2024`, payload: { texts: { introduction: 'INTRUS', services: '', finances: '', incidents: '', proposals: '', opinion: '' } } }),
  },
  { route: 'POST /api/v1/agreements/{id}/annual-reports/{year}/final', probe: (_w, v) => ({ method: 'POST', url: `/api/v1/agreements/${v.agreementId}/annual-reports/2025/final`, payload: { expectedUpdatedAt: '2026-01-01T00:00:00Z' } }) },
  { route: 'GET /api/v1/agreements/{id}/annual-reports/{year}/document', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/agreements/${v.agreementId}/annual-reports/2025/document?format=docx` }) },
  { route: 'GET /api/v1/providers/{id}/kpis', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/providers/${v.providerId}/kpis?year=2025` }) },
  { route: 'GET /api/v1/providers/{id}/kpis/export', probe: (_w, v) => ({ method: 'GET', url: `/api/v1/providers/${v.providerId}/kpis/export?year=2025&format=csv` }) },
  { route: 'POST /api/v1/needs/{id}/events', probe: (_w, v) => ({ method: 'POST', url: `/api/v1/needs/${v.needId}/events`, payload: { kind: 'decline', reason: 'intrus' } }) },
];

describe.each(ENGINES)('isolation on every API route (%s)', (engine) => {
  const w = useApiWorld(engine);

  let created: Promise<Victim> | undefined;
  const victim = () => (created ??= makeVictim());
  async function makeVictim(): Promise<Victim> {
    const contact = await w.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${w.ids.trouville}/contacts`,
      headers: { cookie: await w.login('admin@demo.mutualis.fr') },
      payload: { lastName: 'SECRET', firstName: 'Victime', roles: ['cli'], email: 'cli@trouville.example' },
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const admin = await w.login('admin@demo.mutualis.fr');
    // The demo prices and subscribes Cœur Côte Fleurie's example lines (examples/consumption): they stay, the victim's are added.
    const current = (await w.app.inject({ method: 'GET', url: `/api/v1/providers/${w.ids.coeurCoteFleurie}/catalogue`, headers: { cookie: admin } })).json() as CatalogueView;
    const lines = current.lines.map(({ deliveredByName: _d, subProviderName: _s, responsibilities, ...line }) => ({ ...line, responsibilities: responsibilities.map(({ party, tasks }) => ({ party, tasks })) }));
    const payload = {
      categories: [...current.categories, ...VICTIM_CATALOGUE.categories],
      lines: [...lines, ...VICTIM_CATALOGUE.lines],
      dependencies: [...current.dependencies, ...VICTIM_CATALOGUE.dependencies],
      sharedCharges: current.sharedCharges,
    };
    const catalogue = await w.app.inject({ method: 'PUT', url: `/api/v1/providers/${w.ids.coeurCoteFleurie}/catalogue`, headers: { cookie: admin }, payload });
    expect(catalogue.statusCode, catalogue.body).toBe(200);
    const grid = await w.app.inject({ method: 'POST', url: `/api/v1/providers/${w.ids.coeurCoteFleurie}/grids`, headers: { cookie: admin }, payload: VICTIM_GRID });
    expect(grid.statusCode, grid.body).toBe(201);
    const cost = await w.app.inject({
      method: 'PUT',
      url: `/api/v1/providers/${w.ids.coeurCoteFleurie}/unit-costs`,
      headers: { cookie: admin },
      payload: { line: 'secret-line', fiscalYear: 2025, forecastUnits: 3, charges: [{ nature: 'staff', amount: '987.65' }] },
    });
    expect(cost.statusCode, cost.body).toBe(200);
    const budget = await w.app.inject({
      method: 'PUT',
      url: `/api/v1/providers/${w.ids.coeurCoteFleurie}/cost-budgets/2025`,
      headers: { cookie: admin },
      payload: {
        charges: [{ id: 'secret', label: 'SECRET charge', nature: 'licences', forecast: '987.65', actual: '987.65', target: { kind: 'line', line: 'secret-line' } }],
        staff: [{ id: 'agent', label: 'SECRET agent', role: 'technical', forecast: '987.65', actual: null, shares: [{ line: 'secret-line', percent: '50' }] }],
        investments: [],
        keys: [],
        forecastUnits: [{ line: 'secret-line', units: 98765 }],
      },
    });
    expect(budget.statusCode, budget.body).toBe(200);
    const agreementFile = [
      'version: 1',
      'title: SECRET convention',
      'organisations:',
      '  - { ref: cccf, kind: communaute_communes, name: Communauté de Communes Cœur Côte Fleurie, siren: "241400415", provider: { shortName: CC Cœur Côte Fleurie } }',
      '  - { ref: trouville, kind: commune, name: Trouville-sur-Mer, inseeCode: "14715" }',
      'agreements:',
      '  - provider: cccf',
      '    code: secret-convention',
      '    title: SECRET convention',
      '    type: group',
      '    signedOn: 2024-07-01',
      '    parties: [{ organisation: cccf, role: provider }, { organisation: trouville, role: member }]',
      '    rules:',
      '      effective: { kind: on_signature }',
      '      duration: { kind: open_ended }',
      '      exits: [{ parties: [member], anchor: january_first, noticeMonths: 3 }]',
      '      obligations: [{ kind: yearly, label: SECRET échéance, monthDay: "06-30" }]',
      '      billing: { rhythm: annual, timing: arrears, continuousBasis: subscribed_volume, proration: twelfths, due: { days: 30 } }',
    ].join('\n');
    const loaded = await w.app.inject({ method: 'POST', url: '/api/v1/setup/load', headers: { cookie: admin }, payload: { content: agreementFile } });
    expect(loaded.statusCode, loaded.body).toBe(200);
    const agreements = (await w.app.inject({ method: 'GET', url: '/api/v1/agreements', headers: { cookie: admin } })).json() as { id: string; code: string }[];
    const agreementId = agreements.find((a) => a.code === 'secret-convention')!.id;
    const amendment = await w.app.inject({
      method: 'POST',
      url: `/api/v1/agreements/${agreementId}/amendments`,
      headers: { cookie: admin },
      payload: { subject: 'SECRET avenant', proposedOn: '2025-01-10', changes: { annexes: ['SECRET annexe'] } },
    });
    expect(amendment.statusCode, amendment.body).toBe(201);
    for (const organisationId of [w.ids.coeurCoteFleurie, w.ids.trouville]) {
      const approval = await w.app.inject({
        method: 'POST',
        url: `/api/v1/agreements/${agreementId}/amendments/${amendment.json().id}/approvals`,
        headers: { cookie: admin },
        payload: { organisationId, approvedOn: '2025-01-20' },
      });
      expect(approval.statusCode, approval.body).toBe(200);
    }
    const exit = await w.app.inject({ method: 'POST', url: `/api/v1/agreements/${agreementId}/exit-requests`, headers: { cookie: admin }, payload: { organisationId: w.ids.trouville, scope: 'full', receivedOn: '2025-06-01' } });
    expect(exit.statusCode, exit.body).toBe(201);
    const detail = (await w.app.inject({ method: 'GET', url: `/api/v1/agreements/${agreementId}`, headers: { cookie: admin } })).json() as { updatedAt: string };
    const request = await w.app.inject({
      method: 'POST',
      url: '/api/v1/subscription-requests',
      headers: { cookie: admin },
      payload: { providerId: w.ids.coeurCoteFleurie, organisationId: w.ids.trouville, note: 'SECRET demande', lines: [{ line: 'secret-line', quantity: 3, wishedOn: '2025-03-01' }] },
    });
    expect(request.statusCode, request.body).toBe(201);
    const lineId = request.json().lines[0].id as string;
    const requestId = request.json().id as string;
    const task = await w.app.inject({ method: 'POST', url: `/api/v1/subscription-requests/${requestId}/tasks`, headers: { cookie: admin }, payload: { kind: 'other', owner: 'member', title: 'SECRET tâche', dueOn: '2026-06-01' } });
    expect(task.statusCode, task.body).toBe(201);
    const taskId = task.json().tasks[0].id as string;
    for (const event of [{ kind: 'accept', on: '2025-02-01' }, { kind: 'open', openedOn: '2025-03-01', openingRecord: 'PV-SECRET' }]) {
      const applied = await w.app.inject({ method: 'POST', url: `/api/v1/subscription-lines/${lineId}/events`, headers: { cookie: admin }, payload: event });
      expect(applied.statusCode, applied.body).toBe(200);
    }
    const perimeter = await w.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${w.ids.trouville}/perimeter`,
      headers: { cookie: admin },
      payload: { providerId: w.ids.coeurCoteFleurie, lines: ['secret-line'], representative: 'SECRET représentant', deliberation: { organ: 'Conseil municipal', date: '2025-01-05' } },
    });
    expect(perimeter.statusCode, perimeter.body).toBe(201);
    const snapshots = await w.app.inject({
      method: 'POST',
      url: `/api/v1/providers/${w.ids.coeurCoteFleurie}/snapshots`,
      headers: { cookie: admin },
      payload: { rows: [{ member: '14715', line: 'secret-line', month: '2025-03', units: 98765 }] },
    });
    expect(snapshots.statusCode, snapshots.body).toBe(200);
    const time = await w.app.inject({ method: 'POST', url: `/api/v1/providers/${w.ids.coeurCoteFleurie}/time-entries/import`, headers: { cookie: admin, 'content-type': 'text/csv' }, payload: TIME_FILE });
    expect(time.statusCode, time.body).toBe(200);
    const timeEntryId = (await w.app.inject({ method: 'GET', url: '/api/v1/time-entries?from=2025-01-01&to=2025-12-31', headers: { cookie: admin } })).json().find((e: { person: string }) => e.person === 'SECRET intervenant').id as string;
    const invoices = await w.app.inject({ method: 'POST', url: `/api/v1/providers/${w.ids.coeurCoteFleurie}/operator-invoices/import`, headers: { cookie: admin, 'content-type': 'text/csv' }, payload: INVOICE_FILE });
    expect(invoices.statusCode, invoices.body).toBe(200);
    const invoiceId = (await w.app.inject({ method: 'GET', url: `/api/v1/operator-invoices?providerId=${w.ids.coeurCoteFleurie}&from=2025-01-01&to=2025-12-31`, headers: { cookie: admin } })).json()[0].id as string;
    const copy = await w.app.inject({ method: 'PUT', url: `/api/v1/operator-invoices/${invoiceId}/copy`, headers: { cookie: admin }, payload: { fileName: 'secret.pdf', contentBase64: Buffer.from('SECRET copie').toString('base64') } });
    expect(copy.statusCode, copy.body).toBe(200);
    const penalty = await w.app.inject({
      method: 'POST',
      url: `/api/v1/providers/${w.ids.coeurCoteFleurie}/penalties`,
      headers: { cookie: admin },
      payload: { organisationId: w.ids.trouville, operator: 'SECRET opérateur', receivedOn: '2025-03-20', amount: '987,65', reason: 'SECRET pénalité' },
    });
    expect(penalty.statusCode, penalty.body).toBe(201);
    const forecast = await w.app.inject({
      method: 'PUT',
      url: `/api/v1/providers/${w.ids.coeurCoteFleurie}/forecasts`,
      headers: { cookie: admin },
      payload: { rows: [{ organisationId: w.ids.trouville, line: 'secret-line', year: 2025, quarter: 0, units: 98765 }] },
    });
    expect(forecast.statusCode, forecast.body).toBe(200);
    const billed = await w.app.inject({ method: 'POST', url: `/api/v1/agreements/${agreementId}/billing/issue`, headers: { cookie: admin }, payload: { year: 2025 } });
    expect(billed.statusCode, billed.body).toBe(200);
    const titleId = billed.json().documents[0].id as string;
    const runId = billed.json().runId as string;
    const pes = await w.app.inject({ method: 'PUT', url: `/api/v1/providers/${w.ids.coeurCoteFleurie}/pes-settings`, headers: { cookie: admin }, payload: { idPost: '014000', codCol: '987', codBud: '00', budgetLabel: 'SECRET budget', defaultNature: '98765', defaultProductCode: 'SECR' } });
    expect(pes.statusCode, pes.body).toBe(200);
    const quote = await w.app.inject({
      method: 'POST',
      url: '/api/v1/quotes',
      headers: { cookie: admin },
      payload: { providerId: w.ids.coeurCoteFleurie, organisationId: w.ids.trouville, subject: 'SECRET devis', issuedOn: '2026-03-01', validUntil: '2026-12-31', lines: [{ line: 'secret-line', quantity: '1', unitPrice: '987.65' }] },
    });
    expect(quote.statusCode, quote.body).toBe(201);
    const quoteId = quote.json().id as string;
    const committee = await w.app.inject({ method: 'POST', url: `/api/v1/providers/${w.ids.coeurCoteFleurie}/committees`, headers: { cookie: admin }, payload: committeeBody({ agreementId, organisationId: w.ids.trouville } as Victim) });
    expect(committee.statusCode, committee.body).toBe(201);
    const need = await w.app.inject({ method: 'POST', url: '/api/v1/needs', headers: { cookie: admin }, payload: { providerId: w.ids.coeurCoteFleurie, organisationId: w.ids.trouville, year: 2026, kind: 'need', title: 'SECRET besoin', submit: true } });
    expect(need.statusCode, need.body).toBe(201);
    const meeting = await w.app.inject({
      method: 'POST',
      url: `/api/v1/committees/${committee.json().id}/meetings`,
      headers: { cookie: admin },
      payload: { scheduledOn: '2026-03-01', place: 'SECRET salle', agenda: [{ kind: 'need', needId: need.json().id }] },
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    await w.app.inject({ method: 'POST', url: `/api/v1/quotes/${quoteId}/send`, headers: { cookie: admin }, payload: { sentOn: '2026-03-01' } });
    const signed = await w.app.inject({
      method: 'POST',
      url: `/api/v1/quotes/${quoteId}/acceptance`,
      headers: { cookie: admin },
      payload: { acceptedOn: '2026-03-05', acceptedBy: 'SECRET signataire', signedDocumentBase64: Buffer.from('SECRET signé').toString('base64') },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    return {
      agreementId,
      organisationId: w.ids.trouville,
      contactId: contact.json().id,
      providerId: w.ids.coeurCoteFleurie,
      name: 'Trouville-sur-Mer',
      amendmentId: amendment.json().id,
      exitRequestId: exit.json().id,
      updatedAt: detail.updatedAt,
      lineId,
      quoteId,
      requestId,
      taskId,
      timeEntryId,
      invoiceId,
      titleId,
      runId,
      committeeId: committee.json().id,
      meetingId: meeting.json().id,
      needId: need.json().id,
    };
  }

  it('covers every route the API declares', async () => {
    const spec = (await w.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const declared = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(declared.sort()).toEqual(CASES.map((c) => c.route).sort());
  });

  it('refuses anonymous callers on every route but login and the schema', async () => {
    const v = await victim();
    for (const c of CASES) {
      const probe = c.probe(w, v);
      const response = await w.app.inject({ method: probe.method, url: probe.url, payload: probe.payload as never, headers: probe.headers });
      const expected = c.route === 'POST /api/v1/auth/login' ? 400 : c.route === 'GET /api/v1/setup/schema.json' ? 200 : c.route === 'GET /api/v1/calendar/feed/{token}' ? 404 : 401;
      expect(response.statusCode, c.route).toBe(expected);
    }
  });

  it.each([
    ['a member of another provider (Lens CLI)', 'cli.lens@demo.mutualis.fr'],
    ['staff of another provider (CALL finance)', 'finances.call@demo.mutualis.fr'],
    ['an administrator of another provider (CALL)', CALL_ADMIN],
  ])('gives %s nothing of the victim', async (_label, email) => {
    const v = await victim();
    const cookie = await w.login(email);
    const before = (await w.app.inject({ method: 'GET', url: `/api/v1/organisations/${v.organisationId}`, headers: { cookie: await w.login('admin@demo.mutualis.fr') } })).json();
    for (const c of CASES.filter((x) => !x.ownOnly)) {
      const probe = c.probe(w, v);
      const response = await w.app.inject({ method: probe.method, url: probe.url, payload: probe.payload as never, headers: { ...probe.headers, cookie } });
      const leak = [v.organisationId, v.contactId, 'SECRET', '987.65', '98765', 'cli@trouville.example', v.name].filter((secret) => response.body.includes(secret));
      if (response.statusCode < 300) {
        // Allowed calls (lists, or a provider importing its own territory) must not carry the victim's data.
        expect(leak, `${c.route} → ${response.statusCode} leaks ${leak.join(', ')}`).toEqual([]);
      } else {
        expect([403, 404, 422], `${c.route} → ${response.statusCode} ${response.body}`).toContain(response.statusCode);
        expect(leak.filter((s) => s !== v.name && s !== v.organisationId), `${c.route} error leaks data`).toEqual([]);
      }
    }
    const feed = (await w.app.inject({ method: 'POST', url: '/api/v1/calendar/feed', headers: { cookie } })).json() as { path: string };
    const feedBody = (await w.app.inject({ method: 'GET', url: feed.path })).body;
    expect(feedBody).toContain('BEGIN:VCALENDAR');
    expect(feedBody).not.toContain('SECRET');
    const after = (await w.app.inject({ method: 'GET', url: `/api/v1/organisations/${v.organisationId}`, headers: { cookie: await w.login('admin@demo.mutualis.fr') } })).json();
    expect(after.version).toBe(before.version);
    expect(after.providers).toEqual(before.providers);
  });

  it('shows the victim to those entitled to it, so the probes above can fail', async () => {
    const v = await victim();
    const admin = await w.login('admin@demo.mutualis.fr');
    const get = (url: string) => w.app.inject({ method: 'GET', url, headers: { cookie: admin } });
    expect((await get(`/api/v1/organisations/${v.organisationId}`)).statusCode).toBe(200);
    expect((await get(`/api/v1/organisations?q=Trouville`)).body).toContain(v.organisationId);
    expect((await get('/api/v1/organisations/export.csv')).body).toContain(v.name);
    expect((await get(`/api/v1/organisations/${v.organisationId}/contacts`)).body).toContain('SECRET');
    expect((await get(`/api/v1/audit?organisationId=${v.organisationId}`)).body).toContain(v.contactId);
    expect((await get('/api/v1/providers')).body).toContain(v.providerId);
    const provider = `/api/v1/providers/${v.providerId}`;
    expect((await get(`${provider}/catalogue`)).body).toContain('SECRET');
    expect((await get(`${provider}/grids`)).body).toContain('SECRET');
    expect((await get(`${provider}/grids/secret-grid`)).body).toContain('987.65');
    expect((await get(`${provider}/grids/compare?from=secret-grid&to=secret-grid`)).body).toContain('987.65');
    expect((await get(`${provider}/grids/secret-grid/export.csv`)).body).toContain('SECRET');
    // Before the demo's own grid of Cœur Côte Fleurie (1 April 2025), the victim's grid is the one in force.
    expect((await get(`${provider}/prices?line=secret-line&date=2025-02-01`)).body).toContain('987.65');
    expect((await get(`${provider}/unit-costs`)).body).toContain('SECRET');
    expect((await get(`${provider}/cost-budgets`)).body).toContain('2025');
    expect((await get(`${provider}/cost-budgets/2025`)).body).toContain('SECRET agent');
    expect((await get(`${provider}/cost-budgets/2025/proposal`)).body).toContain('SECRET ligne');
    const costSimulation = await w.app.inject({ method: 'POST', url: `${provider}/cost-budgets/2025/simulation`, headers: { cookie: admin }, payload: {} });
    expect(costSimulation.body).toContain('Trouville-sur-Mer');
    expect((await get(`${provider}/cost-budgets/2025/reconciliation`)).body).toContain('Trouville-sur-Mer');
    expect((await get(`/api/v1/organisations/${v.organisationId}/cost-share?providerId=${provider.split('/').pop()}&year=2025`)).body).toContain('98765');
    const missing = await w.app.inject({ method: 'POST', url: `${provider}/catalogue/missing-prerequisites`, headers: { cookie: admin }, payload: { lines: ['secret-option'] } });
    expect(missing.body).toContain('SECRET');
    expect((await get(`/api/v1/agreements/${v.agreementId}`)).body).toContain('SECRET');
    expect((await get('/api/v1/agreements')).body).toContain('SECRET');
    expect((await get('/api/v1/calendar?from=2024-01-01&to=2030-12-31')).body).toContain('SECRET');
    expect((await get('/api/v1/calendar.ics?from=2024-01-01&to=2030-12-31')).body).toContain('SECRET');
    const simulation = await w.app.inject({ method: 'POST', url: `/api/v1/agreements/${v.agreementId}/exit-simulation`, headers: { cookie: admin }, payload: { party: 'member', receivedOn: '2026-01-01' } });
    expect(simulation.statusCode).toBe(200);
    expect((await get(`/api/v1/agreements/${v.agreementId}/state?on=2025-02-01`)).body).toContain('SECRET annexe');
    expect((await get(`/api/v1/agreements/${v.agreementId}/amendments`)).body).toContain('SECRET avenant');
    for (const url of [
      `/api/v1/agreements/${v.agreementId}/document?format=docx`,
      `/api/v1/agreements/${v.agreementId}/amendments/${v.amendmentId}/document?format=pdf`,
      `/api/v1/agreements/${v.agreementId}/exit-requests/${v.exitRequestId}/acknowledgement?format=docx`,
      `/api/v1/providers/${v.providerId}/document-templates/convention`,
    ]) {
      expect((await get(url)).statusCode, url).toBe(200);
    }
    expect((await get(`/api/v1/providers/${v.providerId}/document-templates`)).statusCode).toBe(200);
    expect((await get('/api/v1/subscription-requests')).body).toContain('SECRET demande');
    expect((await get('/api/v1/quotes')).body).toContain('SECRET devis');
    expect((await get(`/api/v1/organisations/${v.organisationId}/consumption?year=2025`)).body).toContain('98765');
    expect((await get(`/api/v1/quotes/${v.quoteId}/signed-document`)).body).toBe('SECRET signé');
    expect((await get(`/api/v1/quotes/${v.quoteId}/document`)).statusCode).toBe(200);
    expect((await get(`/api/v1/subscription-lines/${v.lineId}/opening-record?format=pdf`)).statusCode).toBe(200);
    expect((await get(`/api/v1/organisations/${v.organisationId}/perimeter?providerId=${v.providerId}`)).body).toContain('SECRET représentant');
    expect((await get('/api/v1/time-entries?from=2025-01-01&to=2026-12-31')).body).toContain('SECRET intervenant');
    expect((await get('/api/v1/time-entries/summary?year=2025&period=year')).body).toContain('SECRET ligne');
    expect((await get('/api/v1/operator-invoices?from=2025-01-01&to=2026-12-31')).body).toContain('SECRET opérateur');
    expect((await get(`/api/v1/operator-invoices/${v.invoiceId}`)).body).toContain('987.65');
    expect((await get(`/api/v1/operator-invoices/${v.invoiceId}/copy`)).body).toBe('SECRET copie');
    expect((await get('/api/v1/penalties?year=2025')).body).toContain('SECRET pénalité');
    expect((await get(`/api/v1/organisations/${v.organisationId}/forecasts?year=2025`)).body).toContain('98765');
    expect((await get(`/api/v1/organisations/${v.organisationId}/statements/telecom?year=2025&quarter=1`)).body).toContain('987.65');
    expect((await get(`/api/v1/organisations/${v.organisationId}/statements/units?year=2025&period=year`)).body).toContain('98765');
    expect((await get('/api/v1/titles')).body).toContain('SECRET convention');
    expect((await get(`/api/v1/billing-runs/${v.runId}/export?format=csv`)).body).toContain('SECRET convention');
    expect((await get('/api/v1/billing-runs')).body).toContain(v.runId);
    expect((await get(`/api/v1/providers/${v.providerId}/pes-settings`)).body).toContain('SECRET budget');
    // The victim's PES file is refused (no SIRET for the coordinator in seed 003), and says why, to its staff only.
    expect((await get(`/api/v1/billing-runs/${v.runId}/pes`)).statusCode).toBe(422);
    expect((await get(`/api/v1/titles/${v.titleId}/document`)).statusCode).toBe(200);
    expect((await get(`/api/v1/titles/${v.titleId}`)).body).toContain('SECRET ligne');
    expect((await get(`/api/v1/agreements/${v.agreementId}/billing/preview?year=2025`)).body).toContain('SECRET ligne');
    expect((await get('/api/v1/committees')).body).toContain('SECRET élu');
    expect((await get(`/api/v1/committees/${v.committeeId}`)).body).toContain('SECRET comité');
    expect((await get('/api/v1/meetings')).body).toContain('SECRET comité');
    expect((await get(`/api/v1/meetings/${v.meetingId}`)).body).toContain('SECRET besoin');
    expect((await get('/api/v1/needs')).body).toContain('SECRET besoin');
    expect((await get(`/api/v1/providers/${v.providerId}/kpis?year=2025`)).body).toContain('SECRET catégorie');
    expect((await get(`/api/v1/providers/${v.providerId}/kpis/export?year=2025&format=csv`)).body).toContain('SECRET catégorie');
    const report = (await get(`/api/v1/agreements/${v.agreementId}/annual-reports/2025`)).json();
    // The victim's 2025 run and the provider's unit cost of the line it billed (SECRET ligne, 987.65) are in its report.
    expect(report.agreementTitle).toBe('SECRET convention');
    expect(report.figures.costs).toEqual([{ lineName: 'SECRET ligne', charges: '987.65', forecastUnits: 3 }]);
    expect(Number(report.figures.billed)).toBeGreaterThan(0);
    expect((await get(`/api/v1/agreements/${v.agreementId}/annual-reports/2025/document?format=docx`)).statusCode).toBe(200);
    const trouvilleCli = `cli.trouville.${engine}@test.mutualis.fr`;
    await w.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie: admin }, payload: { email: trouvilleCli, displayName: 'CLI Trouville', role: 'member_cli', organisationId: v.organisationId, password: 'un mot de passe assez long' } });
    const member = await w.login(trouvilleCli, 'un mot de passe assez long');
    // The victim itself sees its own statement, time spent and the copy of an invoice only about it.
    for (const url of ['/api/v1/needs', `/api/v1/organisations/${v.organisationId}/statements/telecom?year=2025&quarter=1`, '/api/v1/time-entries?from=2025-01-01&to=2025-12-31', `/api/v1/operator-invoices/${v.invoiceId}/copy`, `/api/v1/titles/${v.titleId}`]) {
      expect((await w.app.inject({ method: 'GET', url, headers: { cookie: member } })).body, url).toContain('SECRET');
    }
  });
});
