import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { issueResultSchema } from '../../contracts/billing.ts';
import { billTotals, vatSplit } from '../../domain/billing/bill-line.ts';
import type { RunKind } from '../../domain/billing/member-bill.ts';
import { dueDate, runPeriodKind } from '../../domain/billing/run-rules.ts';
import type { AgreementRules } from '../../domain/agreements/rules.ts';
import { organisationNames } from '../../repositories/membership-repository.ts';
import { periodBounds, periodLabelFr } from '../../domain/consumption/periods.ts';
import { cents, toDecimalString } from '../../domain/money.ts';
import type { receivableTitleLines, receivableTitles } from '../../db/schema/index.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { findRun, insertRun, insertTitles, lastSequence, lockProviderNumbering, titlesOfRun } from '../../repositories/billing-repository.ts';
import type { Deps, Principal } from '../context.ts';
import { ConflictError } from '../errors.ts';
import { billingAgreement, computeRun, type RunProgress } from './run-preview.ts';

type IssueResult = z.infer<typeof issueResultSchema>;

const SUBJECT: Record<RunKind, string> = { regular: '', provisional: 'Titre prévisionnel — ', true_up: 'Régularisation — ', penalty_order: 'Reversement des pénalités des opérateurs — ' };
const numberOf = (series: 'recette' | 'mandat', year: number, sequence: number) => `${series === 'recette' ? 'T' : 'M'}${year}-${String(sequence).padStart(5, '0')}`;

function result(runId: string, created: boolean, titles: { id: string; number: string; kind: string; amountInclCents: number; organisationId: string }[], names: Map<string, string>): IssueResult {
  return { runId, created, documents: titles.map((t) => ({ id: t.id, number: t.number, kind: t.kind as IssueResult['documents'][number]['kind'], organisationName: names.get(t.organisationId) ?? '', amountIncl: toDecimalString(cents(t.amountInclCents)) })) };
}

/**
 * Issues a run in one transaction: all its titles, reductions and payment orders, numbered without gaps per
 * provider, fiscal year and series under a lock on the provider row — or nothing if anything fails. Issuing
 * the same period again creates nothing and returns what was issued (idempotent).
 */
export async function issueRun(deps: Deps, principal: Principal, agreementId: string, request: { kind: RunKind; year: number; index: number }, progress: RunProgress = () => undefined): Promise<IssueResult> {
  const db = deps.database.db;
  const agreement = await billingAgreement(db, principal, agreementId);
  const today = deps.clock.today();
  return deps.database.transaction(async (tx) => {
    await lockProviderNumbering(tx.db, agreement.providerId);
    // Already issued: nothing to compute, what was issued comes back.
    const policy = (agreement.rules as AgreementRules).billing;
    const periodKind = policy ? runPeriodKind(policy, request.kind) : 'year';
    const key = { agreementId, kind: request.kind, periodKind, year: request.year, periodIndex: periodKind === 'year' ? 1 : request.index };
    const existing = await findRun(tx.db, key);
    if (existing) {
      const titles = await titlesOfRun(tx.db, existing.id);
      return result(existing.id, false, titles, await organisationNames(tx.db, [...new Set(titles.map((t) => t.organisationId))]));
    }
    const run = await computeRun(tx.db, agreement, request.kind, request.year, request.index, today, progress);
    const names = new Map(run.documents.map((d) => [d.organisationId, d.organisationName]));
    if (run.blockers.length) throw new ConflictError(`Émission impossible : ${run.blockers.join(' ; ')}`);
    const issues = run.documents.flatMap((d) => d.issues.map((i) => `${d.organisationName} : ${i.message}`));
    if (issues.length) throw new ConflictError(`Émission impossible, des lignes ne sont pas chiffrables : ${issues.slice(0, 5).join(' ; ')}${issues.length > 5 ? ` (et ${issues.length - 5} autres)` : ''}`);
    if (!run.documents.some((d) => d.document !== 'none')) throw new ConflictError(`Rien à émettre pour ${periodLabelFr(run.period)} : aucun adhérent n'a de montant à facturer`);

    const fiscalYear = Number(today.slice(0, 4));
    const sequences = { recette: await lastSequence(tx.db, agreement.providerId, fiscalYear, 'recette'), mandat: await lastSequence(tx.db, agreement.providerId, fiscalYear, 'mandat') };
    const { from, to } = periodBounds(run.period);
    const runId = randomUUID();
    const at = deps.clock.now().toISOString();
    const titles: (typeof receivableTitles.$inferInsert)[] = [];
    const lines: (typeof receivableTitleLines.$inferInsert)[] = [];
    for (const d of run.documents) {
      if (d.document === 'none') continue;
      const series = d.document === 'payment_order' ? 'mandat' : 'recette';
      const sequence = ++sequences[series];
      const totals = billTotals(d.lines);
      const sign = d.document === 'reduction' ? -1 : 1;
      const id = randomUUID();
      titles.push({
        id,
        providerId: agreement.providerId,
        organisationId: d.organisationId,
        runId,
        kind: d.document,
        series,
        fiscalYear,
        sequence,
        number: numberOf(series, fiscalYear, sequence),
        refersTo: d.refersTo?.id ?? null,
        subject: `${SUBJECT[request.kind]}${agreement.title} — ${periodLabelFr(run.period)}${d.document === 'reduction' ? ` (réduction du titre n° ${d.refersTo!.number})` : ''}`,
        periodFrom: from,
        periodTo: to,
        issuedOn: today,
        dueOn: d.document === 'title' && run.rules.billing ? dueDate(run.rules.billing, today) : null,
        amountExclCents: sign * totals.excl,
        vatCents: sign * totals.vat,
        amountInclCents: sign * totals.incl,
        issuedAt: at,
      });
      d.lines.forEach((l, position) => {
        lines.push({
          titleId: id,
          position,
          line: l.line,
          optionsKey: l.optionsKey,
          label: l.label,
          quantityNumerator: l.quantity.numerator,
          quantityDenominator: l.quantity.denominator,
          quantityText: l.quantityText,
          unitPriceCents: l.unitPrice,
          amountCents: l.amount,
          vat: l.vat,
          vatCents: vatSplit(l.amount, l.vat).vat,
          basis: l.basis,
          sources: l.sources,
        });
      });
    }
    progress('write', 0, titles.length);
    const total = titles.reduce((sum, t) => sum + (t.kind === 'title' ? t.amountInclCents : 0), 0);
    await insertRun(tx.db, { id: runId, providerId: agreement.providerId, ...key, issuedOn: today, issuedAt: at, actorLabel: principal.label, documents: titles.length, totalCents: total });
    await insertTitles(tx, titles, lines);
    await recordAudit(tx.db, principal, deps.clock.now(), {
      action: 'issue',
      entityType: 'billing_run',
      entityId: runId,
      organisationId: agreement.providerId,
      after: { agreement: agreement.code, kind: request.kind, period: periodLabelFr(run.period), documents: titles.map((t) => ({ number: t.number, organisationId: t.organisationId, amountIncl: toDecimalString(cents(t.amountInclCents)) })) },
    });
    progress('done', titles.length, titles.length);
    return result(runId, true, titles.map((t) => ({ id: t.id!, number: t.number, kind: t.kind, amountInclCents: t.amountInclCents, organisationId: t.organisationId })), names);
  });
}
