import type { z } from 'zod';
import type { renewalLetterInputSchema, renewalLetterSchema } from '../../contracts/amendments.ts';
import { effectiveDate } from '../../domain/agreements/calendar.ts';
import { expressRenewal } from '../../domain/agreements/express-renewal.ts';
import { parseCivilDate } from '../../domain/civil-date.ts';
import { findAgreementRow } from '../../repositories/agreement-repository.ts';
import { insertRenewalLetter } from '../../repositories/amendment-repository.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { factsOf, rulesOf } from './agreement-timeline.ts';

/**
 * Records the signatory's renewal letter of an agreement renewed only expressly (seed 000 art. 5). A letter
 * received too late is refused with the reason: the agreement then ends at its expiry.
 */
export async function recordRenewalLetter(deps: Deps, principal: Principal, agreementId: string, input: z.infer<typeof renewalLetterInputSchema>): Promise<z.infer<typeof renewalLetterSchema>> {
  require(principal, 'agreement:write');
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    const row = await findAgreementRow(db, principal.scope, agreementId);
    if (!row) throw new NotFoundError('Convention');
    assertActsFor(principal, row.providerId);
    const effective = effectiveDate(rulesOf(row), factsOf(row));
    if (!effective) throw new ValidationError('Convention pas encore en vigueur', [{ path: 'receivedOn', message: "la date d'effet de la convention n'est pas encore connue" }]);
    const decision = expressRenewal(rulesOf(row), effective, row.expressRenewals, parseCivilDate(input.receivedOn));
    if (!decision.accepted) throw new ValidationError('Renouvellement refusé', [{ path: 'receivedOn', message: decision.reason }]);
    const id = await insertRenewalLetter(db, { agreementId: row.id, receivedOn: input.receivedOn, renewedUntil: decision.renewedUntil, createdAt: at.toISOString() });
    const view = { id, receivedOn: input.receivedOn, renewedUntil: decision.renewedUntil, explanation: decision.explanation };
    await recordAudit(db, principal, at, { action: 'create', entityType: 'agreement_renewal_letter', entityId: id, organisationId: row.providerId, before: { expressRenewals: row.expressRenewals }, after: { ...view, expressRenewals: row.expressRenewals + 1 } });
    return view;
  });
}
