import type { z } from 'zod';
import type { CommitteeView, committeeInputSchema } from '../../contracts/governance.ts';
import { COMMITTEE_KINDS, compositionIssues, nextMeetingDue, rhythmText, type CommitteeKind, type Party, type Rhythm, type Seat, type SeatRule } from '../../domain/governance/committees.ts';
import type { DecisionKind } from '../../domain/governance/meetings.ts';
import { parseCivilDate, type CivilDate } from '../../domain/civil-date.ts';
import type { Db } from '../../db/database.ts';
import type { CalendarEntry } from '../../contracts/agreements.ts';
import { effectiveDate } from '../../domain/agreements/calendar.ts';
import { factsOf, rulesOf } from '../agreements/agreement-timeline.ts';
import { findAgreementRow, listAgreementRows, partiesOf } from '../../repositories/agreement-repository.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { findCommitteeByCode, insertCommittee, listMeetingRows, providerParties, listCommitteeRows, updateCommittee, type CommitteeRow, type CommitteeValues } from '../../repositories/governance-repository.ts';
import { organisationNames } from '../../repositories/membership-repository.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';

/** Committees are run by the provider's staff; members' people follow their own needs and requests instead. */
export function assertStaff(principal: Principal): void {
  require(principal, 'organisation:read');
  if (principal.scope.kind === 'member') throw new ForbiddenError('Les comités sont tenus par le personnel du fournisseur');
}

/** The parties a committee's seats are counted for: the agreement's parties, or the provider and its members. */
export async function partiesFor(db: Db, providerId: string, agreementId: string | null): Promise<Party[]> {
  if (agreementId) {
    return (await partiesOf(db, [agreementId])).map((p) => ({ organisationId: p.organisationId, name: p.organisationName, role: p.role === 'provider' ? 'provider' : 'member' }));
  }
  return providerParties(db, providerId);
}

export async function committeeViews(db: Db, rows: CommitteeRow[], today: CivilDate): Promise<CommitteeView[]> {
  const names = await organisationNames(db, [...new Set(rows.flatMap((r) => (r.members as Seat[]).map((m) => m.organisationId)))]);
  const views: CommitteeView[] = [];
  for (const row of rows) {
    const members = row.members as Seat[];
    const rhythm = row.rhythm as Rhythm;
    const parties = await partiesFor(db, row.providerId, row.agreementId);
    views.push({
      id: row.id,
      providerId: row.providerId,
      providerName: row.providerName,
      agreementId: row.agreementId,
      agreementTitle: row.agreementTitle,
      code: row.code,
      kind: row.kind as CommitteeKind,
      kindLabel: COMMITTEE_KINDS[row.kind as CommitteeKind],
      name: row.name,
      composition: row.composition as SeatRule[],
      members: members.map((m) => ({ ...m, organisationName: names.get(m.organisationId) ?? '' })),
      compositionIssues: compositionIssues(row.composition as SeatRule[], members, parties),
      rhythm,
      rhythmText: rhythmText(rhythm),
      powers: row.powers as DecisionKind[],
      note: row.note,
      lastHeldOn: row.lastHeldOn,
      nextPlannedOn: row.nextPlannedOn,
      nextDueOn: nextMeetingDue(rhythm, today, row.lastHeldOn ? parseCivilDate(row.lastHeldOn) : null),
      updatedAt: row.updatedAt,
    });
  }
  return views;
}

export async function listCommittees(deps: Deps, principal: Principal, filter: { providerId?: string | undefined; agreementId?: string | undefined }): Promise<CommitteeView[]> {
  assertStaff(principal);
  const db = deps.database.db;
  return committeeViews(db, await listCommitteeRows(db, principal.scope, filter), deps.clock.today());
}

export async function getCommittee(deps: Deps, principal: Principal, id: string): Promise<CommitteeView> {
  assertStaff(principal);
  const db = deps.database.db;
  const [row] = await listCommitteeRows(db, principal.scope, { id });
  if (!row) throw new NotFoundError('Comité');
  return (await committeeViews(db, [row], deps.clock.today()))[0]!;
}

/**
 * Checks a committee and turns it into stored values. A seat for an organisation that is not a party is refused;
 * a composition that does not yet follow the rules is kept and shown (the parties designate their people over time).
 */
export async function committeeValues(db: Db, principal: Principal, providerId: string, input: z.infer<typeof committeeInputSchema>): Promise<CommitteeValues> {
  let agreementId: string | null = null;
  if (input.agreementId) {
    const agreement = await findAgreementRow(db, principal.scope, input.agreementId);
    if (!agreement || agreement.providerId !== providerId) throw new ValidationError('Convention inconnue', [{ path: 'agreementId', message: "cette convention n'est pas une convention du fournisseur" }]);
    agreementId = agreement.id;
  }
  const parties = await partiesFor(db, providerId, agreementId);
  const refused = compositionIssues([], input.members, parties);
  if (refused.length) throw new ValidationError('Composition refusée', refused);
  return { providerId, agreementId, code: input.code, kind: input.kind, name: input.name, composition: input.composition, members: input.members, rhythm: input.rhythm, powers: input.powers, note: input.note ?? null };
}

/** Creates or updates (same code) a committee of a provider. */
export async function saveCommittee(deps: Deps, principal: Principal, providerId: string, input: z.infer<typeof committeeInputSchema>, id?: string): Promise<CommitteeView> {
  require(principal, 'governance:manage');
  assertActsFor(principal, providerId);
  const at = deps.clock.now();
  const savedId = await deps.database.transaction(async ({ db }) => {
    const values = await committeeValues(db, principal, providerId, input);
    if (id) {
      const [before] = await listCommitteeRows(db, principal.scope, { id, providerId });
      if (!before) throw new NotFoundError('Comité');
      await updateCommittee(db, id, values, at);
      await recordAudit(db, principal, at, { action: 'update', entityType: 'committee', entityId: id, organisationId: providerId, before, after: values });
      return id;
    }
    if (await findCommitteeByCode(db, providerId, input.code)) throw new ValidationError('Code déjà utilisé', [{ path: 'code', message: 'un comité de ce fournisseur porte déjà ce code' }]);
    const created = await insertCommittee(db, values, at);
    await recordAudit(db, principal, at, { action: 'create', entityType: 'committee', entityId: created, organisationId: providerId, after: values });
    return created;
  });
  return getCommittee(deps, principal, savedId);
}

/** Updates a committee (its provider does not change). */
export async function changeCommittee(deps: Deps, principal: Principal, id: string, input: z.infer<typeof committeeInputSchema>): Promise<CommitteeView> {
  require(principal, 'governance:manage');
  const [row] = await listCommitteeRows(deps.database.db, principal.scope, { id });
  if (!row) throw new NotFoundError('Comité');
  return saveCommittee(deps, principal, row.providerId, input, id);
}

/**
 * A provider's committee meetings in the agreements' calendar (seed 004 art. 4, seed 001 art. 6.3): the meetings
 * planned, and for a committee with none planned, the date its rhythm makes the next one due. Staff only.
 */
export async function committeeCalendar(db: Db, principal: Principal, from: CivilDate, to: CivilDate, today: CivilDate, providerId?: string): Promise<CalendarEntry[]> {
  if (principal.scope.kind === 'member') return [];
  const rows = (await listCommitteeRows(db, principal.scope, { providerId })).filter((r) => r.agreementId);
  if (!rows.length) return [];
  const agreements = new Map((await listAgreementRows(db, principal.scope, { providerId })).map((a) => [a.id, a]));
  const meetings = await listMeetingRows(db, principal.scope, { providerId, from, to });
  const entries: CalendarEntry[] = [];
  for (const row of rows) {
    const agreement = agreements.get(row.agreementId!);
    if (!agreement) continue;
    const base = { until: null, kind: 'meeting', party: null, agreementId: agreement.id, agreementCode: agreement.code, agreementTitle: agreement.title, providerName: row.providerName };
    const planned = meetings.filter((m) => m.committeeId === row.id && m.status !== 'cancelled');
    for (const m of planned) entries.push({ ...base, date: m.heldOn ?? m.scheduledOn, label: `${row.name} (${m.status === 'planned' ? 'réunion prévue' : 'réunion tenue'})` });
    // A project agreement (not yet in effect) has no computed dates: its committee's rhythm starts once it is signed.
    const inEffect = effectiveDate(rulesOf(agreement), factsOf(agreement)) !== null;
    const due = row.nextPlannedOn || !inEffect ? null : nextMeetingDue(row.rhythm as Rhythm, today, row.lastHeldOn ? parseCivilDate(row.lastHeldOn) : null);
    if (due && due >= from && due <= to) entries.push({ ...base, date: due, label: `${row.name} : prochaine réunion à programmer (${rhythmText(row.rhythm as Rhythm).toLowerCase()})` });
  }
  return entries;
}
