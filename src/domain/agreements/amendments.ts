import { addMonths, compareCivilDates, formatCivilDateFr, type CivilDate } from '../civil-date.ts';
import { periodBoundaries } from './calendar.ts';
import type { AgreementRules, AmendmentRule } from './rules.ts';

/** Used when an agreement says nothing more precise (seed 002 art. 7: "approuvé par les Parties"). */
export const DEFAULT_AMENDMENT_RULE: AmendmentRule = { approval: 'all_parties', takesEffect: 'on_approval' };

export interface AmendmentParty {
  organisationId: string;
  role: 'provider' | 'second_provider' | 'member';
}

/** The organisations whose approval an amendment needs under the rule. */
export function requiredApprovers(rule: AmendmentRule, parties: AmendmentParty[]): string[] {
  // With 'all_members' the provider's deliberation is the proposal itself; the members then approve it.
  return parties.filter((p) => rule.approval === 'all_parties' || p.role === 'member').map((p) => p.organisationId);
}

export interface AmendmentFacts {
  /** The provider's deliberation or the date the text was put to the parties. */
  proposedOn: CivilDate;
  /** A date the amendment may not take effect before (a partial exit's effective date, seed 004 art. 13). */
  notBefore?: CivilDate | undefined;
  approvals: { organisationId: string; approvedOn: CivilDate }[];
  /** A party voted against: with unanimity the amendment is dead. */
  rejectedOn?: CivilDate | undefined;
}

export type AmendmentStatus = 'pending' | 'approved' | 'in_effect' | 'lapsed' | 'rejected';

export interface AmendmentOutcome {
  status: AmendmentStatus;
  /** Last day for the approvals, when the agreement sets one. */
  approvalDeadline: CivilDate | null;
  /** Organisations whose approval is still missing (in time). */
  missingApprovals: string[];
  /** The day the last required approval was given. */
  approvedOn: CivilDate | null;
  takesEffectOn: CivilDate | null;
  explanation: string;
}

const max = (a: CivilDate, b: CivilDate) => (compareCivilDates(a, b) >= 0 ? a : b);

/**
 * Where an amendment stands on `asOf`, and from when it changes the agreement. `effective` is the
 * agreement's own effective date, needed for amendments that wait for the next expiry (seed 000).
 */
export function amendmentOutcome(
  rules: AgreementRules,
  effective: CivilDate | null,
  parties: AmendmentParty[],
  facts: AmendmentFacts,
  asOf: CivilDate,
): AmendmentOutcome {
  const rule = rules.amendments ?? DEFAULT_AMENDMENT_RULE;
  const fr = formatCivilDateFr;
  const approvalDeadline = rule.approvalWithinMonths === undefined ? null : addMonths(facts.proposedOn, rule.approvalWithinMonths);
  // Approvals given after `asOf` did not exist yet: the outcome on a past date ignores them.
  const inTime = facts.approvals.filter((a) => compareCivilDates(a.approvedOn, asOf) <= 0 && (!approvalDeadline || compareCivilDates(a.approvedOn, approvalDeadline) <= 0));
  const approvedBy = new Map(inTime.map((a) => [a.organisationId, a.approvedOn]));
  const required = requiredApprovers(rule, parties);
  const missingApprovals = required.filter((id) => !approvedBy.has(id));
  const none = { approvalDeadline, missingApprovals, approvedOn: null, takesEffectOn: null };
  if (facts.rejectedOn && compareCivilDates(facts.rejectedOn, asOf) <= 0) return { ...none, status: 'rejected', explanation: `Avenant rejeté le ${fr(facts.rejectedOn)} : l'approbation de chaque partie requise n'est plus possible.` };
  if (missingApprovals.length) {
    if (approvalDeadline && compareCivilDates(asOf, approvalDeadline) > 0) {
      return { ...none, status: 'lapsed', explanation: `Approbations incomplètes au ${fr(approvalDeadline)}, date limite fixée par la convention : l'avenant est caduc.` };
    }
    const until = approvalDeadline ? `, au plus tard le ${fr(approvalDeadline)}` : '';
    return { ...none, status: 'pending', explanation: `En attente de ${missingApprovals.length} approbation(s)${until}.` };
  }
  const approvedOn = required.map((id) => approvedBy.get(id)!).reduce(max, facts.proposedOn);
  let takesEffectOn = facts.notBefore ? max(approvedOn, facts.notBefore) : approvedOn;
  let why = 'à son approbation';
  if (rule.takesEffect === 'next_expiry' && effective) {
    // Seed 000 art. 5: the change waits for the end of the period running when it is approved.
    const boundary = periodBoundaries(rules, effective, addMonths(takesEffectOn, 240)).find((b) => compareCivilDates(b, takesEffectOn) >= 0);
    if (boundary) {
      takesEffectOn = boundary;
      why = "à l'échéance qui suit son approbation";
    }
  } else if (facts.notBefore && takesEffectOn === facts.notBefore && facts.notBefore !== approvedOn) {
    why = 'à la date prévue par la demande';
  }
  const status: AmendmentStatus = compareCivilDates(asOf, takesEffectOn) >= 0 ? 'in_effect' : 'approved';
  return { approvalDeadline, missingApprovals: [], approvedOn, takesEffectOn, status, explanation: `Approuvé le ${fr(approvedOn)} ; prend effet ${why}, le ${fr(takesEffectOn)}.` };
}
