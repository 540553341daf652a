import { addDays, addMonths, compareCivilDates, formatCivilDateFr, type CivilDate } from '../civil-date.ts';
import { finalEnd } from './calendar.ts';
import type { AgreementRules } from './rules.ts';

export type RenewalDecision =
  | { accepted: true; renewedUntil: CivilDate; explanation: string }
  | { accepted: false; reason: string };

/**
 * Whether a renewal letter received on a date renews an agreement renewed only expressly (seed 000 art. 5:
 * "renouvelable expressément par simple courrier du signataire … un mois avant son échéance").
 * `renewals` is the number already recorded.
 */
export function expressRenewal(rules: AgreementRules, effective: CivilDate, renewals: number, letterReceivedOn: CivilDate): RenewalDecision {
  const duration = rules.duration;
  if (duration.kind !== 'fixed' || duration.renewal.kind !== 'express') {
    return { accepted: false, reason: "cette convention ne se renouvelle pas par courrier exprès (voir ses règles de durée)" };
  }
  const fr = formatCivilDateFr;
  const end = finalEnd(rules, effective, renewals)!;
  const lastDay = addDays(end, -1);
  if (compareCivilDates(letterReceivedOn, end) >= 0) return { accepted: false, reason: `la convention a pris fin le ${fr(lastDay)} : un courrier reçu ensuite ne peut plus la renouveler` };
  const deadline = addMonths(end, -duration.renewal.letterMonthsBefore);
  if (compareCivilDates(letterReceivedOn, deadline) > 0) {
    return { accepted: false, reason: `courrier reçu après le ${fr(deadline)}, date limite pour l'échéance du ${fr(lastDay)} : la convention n'est pas renouvelée` };
  }
  const periodStart = addMonths(end, -(renewals === 0 ? duration.months : duration.renewal.periodMonths));
  if (compareCivilDates(letterReceivedOn, periodStart) < 0) {
    return { accepted: false, reason: `courrier reçu avant le début de la période en cours (${fr(periodStart)}) : il ne peut renouveler que l'échéance à venir` };
  }
  const renewedUntil = addDays(addMonths(end, duration.renewal.periodMonths), -1);
  return { accepted: true, renewedUntil, explanation: `Courrier reçu le ${fr(letterReceivedOn)}, dans le délai (au plus tard le ${fr(deadline)}) : convention renouvelée jusqu'au ${fr(renewedUntil)}.` };
}
