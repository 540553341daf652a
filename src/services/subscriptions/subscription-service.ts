import type { z } from 'zod';
import type { SubscriptionRequestView, prerequisiteCheckInputSchema, taskDoneSchema, taskInputSchema, requestPreviewSchema, lineEventInputSchema, perimeterInputSchema, perimeterSchema, quantityInputSchema, requestInputSchema } from '../../contracts/subscriptions.ts';
import { effectiveDate, finalEnd } from '../../domain/agreements/calendar.ts';
import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import { compareCivilDates, formatCivilDateFr, parseCivilDate, partsOf, type CivilDate } from '../../domain/civil-date.ts';
import { toDecimalString, type Cents } from '../../domain/money.ts';
import { yearEstimate } from '../../domain/subscriptions/estimate.ts';
import { loadProviderPricing } from '../catalogue/grid-service.ts';
import { checkRequest, type RequestContext } from '../../domain/subscriptions/request-checks.ts';
import { optionsKey } from '../../domain/catalogue/tariff-grid.ts';
import { transition, type LineEvent, type LineState } from '../../domain/subscriptions/workflow.ts';
import type { Db } from '../../db/database.ts';
import { listAgreementRows } from '../../repositories/agreement-repository.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { loadCatalogueRows } from '../../repositories/catalogue-repository.ts';
import { findOrganisation } from '../../repositories/organisation-repository.ts';
import {
  appendLineEvent,
  findLineForUpdate,
  insertLines,
  insertPerimeter,
  insertRequest,
  latestPerimeter,
  listRequestRows,
  takenLines,
  updateLineState,
  upsertQuantity,
  type LineRow,
  findRequestRow,
  findTaskForUpdate,
  insertTask,
  markTaskDone,
  upsertCheck,
} from '../../repositories/subscription-repository.ts';
import { documentToDomain, rowsToDocument } from '../catalogue/catalogue-mapping.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { factsOf, rulesOf } from '../agreements/agreement-timeline.ts';
import { requestViews, type ProviderCatalogue } from './subscription-views.ts';

async function providerCatalogue(db: Db, providerId: string): Promise<ProviderCatalogue> {
  const doc = rowsToDocument(await loadCatalogueRows(db, providerId));
  return { ...documentToDomain(doc), sharedCharges: doc.sharedCharges, technicalPrerequisites: Object.fromEntries(doc.lines.map((l) => [l.code, l.technicalPrerequisites])) };
}

/** A member acts for itself only; provider staff for their provider's members. */
function assertMayRequestFor(principal: Principal, providerId: string, organisationId: string): void {
  if (principal.scope.kind === 'member') {
    if (principal.scope.organisationId !== organisationId) throw new ForbiddenError('Un adhérent ne demande des services que pour sa propre organisation');
    return;
  }
  assertActsFor(principal, providerId);
}

function perimeterView(row: NonNullable<Awaited<ReturnType<typeof latestPerimeter>>>): z.infer<typeof perimeterSchema> {
  return { id: row.id, lines: row.lines, representative: row.representative, deliberation: { organ: row.deliberationOrgan, number: row.deliberationNumber, date: row.deliberationDate } };
}

export async function getPerimeter(deps: Deps, principal: Principal, organisationId: string, providerId: string): Promise<z.infer<typeof perimeterSchema> | null> {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  if (!(await findOrganisation(db, principal.scope, organisationId))) throw new NotFoundError('Organisation');
  if (principal.scope.kind === 'provider' && principal.scope.providerId !== providerId) throw new NotFoundError('Périmètre');
  const row = await latestPerimeter(db, providerId, organisationId);
  return row ? perimeterView(row) : null;
}

/** Records the deliberation fixing what the member's representative may open (seed 004 annex 6). */
export async function recordPerimeter(deps: Deps, principal: Principal, organisationId: string, input: z.infer<typeof perimeterInputSchema>): Promise<z.infer<typeof perimeterSchema>> {
  require(principal, 'subscription:decide');
  assertActsFor(principal, input.providerId);
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    if (!(await findOrganisation(db, principal.scope, organisationId))) throw new NotFoundError('Organisation');
    const catalogue = await providerCatalogue(db, input.providerId);
    const issues = input.lines.flatMap((code, i) => (catalogue.lines.some((l) => l.code === code) ? [] : [{ path: `lines[${i}]`, message: `ligne « ${code} » inconnue du catalogue` }]));
    if (issues.length) throw new ValidationError('Périmètre invalide', issues);
    const values = {
      providerId: input.providerId,
      organisationId,
      lines: [...new Set(input.lines)],
      representative: input.representative ?? null,
      deliberationOrgan: input.deliberation.organ,
      deliberationNumber: input.deliberation.number ?? null,
      deliberationDate: input.deliberation.date,
      createdAt: at.toISOString(),
    };
    const id = await insertPerimeter(db, values);
    await recordAudit(db, principal, at, { action: 'create', entityType: 'authorised_perimeter', entityId: id, organisationId, after: values });
    return perimeterView({ id, ...values });
  });
}

/** The agreement between the provider and the member, with the days it is in force. */
async function agreementFor(db: Db, principal: Principal, providerId: string, organisationId: string) {
  const rows = await listAgreementRows(db, principal.scope, { providerId, organisationId });
  const dated = rows.map((row) => {
    const effective = effectiveDate(rulesOf(row), factsOf(row));
    return { row, effective, end: effective ? finalEnd(rulesOf(row), effective, row.expressRenewals) : null };
  });
  // The agreement in force the latest: a renewed or newer agreement wins over an ended one.
  return dated.filter((d) => d.effective).sort((a, b) => compareCivilDates(b.effective!, a.effective!))[0] ?? dated[0] ?? null;
}

export interface RequestToWrite {
  providerId: string;
  organisationId: string;
  receivedOn: CivilDate;
  baseBillableFrom?: string | undefined;
  note?: string | undefined;
  lines: { line: string; options: Record<string, string>; quantity: number; wishedOn: string }[];
  code?: string | undefined;
  source?: unknown;
}

/** Everything a request is checked against: catalogue, lines already taken, perimeter, agreement and its rules. */
async function requestContext(db: Db, principal: Principal, input: Pick<RequestToWrite, 'providerId' | 'organisationId' | 'receivedOn'>) {
  const organisation = await findOrganisation(db, principal.scope, input.organisationId);
  if (!organisation) throw new NotFoundError('Organisation');
  const catalogue = await providerCatalogue(db, input.providerId);
  const agreement = await agreementFor(db, principal, input.providerId, input.organisationId);
  const rules = agreement ? rulesOf(agreement.row).subscriptions : undefined;
  const perimeter = await latestPerimeter(db, input.providerId, input.organisationId);
  const deliberation = perimeter ? `la délibération${perimeter.deliberationNumber ? ` n° ${perimeter.deliberationNumber}` : ''} du ${formatCivilDateFr(parseCivilDate(perimeter.deliberationDate))}` : '';
  const context: RequestContext = {
    catalogue,
    currentLines: await takenLines(db, input.providerId, input.organisationId),
    perimeter: perimeter ? { lines: perimeter.lines, deliberation } : rules?.perimeterRequired ? { lines: [], deliberation: 'aucune délibération de périmètre enregistrée (annexe 6)' } : null,
    agreementInForce: agreement?.effective ? { from: agreement.effective, before: agreement.end } : null,
    wishDeadline: rules?.wishDeadline,
    maxPopulation: rules?.maxPopulation,
    population: organisation.population ?? null,
    receivedOn: input.receivedOn,
  };
  return { context, agreement };
}

/**
 * Checks and saves a subscription request (seed 004 art. 10.1.3, annex 7) inside the caller's transaction:
 * refusals are returned all at once with their paths and nothing is saved; warnings are kept with the request
 * for the provider's decision.
 */
export async function writeRequest(db: Db, principal: Principal, at: Date, input: RequestToWrite): Promise<{ requestId: string; lines: LineRow[] }> {
  const { context, agreement } = await requestContext(db, principal, input);
  const lines = input.lines.map((l) => ({ ...l, wishedOn: parseCivilDate(l.wishedOn) }));
  const findings = checkRequest(lines, context);
  const refusals = findings.filter((f) => f.severity === 'refusal');
  if (refusals.length) throw new ValidationError('Demande refusée', refusals.map((f) => ({ path: f.path, message: f.message })));
  const requestId = await insertRequest(db, {
    providerId: input.providerId,
    organisationId: input.organisationId,
    agreementId: agreement!.row.id,
    code: input.code ?? null,
    source: input.source ?? null,
    receivedOn: input.receivedOn,
    baseBillableFrom: input.baseBillableFrom ?? null,
    submittedBy: principal.label,
    warnings: findings,
    note: input.note ?? null,
    createdAt: at.toISOString(),
  });
  const state: LineState = { status: 'submitted' };
  const saved = await insertLines(
    db,
    lines.map((l) => ({ requestId, providerId: input.providerId, organisationId: input.organisationId, line: l.line, options: l.options, optionsKey: optionsKey(l.options), quantity: l.quantity, wishedOn: l.wishedOn, state, status: state.status, updatedAt: at.toISOString() })),
  );
  for (const line of saved) await appendLineEvent(db, { lineId: line.id, event: { kind: 'submit', on: input.receivedOn }, note: null, actorLabel: principal.label, recordedAt: at.toISOString() });
  await recordAudit(db, principal, at, { action: 'create', entityType: 'subscription_request', entityId: requestId, organisationId: input.organisationId, after: { ...input, warnings: findings } });
  return { requestId, lines: saved };
}

export async function submitRequest(deps: Deps, principal: Principal, input: z.infer<typeof requestInputSchema>): Promise<SubscriptionRequestView> {
  require(principal, 'subscription:request');
  assertMayRequestFor(principal, input.providerId, input.organisationId);
  const at = deps.clock.now();
  // A member's request is dated the day it arrives; staff entering a paper request give its date of receipt.
  const receivedOn = principal.scope.kind === 'member' || !input.receivedOn ? deps.clock.today() : parseCivilDate(input.receivedOn);
  return deps.database.transaction(async ({ db }) => {
    const { requestId } = await writeRequest(db, principal, at, { ...input, receivedOn });
    return (await loadRequests(db, principal, { organisationId: input.organisationId }, deps.clock.today())).find((r) => r.id === requestId)!;
  });
}

async function loadRequests(db: Db, principal: Principal, filter: { providerId?: string | undefined; organisationId?: string | undefined }, today: CivilDate): Promise<SubscriptionRequestView[]> {
  const rows = await listRequestRows(db, principal.scope, filter);
  const catalogues = new Map<string, ProviderCatalogue>();
  for (const providerId of new Set(rows.map((r) => r.providerId))) catalogues.set(providerId, await providerCatalogue(db, providerId));
  return requestViews(db, rows, catalogues, today);
}

export async function listRequests(deps: Deps, principal: Principal, filter: { providerId?: string | undefined; organisationId?: string | undefined }): Promise<SubscriptionRequestView[]> {
  require(principal, 'organisation:read');
  return loadRequests(deps.database.db, principal, filter, deps.clock.today());
}

/** Applies one event to a line through the workflow, inside the caller's transaction; refused transitions say why. */
export async function applyEventTo(db: Db, principal: Principal, at: Date, line: LineRow, input: z.infer<typeof lineEventInputSchema>): Promise<LineRow> {
  const { note, ...rest } = input;
  const event = (rest.kind === 'open' ? { kind: 'open', openedOn: parseCivilDate(rest.openedOn) } : rest) as LineEvent;
  const result = transition(line.state as LineState, event);
  if (!result.ok) throw new ValidationError('Transition impossible', [{ path: 'kind', message: result.reason }]);
  const openingRecord = input.kind === 'open' ? input.openingRecord : line.openingRecord;
  const opened = result.state.status === 'opened' || result.state.status === 'withdrawn' ? result.state.openedOn : null;
  const withdrawn = result.state.status === 'withdrawn' ? result.state.withdrawnOn : null;
  await updateLineState(db, line.id, { state: result.state, status: result.state.status, updatedAt: at.toISOString(), openingRecord, openedOn: opened, withdrawnOn: withdrawn });
  await appendLineEvent(db, { lineId: line.id, event: rest, note: note ?? null, actorLabel: principal.label, recordedAt: at.toISOString() });
  if (result.state.status === 'opened') await upsertQuantity(db, { lineId: line.id, effectiveFrom: result.state.openedOn, quantity: line.quantity, recordedAt: at.toISOString() });
  await recordAudit(db, principal, at, { action: 'update', entityType: 'subscription_line', entityId: line.id, organisationId: line.organisationId, before: line.state, after: { ...result.state, ...rest } });
  return { ...line, state: result.state, status: result.state.status, openingRecord, openedOn: opened, withdrawnOn: withdrawn };
}

/** A decision, an opening record, a cancellation or a withdrawal on one line. */
export async function applyLineEvent(deps: Deps, principal: Principal, lineId: string, input: z.infer<typeof lineEventInputSchema>): Promise<SubscriptionRequestView> {
  // A member may only cancel its own pending request; every other event is the provider's.
  require(principal, input.kind === 'cancel' ? 'subscription:request' : 'subscription:decide');
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    const line = await findLineForUpdate(db, principal.scope, lineId);
    if (!line) throw new NotFoundError('Ligne de souscription');
    assertMayRequestFor(principal, line.providerId, line.organisationId);
    await applyEventTo(db, principal, at, line, input);
    return (await loadRequests(db, principal, { organisationId: line.organisationId }, deps.clock.today())).find((r) => r.id === line.requestId)!;
  });
}

/** Records a volume from a date on an open line, inside the caller's transaction. */
export async function setQuantity(db: Db, principal: Principal, at: Date, line: LineRow, input: z.infer<typeof quantityInputSchema>): Promise<void> {
  const state = line.state as LineState;
  if (state.status !== 'opened') throw new ValidationError('Volume non modifiable', [{ path: 'quantity', message: 'seule une ligne ouverte change de volume' }]);
  if (compareCivilDates(parseCivilDate(input.effectiveFrom), state.openedOn) < 0) throw new ValidationError('Date invalide', [{ path: 'effectiveFrom', message: `précède l'ouverture du ${formatCivilDateFr(state.openedOn)}` }]);
  await upsertQuantity(db, { lineId: line.id, effectiveFrom: input.effectiveFrom, quantity: input.quantity, recordedAt: at.toISOString() });
  await recordAudit(db, principal, at, { action: 'update', entityType: 'subscription_quantity', entityId: line.id, organisationId: line.organisationId, after: input });
}

/** A volume change from a date on an open line (more workstations, fewer mailboxes): kept as history. */
export async function changeQuantity(deps: Deps, principal: Principal, lineId: string, input: z.infer<typeof quantityInputSchema>): Promise<SubscriptionRequestView> {
  require(principal, 'subscription:decide');
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    const line = await findLineForUpdate(db, principal.scope, lineId);
    if (!line) throw new NotFoundError('Ligne de souscription');
    assertActsFor(principal, line.providerId);
    await setQuantity(db, principal, at, line, input);
    return (await loadRequests(db, principal, { organisationId: line.organisationId }, deps.clock.today())).find((r) => r.id === line.requestId)!;
  });
}

/**
 * What a request would give before it is sent: every check (refusals and warnings) and the cost over a year at
 * the grid prices — the live feedback of the portal's request form. Nothing is saved.
 */
export async function previewRequest(deps: Deps, principal: Principal, input: z.infer<typeof requestInputSchema>, year?: number): Promise<z.infer<typeof requestPreviewSchema>> {
  require(principal, 'subscription:request');
  assertMayRequestFor(principal, input.providerId, input.organisationId);
  const db = deps.database.db;
  const receivedOn = principal.scope.kind === 'member' || !input.receivedOn ? deps.clock.today() : parseCivilDate(input.receivedOn);
  const { context } = await requestContext(db, principal, { ...input, receivedOn });
  const lines = input.lines.map((l) => ({ ...l, wishedOn: parseCivilDate(l.wishedOn) }));
  const { grids } = await loadProviderPricing(db, input.providerId);
  const estimate = yearEstimate(lines, context.catalogue, grids, year ?? partsOf(lines.map((l) => l.wishedOn).sort()[0]!).year);
  const money = (amount: Cents | null) => (amount === null ? null : toDecimalString(amount));
  return {
    findings: checkRequest(lines, context),
    estimate: { year: estimate.year, total: toDecimalString(estimate.total), lines: estimate.lines.map((l) => ({ ...l, annualUnitPrice: money(l.annualUnitPrice), amount: money(l.amount) })) },
  };
}

/** A task that follows the committee's study: who does it, by when (seed 004 art. 10.1.3). */
export async function addTask(deps: Deps, principal: Principal, requestId: string, input: z.infer<typeof taskInputSchema>): Promise<SubscriptionRequestView> {
  require(principal, 'subscription:decide');
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    const request = await findRequestRow(db, principal.scope, requestId);
    if (!request) throw new NotFoundError('Demande de souscription');
    assertActsFor(principal, request.providerId);
    const id = await insertTask(db, { requestId, ...input, createdAt: at.toISOString() });
    await recordAudit(db, principal, at, { action: 'create', entityType: 'subscription_task', entityId: id, organisationId: request.organisationId, after: input });
    return (await loadRequests(db, principal, { organisationId: request.organisationId }, deps.clock.today())).find((r) => r.id === requestId)!;
  });
}

/** Marks a task done; the member may close its own tasks (its compliance plan), the provider any. */
export async function completeTask(deps: Deps, principal: Principal, taskId: string, input: z.infer<typeof taskDoneSchema>): Promise<SubscriptionRequestView> {
  require(principal, 'subscription:request');
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    const task = await findTaskForUpdate(db, principal.scope, taskId);
    if (!task) throw new NotFoundError('Tâche');
    assertMayRequestFor(principal, task.providerId, task.organisationId);
    if (principal.scope.kind === 'member' && task.owner !== 'member') throw new ForbiddenError('Cette tâche revient au fournisseur');
    if (task.doneOn) throw new ValidationError('Tâche déjà faite', [{ path: 'doneOn', message: `faite le ${formatCivilDateFr(parseCivilDate(task.doneOn))}` }]);
    await markTaskDone(db, taskId, input.doneOn, input.note ?? null);
    await recordAudit(db, principal, at, { action: 'update', entityType: 'subscription_task', entityId: taskId, organisationId: task.organisationId, before: { doneOn: null }, after: input });
    return (await loadRequests(db, principal, { organisationId: task.organisationId }, deps.clock.today())).find((r) => r.id === task.requestId)!;
  });
}

/**
 * Records whether a technical prerequisite of a requested line is met (seed 004 annex 3): the member declares,
 * the provider's audit verifies; the latest answer stands and the audit log keeps the others.
 */
export async function checkPrerequisite(deps: Deps, principal: Principal, requestId: string, input: z.infer<typeof prerequisiteCheckInputSchema>): Promise<SubscriptionRequestView> {
  require(principal, 'subscription:request');
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    const request = await findRequestRow(db, principal.scope, requestId);
    if (!request) throw new NotFoundError('Demande de souscription');
    assertMayRequestFor(principal, request.providerId, request.organisationId);
    const view = (await loadRequests(db, principal, { organisationId: request.organisationId }, deps.clock.today())).find((r) => r.id === requestId)!;
    if (!view.checklist.some((c) => c.line === input.line && c.item === input.item)) {
      throw new ValidationError('Prérequis inconnu', [{ path: 'item', message: "ce prérequis ne figure pas au catalogue pour une ligne de la demande" }]);
    }
    const values = { requestId, line: input.line, item: input.item, met: input.met, checkedOn: deps.clock.today(), checkedBy: principal.label, note: input.note ?? null };
    await upsertCheck(db, values);
    await recordAudit(db, principal, at, { action: 'update', entityType: 'prerequisite_check', entityId: requestId, organisationId: request.organisationId, after: values });
    return (await loadRequests(db, principal, { organisationId: request.organisationId }, deps.clock.today())).find((r) => r.id === requestId)!;
  });
}
