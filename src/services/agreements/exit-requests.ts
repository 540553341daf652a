import type { z } from 'zod';
import type { exitRequestInputSchema, exitRequestSchema } from '../../contracts/agreements.ts';
import { effectiveDate, exitOutcome } from '../../domain/agreements/calendar.ts';
import { parseCivilDate } from '../../domain/civil-date.ts';
import { exitRequestsOf, findAgreementRow, insertExitRequest, partiesOf, type ExitRequestRow } from '../../repositories/agreement-repository.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { loadCatalogueRows } from '../../repositories/catalogue-repository.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { factsOf, rulesOf } from './agreement-timeline.ts';
import { writeAmendment } from './amendments.ts';

type ExitRequestView = z.infer<typeof exitRequestSchema>;

export function exitRequestView(row: ExitRequestRow, amendmentId: string | null): ExitRequestView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    party: row.party as 'member' | 'provider',
    scope: row.scope as 'full' | 'partial',
    categories: row.categories,
    receivedOn: row.receivedOn,
    effectiveOn: row.effectiveOn,
    noticeDeadline: row.noticeDeadline,
    late: row.late,
    mayBeHeldUntil: row.mayBeHeldUntil,
    amendmentRequired: row.scope === 'partial',
    amendmentId,
  };
}

/**
 * Records a notice of exit received by the provider and fixes its effective date under the agreement's
 * rules at the time (seed 004 art. 13; seed 003 art. 7; seed 001 art. 6.2).
 */
export async function recordExitRequest(deps: Deps, principal: Principal, agreementId: string, input: z.infer<typeof exitRequestInputSchema>): Promise<ExitRequestView> {
  require(principal, 'membership:write');
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    const row = await findAgreementRow(db, principal.scope, agreementId);
    if (!row) throw new NotFoundError('Convention');
    assertActsFor(principal, row.providerId);
    const party = (await partiesOf(db, [row.id])).find((p) => p.organisationId === input.organisationId);
    if (!party) throw new ValidationError('Partie inconnue', [{ path: 'organisationId', message: "cette organisation n'est pas partie à la convention" }]);
    const side = party.role === 'member' ? 'member' : 'provider';
    if (input.scope === 'partial') {
      if (side !== 'member') throw new ValidationError('Sortie partielle impossible', [{ path: 'scope', message: 'seul un adhérent peut quitter une partie des services' }]);
      const catalogue = await loadCatalogueRows(db, row.providerId);
      const known = new Set(catalogue.categories.map((c) => c.code));
      const unknown = input.categories.filter((c) => !known.has(c));
      // Seed 004 art. 13: a partial exit keeps the base — the category of a charge shared by all (the socle).
      const baseCategories = new Set(catalogue.sharedCharges.map((s) => catalogue.lines.find((l) => l.code === s.chargeLine)?.categoryCode).filter(Boolean));
      const base = input.categories.filter((c) => baseCategories.has(c));
      if (base.length) throw new ValidationError('Sortie partielle invalide', [{ path: 'categories', message: `une sortie partielle conserve le socle : ${base.join(', ')} ne peut pas être quitté seul` }]);
      if (!input.categories.length || unknown.length) {
        throw new ValidationError('Sortie partielle invalide', [{ path: 'categories', message: unknown.length ? `catégorie(s) inconnue(s) : ${unknown.join(', ')}` : 'indiquez les catégories quittées' }]);
      }
    }
    const rules = rulesOf(row);
    const facts = factsOf(row);
    const effective = effectiveDate(rules, facts);
    if (!effective) throw new ValidationError('Convention pas encore en vigueur', [{ path: 'receivedOn', message: "la date d'effet de la convention n'est pas encore connue" }]);
    const outcome = exitOutcome(rules, effective, side, parseCivilDate(input.receivedOn), facts.expressRenewals);
    if (!outcome) throw new ValidationError('Aucune sortie possible', [{ path: 'organisationId', message: `la convention ne prévoit pas de dénonciation par ${side === 'member' ? "l'adhérent" : 'le fournisseur'}` }]);
    const id = await insertExitRequest(db, {
      agreementId: row.id,
      organisationId: input.organisationId,
      party: side,
      scope: input.scope,
      categories: input.scope === 'partial' ? input.categories : [],
      receivedOn: input.receivedOn,
      effectiveOn: outcome.effectiveOn,
      noticeDeadline: outcome.noticeDeadline,
      late: outcome.late,
      mayBeHeldUntil: outcome.mayBeHeldUntil,
      createdAt: at.toISOString(),
    });
    await recordAudit(db, principal, at, { action: 'create', entityType: 'exit_request', entityId: id, organisationId: input.organisationId, after: { ...input, ...outcome } });
    let amendmentId: string | null = null;
    if (input.scope === 'partial') {
      // Seed 004 art. 13: "un avenant sera inclus dans la convention afin de préciser le nouveau périmètre de service".
      amendmentId = await writeAmendment(db, principal, at, row, {
        subject: `Retrait partiel de ${party.organisationName} : ${input.categories.join(', ')}`,
        proposedOn: input.receivedOn,
        notBefore: outcome.effectiveOn,
        changes: { withdrawCategories: [{ organisationId: input.organisationId, categories: input.categories }] },
      }, id);
    }
    return exitRequestView((await exitRequestsOf(db, [row.id])).find((r) => r.id === id)!, amendmentId);
  });
}
