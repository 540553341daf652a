import { addDays, addMonths, compareCivilDates, type CivilDate } from '../civil-date.ts';
import { periodBounds, type Period, type PeriodKind } from '../consumption/periods.ts';
import type { RunKind } from './member-bill.ts';
import type { BillingPolicy } from './policy.ts';

/**
 * Whether a run may be issued now, and on which period: the rhythm fixes the period's length, the timing when
 * it may be billed (in arrears: after the period; in advance: before its end), the issue window the dates
 * (seed 003: titles for a year between 1 January and 31 March of the next). Every reason comes back in French.
 */
const PERIOD_OF: Record<BillingPolicy['rhythm'], PeriodKind> = { annual: 'year', half_yearly: 'half', quarterly: 'quarter', per_event: 'month' };

export function runPeriodKind(policy: BillingPolicy, kind: RunKind): PeriodKind {
  if (kind === 'penalty_order') return 'year';
  if (kind === 'provisional' || kind === 'true_up') return 'quarter';
  return PERIOD_OF[policy.rhythm];
}

export function runBlockers(policy: BillingPolicy | undefined, kind: RunKind, period: Period, today: CivilDate): string[] {
  if (!policy) return ["la convention n'a pas de règle de facturation : ajoutez-la à ses règles (rythme, assiette, échéance)"];
  const blockers: string[] = [];
  const expected = runPeriodKind(policy, kind);
  if (period.kind !== expected) blockers.push(`cette convention se facture par ${{ year: 'année', half: 'semestre', quarter: 'trimestre', month: 'mois' }[expected]}`);
  if ((kind === 'provisional' || kind === 'true_up') && !policy.passThrough?.provisional) blockers.push("cette convention n'émet pas de titres prévisionnels");
  const { to } = periodBounds(period);
  const ended = compareCivilDates(today, to) > 0;
  if (kind === 'provisional') {
    if (ended) blockers.push(`la période s'est terminée le ${to} : émettez la régularisation`);
  } else if (kind === 'regular' && policy.timing === 'advance') {
    if (ended) blockers.push(`facturation à échoir : la période s'est terminée le ${to}`);
  } else if (!ended) {
    blockers.push(`facturation à terme échu : la période se termine le ${to}, elle se facture à partir du lendemain`);
  }
  const window = issueWindow(policy, kind, period);
  if (window && compareCivilDates(today, window.opens) < 0) blockers.push(`les titres de cette période s'émettent entre le ${window.opens} et le ${window.closes}`);
  return blockers;
}

function issueWindow(policy: BillingPolicy, kind: RunKind, period: Period): { opens: CivilDate; closes: CivilDate } | null {
  if (kind !== 'regular' || !policy.issueWindow) return null;
  const year = period.year + (policy.timing === 'arrears' ? 1 : 0);
  return { opens: `${year}-${policy.issueWindow.from}` as CivilDate, closes: `${year}-${policy.issueWindow.to}` as CivilDate };
}

/**
 * What the person issuing should know but which does not stop the run. Past the issue window (seed 003 art. 5:
 * "un titre de recette annuel est émis, chaque année, entre le 1er janvier et le 31 mars"), the member still
 * owes what it consumed: the title is issued late, and says so, rather than never.
 */
export function runWarnings(policy: BillingPolicy | undefined, kind: RunKind, period: Period, today: CivilDate): string[] {
  const window = policy ? issueWindow(policy, kind, period) : null;
  if (window && compareCivilDates(today, window.closes) > 0) return [`la convention prévoit l'émission entre le ${window.opens} et le ${window.closes} : ces titres sont émis en retard`];
  return [];
}

/** The due date of a title issued on a date (seed 000: "dans le mois qui suit leur réception"); null when the agreement sets none. */
export function dueDate(policy: BillingPolicy, issuedOn: CivilDate): CivilDate | null {
  if (!policy.due) return null;
  return 'months' in policy.due ? addMonths(issuedOn, policy.due.months) : addDays(issuedOn, policy.due.days);
}
