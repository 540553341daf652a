import type { BillingPolicy } from '../billing/policy.ts';
import type { CivilDate } from '../civil-date.ts';
import type { Obligation } from './obligations.ts';

/**
 * An agreement's legal rules, as data. Each seed is its own rule set (DOMAIN.md table); nothing here
 * names a seed: the five examples differ only by the values below.
 */

/** When the agreement starts producing effects. */
export type EffectiveRule =
  /** On signature by all parties (seeds 001, 002). */
  | { kind: 'on_signature' }
  /** 1st of the month after the opening record is signed and registered at the legality check (seed 003 art. 7). */
  | { kind: 'first_of_month_after_opening_record' }
  /** Start of the fiscal year after signature (seed 004 art. 11). */
  | { kind: 'start_of_fiscal_year_after_signature' };

export type DurationRule =
  | {
      kind: 'fixed';
      /** First period, in months (12 for seeds 000 and 004, 48 for 001, 24 for 002). */
      months: number;
      /** What happens at each expiry. */
      renewal:
        | { kind: 'none' }
        /** Renewed only by a letter of the signatory, N months before expiry (seed 000 art. 5). */
        | { kind: 'express'; periodMonths: number; letterMonthsBefore: number }
        /** Renewed unless a party gives notice (001, 002, 004). */
        | { kind: 'tacit'; periodMonths: number };
      /** Renewals stop at the end of this year, e.g. the last year of the municipal mandate (seed 004). */
      lastYear?: number | undefined;
    }
  /** No end date (seed 003). */
  | { kind: 'open_ended' };

/** The dates at which an exit can take effect. */
export type ExitAnchor =
  /** At the expiry of the current period (seeds 000, 001 tacit periods). */
  | 'expiry'
  /** At an anniversary of the effective date (seed 002, member). */
  | 'anniversary'
  /** On a 1 January (seed 003). */
  | 'january_first'
  /** At the end of the fiscal year, i.e. 31 December (seed 004). */
  | 'fiscal_year_end'
  /** N months after the receipt of the registered letter, whatever the date (seed 001; seed 002 providers). */
  | 'after_receipt';

export type Party = 'member' | 'provider';

export interface ExitRule {
  /** Who may use this way out. */
  parties: Party[];
  anchor: ExitAnchor;
  /** Months of notice: before the anchor, or, for `after_receipt`, the delay until it takes effect. */
  noticeMonths: number;
  /**
   * A request received too late: takes effect at the following anchor (seed 003: next 1 January), or the
   * provider may hold the member one more period (seed 004 art. 13: "pourra être contrainte").
   */
  late: 'next_anchor' | 'may_be_held_next_period';
}

/** How an amendment is approved and when it takes effect. Without one: every party approves, effect on approval. */
export interface AmendmentRule {
  /**
   * Who must approve: every party (seed 001 art. 8, seed 002 art. 7: "signé par les deux Parties"), or each
   * member after the provider's own deliberation (seed 003 art. 6: "approuvé dans les mêmes termes par chacun
   * des membres"; seed 004 art. 12: unanimity of the communes' representatives).
   */
  approval: 'all_parties' | 'all_members';
  /** On approval (seed 003 art. 6), or at the next expiry of the agreement (seed 000 art. 5: "avec effet au terme de chaque échéance"). */
  takesEffect: 'on_approval' | 'next_expiry';
  /** Every approval must arrive within N months of the proposal (seed 003 art. 6: six months after the coordinator's deliberation). */
  approvalWithinMonths?: number | undefined;
}

export interface SubscriptionRule {
  /** Wishes for year Y arrive by this month-day of Y − 1, else the provider may refuse (seed 004 art. 3.2 and 5.2: June). */
  wishDeadline?: string | undefined;
  /** Offer aimed at communes up to this population: above, a warning (seed 002 preamble: under 3,500 inhabitants). */
  maxPopulation?: number | undefined;
  /** The member's deliberation must name the lines its representative may open (seed 004 art. 10.1, annex 6). */
  perimeterRequired?: boolean | undefined;
}

export interface AgreementRules {
  effective: EffectiveRule;
  duration: DurationRule;
  exits: ExitRule[];
  /** Termination for breach: effect N months after a formal notice left unanswered (001, 002). */
  breachMonthsAfterFormalNotice?: number | undefined;
  /** Periodic review of the agreement, in months (seed 002 art. 3: every 2 years at the anniversary). */
  reviewEveryMonths?: number | undefined;
  /** How members ask for services under this agreement. */
  subscriptions?: SubscriptionRule | undefined;
  /** Amendments: who approves, when they take effect. */
  amendments?: AmendmentRule | undefined;
  /** How the agreement bills its members (rhythm, basis, proration, fee, due date, issue window). */
  billing?: BillingPolicy | undefined;
  /** Recurring dates: committees, vote windows, wish deadlines, title windows, unit-cost notice. */
  obligations?: Obligation[] | undefined;
}

/** The facts the rules apply to. */
export interface AgreementFacts {
  signedOn?: CivilDate | undefined;
  openingRecordSignedOn?: CivilDate | undefined;
  legalityReceivedOn?: CivilDate | undefined;
  /** Express renewals recorded (letters received in time), for agreements renewed only expressly (seed 000). */
  expressRenewals?: number | undefined;
}
