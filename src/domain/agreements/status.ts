import { addMonths, compareCivilDates, type CivilDate } from '../civil-date.ts';
import { effectiveDate, finalEnd } from './calendar.ts';
import type { AgreementFacts, AgreementRules } from './rules.ts';

export type AgreementStatus = 'draft' | 'signed' | 'in_force' | 'ending' | 'ended';

/**
 * Where an agreement stands on `asOf`: not signed (draft), signed but not yet in effect, in force, within
 * its last twelve months before a definite end (ending: time to renew or re-affirm), or over.
 */
export function agreementStatus(rules: AgreementRules, facts: AgreementFacts, asOf: CivilDate): AgreementStatus {
  if (!facts.signedOn && !facts.openingRecordSignedOn) return 'draft';
  const effective = effectiveDate(rules, facts);
  if (!effective || compareCivilDates(asOf, effective) < 0) return 'signed';
  const end = finalEnd(rules, effective, facts.expressRenewals);
  if (!end) return 'in_force';
  if (compareCivilDates(asOf, end) >= 0) return 'ended';
  return compareCivilDates(asOf, addMonths(end, -12)) >= 0 ? 'ending' : 'in_force';
}
