import type { CalendarEntry } from '../../contracts/agreements.ts';
import { effectiveDate, finalEnd, legalDeadlines } from '../../domain/agreements/calendar.ts';
import { occurrences } from '../../domain/agreements/obligations.ts';
import type { AgreementFacts, AgreementRules } from '../../domain/agreements/rules.ts';
import { addDays, compareCivilDates, parseCivilDate, type CivilDate } from '../../domain/civil-date.ts';
import type { AgreementRow } from '../../repositories/agreement-repository.ts';

export function rulesOf(row: AgreementRow): AgreementRules {
  return row.rules as AgreementRules;
}

export function factsOf(row: AgreementRow): AgreementFacts {
  const date = (value: string | null) => (value ? parseCivilDate(value) : undefined);
  return {
    signedOn: date(row.signedOn),
    openingRecordSignedOn: date(row.openingRecordSignedOn),
    legalityReceivedOn: date(row.legalityReceivedOn),
    expressRenewals: row.expressRenewals,
  };
}

/** Every dated event of one agreement between two dates: recorded facts, legal deadlines and recurring obligations. */
export function agreementTimeline(row: AgreementRow, providerName: string, from: CivilDate, until: CivilDate): CalendarEntry[] {
  const rules = rulesOf(row);
  const facts = factsOf(row);
  const effective = effectiveDate(rules, facts);
  const base = { agreementId: row.id, agreementCode: row.code, agreementTitle: row.title, providerName };
  const entries: CalendarEntry[] = [];
  const push = (date: CivilDate, kind: string, label: string, party: 'member' | 'provider' | null = null, untilDate: CivilDate | null = null) =>
    entries.push({ ...base, date, until: untilDate, kind, label, party });
  if (facts.signedOn) push(facts.signedOn, 'signature', 'Signature de la convention');
  if (facts.legalityReceivedOn) push(facts.legalityReceivedOn, 'legality', 'Réception en préfecture (contrôle de légalité)');
  if (facts.openingRecordSignedOn) push(facts.openingRecordSignedOn, 'opening_record', "Signature du procès-verbal de mise en service");
  if (effective) {
    push(effective, 'effective', 'Prise d’effet de la convention');
    for (const d of legalDeadlines(rules, effective, from, until, facts.expressRenewals)) push(d.date, d.kind, d.label, d.party ?? null);
    // Recurring obligations stop with the agreement (seed 004: at the end of the mandate's last year).
    const end = finalEnd(rules, effective, facts.expressRenewals);
    const obligationsUntil = end && compareCivilDates(addDays(end, -1), until) < 0 ? addDays(end, -1) : until;
    for (const obligation of rules.obligations ?? []) {
      for (const o of occurrences(obligation, effective, from, obligationsUntil)) push(o.date, obligation.kind === 'yearly_window' ? 'window' : 'obligation', o.label, null, o.until ?? null);
    }
  }
  return entries
    .filter((e) => compareCivilDates(e.date as CivilDate, from) >= 0 && compareCivilDates(e.date as CivilDate, until) <= 0)
    .sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}
