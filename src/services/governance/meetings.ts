import type { z } from 'zod';
import type { MeetingView, agendaItemSchema, meetingEventSchema, meetingInputSchema, meetingSummarySchema, meetingUpdateSchema } from '../../contracts/governance.ts';
import { formatCivilDateFr, parseCivilDate, type CivilDate } from '../../domain/civil-date.ts';
import type { CommitteeKind } from '../../domain/governance/committees.ts';
import { DECISION_KINDS, MEETING_STATUSES, meetingTransition, recordingIssue, type DecisionKind, type MeetingStatus } from '../../domain/governance/meetings.ts';
import { NEED_STATUSES, awaitsCommittee, type NeedState, type NeedStatus } from '../../domain/governance/needs.ts';
import { LINE_STATUS_LABELS, type LineStatus } from '../../domain/subscriptions/workflow.ts';
import type { Db } from '../../db/database.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { decisionsOfMeetings, findMeeting, insertMeeting, listCommitteeRows, listMeetingRows, updateMeeting, type MeetingRow } from '../../repositories/governance-repository.ts';
import { listNeedRows } from '../../repositories/need-repository.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { loadRequests } from '../subscriptions/subscription-access.ts';
import { assertStaff } from './committees.ts';

type AgendaItem = z.infer<typeof agendaItemSchema>;
type AgendaEntry = MeetingView['agenda'][number];
const PENDING: LineStatus[] = ['submitted', 'postponed'];

/** A request's title on an agenda: the member, the date received, the services asked for. */
function requestEntries(requests: Awaited<ReturnType<typeof loadRequests>>): Map<string, AgendaEntry> {
  return new Map(
    requests.map((r) => {
      const statuses = [...new Set(r.lines.map((l) => LINE_STATUS_LABELS[l.status as LineStatus]))].join(', ');
      const lines = [...new Set(r.lines.map((l) => l.lineName))].join(', ');
      return [r.id, { kind: 'subscription_request' as const, id: r.id, title: `Demande de souscription de ${r.organisationName} du ${formatCivilDateFr(parseCivilDate(r.receivedOn))} : ${lines}`, organisationName: r.organisationName, status: statuses }];
    }),
  );
}

/** The agenda with titles and current statuses, and what may still go on it. */
async function agendaOf(db: Db, principal: Principal, providerId: string, agenda: AgendaItem[], today: CivilDate): Promise<{ agenda: AgendaEntry[]; proposals: AgendaEntry[] }> {
  const requests = await loadRequests(db, principal, { providerId }, today);
  const byRequest = requestEntries(requests);
  const needs = await listNeedRows(db, principal.scope, { providerId });
  const byNeed = new Map(needs.map((n) => [n.id, { kind: 'need' as const, id: n.id, title: `${n.kind === 'need' ? 'Besoin' : "Demande d'acquisition"} de ${n.organisationName} (${n.year}) : ${n.title}`, organisationName: n.organisationName, status: NEED_STATUSES[n.status as NeedStatus] }]));
  const entries = agenda.map((item): AgendaEntry => {
    if (item.kind === 'text') return { kind: 'text', id: null, title: item.title, organisationName: null, status: null };
    const found = item.kind === 'need' ? byNeed.get(item.needId) : byRequest.get(item.requestId);
    return found ?? { kind: item.kind, id: item.kind === 'need' ? item.needId : item.requestId, title: 'Élément retiré ou non visible', organisationName: null, status: null };
  });
  const onAgenda = new Set(entries.map((e) => e.id));
  const proposals = [
    ...requests.filter((r) => r.lines.some((l) => PENDING.includes(l.status as LineStatus))).map((r) => byRequest.get(r.id)!),
    ...needs.filter((n) => awaitsCommittee(n.state as NeedState)).map((n) => byNeed.get(n.id)!),
  ].filter((e) => !onAgenda.has(e.id));
  return { agenda: entries, proposals };
}

export async function meetingView(db: Db, principal: Principal, meeting: MeetingRow, today: CivilDate): Promise<MeetingView> {
  const [committee] = await listCommitteeRows(db, principal.scope, { id: meeting.committeeId });
  if (!committee) throw new NotFoundError('Comité');
  const { agenda, proposals } = await agendaOf(db, principal, meeting.providerId, meeting.agenda as AgendaItem[], today);
  const decisions = await decisionsOfMeetings(db, [meeting.id]);
  return {
    id: meeting.id,
    committeeId: committee.id,
    committeeName: committee.name,
    committeeKind: committee.kind as CommitteeKind,
    providerId: meeting.providerId,
    powers: committee.powers as DecisionKind[],
    scheduledOn: meeting.scheduledOn,
    status: meeting.status as MeetingStatus,
    statusLabel: MEETING_STATUSES[meeting.status as MeetingStatus],
    heldOn: meeting.heldOn,
    finalisedOn: meeting.finalisedOn,
    place: meeting.place,
    agenda,
    attendance: meeting.attendance as MeetingView['attendance'],
    minutes: meeting.minutes,
    decisions: decisions.map((d) => ({
      id: d.id,
      kind: d.kind as DecisionKind,
      kindLabel: DECISION_KINDS[d.kind as DecisionKind],
      subject: d.subject as Record<string, unknown>,
      summary: String((d.subject as { summary?: string }).summary ?? ''),
      text: d.text,
      organisationId: d.organisationId,
      organisationName: d.organisationName,
      decidedOn: d.decidedOn,
    })),
    proposals: meeting.status === 'final' || meeting.status === 'cancelled' ? [] : proposals,
    updatedAt: meeting.updatedAt,
  };
}

export async function getMeeting(deps: Deps, principal: Principal, id: string): Promise<MeetingView> {
  assertStaff(principal);
  const meeting = await findMeeting(deps.database.db, principal.scope, id);
  if (!meeting) throw new NotFoundError('Réunion');
  return meetingView(deps.database.db, principal, meeting, deps.clock.today());
}

export async function listMeetings(deps: Deps, principal: Principal, filter: { providerId?: string | undefined; committeeId?: string | undefined; from?: string | undefined; to?: string | undefined }): Promise<z.infer<typeof meetingSummarySchema>[]> {
  assertStaff(principal);
  const rows = await listMeetingRows(deps.database.db, principal.scope, filter);
  return rows.map((m) => ({
    id: m.id,
    committeeId: m.committeeId,
    committeeName: m.committeeName,
    committeeKind: m.committeeKind as CommitteeKind,
    scheduledOn: m.scheduledOn,
    status: m.status as MeetingStatus,
    statusLabel: MEETING_STATUSES[m.status as MeetingStatus],
    heldOn: m.heldOn,
    place: m.place,
  }));
}

/** Every agenda item must be the provider's own request or need, visible to the caller. */
async function checkAgenda(db: Db, principal: Principal, providerId: string, agenda: AgendaItem[], today: CivilDate): Promise<void> {
  const { agenda: entries } = await agendaOf(db, principal, providerId, agenda, today);
  const issues = entries.flatMap((e, i) => (e.kind !== 'text' && !e.organisationName ? [{ path: `agenda[${i}]`, message: "cet élément n'est pas une demande ou un besoin de ce fournisseur" }] : []));
  if (issues.length) throw new ValidationError("Ordre du jour refusé", issues);
}

/** Schedules a meeting of a committee (its rhythm proposes the date; on-demand committees when a party asks). */
export async function scheduleMeeting(deps: Deps, principal: Principal, committeeId: string, input: z.infer<typeof meetingInputSchema>): Promise<MeetingView> {
  require(principal, 'governance:manage');
  const at = deps.clock.now();
  const today = deps.clock.today();
  return deps.database.transaction(async ({ db }) => {
    const [committee] = await listCommitteeRows(db, principal.scope, { id: committeeId });
    if (!committee) throw new NotFoundError('Comité');
    assertActsFor(principal, committee.providerId);
    await checkAgenda(db, principal, committee.providerId, input.agenda, today);
    const values = { committeeId, providerId: committee.providerId, scheduledOn: input.scheduledOn, status: 'planned', heldOn: null, place: input.place ?? null, agenda: input.agenda, attendance: [], minutes: null, finalisedOn: null, createdAt: at.toISOString(), updatedAt: at.toISOString() };
    const id = await insertMeeting(db, values);
    await recordAudit(db, principal, at, { action: 'create', entityType: 'committee_meeting', entityId: id, organisationId: committee.providerId, after: values });
    return meetingView(db, principal, (await findMeeting(db, principal.scope, id))!, today);
  });
}

/** Loads a meeting for a change by its provider's staff, locked. */
export async function meetingForChange(db: Db, principal: Principal, id: string): Promise<MeetingRow> {
  require(principal, 'governance:manage');
  const meeting = await findMeeting(db, principal.scope, id, true);
  if (!meeting) throw new NotFoundError('Réunion');
  assertActsFor(principal, meeting.providerId);
  return meeting;
}

/** Agenda (until the minutes are final), attendance and minutes (once held). */
export async function editMeeting(deps: Deps, principal: Principal, id: string, input: z.infer<typeof meetingUpdateSchema>): Promise<MeetingView> {
  const at = deps.clock.now();
  const today = deps.clock.today();
  return deps.database.transaction(async ({ db }) => {
    const meeting = await meetingForChange(db, principal, id);
    if (meeting.updatedAt !== input.expectedUpdatedAt && new Date(meeting.updatedAt).getTime() !== new Date(input.expectedUpdatedAt).getTime()) {
      throw new ConflictError('La réunion a été modifiée entre-temps : rechargez la page avant d’enregistrer');
    }
    if (meeting.status === 'final' || meeting.status === 'cancelled') throw new ValidationError('Réunion close', [{ path: 'status', message: recordingIssue(meeting.status as MeetingStatus)! }]);
    const issues = (['attendance', 'minutes'] as const).filter((k) => input[k] !== undefined && meeting.status !== 'held').map((k) => ({ path: k, message: recordingIssue(meeting.status as MeetingStatus)! }));
    if (issues.length) throw new ValidationError('Compte rendu non modifiable', issues);
    if (input.agenda) await checkAgenda(db, principal, meeting.providerId, input.agenda, today);
    const { expectedUpdatedAt: _e, ...changes } = input;
    await updateMeeting(db, id, { ...changes, updatedAt: at.toISOString() });
    await recordAudit(db, principal, at, { action: 'update', entityType: 'committee_meeting', entityId: id, organisationId: meeting.providerId, before: { agenda: meeting.agenda, attendance: meeting.attendance, minutes: meeting.minutes, place: meeting.place }, after: changes });
    return meetingView(db, principal, (await findMeeting(db, principal.scope, id))!, today);
  });
}

/** Held, minutes made final, cancelled or rescheduled, through the domain's lifecycle. */
export async function meetingEvent(deps: Deps, principal: Principal, id: string, input: z.infer<typeof meetingEventSchema>): Promise<MeetingView> {
  const at = deps.clock.now();
  const today = deps.clock.today();
  return deps.database.transaction(async ({ db }) => {
    const meeting = await meetingForChange(db, principal, id);
    const facts = { status: meeting.status as MeetingStatus, scheduledOn: parseCivilDate(meeting.scheduledOn), heldOn: meeting.heldOn ? parseCivilDate(meeting.heldOn) : null, minutes: meeting.minutes };
    const result = meetingTransition(facts, { kind: input.kind, on: parseCivilDate(input.on) }, today);
    if (!result.ok) throw new ValidationError('Action impossible', [{ path: 'kind', message: result.reason }]);
    const changes = { status: result.meeting.status, scheduledOn: result.meeting.scheduledOn, heldOn: result.meeting.heldOn, finalisedOn: input.kind === 'finalise' ? input.on : meeting.finalisedOn, updatedAt: at.toISOString() };
    await updateMeeting(db, id, changes);
    await recordAudit(db, principal, at, { action: 'update', entityType: 'committee_meeting', entityId: id, organisationId: meeting.providerId, before: facts, after: { event: input, ...changes } });
    return meetingView(db, principal, (await findMeeting(db, principal.scope, id))!, today);
  });
}
