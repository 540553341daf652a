import type { z } from 'zod';
import type { MeetingView, decisionInputSchema } from '../../contracts/governance.ts';
import { formatCivilDateFr, parseCivilDate, type CivilDate } from '../../domain/civil-date.ts';
import { decisionIssue, recordingIssue, type Decision, type DecisionKind, type MeetingStatus } from '../../domain/governance/meetings.ts';
import type { NeedEvent } from '../../domain/governance/needs.ts';
import { parseEuros } from '../../domain/money.ts';
import { REFUSAL_REASONS } from '../../domain/subscriptions/workflow.ts';
import type { Db } from '../../db/database.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { findMeeting, insertDecision, listCommitteeRows, type MeetingRow } from '../../repositories/governance-repository.ts';
import { findNeedForUpdate } from '../../repositories/need-repository.ts';
import { findLineForUpdate, findRequestRow, linesOfRequests } from '../../repositories/subscription-repository.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { applyEventTo } from '../subscriptions/subscription-service.ts';
import { meetingForChange, meetingView } from './meetings.ts';
import { applyNeedEventTo } from './needs.ts';

type DecisionInput = z.infer<typeof decisionInputSchema>;
const OUTCOMES = { accept: 'acceptée', refuse: 'refusée', postpone: 'reportée', gather: 'retenu', prioritise: 'inscrit à la feuille de route', decline: 'non retenu' } as const;

/**
 * A subscription request decided in committee (seed 004 art. 10.1.3: requests are studied by the strategic
 * committee). The decision goes through the subscription workflow's own use case — the same transition, line
 * events and audit as a decision taken from the request page — so the request's status follows the minutes.
 */
async function decideRequest(db: Db, principal: Principal, at: Date, meeting: MeetingRow, heldOn: CivilDate, note: string, input: Extract<DecisionInput, { kind: 'subscription' }>): Promise<{ organisationId: string; summary: string; lineIds: string[] }> {
  require(principal, 'subscription:decide');
  const request = await findRequestRow(db, principal.scope, input.requestId);
  if (!request || request.providerId !== meeting.providerId) throw new NotFoundError('Demande de souscription');
  const pending = (await linesOfRequests(db, [request.id])).filter((l) => l.status === 'submitted' || l.status === 'postponed');
  const lineIds = input.lineIds ?? pending.map((l) => l.id);
  if (!lineIds.length) throw new ValidationError('Rien à décider', [{ path: 'requestId', message: "aucune ligne de cette demande n'attend de décision" }]);
  for (const [i, lineId] of lineIds.entries()) {
    const line = await findLineForUpdate(db, principal.scope, lineId);
    if (!line || line.requestId !== request.id) throw new ValidationError('Ligne inconnue', [{ path: `lineIds[${i}]`, message: "cette ligne n'appartient pas à la demande" }]);
    const event =
      input.outcome === 'accept'
        ? { kind: 'accept' as const, on: heldOn, note }
        : input.outcome === 'refuse'
          ? { kind: 'refuse' as const, on: heldOn, reason: input.reason!, note }
          : { kind: 'postpone' as const, on: heldOn, plannedFrom: input.plannedFrom!, plannedUntil: input.plannedUntil!, note };
    await applyEventTo(db, principal, at, line, event);
  }
  const reason = input.outcome === 'refuse' && input.reason ? ` (${REFUSAL_REASONS[input.reason].toLowerCase()})` : '';
  return { organisationId: request.organisationId, summary: `Demande ${OUTCOMES[input.outcome]}${reason}`, lineIds };
}

/** A need gathered, prioritised into the roadmap with its budget, or declined (seed 004 art. 4). */
async function decideNeed(db: Db, principal: Principal, at: Date, meeting: MeetingRow, heldOn: CivilDate, note: string, input: Extract<DecisionInput, { kind: 'need' }>): Promise<{ organisationId: string; summary: string }> {
  const need = await findNeedForUpdate(db, principal.scope, input.needId);
  if (!need || need.providerId !== meeting.providerId) throw new NotFoundError('Besoin');
  const event: NeedEvent =
    input.outcome === 'gather'
      ? { kind: 'gather', on: heldOn }
      : input.outcome === 'decline'
        ? { kind: 'decline', on: heldOn, reason: input.reason ?? '' }
        : { kind: 'prioritise', on: heldOn, priority: input.priority!, roadmapYear: input.roadmapYear!, budgetCents: input.budget === undefined ? undefined : parseEuros(input.budget), resources: input.resources };
  await applyNeedEventTo(db, principal, at, need, event, note);
  return { organisationId: need.organisationId, summary: `Besoin ${OUTCOMES[input.outcome]}${input.outcome === 'prioritise' ? ` (priorité ${input.priority}, ${input.roadmapYear})` : ''}` };
}

function asDecision(input: DecisionInput): Decision {
  switch (input.kind) {
    case 'subscription':
      return { kind: 'subscription', requestId: input.requestId, outcome: input.outcome, reason: input.reason, plannedFrom: input.plannedFrom ? parseCivilDate(input.plannedFrom) : undefined, plannedUntil: input.plannedUntil ? parseCivilDate(input.plannedUntil) : undefined };
    case 'need':
      return { kind: 'need', needId: input.needId, outcome: input.outcome, priority: input.priority, roadmapYear: input.roadmapYear, reason: input.reason };
    case 'grid':
      return { kind: 'grid', gridCode: input.gridCode };
    default:
      return { kind: input.kind, subject: input.subject };
  }
}

/** Records a decision in a held meeting's minutes and applies it to what it decides, in one transaction. */
export async function recordDecision(deps: Deps, principal: Principal, meetingId: string, input: DecisionInput): Promise<MeetingView> {
  const at = deps.clock.now();
  const today = deps.clock.today();
  return deps.database.transaction(async ({ db }) => {
    const meeting = await meetingForChange(db, principal, meetingId);
    const notHeld = recordingIssue(meeting.status as MeetingStatus);
    if (notHeld) throw new ValidationError('Décision impossible', [{ path: 'status', message: notHeld }]);
    const [committee] = await listCommitteeRows(db, principal.scope, { id: meeting.committeeId });
    if (!committee) throw new NotFoundError('Comité');
    const issue = decisionIssue(committee.powers as DecisionKind[], committee.name, asDecision(input));
    if (issue) throw new ValidationError('Décision impossible', [{ path: 'kind', message: issue }]);
    const heldOn = parseCivilDate(meeting.heldOn!);
    const note = `${committee.name} du ${formatCivilDateFr(heldOn)}${input.text ? ` : ${input.text}` : ''}`;
    let organisationId: string | null = null;
    let subject: Record<string, unknown>;
    if (input.kind === 'subscription') {
      const done = await decideRequest(db, principal, at, meeting, heldOn, note, input);
      organisationId = done.organisationId;
      subject = { requestId: input.requestId, lineIds: done.lineIds, outcome: input.outcome, reason: input.reason ?? null, summary: done.summary };
    } else if (input.kind === 'need') {
      const done = await decideNeed(db, principal, at, meeting, heldOn, note, input);
      organisationId = done.organisationId;
      subject = { needId: input.needId, outcome: input.outcome, priority: input.priority ?? null, roadmapYear: input.roadmapYear ?? null, budget: input.budget ?? null, summary: done.summary };
    } else if (input.kind === 'grid') {
      subject = { gridCode: input.gridCode, summary: `Grille ${input.gridCode} adoptée` };
    } else {
      subject = { summary: input.subject };
    }
    const values = { meetingId, providerId: meeting.providerId, organisationId, kind: input.kind, subject, text: input.text, decidedOn: heldOn, createdAt: at.toISOString() };
    const id = await insertDecision(db, values);
    await recordAudit(db, principal, at, { action: 'create', entityType: 'committee_decision', entityId: id, organisationId: organisationId ?? meeting.providerId, after: values });
    return meetingView(db, principal, (await findMeeting(db, principal.scope, meetingId))!, today);
  });
}
