import type { z } from 'zod';
import type { SubscriptionRequestView, requestPreviewSchema, lineEventInputSchema, quantityInputSchema, requestInputSchema } from '../../contracts/subscriptions.ts';
import { effectiveDate, finalEnd } from '../../domain/agreements/calendar.ts';
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
import { findOrganisation } from '../../repositories/organisation-repository.ts';
import { appendLineEvent, findLineForUpdate, insertLines, insertRequest, latestPerimeter, takenLines, updateLineState, upsertQuantity, type LineRow } from '../../repositories/subscription-repository.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { factsOf, rulesOf } from '../agreements/agreement-timeline.ts';
import { assertMayRequestFor, loadRequests, providerCatalogue } from './subscription-access.ts';

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
