import type { z } from 'zod';
import type { AgreementInput, CalendarEntry, agreementDetailSchema, agreementSummarySchema, exitOutcomeSchema } from '../../contracts/agreements.ts';
import { effectiveDate, exitOutcome } from '../../domain/agreements/calendar.ts';
import { agreementStatus } from '../../domain/agreements/status.ts';
import type { Party } from '../../domain/agreements/rules.ts';
import { addDays, addMonths, formatCivilDateFr, parseCivilDate, type CivilDate } from '../../domain/civil-date.ts';
import type { Db } from '../../db/database.ts';
import { exitRequestsOf, findAgreementByCode, findAgreementRow, listAgreementRows, partiesByAgreement, partiesOf, saveAgreement, type AgreementRow, type ExitRequestRow, type PartyRow } from '../../repositories/agreement-repository.ts';
import { exitRequestView } from './exit-requests.ts';
import { loadHistory } from './amendments.ts';
import { agreementStateOn } from '../../domain/agreements/state-on-date.ts';
import { renewalLettersOf } from '../../repositories/amendment-repository.ts';
import type { AmendmentView } from '../../contracts/amendments.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { findOrganisation } from '../../repositories/organisation-repository.ts';
import { organisationNames } from '../../repositories/membership-repository.ts';
import { canonicalJson } from '../canonical-json.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { agreementTimeline, factsOf, rulesOf } from './agreement-timeline.ts';
import { committeeCalendar } from '../governance/committees.ts';

type Summary = z.infer<typeof agreementSummarySchema>;

function exitEntries(e: ExitRequestRow, row: AgreementRow, providerName: string): CalendarEntry[] {
  const base = { agreementId: row.id, agreementCode: row.code, agreementTitle: row.title, providerName, until: null, party: e.party as 'member' | 'provider' };
  const what = `${e.scope === 'partial' ? 'Sortie partielle' : 'Sortie'} de ${e.organisationName}`;
  return [
    { ...base, date: e.receivedOn, kind: 'exit_received', label: `${what} : demande reçue${e.late ? ' (hors délai)' : ''}` },
    { ...base, date: e.effectiveOn, kind: 'exit_effective', label: `${what} : prise d'effet` },
  ];
}

function summaryOf(row: AgreementRow, parties: PartyRow[], providerName: string, today: CivilDate): Summary {
  const rules = rulesOf(row);
  const facts = factsOf(row);
  const next = agreementTimeline(row, providerName, today, addMonths(today, 36)).find((e) => !['signature', 'legality', 'opening_record'].includes(e.kind));
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    type: row.type as Summary['type'],
    providerId: row.providerId,
    providerName,
    members: parties.filter((p) => p.role === 'member').map((p) => p.organisationName),
    effectiveOn: effectiveDate(rules, facts),
    status: agreementStatus(rules, facts, today),
    nextDeadline: next ? { date: next.date, label: next.label } : null,
  };
}

async function providerNamesOf(db: Db, rows: AgreementRow[]): Promise<Map<string, string>> {
  return organisationNames(db, [...new Set(rows.map((r) => r.providerId))]);
}

export async function listAgreements(deps: Deps, principal: Principal, filter: { providerId?: string | undefined; organisationId?: string | undefined } = {}): Promise<Summary[]> {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  const rows = await listAgreementRows(db, principal.scope, filter);
  const parties = partiesByAgreement(await partiesOf(db, rows.map((r) => r.id)));
  const names = await providerNamesOf(db, rows);
  return rows.map((row) => summaryOf(row, parties.get(row.id) ?? [], names.get(row.providerId) ?? '', deps.clock.today()));
}

export async function getAgreement(deps: Deps, principal: Principal, id: string): Promise<z.infer<typeof agreementDetailSchema>> {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  const row = await findAgreementRow(db, principal.scope, id);
  if (!row) throw new NotFoundError('Convention');
  const today = deps.clock.today();
  const history = await loadHistory(db, row, today);
  const parties = history.parties;
  // A member sees its own notices of exit, not those of the other members of a group agreement.
  const exits = (await exitRequestsOf(db, [row.id])).filter((e) => principal.scope.kind !== 'member' || e.organisationId === principal.scope.organisationId);
  const letters = await renewalLettersOf(db, row.id);
  const providerName = (await providerNamesOf(db, [row])).get(row.providerId) ?? '';
  // Dates are computed from the agreement as amended today (rules and title may have changed by amendment).
  const current = agreementStateOn(history.base, history.dated, history.exits, today);
  const amended: AgreementRow = { ...row, title: current.title, rules: current.rules };
  // The timeline starts at the earliest recorded fact (signature, opening record, receipt), else a year ago.
  const facts = [row.signedOn, row.openingRecordSignedOn, row.legalityReceivedOn].filter((d): d is string => Boolean(d)).sort();
  const start = facts[0] ? parseCivilDate(facts[0]) : addMonths(today, -12);
  const amendmentDates = history.amendments.flatMap((a) => amendmentEntries(a, row, providerName));
  return {
    ...summaryOf(amended, parties, providerName, today),
    signedOn: row.signedOn,
    openingRecordSignedOn: row.openingRecordSignedOn,
    expressRenewals: row.expressRenewals,
    legalityReceipt: row.legalityReceiptId ? { id: row.legalityReceiptId, transmittedOn: row.legalityTransmittedOn, receivedOn: row.legalityReceivedOn } : null,
    parties: parties.map((p) => ({
      organisationId: p.organisationId,
      organisationName: p.organisationName,
      role: p.role as 'provider' | 'second_provider' | 'member',
      signatory: p.signatoryName && p.signatoryTitle ? { name: p.signatoryName, title: p.signatoryTitle } : null,
      deliberation: p.deliberationOrgan && p.deliberationDate ? { organ: p.deliberationOrgan, number: p.deliberationNumber, date: p.deliberationDate } : null,
      signedOn: p.signedOn,
    })),
    annexes: current.annexes,
    rules: current.rules as z.infer<typeof agreementDetailSchema>['rules'],
    note: row.note,
    exitRequests: exits.map((e) => exitRequestView(e, history.amendments.find((a) => a.exitRequestId === e.id)?.id ?? null)),
    amendments: history.amendments,
    renewalLetters: letters.map((l) => ({ id: l.id, receivedOn: l.receivedOn, renewedUntil: l.renewedUntil })),
    updatedAt: row.updatedAt,
    timeline: [...agreementTimeline(amended, providerName, start, addMonths(today, 36)), ...exits.flatMap((e) => exitEntries(e, row, providerName)), ...amendmentDates].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

function amendmentEntries(a: AmendmentView, row: AgreementRow, providerName: string): CalendarEntry[] {
  const base = { agreementId: row.id, agreementCode: row.code, agreementTitle: row.title, providerName, until: null, party: null };
  const entries: CalendarEntry[] = [{ ...base, date: a.proposedOn, kind: 'amendment_proposed', label: `Avenant n° ${a.number} proposé : ${a.subject}` }];
  if (a.status === 'pending' && a.approvalDeadline) entries.push({ ...base, date: a.approvalDeadline, kind: 'amendment_deadline', label: `Avenant n° ${a.number} : date limite des approbations` });
  if (a.takesEffectOn) entries.push({ ...base, date: a.takesEffectOn, kind: 'amendment_effective', label: `Avenant n° ${a.number} : prise d'effet` });
  return entries;
}

/** What an exit request received on a date would do under this agreement's rules (seed 004 art. 13, seed 003 art. 7…). */
export async function simulateExit(deps: Deps, principal: Principal, id: string, party: Party, receivedOn: string): Promise<z.infer<typeof exitOutcomeSchema>> {
  require(principal, 'organisation:read');
  const row = await findAgreementRow(deps.database.db, principal.scope, id);
  if (!row) throw new NotFoundError('Convention');
  const rules = rulesOf(row);
  const facts = factsOf(row);
  const effective = effectiveDate(rules, facts);
  if (!effective) throw new ValidationError('Convention pas encore en vigueur', [{ path: 'receivedOn', message: "la date d'effet de la convention n'est pas encore connue" }]);
  const outcome = exitOutcome(rules, effective, party, parseCivilDate(receivedOn), facts.expressRenewals);
  if (!outcome) throw new ValidationError('Aucune sortie possible', [{ path: 'party', message: `la convention ne prévoit pas de dénonciation par ${party === 'member' ? "l'adhérent" : 'le fournisseur'}` }]);
  const fr = formatCivilDateFr;
  const explanation = outcome.mayBeHeldUntil
    ? `Demande reçue après le ${fr(outcome.noticeDeadline)} : elle prend effet au ${fr(outcome.effectiveOn)}, mais le fournisseur peut maintenir l'adhésion jusqu'au ${fr(outcome.mayBeHeldUntil)}.`
    : outcome.endsAnyway
      ? `Demande reçue après le ${fr(outcome.noticeDeadline)}, mais la convention prend fin de toute façon : effet au ${fr(outcome.effectiveOn)}.`
      : outcome.late
      ? `Demande reçue trop tard pour l'échéance la plus proche : effet au ${fr(outcome.effectiveOn)}.`
      : `Demande reçue dans les délais (au plus tard le ${fr(outcome.noticeDeadline)}) : effet au ${fr(outcome.effectiveOn)}.`;
  const { endsAnyway: _endsAnyway, ...shown } = outcome;
  return { ...shown, lastDayInForce: addDays(outcome.effectiveOn, -1), explanation };
}

/** One calendar over every agreement the caller may see. */
export async function calendarFor(deps: Deps, principal: Principal, query: { from?: string | undefined; to?: string | undefined; providerId?: string | undefined; kind?: string | undefined }): Promise<CalendarEntry[]> {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  const from = query.from ? parseCivilDate(query.from) : deps.clock.today();
  const to = query.to ? parseCivilDate(query.to) : addMonths(from, 18);
  if (to < from) throw new ValidationError('Période invalide', [{ path: 'to', message: 'la fin précède le début' }]);
  const rows = await listAgreementRows(db, principal.scope, { providerId: query.providerId });
  const names = await providerNamesOf(db, rows);
  const exits = await exitRequestsOf(db, rows.map((r) => r.id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const exitDates = exits.flatMap((e) => exitEntries(e, byId.get(e.agreementId)!, names.get(byId.get(e.agreementId)!.providerId) ?? ''));
  const meetings = await committeeCalendar(db, principal, from, to, deps.clock.today(), query.providerId);
  return [...rows.flatMap((row) => agreementTimeline(row, names.get(row.providerId) ?? '', from, to)), ...exitDates.filter((e) => e.date >= from && e.date <= to), ...meetings]
    .filter((e) => !query.kind || e.kind === query.kind)
    .sort((a, b) => a.date.localeCompare(b.date) || a.agreementTitle.localeCompare(b.agreementTitle));
}

/** Creates or updates an agreement from a setup file (parties given as organisation ids), inside the caller's transaction. */
export async function writeAgreement(db: Db, principal: Principal, at: Date, providerId: string, input: AgreementInput): Promise<'created' | 'updated' | 'unchanged'> {
  return persistAgreement(db, principal, at, providerId, input, await findAgreementByCode(db, providerId, input.code));
}

/** Creates an agreement entered in the back office. */
export async function createAgreement(deps: Deps, principal: Principal, input: AgreementInput & { providerId: string }): Promise<z.infer<typeof agreementDetailSchema>> {
  require(principal, 'agreement:write');
  assertActsFor(principal, input.providerId);
  const { providerId, ...agreement } = input;
  const id = await deps.database.transaction(async ({ db }) => {
    if (await findAgreementByCode(db, providerId, agreement.code)) throw new ValidationError('Code déjà utilisé', [{ path: 'code', message: `une convention de ce fournisseur porte déjà le code « ${agreement.code} »` }]);
    await persistAgreement(db, principal, deps.clock.now(), providerId, agreement, null);
    return (await findAgreementByCode(db, providerId, agreement.code))!.id;
  });
  return getAgreement(deps, principal, id);
}

/**
 * Corrects an agreement's record (signatures, receipt, deliberations, rules as signed). Legal changes after
 * signature are amendments instead; `expectedUpdatedAt` refuses to overwrite someone else's change.
 */
export async function updateAgreement(deps: Deps, principal: Principal, id: string, input: AgreementInput & { expectedUpdatedAt: string }): Promise<z.infer<typeof agreementDetailSchema>> {
  require(principal, 'agreement:write');
  const { expectedUpdatedAt, ...agreement } = input;
  await deps.database.transaction(async ({ db }) => {
    const row = await findAgreementRow(db, principal.scope, id);
    if (!row) throw new NotFoundError('Convention');
    assertActsFor(principal, row.providerId);
    if (new Date(row.updatedAt).getTime() !== new Date(expectedUpdatedAt).getTime()) throw new ConflictError("Cette convention a été modifiée entre-temps : rechargez la page avant d'enregistrer");
    const other = await findAgreementByCode(db, row.providerId, agreement.code);
    if (other && other.id !== row.id) throw new ValidationError('Code déjà utilisé', [{ path: 'code', message: `une autre convention porte déjà le code « ${agreement.code} »` }]);
    await persistAgreement(db, principal, deps.clock.now(), row.providerId, agreement, row);
  });
  return getAgreement(deps, principal, id);
}

async function persistAgreement(db: Db, principal: Principal, at: Date, providerId: string, input: AgreementInput, existing: AgreementRow | null): Promise<'created' | 'updated' | 'unchanged'> {
  const issues: { path: string; message: string }[] = [];
  for (const [i, party] of input.parties.entries()) {
    if (!(await findOrganisation(db, principal.scope, party.organisation))) issues.push({ path: `parties[${i}].organisation`, message: 'organisation introuvable' });
  }
  const seen = new Set<string>();
  input.parties.forEach((p, i) => {
    if (seen.has(p.organisation)) issues.push({ path: `parties[${i}].organisation`, message: 'cette organisation est déjà partie à la convention' });
    seen.add(p.organisation);
  });
  if (!input.parties.some((p) => p.organisation === providerId && p.role === 'provider')) {
    issues.push({ path: 'parties', message: 'le fournisseur doit être partie à la convention (rôle provider)' });
  }
  if (issues.length) throw new ValidationError('Convention invalide', issues);
  const values = {
    providerId,
    code: input.code,
    title: input.title,
    type: input.type,
    signedOn: input.signedOn ?? null,
    openingRecordSignedOn: input.openingRecordSignedOn ?? null,
    expressRenewals: input.expressRenewals ?? existing?.expressRenewals ?? 0,
    legalityReceiptId: input.legalityReceipt?.id ?? null,
    legalityTransmittedOn: input.legalityReceipt?.transmittedOn ?? null,
    legalityReceivedOn: input.legalityReceipt?.receivedOn ?? null,
    annexes: input.annexes,
    rules: input.rules,
    note: input.note ?? null,
  };
  const parties = input.parties.map((p) => ({
    organisationId: p.organisation,
    role: p.role,
    signatoryName: p.signatory?.name ?? null,
    signatoryTitle: p.signatory?.title ?? null,
    deliberationOrgan: p.deliberation?.organ ?? null,
    deliberationNumber: p.deliberation?.number ?? null,
    deliberationDate: p.deliberation?.date ?? null,
    signedOn: p.signedOn ?? null,
  }));
  if (existing) {
    const { id: _id, createdAt: _c, updatedAt: _u, ...current } = existing;
    const currentParties = (await partiesOf(db, [existing.id])).map(({ id: _pid, agreementId: _a, organisationName: _n, ...p }) => p);
    if (canonicalJson({ values: current, parties: currentParties.sort((a, b) => a.organisationId.localeCompare(b.organisationId)) }) === canonicalJson({ values, parties: [...parties].sort((a, b) => a.organisationId.localeCompare(b.organisationId)) })) {
      return 'unchanged';
    }
  }
  const id = await saveAgreement(db, existing?.id ?? null, values, parties, at);
  await recordAudit(db, principal, at, { action: existing ? 'update' : 'create', entityType: 'agreement', entityId: id, organisationId: providerId, before: existing, after: { ...values, parties } });
  return existing ? 'updated' : 'created';
}
