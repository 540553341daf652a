import { addDays, addMonths, civilDate, compareCivilDates, firstDayOfNextMonth, formatCivilDateFr, partsOf, type CivilDate } from '../civil-date.ts';
import type { AgreementFacts, AgreementRules, ExitRule, Party } from './rules.ts';

const later = (a: CivilDate, b: CivilDate) => (compareCivilDates(a, b) >= 0 ? a : b);

/** The date the agreement takes effect, or null while a fact it depends on is missing. */
export function effectiveDate(rules: AgreementRules, facts: AgreementFacts): CivilDate | null {
  switch (rules.effective.kind) {
    case 'on_signature':
      return facts.signedOn ?? null;
    case 'first_of_month_after_opening_record':
      // Both the signature of the opening record and its registration are required (seed 003 art. 7).
      if (!facts.openingRecordSignedOn || !facts.legalityReceivedOn) return null;
      return firstDayOfNextMonth(later(facts.openingRecordSignedOn, facts.legalityReceivedOn));
    case 'start_of_fiscal_year_after_signature':
      return facts.signedOn ? civilDate(partsOf(facts.signedOn).year + 1, 1, 1) : null;
  }
}

/**
 * Period boundaries ("échéances") of a fixed-term agreement: the dates a new period would start. The
 * agreement is in force up to the day before. Renewals stop after `lastYear`.
 */
export function periodBoundaries(rules: AgreementRules, effective: CivilDate, until: CivilDate): CivilDate[] {
  const duration = rules.duration;
  if (duration.kind === 'open_ended') return [];
  const boundaries: CivilDate[] = [];
  let boundary = addMonths(effective, duration.months);
  const step = duration.renewal.kind === 'none' ? 0 : duration.renewal.periodMonths;
  while (true) {
    boundaries.push(boundary);
    if (step === 0 || compareCivilDates(boundary, until) > 0) break;
    if (duration.lastYear !== undefined && partsOf(boundary).year > duration.lastYear) break;
    const next = addMonths(boundary, step);
    if (duration.lastYear !== undefined && partsOf(addDays(next, -1)).year > duration.lastYear) {
      // The last period ends with the last year (seed 004: "jusqu'à la dernière année du mandat").
      boundaries.push(civilDate(duration.lastYear + 1, 1, 1));
      break;
    }
    boundary = next;
  }
  return boundaries.filter((b, i, all) => all.indexOf(b) === i);
}

/** The next period boundary strictly after `asOf`, or null (open-ended, or past the last one). */
export function nextBoundary(rules: AgreementRules, effective: CivilDate, asOf: CivilDate): CivilDate | null {
  return periodBoundaries(rules, effective, addMonths(asOf, 120)).find((b) => compareCivilDates(b, asOf) > 0) ?? null;
}

/** The day after the last day in force of an agreement that cannot run on indefinitely, else null. */
export function finalEnd(rules: AgreementRules, effective: CivilDate, expressRenewals = 0): CivilDate | null {
  const duration = rules.duration;
  if (duration.kind === 'open_ended') return null;
  if (duration.renewal.kind === 'none') return addMonths(effective, duration.months);
  // Renewed only by letter (seed 000): it ends after the renewals actually recorded.
  if (duration.renewal.kind === 'express') return addMonths(effective, duration.months + expressRenewals * duration.renewal.periodMonths);
  if (duration.lastYear === undefined) return null;
  const boundaries = periodBoundaries(rules, effective, civilDate(duration.lastYear + 1, 12, 31));
  return boundaries[boundaries.length - 1] ?? null;
}

/** Anchor dates at which an exit under `rule` may take effect, from `from` on, in order, while the agreement runs. */
function anchorsAfter(rules: AgreementRules, rule: ExitRule, effective: CivilDate, from: CivilDate, expressRenewals = 0): CivilDate[] {
  const end = finalEnd(rules, effective, expressRenewals);
  return rawAnchorsAfter(rules, rule, effective, from).filter((a) => !end || compareCivilDates(a, end) <= 0);
}

function rawAnchorsAfter(rules: AgreementRules, rule: ExitRule, effective: CivilDate, from: CivilDate): CivilDate[] {
  const { year } = partsOf(from);
  switch (rule.anchor) {
    case 'expiry':
      return periodBoundaries(rules, effective, addMonths(from, 240)).filter((b) => compareCivilDates(b, from) >= 0);
    case 'anniversary': {
      const list: CivilDate[] = [];
      for (let n = 1; list.length < 4 && n < 200; n++) {
        const a = addMonths(effective, 12 * n);
        if (compareCivilDates(a, from) >= 0) list.push(a);
      }
      return list;
    }
    case 'january_first':
    case 'fiscal_year_end':
      // An exit "at the end of the fiscal year" takes effect on the 1 January that follows 31 December.
      return [0, 1, 2, 3].map((n) => civilDate(year + n, 1, 1)).filter((d) => compareCivilDates(d, from) >= 0);
    case 'after_receipt':
      return [];
  }
}

/**
 * The last day a notice can be received for an exit at `anchor`. Notice runs back from the anchor, except
 * for the end of the fiscal year, where it runs back from 31 December (seed 004 art. 13: "au minimum 6 mois
 * avant la fin de l'année comptable" → 30 June).
 */
export function noticeDeadlineFor(rule: ExitRule, anchor: CivilDate): CivilDate {
  const reference = rule.anchor === 'fiscal_year_end' ? addDays(anchor, -1) : anchor;
  return addMonths(reference, -rule.noticeMonths);
}

export interface ExitOutcome {
  /** First day the party is no longer bound (the agreement, or its part, has ended the day before). */
  effectiveOn: CivilDate;
  /** Last day a request could have been received for that date. */
  noticeDeadline: CivilDate;
  /** The request came after the deadline for the nearest date. */
  late: boolean;
  /** For `may_be_held_next_period`: the provider may hold the member until this later date instead. */
  mayBeHeldUntil: CivilDate | null;
  /** Too late for every date left, but the agreement ends on that date anyway. */
  endsAnyway: boolean;
}

/** When an exit requested by `party`, received on `receivedOn`, takes effect; null if no rule lets that party exit. */
export function exitOutcome(rules: AgreementRules, effective: CivilDate, party: Party, receivedOn: CivilDate, expressRenewals = 0): ExitOutcome | null {
  const candidates = rules.exits
    .filter((rule) => rule.parties.includes(party))
    .map((rule) => outcomeUnder(rules, rule, effective, receivedOn, expressRenewals))
    .filter((o): o is ExitOutcome => o !== null)
    .sort((a, b) => compareCivilDates(a.effectiveOn, b.effectiveOn));
  return candidates[0] ?? null;
}

function outcomeUnder(rules: AgreementRules, rule: ExitRule, effective: CivilDate, receivedOn: CivilDate, expressRenewals: number): ExitOutcome | null {
  if (rule.anchor === 'after_receipt') {
    return { effectiveOn: addMonths(receivedOn, rule.noticeMonths), noticeDeadline: receivedOn, late: false, mayBeHeldUntil: null, endsAnyway: false };
  }
  const anchors = anchorsAfter(rules, rule, effective, addDays(receivedOn, 1), expressRenewals);
  const nearest = anchors[0];
  if (!nearest) return null;
  const inTime = anchors.find((a) => compareCivilDates(receivedOn, noticeDeadlineFor(rule, a)) <= 0);
  // Too late for every date left: the agreement ends at its final date anyway.
  if (!inTime) return { effectiveOn: nearest, noticeDeadline: noticeDeadlineFor(rule, nearest), late: true, mayBeHeldUntil: null, endsAnyway: true };
  const late = inTime !== nearest;
  if (late && rule.late === 'may_be_held_next_period') {
    // Seed 004 art. 13: a late request still takes effect at the nearest end of year unless the provider holds the member.
    return { effectiveOn: nearest, noticeDeadline: noticeDeadlineFor(rule, nearest), late: true, mayBeHeldUntil: inTime, endsAnyway: false };
  }
  return { effectiveOn: inTime, noticeDeadline: noticeDeadlineFor(rule, inTime), late, mayBeHeldUntil: null, endsAnyway: false };
}

export type DeadlineKind = 'expiry' | 'renewal_letter' | 'notice' | 'review';

export interface Deadline {
  date: CivilDate;
  kind: DeadlineKind;
  party?: Party | undefined;
  /** What the date is about, in French, for the calendar. */
  label: string;
}

/** The coming legal dates of an agreement from `asOf` to `until`: expiries, renewal letters, last days to give notice, reviews. */
export function legalDeadlines(rules: AgreementRules, effective: CivilDate, asOf: CivilDate, until: CivilDate, expressRenewals = 0): Deadline[] {
  const inRange = (d: CivilDate) => compareCivilDates(d, asOf) >= 0 && compareCivilDates(d, until) <= 0;
  const deadlines: Deadline[] = [];
  const duration = rules.duration;
  if (duration.kind === 'fixed') {
    const end = finalEnd(rules, effective, expressRenewals);
    for (const boundary of periodBoundaries(rules, effective, until).filter((b) => !end || compareCivilDates(b, end) <= 0)) {
      deadlines.push({ date: addDays(boundary, -1), kind: 'expiry', label: 'Échéance de la période en cours (dernier jour)' });
      if (duration.renewal.kind === 'express') {
        deadlines.push({ date: addMonths(boundary, -duration.renewal.letterMonthsBefore), kind: 'renewal_letter', label: 'Date limite du courrier de renouvellement exprès' });
      }
    }
  }
  for (const rule of rules.exits.filter((r) => r.anchor !== 'after_receipt')) {
    for (const anchor of anchorsAfter(rules, rule, effective, asOf, expressRenewals)) {
      for (const party of rule.parties) {
        deadlines.push({ date: noticeDeadlineFor(rule, anchor), kind: 'notice', party, label: `Dernier jour pour dénoncer (${party === 'member' ? 'adhérent' : 'fournisseur'}), effet au ${formatCivilDateFr(anchor)}` });
      }
    }
  }
  if (rules.reviewEveryMonths) {
    for (let n = 1; n < 100; n++) {
      const review = addMonths(effective, rules.reviewEveryMonths * n);
      if (compareCivilDates(review, until) > 0) break;
      deadlines.push({ date: review, kind: 'review', label: 'Réexamen de la convention' });
    }
  }
  const unique = new Map(deadlines.filter((d) => inRange(d.date)).map((d) => [`${d.date}|${d.kind}|${d.party ?? ''}|${d.label}`, d]));
  return [...unique.values()].sort((a, b) => compareCivilDates(a.date, b.date) || a.kind.localeCompare(b.kind));
}

/** Termination for breach: effect N months after the formal notice, if the agreement provides for it. */
export function breachEffectiveDate(rules: AgreementRules, formalNoticeOn: CivilDate): CivilDate | null {
  return rules.breachMonthsAfterFormalNotice === undefined ? null : addMonths(formalNoticeOn, rules.breachMonthsAfterFormalNotice);
}
