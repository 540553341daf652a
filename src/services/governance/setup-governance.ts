import type { SetupCommittee, SetupNeed } from '../../contracts/setup-file.ts';
import type { CivilDate } from '../../domain/civil-date.ts';
import type { Db } from '../../db/database.ts';
import { findAgreementByCode } from '../../repositories/agreement-repository.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { findCommitteeByCode, insertDecision, insertMeeting, listMeetingRows, updateCommittee } from '../../repositories/governance-repository.ts';
import { findNeedByCode } from '../../repositories/need-repository.ts';
import { canonicalJson } from '../canonical-json.ts';
import type { Principal } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { committeeValues } from './committees.ts';
import { insertCommittee } from '../../repositories/governance-repository.ts';
import { writeNeed } from './needs.ts';

type Outcome = 'created' | 'updated' | 'unchanged';

/**
 * A committee from a setup file (seed 004 art. 4, seed 001 art. 6.3): created, or updated when its seats, rhythm or
 * powers changed. Its meetings are added by date; a meeting already recorded is never rewritten.
 */
export async function writeSetupCommittee(
  db: Db,
  principal: Principal,
  at: Date,
  providerId: string,
  entry: SetupCommittee,
  idOf: Map<string, string>,
): Promise<{ committee: Outcome; meetings: { created: number; unchanged: number } }> {
  let agreementId: string | undefined;
  if (entry.agreement) {
    const agreement = await findAgreementByCode(db, providerId, entry.agreement);
    if (!agreement) throw new ValidationError('Convention inconnue', [{ path: 'agreement', message: `aucune convention « ${entry.agreement} » pour ce fournisseur` }]);
    agreementId = agreement.id;
  }
  const input = {
    code: entry.code,
    kind: entry.kind,
    name: entry.name,
    agreementId,
    composition: entry.composition,
    members: entry.members.map((m) => ({ organisationId: idOf.get(m.organisation)!, role: m.role, name: m.name, title: m.title })),
    rhythm: entry.rhythm,
    powers: entry.powers,
    note: entry.note,
  };
  const values = await committeeValues(db, principal, providerId, input);
  const existing = await findCommitteeByCode(db, providerId, entry.code);
  let committee: Outcome;
  let committeeId: string;
  if (!existing) {
    committeeId = await insertCommittee(db, values, at);
    await recordAudit(db, principal, at, { action: 'create', entityType: 'committee', entityId: committeeId, organisationId: providerId, after: values });
    committee = 'created';
  } else {
    committeeId = existing.id;
    const { id: _i, createdAt: _c, updatedAt: _u, ...current } = existing;
    if (canonicalJson(current) === canonicalJson(values)) committee = 'unchanged';
    else {
      await updateCommittee(db, existing.id, values, at);
      await recordAudit(db, principal, at, { action: 'update', entityType: 'committee', entityId: existing.id, organisationId: providerId, before: current, after: values });
      committee = 'updated';
    }
  }
  const known = new Set((await listMeetingRows(db, { kind: 'platform' }, { committeeId })).map((m) => m.scheduledOn));
  const meetings = { created: 0, unchanged: 0 };
  for (const meeting of entry.meetings) {
    if (known.has(meeting.scheduledOn)) {
      meetings.unchanged++;
      continue;
    }
    const status = meeting.heldOn ? (meeting.final ? 'final' : 'held') : 'planned';
    const row = {
      committeeId,
      providerId,
      scheduledOn: meeting.scheduledOn,
      status,
      heldOn: meeting.heldOn ?? null,
      place: meeting.place ?? null,
      agenda: meeting.agenda.map((title) => ({ kind: 'text', title })),
      attendance: entry.members.map((m) => ({ name: m.name, organisationId: idOf.get(m.organisation)!, role: m.role, present: true })).filter(() => status !== 'planned'),
      minutes: meeting.minutes ?? null,
      finalisedOn: meeting.final ? (meeting.heldOn ?? null) : null,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    };
    const meetingId = await insertMeeting(db, row);
    for (const decision of meeting.decisions) {
      await insertDecision(db, { meetingId, providerId, organisationId: null, kind: decision.kind, subject: { summary: decision.subject }, text: decision.text, decidedOn: meeting.heldOn ?? meeting.scheduledOn, createdAt: at.toISOString() });
    }
    await recordAudit(db, principal, at, { action: 'create', entityType: 'committee_meeting', entityId: meetingId, organisationId: providerId, after: { ...row, decisions: meeting.decisions } });
    meetings.created++;
  }
  return { committee, meetings };
}

/** A need from a setup file: created once by its code; the same code again changes nothing (its history moves in the app). */
export async function writeSetupNeed(db: Db, principal: Principal, at: Date, today: CivilDate, providerId: string, organisationId: string, entry: SetupNeed): Promise<Outcome> {
  if (await findNeedByCode(db, providerId, entry.code)) return 'unchanged';
  await writeNeed(db, principal, at, today, {
    providerId,
    organisationId,
    code: entry.code,
    year: entry.year,
    kind: entry.kind,
    title: entry.title,
    description: entry.description,
    estimated: entry.estimated,
    submit: entry.submitted,
  });
  return 'created';
}
