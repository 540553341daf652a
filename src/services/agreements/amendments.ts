import type { z } from 'zod';
import type { AmendmentView, agreementStateSchema, amendmentInputSchema, approvalInputSchema, rejectionInputSchema } from '../../contracts/amendments.ts';
import { amendmentOutcome, requiredApprovers, DEFAULT_AMENDMENT_RULE, type AmendmentParty } from '../../domain/agreements/amendments.ts';
import { effectiveDate } from '../../domain/agreements/calendar.ts';
import { agreementStateOn, type AgreementVersion, type AmendmentChanges, type DatedAmendment, type DatedExit } from '../../domain/agreements/state-on-date.ts';
import { agreementStatus } from '../../domain/agreements/status.ts';
import { compareCivilDates, formatCivilDateFr, parseCivilDate, type CivilDate } from '../../domain/civil-date.ts';
import type { Db } from '../../db/database.ts';
import { exitRequestsOf, findAgreementRow, partiesOf, type AgreementRow, type PartyRow } from '../../repositories/agreement-repository.ts';
import { amendmentsOf, approvalsOf, insertAmendment, insertApproval, markAmendmentRejected } from '../../repositories/amendment-repository.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { organisationNames } from '../../repositories/membership-repository.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { factsOf, rulesOf } from './agreement-timeline.ts';

/** Everything needed to reason about an agreement's versions: the signed text, its amendments, its exits. */
export interface AgreementHistory {
  row: AgreementRow;
  parties: PartyRow[];
  base: AgreementVersion;
  amendments: AmendmentView[];
  dated: DatedAmendment[];
  exits: DatedExit[];
}

function baseVersion(row: AgreementRow, parties: PartyRow[]): AgreementVersion {
  return { title: row.title, annexes: row.annexes, rules: rulesOf(row), parties: parties.map((p) => ({ organisationId: p.organisationId, role: p.role as AmendmentParty['role'] })) };
}

/**
 * Loads an agreement's amendments and computes each one's status on `asOf`, in number order: each
 * amendment is judged against the agreement as it stood when proposed (its parties, its rules).
 */
export async function loadHistory(db: Db, row: AgreementRow, asOf: CivilDate): Promise<AgreementHistory> {
  const parties = await partiesOf(db, [row.id]);
  const base = baseVersion(row, parties);
  const exits: DatedExit[] = (await exitRequestsOf(db, [row.id])).map((e) => ({ organisationId: e.organisationId, scope: e.scope as 'full' | 'partial', effectiveOn: parseCivilDate(e.effectiveOn) }));
  const rows = await amendmentsOf(db, row.id);
  const approvals = await approvalsOf(db, rows.map((a) => a.id));
  const effective = effectiveDate(rulesOf(row), factsOf(row));
  const dated: DatedAmendment[] = [];
  const views: AmendmentView[] = [];
  const names = new Map(parties.map((p) => [p.organisationId, p.organisationName]));
  // Parties added by amendments are not in the signed record: their names are read once, up front.
  const added = rows.flatMap((a) => ((a.changes as AmendmentChanges).addParties ?? []).map((p) => p.organisationId)).filter((id) => !names.has(id));
  for (const [id, name] of await organisationNames(db, [...new Set(added)])) names.set(id, name);
  for (const amendment of rows) {
    const proposedOn = parseCivilDate(amendment.proposedOn);
    const state = agreementStateOn(base, dated, exits, proposedOn);
    const given = approvals.filter((a) => a.amendmentId === amendment.id);
    const outcome = amendmentOutcome(state.rules, effective, state.parties, {
      proposedOn,
      notBefore: amendment.notBefore ? parseCivilDate(amendment.notBefore) : undefined,
      rejectedOn: amendment.rejectedOn ? parseCivilDate(amendment.rejectedOn) : undefined,
      approvals: given.map((a) => ({ organisationId: a.organisationId, approvedOn: parseCivilDate(a.approvedOn) })),
    }, asOf);
    // Approvals after `asOf` are ignored by the outcome, so the state on `asOf` only holds what was decided by then.
    dated.push({ number: amendment.number, takesEffectOn: outcome.takesEffectOn, changes: amendment.changes as AmendmentChanges });
    const required = new Set(requiredApprovers(state.rules.amendments ?? DEFAULT_AMENDMENT_RULE, state.parties));
    views.push({
      id: amendment.id,
      number: amendment.number,
      subject: amendment.subject,
      changes: amendment.changes as AmendmentView['changes'],
      proposedOn: amendment.proposedOn,
      notBefore: amendment.notBefore,
      rejectedOn: amendment.rejectedOn,
      exitRequestId: amendment.exitRequestId,
      ...outcome,
      approvals: [...new Set([...required, ...given.map((g) => g.organisationId)])].map((organisationId) => {
        const approval = given.find((g) => g.organisationId === organisationId);
        return {
          organisationId,
          organisationName: names.get(organisationId) ?? approval?.organisationName ?? '',
          required: required.has(organisationId),
          approvedOn: approval?.approvedOn ?? null,
          deliberationNumber: approval?.deliberationNumber ?? null,
        };
      }),
    });
  }
  return { row, parties, base, amendments: views, dated, exits };
}

async function visibleAgreement(db: Db, principal: Principal, id: string): Promise<AgreementRow> {
  const row = await findAgreementRow(db, principal.scope, id);
  if (!row) throw new NotFoundError('Convention');
  return row;
}

/** The agreement as it stood on a date: rules, annexes, parties and perimeters after the amendments then in effect. */
export async function agreementStateAt(deps: Deps, principal: Principal, id: string, on: string): Promise<z.infer<typeof agreementStateSchema>> {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  const row = await visibleAgreement(db, principal, id);
  const date = parseCivilDate(on);
  const history = await loadHistory(db, row, date);
  const state = agreementStateOn(history.base, history.dated, history.exits, date);
  const ids = [...state.parties.map((p) => p.organisationId), ...state.partiesLeft.map((p) => p.organisationId)];
  const names = await organisationNames(db, ids);
  return {
    on: state.on,
    title: state.title,
    annexes: state.annexes,
    rules: state.rules as z.infer<typeof agreementStateSchema>['rules'],
    status: agreementStatus(state.rules, factsOf(row), date),
    parties: state.parties.map((p) => ({ ...p, organisationName: names.get(p.organisationId) ?? '' })),
    amendmentsApplied: state.amendmentsApplied,
    partiesLeft: state.partiesLeft.map((p) => ({ ...p, organisationName: names.get(p.organisationId) ?? '' })),
  };
}

/** Checks that the organisations an amendment names are, or become, parties, and refuses what cannot apply. */
async function changeIssues(db: Db, history: AgreementHistory, input: z.infer<typeof amendmentInputSchema>): Promise<{ path: string; message: string }[]> {
  const issues: { path: string; message: string }[] = [];
  const state = agreementStateOn(history.base, history.dated, history.exits, parseCivilDate(input.proposedOn));
  const current = new Set(state.parties.map((p) => p.organisationId));
  const added = input.changes.addParties ?? [];
  const known = await organisationNames(db, added.map((p) => p.organisationId));
  added.forEach((p, i) => {
    if (!known.has(p.organisationId)) issues.push({ path: `changes.addParties[${i}].organisationId`, message: 'organisation introuvable' });
    else if (current.has(p.organisationId)) issues.push({ path: `changes.addParties[${i}].organisationId`, message: 'déjà partie à la convention' });
  });
  (input.changes.removeParties ?? []).forEach((id, i) => {
    if (!current.has(id)) issues.push({ path: `changes.removeParties[${i}]`, message: "n'est pas partie à la convention" });
    else if (id === history.row.providerId) issues.push({ path: `changes.removeParties[${i}]`, message: 'le fournisseur ne peut pas être retiré par avenant' });
  });
  (input.changes.withdrawCategories ?? []).forEach((w, i) => {
    const party = state.parties.find((p) => p.organisationId === w.organisationId);
    if (!party || party.role !== 'member') issues.push({ path: `changes.withdrawCategories[${i}].organisationId`, message: "n'est pas adhérent de la convention" });
  });
  if (input.notBefore && compareCivilDates(parseCivilDate(input.notBefore), parseCivilDate(input.proposedOn)) < 0) {
    issues.push({ path: 'notBefore', message: 'précède la date de proposition' });
  }
  return issues;
}

/** Writes a new amendment inside the caller's transaction (also used by a partial exit, seed 004 art. 13). */
export async function writeAmendment(db: Db, principal: Principal, at: Date, row: AgreementRow, input: z.infer<typeof amendmentInputSchema>, exitRequestId: string | null): Promise<string> {
  const history = await loadHistory(db, row, parseCivilDate(input.proposedOn));
  const issues = await changeIssues(db, history, input);
  if (issues.length) throw new ValidationError('Avenant invalide', issues);
  const amendment = await insertAmendment(db, {
    agreementId: row.id,
    subject: input.subject,
    changes: input.changes,
    proposedOn: input.proposedOn,
    notBefore: input.notBefore ?? null,
    exitRequestId,
    createdAt: at.toISOString(),
  });
  await recordAudit(db, principal, at, { action: 'create', entityType: 'agreement_amendment', entityId: amendment.id, organisationId: row.providerId, after: amendment });
  return amendment.id;
}

async function amendmentView(deps: Deps, db: Db, row: AgreementRow, amendmentId: string): Promise<AmendmentView> {
  const history = await loadHistory(db, row, deps.clock.today());
  const view = history.amendments.find((a) => a.id === amendmentId);
  if (!view) throw new NotFoundError('Avenant');
  return view;
}

export async function listAmendments(deps: Deps, principal: Principal, agreementId: string): Promise<AmendmentView[]> {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  return (await loadHistory(db, await visibleAgreement(db, principal, agreementId), deps.clock.today())).amendments;
}

export async function proposeAmendment(deps: Deps, principal: Principal, agreementId: string, input: z.infer<typeof amendmentInputSchema>): Promise<AmendmentView> {
  require(principal, 'agreement:write');
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    const row = await visibleAgreement(db, principal, agreementId);
    assertActsFor(principal, row.providerId);
    const id = await writeAmendment(db, principal, at, row, input, null);
    return amendmentView(deps, db, row, id);
  });
}

/** Records one party's approval (its deliberation); the amendment's status follows from the rules. */
export async function approveAmendment(deps: Deps, principal: Principal, agreementId: string, amendmentId: string, input: z.infer<typeof approvalInputSchema>): Promise<AmendmentView> {
  require(principal, 'agreement:write');
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    const row = await visibleAgreement(db, principal, agreementId);
    assertActsFor(principal, row.providerId);
    const current = await amendmentView(deps, db, row, amendmentId);
    const approval = current.approvals.find((a) => a.organisationId === input.organisationId);
    if (!approval?.required) throw new ValidationError('Approbation invalide', [{ path: 'organisationId', message: "l'approbation de cette organisation n'est pas requise pour cet avenant" }]);
    if (approval.approvedOn) throw new ValidationError('Approbation déjà enregistrée', [{ path: 'organisationId', message: `approuvé le ${formatCivilDateFr(parseCivilDate(approval.approvedOn))}` }]);
    if (current.status === 'rejected') throw new ValidationError('Avenant rejeté', [{ path: 'organisationId', message: "l'avenant a été rejeté : il ne peut plus être approuvé" }]);
    if (input.approvedOn < current.proposedOn) throw new ValidationError('Approbation invalide', [{ path: 'approvedOn', message: "précède la proposition de l'avenant" }]);
    await insertApproval(db, { amendmentId, organisationId: input.organisationId, approvedOn: input.approvedOn, deliberationNumber: input.deliberationNumber ?? null, createdAt: at.toISOString() });
    const view = await amendmentView(deps, db, row, amendmentId);
    await recordAudit(db, principal, at, { action: 'update', entityType: 'agreement_amendment', entityId: amendmentId, organisationId: input.organisationId, before: current, after: view });
    return view;
  });
}

export async function rejectAmendment(deps: Deps, principal: Principal, agreementId: string, amendmentId: string, input: z.infer<typeof rejectionInputSchema>): Promise<AmendmentView> {
  require(principal, 'agreement:write');
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    const row = await visibleAgreement(db, principal, agreementId);
    assertActsFor(principal, row.providerId);
    const current = await amendmentView(deps, db, row, amendmentId);
    if (!current.approvals.some((a) => a.organisationId === input.organisationId && a.required)) {
      throw new ValidationError('Rejet invalide', [{ path: 'organisationId', message: "cette organisation n'a pas à se prononcer sur cet avenant" }]);
    }
    if (current.status !== 'pending') throw new ValidationError('Rejet impossible', [{ path: 'rejectedOn', message: `l'avenant n'est plus en attente (${current.explanation})` }]);
    await markAmendmentRejected(db, amendmentId, input.rejectedOn);
    const view = await amendmentView(deps, db, row, amendmentId);
    await recordAudit(db, principal, at, { action: 'update', entityType: 'agreement_amendment', entityId: amendmentId, organisationId: input.organisationId, before: current, after: view });
    return view;
  });
}
