import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { titleCancellationSchema, titleDetailSchema } from '../../contracts/billing.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { findTitleRow, insertTitles, lastSequence, lockProviderNumbering, paymentsOf, reductionsOf, titleContents, type StoredTitleLine } from '../../repositories/billing-repository.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { getTitle } from './titles.ts';

/**
 * Cancels a wrong title by a new numbered document that refers to it and repeats its lines (DOMAIN.md: "a wrong
 * title is cancelled or reduced by a new document"); the title itself never changes. A title already reduced or
 * partly paid is not cancelled here: what was paid would have to be paid back by a payment order first.
 */
export async function cancelTitle(deps: Deps, principal: Principal, id: string, input: z.infer<typeof titleCancellationSchema>): Promise<z.infer<typeof titleDetailSchema>> {
  require(principal, 'billing:run');
  const db = deps.database.db;
  const title = await findTitleRow(db, principal.scope, id);
  if (!title || principal.scope.kind === 'member') throw new NotFoundError('Titre');
  assertActsFor(principal, title.providerId);
  if (title.kind !== 'title') throw new ConflictError(`Le document n° ${title.number} n'est pas un titre de recette : il ne s'annule pas`);
  const today = deps.clock.today();
  const newId = await deps.database.transaction(async (tx) => {
    await lockProviderNumbering(tx.db, title.providerId);
    const [reductions, payments] = await Promise.all([reductionsOf(tx.db, [id]), paymentsOf(tx.db, [id])]);
    if (reductions.length) throw new ConflictError(`Le titre n° ${title.number} a déjà été réduit ou annulé (n° ${reductions.map((r) => r.number).join(', ')})`);
    if (payments.length) throw new ConflictError(`Le titre n° ${title.number} a reçu des paiements : reversez-les par mandat avant de l'annuler`);
    const fiscalYear = Number(today.slice(0, 4));
    const sequence = (await lastSequence(tx.db, title.providerId, fiscalYear, 'recette')) + 1;
    const cancellationId = randomUUID();
    const number = `T${fiscalYear}-${String(sequence).padStart(5, '0')}`;
    const [content] = await titleContents(tx.db, [id]);
    const lines = JSON.parse(content?.lines ?? '[]') as StoredTitleLine[];
    // The reason, as a line of its own: the document says why the title was cancelled.
    lines.push({ line: 'motif', optionsKey: '', label: `Motif : ${input.reason}`, quantity: { numerator: 0, denominator: 1 }, quantityText: '—', unitPrice: 0, amount: 0, vat: { mode: 'not_subject' }, vatCents: 0, basis: `annulation du titre n° ${title.number} du ${title.issuedOn}`, sources: [] });
    await insertTitles(
      tx,
      [
        {
          id: cancellationId,
          providerId: title.providerId,
          organisationId: title.organisationId,
          runId: null,
          kind: 'cancellation',
          series: 'recette',
          fiscalYear,
          sequence,
          number,
          refersTo: id,
          subject: `Annulation du titre n° ${title.number} — ${title.subject}`,
          periodFrom: title.periodFrom,
          periodTo: title.periodTo,
          issuedOn: today,
          dueOn: null,
          amountExclCents: title.amountExclCents,
          vatCents: title.vatCents,
          amountInclCents: title.amountInclCents,
          issuedAt: deps.clock.now().toISOString(),
        },
      ],
      [{ titleId: cancellationId, lines: JSON.stringify(lines) }],
    );
    await recordAudit(tx.db, principal, deps.clock.now(), { action: 'cancel', entityType: 'receivable_title', entityId: id, organisationId: title.organisationId, after: { cancellation: number, reason: input.reason } });
    return cancellationId;
  });
  return getTitle(deps, principal, newId);
}
