import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { issueResultSchema } from '../../contracts/billing.ts';
import { billTotals } from '../../domain/billing/bill-line.ts';
import type { RunKind } from '../../domain/billing/member-bill.ts';
import { dueDate, runBlockers } from '../../domain/billing/run-rules.ts';
import type { AgreementRules } from '../../domain/agreements/rules.ts';
import { organisationNames } from '../../repositories/membership-repository.ts';
import { periodBounds, periodLabelFr } from '../../domain/consumption/periods.ts';
import { cents, toDecimalString } from '../../domain/money.ts';
import type { receivableTitles } from '../../db/schema/index.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { completeRun, findRun, insertRun, insertTitles, lastSequence, lockProviderNumbering, titlesOfRun, type TitleContent } from '../../repositories/billing-repository.ts';
import type { Deps, Principal } from '../context.ts';
import { ConflictError } from '../errors.ts';
import { billingAgreement, computeRunInChunks, runPeriod, type RunProgress } from './run-compute.ts';
import { encodeTitleLines } from './stored-lines.ts';

type IssueResult = z.infer<typeof issueResultSchema>;
type DocumentKind = IssueResult['documents'][number]['kind'];

interface IssuedDocument {
  id: string;
  number: string;
  kind: string;
  amountInclCents: number;
  organisationId: string;
  organisationName: string;
}

const SUBJECT: Record<RunKind, string> = { regular: '', provisional: 'Titre prévisionnel — ', true_up: 'Régularisation — ', penalty_order: 'Reversement des pénalités des opérateurs — ' };
const numberOf = (series: 'recette' | 'mandat', year: number, sequence: number) => `${series === 'recette' ? 'T' : 'M'}${year}-${String(sequence).padStart(5, '0')}`;

function documentView(d: IssuedDocument): IssueResult['documents'][number] {
  return { id: d.id, number: d.number, kind: d.kind as DocumentKind, organisationName: d.organisationName, amountIncl: toDecimalString(cents(d.amountInclCents)) };
}

function result(runId: string, created: boolean, titles: readonly Omit<IssuedDocument, 'organisationName'>[], names: Map<string, string>): IssueResult {
  return { runId, created, documents: titles.map((t) => documentView({ ...t, organisationName: names.get(t.organisationId) ?? '' })) };
}

/**
 * Issues a run in one transaction: all its titles, reductions and payment orders, numbered without gaps per
 * provider, fiscal year and series under a lock on the provider row — or nothing if anything fails. Issuing
 * the same period again creates nothing and returns what was issued (idempotent). Members are computed and
 * written a chunk at a time (memory stays bounded at national scale); a line that cannot be priced stops the
 * writing, the rest is still computed so the refusal names every such line, and the transaction is rolled back.
 */
export async function issueRun(deps: Deps, principal: Principal, agreementId: string, request: { kind: RunKind; year: number; index: number }, progress: RunProgress = () => undefined): Promise<IssueResult> {
  const db = deps.database.db;
  const agreement = await billingAgreement(db, principal, agreementId);
  const today = deps.clock.today();
  return deps.database.transaction(async (tx) => {
    await lockProviderNumbering(tx.db, agreement.providerId);
    const policy = (agreement.rules as AgreementRules).billing;
    const period = runPeriod(policy, request.kind, request.year, request.index);
    const key = { agreementId, kind: request.kind, periodKind: period.kind, year: period.year, periodIndex: period.index };
    // Already issued: nothing to compute, what was issued comes back.
    const existing = await findRun(tx.db, key);
    if (existing) {
      const titles = await titlesOfRun(tx.db, existing.id);
      return result(existing.id, false, titles, await organisationNames(tx.db, [...new Set(titles.map((t) => t.organisationId))]));
    }
    const blockers = runBlockers(policy, request.kind, period, today);
    if (blockers.length) throw new ConflictError(`Émission impossible : ${blockers.join(' ; ')}`);

    const fiscalYear = Number(today.slice(0, 4));
    const sequences = { recette: await lastSequence(tx.db, agreement.providerId, fiscalYear, 'recette'), mandat: await lastSequence(tx.db, agreement.providerId, fiscalYear, 'mandat') };
    const { from, to } = periodBounds(period);
    const runId = randomUUID();
    const at = deps.clock.now().toISOString();
    const subjectOf = `${SUBJECT[request.kind]}${agreement.title} — ${periodLabelFr(period)}`;
    const dueOn = policy ? dueDate(policy, today) : null;
    // The run row first: the titles refer to it.
    await insertRun(tx.db, { id: runId, providerId: agreement.providerId, ...key, issuedOn: today, issuedAt: at, actorLabel: principal.label, documents: 0, totalCents: 0 });
    const issued: IssuedDocument[] = [];
    const issues: string[] = [];
    let total = 0;
    const frame = await computeRunInChunks(
      tx.db,
      agreement,
      request,
      today,
      async (documents, done, total) => {
        for (const d of documents) for (const i of d.issues) issues.push(`${d.organisationName} : ${i.message}`);
        if (issues.length) return;
        progress('write', done, total);
        const titles: (typeof receivableTitles.$inferInsert)[] = [];
        const contents: TitleContent[] = [];
        for (const d of documents) {
          if (d.document === 'none') continue;
          const series = d.document === 'payment_order' ? 'mandat' : 'recette';
          const sequence = ++sequences[series];
          const totals = billTotals(d.lines);
          const sign = d.document === 'reduction' ? -1 : 1;
          const id = randomUUID();
          const number = numberOf(series, fiscalYear, sequence);
          titles.push({
            id,
            providerId: agreement.providerId,
            organisationId: d.organisationId,
            runId,
            kind: d.document,
            series,
            fiscalYear,
            sequence,
            number,
            refersTo: d.refersTo?.id ?? null,
            subject: d.document === 'reduction' ? `${subjectOf} (réduction du titre n° ${d.refersTo!.number})` : subjectOf,
            periodFrom: from,
            periodTo: to,
            issuedOn: today,
            dueOn: d.document === 'title' ? dueOn : null,
            amountExclCents: sign * totals.excl,
            vatCents: sign * totals.vat,
            amountInclCents: sign * totals.incl,
            issuedAt: at,
          });
          contents.push({ titleId: id, lines: encodeTitleLines(d.lines) });
          if (d.document === 'title') total += totals.incl;
          issued.push({ id, number, kind: d.document, amountInclCents: sign * totals.incl, organisationId: d.organisationId, organisationName: d.organisationName });
        }
        await insertTitles(tx, titles, contents);
      },
      progress,
    );
    if (issues.length) throw new ConflictError(`Émission impossible, des lignes ne sont pas chiffrables : ${issues.slice(0, 5).join(' ; ')}${issues.length > 5 ? ` (et ${issues.length - 5} autres)` : ''}`);
    if (!issued.length) throw new ConflictError(`Rien à émettre pour ${periodLabelFr(frame.period)} : aucun adhérent n'a de montant à facturer`);
    await completeRun(tx.db, runId, issued.length, total);
    await recordAudit(tx.db, principal, deps.clock.now(), {
      action: 'issue',
      entityType: 'billing_run',
      entityId: runId,
      organisationId: agreement.providerId,
      after: { agreement: agreement.code, kind: request.kind, period: periodLabelFr(period), documents: issued.length, first: issued[0]!.number, last: issued[issued.length - 1]!.number, totalIncl: toDecimalString(cents(total)) },
    });
    progress('done', issued.length, issued.length);
    return { runId, created: true, documents: issued.map(documentView) };
  });
}
