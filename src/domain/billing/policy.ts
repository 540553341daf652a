import type { LineKind } from '../catalogue/catalogue.ts';

/**
 * How an agreement bills (DOMAIN.md "every rule is data"): the rhythm, in advance or in arrears, how each kind
 * of service line is measured, proration, the management fee, when titles are due and may be issued.
 */
export type BillingRhythm = 'annual' | 'half_yearly' | 'quarterly' | 'per_event';

export type ContinuousBasis =
  /** Units of each month's snapshot × the monthly price (seed 004 art. 9.2.3). */
  | 'monthly_snapshots'
  /** The subscribed (or allocated) volume × the annual price, prorated by twelfths (seed 003 art. 5). */
  | 'subscribed_volume'
  /** Units of service observed × the unit cost (seed 001 art. 5.1, CGCT D5211-16). */
  | 'unit_cost';

export interface BillingPolicy {
  rhythm: BillingRhythm;
  timing: 'advance' | 'arrears';
  continuousBasis: ContinuousBasis;
  /** Flat annual services started during the year: by twelfths (seed 003) or not at all. */
  proration: 'twelfths' | 'none';
  /** A month started after its first day counts (true) or billing starts the month after (false). */
  partialMonthCounts: boolean;
  /** One-off lines: on time spent at the grid's hourly price (seed 002) or on an accepted quote. */
  oneOffBasis: 'time_spent' | 'quote';
  /** Pass-through lines (seed 000): provisional title on forecast at the start of each period, true-up at its end. */
  passThrough?: { provisional: boolean; amounts: 'excl_vat' | 'incl_vat' } | undefined;
  /** Management fee on passed-through consumption, in basis points (seed 000: 5 % = 500). */
  managementFeeBasisPoints: number;
  /** Titles are due N days after issue (seed 000: "dans le mois qui suit leur réception" → 1 month). */
  due?: { months: number } | { days: number } | undefined;
  /** Titles for a year may be issued only within a window of the following year (seed 003: 1 January–31 March). */
  issueWindow?: { from: string; to: string } | undefined;
}

export const ONE_OFF_KINDS: readonly LineKind[] = ['one_off', 'on_quote'];

/** What is wrong with a policy, as path + message pairs (empty when sound). */
export function policyIssues(policy: BillingPolicy): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (!Number.isInteger(policy.managementFeeBasisPoints) || policy.managementFeeBasisPoints < 0 || policy.managementFeeBasisPoints > 10_000) {
    issues.push({ path: 'managementFeeBasisPoints', message: 'frais de gestion entre 0 et 10 000 points de base (100 %)' });
  }
  if (policy.passThrough?.provisional && policy.timing !== 'advance') issues.push({ path: 'timing', message: 'un titre prévisionnel s’émet en début de période : facturation à échoir' });
  const window = policy.issueWindow;
  if (window && !(/^\d{2}-\d{2}$/.test(window.from) && /^\d{2}-\d{2}$/.test(window.to) && window.from <= window.to)) {
    issues.push({ path: 'issueWindow', message: 'fenêtre d’émission attendue au format MM-JJ, début avant fin' });
  }
  const due = !policy.due ? 0 : 'months' in policy.due ? policy.due.months : policy.due.days;
  if (!Number.isInteger(due) || due < 0) issues.push({ path: 'due', message: 'délai de paiement entier positif' });
  return issues;
}
