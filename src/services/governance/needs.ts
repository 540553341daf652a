import type { z } from 'zod';
import type { NeedView, needEventInputSchema, needInputSchema } from '../../contracts/governance.ts';
import type { CivilDate } from '../../domain/civil-date.ts';
import { toDecimalString, cents, parseEuros } from '../../domain/money.ts';
import { NEED_KINDS, NEED_STATUSES, PROVIDER_NEED_EVENTS, needTransition, type NeedEvent, type NeedKind, type NeedState, type NeedStatus } from '../../domain/governance/needs.ts';
import type { Db } from '../../db/database.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { findNeedForUpdate, insertNeed, listNeedRows, updateNeed, type NeedRow } from '../../repositories/need-repository.ts';
import { findOrganisation } from '../../repositories/organisation-repository.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { assertMayRequestFor } from '../subscriptions/subscription-access.ts';

/** The needs register and acquisition requests (seed 004 art. 3.2, 9.2.2): the member's CLI records, the provider advises. */
export interface HistoryEntry {
  kind: string;
  on: string;
  by: string;
  note: string | null;
}

export function needView(row: NeedRow): NeedView {
  const state = row.state as NeedState;
  return {
    id: row.id,
    providerId: row.providerId,
    providerName: row.providerName,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    year: row.year,
    kind: row.kind as NeedKind,
    kindLabel: NEED_KINDS[row.kind as NeedKind],
    title: row.title,
    description: row.description,
    estimated: row.estimatedCents === null ? null : toDecimalString(cents(row.estimatedCents)),
    status: row.status as NeedStatus,
    statusLabel: NEED_STATUSES[row.status as NeedStatus],
    advice: state.advice ?? null,
    roadmap: state.roadmap
      ? { priority: state.roadmap.priority, year: state.roadmap.year, budget: state.roadmap.budgetCents === undefined ? null : toDecimalString(cents(state.roadmap.budgetCents)), resources: state.roadmap.resources ?? null }
      : null,
    reason: state.reason ?? null,
    history: row.history as HistoryEntry[],
    recordedBy: row.recordedBy,
    updatedAt: row.updatedAt,
  };
}

export async function listNeeds(deps: Deps, principal: Principal, filter: { providerId?: string | undefined; organisationId?: string | undefined; year?: number | undefined; status?: string | undefined }): Promise<NeedView[]> {
  require(principal, 'organisation:read');
  return (await listNeedRows(deps.database.db, principal.scope, filter)).map(needView);
}

const historyNote = (event: NeedEvent): string | null => {
  switch (event.kind) {
    case 'advise':
      return `${event.favourable ? 'Avis favorable' : 'Avis défavorable'} : ${event.text}`;
    case 'refuse':
    case 'decline':
      return event.reason;
    case 'prioritise':
      return `Priorité ${event.priority}, feuille de route ${event.roadmapYear}${event.budgetCents !== undefined ? `, budget ${toDecimalString(cents(event.budgetCents))} €` : ''}${event.resources ? `, ${event.resources}` : ''}`;
    default:
      return null;
  }
};

/** Applies one event to a need through the domain, inside the caller's transaction (a committee's decision uses it too). */
export async function applyNeedEventTo(db: Db, principal: Principal, at: Date, need: NonNullable<Awaited<ReturnType<typeof findNeedForUpdate>>>, event: NeedEvent, note?: string): Promise<NeedState> {
  const result = needTransition(need.state as NeedState, event);
  if (!result.ok) throw new ValidationError('Action impossible', [{ path: 'kind', message: result.reason }]);
  const entry: HistoryEntry = { kind: event.kind, on: event.on, by: principal.label, note: [historyNote(event), note].filter(Boolean).join(' — ') || null };
  const history = [...(need.history as HistoryEntry[]), entry];
  await updateNeed(db, need.id, { status: result.state.status, state: result.state, history, updatedAt: at.toISOString() });
  await recordAudit(db, principal, at, { action: 'update', entityType: 'member_need', entityId: need.id, organisationId: need.organisationId, before: need.state, after: { ...result.state, event } });
  return result.state;
}

async function viewOf(db: Db, principal: Principal, id: string): Promise<NeedView> {
  return needView((await listNeedRows(db, principal.scope, { ids: [id] }))[0]!);
}

/** The CLI records a need or an acquisition request for its organisation (staff may record one for a member). */
export async function recordNeed(deps: Deps, principal: Principal, input: z.infer<typeof needInputSchema>): Promise<NeedView> {
  require(principal, 'need:record');
  assertMayRequestFor(principal, input.providerId, input.organisationId);
  const at = deps.clock.now();
  const today = deps.clock.today();
  return deps.database.transaction(async ({ db }) => {
    if (!(await findOrganisation(db, principal.scope, input.organisationId))) throw new NotFoundError('Organisation');
    const id = await writeNeed(db, principal, at, today, { ...input, code: null });
    return viewOf(db, principal, id);
  });
}

export async function writeNeed(
  db: Db,
  principal: Principal,
  at: Date,
  today: CivilDate,
  input: Omit<z.infer<typeof needInputSchema>, 'submit'> & { submit?: boolean | undefined; code: string | null },
): Promise<string> {
  const state: NeedState = { kind: input.kind, status: input.submit ? 'submitted' : 'draft' };
  const history: HistoryEntry[] = [{ kind: 'record', on: today, by: principal.label, note: null }];
  if (input.submit) history.push({ kind: 'submit', on: today, by: principal.label, note: null });
  let estimatedCents: number | null = null;
  if (input.estimated !== undefined) estimatedCents = parseEuros(input.estimated);
  const id = await insertNeed(db, {
    providerId: input.providerId,
    organisationId: input.organisationId,
    code: input.code,
    year: input.year,
    kind: input.kind,
    title: input.title,
    description: input.description ?? null,
    estimatedCents,
    status: state.status,
    state,
    history,
    recordedBy: principal.label,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  });
  await recordAudit(db, principal, at, { action: 'create', entityType: 'member_need', entityId: id, organisationId: input.organisationId, after: { ...input, status: state.status } });
  return id;
}

/** The member transmits its own entries; advice, validation, refusal and completion are the provider's. */
export async function applyNeedEvent(deps: Deps, principal: Principal, id: string, input: z.infer<typeof needEventInputSchema>): Promise<NeedView> {
  const providerEvent = PROVIDER_NEED_EVENTS.includes(input.kind);
  require(principal, providerEvent ? 'governance:manage' : 'need:record');
  const at = deps.clock.now();
  const on = deps.clock.today();
  return deps.database.transaction(async ({ db }) => {
    const need = await findNeedForUpdate(db, principal.scope, id);
    if (!need) throw new NotFoundError('Besoin');
    if (providerEvent) assertActsFor(principal, need.providerId);
    else assertMayRequestFor(principal, need.providerId, need.organisationId);
    await applyNeedEventTo(db, principal, at, need, { ...input, on } as NeedEvent);
    return viewOf(db, principal, id);
  });
}
