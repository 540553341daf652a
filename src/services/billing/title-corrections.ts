import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { titleCancellationSchema, titleDetailSchema, titleReductionSchema } from '../../contracts/billing.ts';
import { billTotals, reasonLine, type BillLine } from '../../domain/billing/bill-line.ts';
import { reducedByPosition, reductionLines } from '../../domain/billing/reduction.ts';
import { parseEuros } from '../../domain/money.ts';
import type { Tx } from '../../db/database.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { findTitleRow, groupByTitle, insertTitles, lastSequence, lockProviderNumbering, paymentsOf, reductionsOf, titleContents, titleLineRows, type StoredTitleLine, type TitleRow } from '../../repositories/billing-repository.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { encodeTitleLines, storedLine } from './stored-lines.ts';
import { getTitle } from './titles.ts';

type TitleDetail = z.infer<typeof titleDetailSchema>;

/** The title to correct, seen by its provider's staff only: a member reads its titles, it does not correct them. */
async function titleToCorrect(deps: Deps, principal: Principal, id: string, verb: string): Promise<TitleRow> {
  require(principal, 'billing:run');
  const title = await findTitleRow(deps.database.db, principal.scope, id);
  if (!title || principal.scope.kind === 'member') throw new NotFoundError('Titre');
  assertActsFor(principal, title.providerId);
  if (title.kind !== 'title') throw new ConflictError(`Le document n° ${title.number} n'est pas un titre de recette : il ne se ${verb} pas`);
  return title;
}

/** Writes a correction as a new document of the 'recette' series, numbered after the last one under the lock. */
async function issueCorrection(deps: Deps, tx: Tx, title: TitleRow, kind: 'cancellation' | 'reduction', subject: string, lines: string, amounts: { excl: number; vat: number; incl: number }): Promise<{ id: string; number: string }> {
  const today = deps.clock.today();
  const fiscalYear = Number(today.slice(0, 4));
  const sequence = (await lastSequence(tx.db, title.providerId, fiscalYear, 'recette')) + 1;
  const id = randomUUID();
  const number = `T${fiscalYear}-${String(sequence).padStart(5, '0')}`;
  await insertTitles(
    tx,
    [
      {
        id,
        providerId: title.providerId,
        organisationId: title.organisationId,
        runId: null,
        kind,
        series: 'recette',
        fiscalYear,
        sequence,
        number,
        refersTo: title.id,
        subject: `${subject} — ${title.subject}`,
        periodFrom: title.periodFrom,
        periodTo: title.periodTo,
        issuedOn: today,
        dueOn: null,
        amountExclCents: amounts.excl,
        vatCents: amounts.vat,
        amountInclCents: amounts.incl,
        issuedAt: deps.clock.now().toISOString(),
      },
    ],
    [{ titleId: id, lines }],
  );
  return { id, number };
}

/**
 * Cancels a wrong title by a new numbered document that refers to it and repeats its lines (DOMAIN.md: "a wrong
 * title is cancelled or reduced by a new document"); the title itself never changes. A title already reduced or
 * partly paid is not cancelled here: what was paid would have to be paid back by a payment order first.
 */
export async function cancelTitle(deps: Deps, principal: Principal, id: string, input: z.infer<typeof titleCancellationSchema>): Promise<TitleDetail> {
  const title = await titleToCorrect(deps, principal, id, 'annule');
  const cancellation = await deps.database.transaction(async (tx) => {
    await lockProviderNumbering(tx.db, title.providerId);
    const [reductions, payments] = await Promise.all([reductionsOf(tx.db, [id]), paymentsOf(tx.db, [id])]);
    if (reductions.length) throw new ConflictError(`Le titre n° ${title.number} a déjà été réduit ou annulé (n° ${reductions.map((r) => r.number).join(', ')})`);
    if (payments.length) throw new ConflictError(`Le titre n° ${title.number} a reçu des paiements : reversez-les par mandat avant de l'annuler`);
    const [content] = await titleContents(tx.db, [id]);
    const lines = JSON.parse(content?.lines ?? '[]') as StoredTitleLine[];
    // The reason, as a line of its own: the document says why the title was cancelled.
    lines.push({ ...reasonLine(input.reason, `annulation du titre n° ${title.number} du ${title.issuedOn}`), vatCents: 0 });
    const issued = await issueCorrection(deps, tx, title, 'cancellation', `Annulation du titre n° ${title.number}`, JSON.stringify(lines), { excl: title.amountExclCents, vat: title.vatCents, incl: title.amountInclCents });
    await recordAudit(tx.db, principal, deps.clock.now(), { action: 'cancel', entityType: 'receivable_title', entityId: id, organisationId: title.organisationId, after: { cancellation: issued.number, reason: input.reason } });
    return issued;
  });
  return getTitle(deps, principal, cancellation.id);
}

/**
 * Reduces part of a title by a new numbered document that refers to it (a service billed but not delivered, a
 * count corrected): the lines taken off, each at the title's own VAT treatment, with the reason. Checked by
 * `reductionLines`: no line below zero counting earlier reductions, never beyond what is still owed.
 */
export async function reduceTitle(deps: Deps, principal: Principal, id: string, input: z.infer<typeof titleReductionSchema>): Promise<TitleDetail> {
  const title = await titleToCorrect(deps, principal, id, 'réduit');
  const reduction = await deps.database.transaction(async (tx) => {
    await lockProviderNumbering(tx.db, title.providerId);
    const [reductions, payments] = await Promise.all([reductionsOf(tx.db, [id]), paymentsOf(tx.db, [id])]);
    const lines = (await titleLineRows(tx.db, [id])).map(storedLine);
    const earlier = groupByTitle(await titleLineRows(tx.db, reductions.map((r) => r.id)));
    const outstanding = title.amountInclCents - payments.reduce((sum, p) => sum + p.amountCents, 0) - reductions.reduce((sum, r) => sum + r.amountInclCents, 0);
    const result = reductionLines(
      { id, number: title.number, issuedOn: title.issuedOn, lines, outstandingCents: outstanding, reducedByPosition: reducedByPosition(id, reductions.map((r): BillLine[] => (earlier.get(r.id) ?? []).map(storedLine))) },
      input.lines.map((l) => ({ position: l.position, amount: parseEuros(l.amount) })),
      input.reason,
    );
    if (!result.ok) throw new ValidationError(`Réduction du titre n° ${title.number} impossible`, result.issues);
    const totals = billTotals(result.lines);
    const issued = await issueCorrection(deps, tx, title, 'reduction', `Réduction du titre n° ${title.number}`, encodeTitleLines(result.lines), totals);
    await recordAudit(tx.db, principal, deps.clock.now(), { action: 'reduce', entityType: 'receivable_title', entityId: id, organisationId: title.organisationId, after: { reduction: issued.number, reason: input.reason, amountInclCents: totals.incl } });
    return issued;
  });
  return getTitle(deps, principal, reduction.id);
}
