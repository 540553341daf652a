import type { z } from 'zod';
import type { AgreementInput, agreementDetailSchema } from '../../contracts/agreements.ts';
import { findAgreementRow, partiesOf } from '../../repositories/agreement-repository.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { updateAgreement } from './agreement-service.ts';

const opt = <T>(value: T | null): T | undefined => value ?? undefined;

/**
 * Records the dates an agreement's record lacked (the signature, the opening record: seeds 001 and 002 leave them
 * blank, seed 003 has no opening record), everything else as recorded: the agreement then takes effect by its rules.
 * Goes through `updateAgreement`, so the change is checked and audited like one made in the back office.
 */
export async function recordAgreementDates(
  deps: Deps,
  principal: Principal,
  agreementId: string,
  dates: { signedOn?: string | undefined; openingRecordSignedOn?: string | undefined },
): Promise<z.infer<typeof agreementDetailSchema>> {
  require(principal, 'agreement:write');
  const db = deps.database.db;
  const row = await findAgreementRow(db, principal.scope, agreementId);
  if (!row) throw new NotFoundError('Convention');
  const parties = await partiesOf(db, [row.id]);
  const input: AgreementInput = {
    code: row.code,
    title: row.title,
    type: row.type as AgreementInput['type'],
    signedOn: dates.signedOn ?? opt(row.signedOn),
    openingRecordSignedOn: dates.openingRecordSignedOn ?? opt(row.openingRecordSignedOn),
    expressRenewals: row.expressRenewals,
    legalityReceipt: row.legalityReceiptId ? { id: row.legalityReceiptId, transmittedOn: opt(row.legalityTransmittedOn), receivedOn: opt(row.legalityReceivedOn) } : undefined,
    parties: parties.map((p) => ({
      organisation: p.organisationId,
      role: p.role as AgreementInput['parties'][number]['role'],
      signatory: p.signatoryName && p.signatoryTitle ? { name: p.signatoryName, title: p.signatoryTitle } : undefined,
      deliberation: p.deliberationOrgan && p.deliberationDate ? { organ: p.deliberationOrgan, number: opt(p.deliberationNumber), date: p.deliberationDate } : undefined,
      signedOn: opt(p.signedOn),
    })),
    annexes: row.annexes as string[],
    rules: row.rules as AgreementInput['rules'],
    note: opt(row.note),
  };
  return updateAgreement(deps, principal, agreementId, { ...input, expectedUpdatedAt: new Date(row.updatedAt).toISOString() });
}
