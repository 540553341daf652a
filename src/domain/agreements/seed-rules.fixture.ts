import type { AgreementRules } from './rules.ts';

/** The five seeds' rules, as the example setup files will carry them (tests use them as tables). */
export const SEED_RULES: Record<'000' | '001' | '002' | '003' | '004', AgreementRules> = {
  // Seed 000 art. 5: 1 year, renewed expressly by letter one month before expiry; notice 6 months before expiry.
  '000': {
    effective: { kind: 'on_signature' },
    duration: { kind: 'fixed', months: 12, renewal: { kind: 'express', periodMonths: 12, letterMonthsBefore: 1 } },
    exits: [{ parties: ['member', 'provider'], anchor: 'expiry', noticeMonths: 6, late: 'next_anchor' }],
    // "Elle pourra être modifiée par avenant avec effet au terme de chaque échéance."
    amendments: { approval: 'all_parties', takesEffect: 'next_expiry' },
    // Art. 4.2: provisional title each quarter on forecast + 5 %, true-up at its end, due within a month.
    billing: { rhythm: 'quarterly', timing: 'advance', continuousBasis: 'subscribed_volume', proration: 'none', partialMonthCounts: false, oneOffBasis: 'quote', passThrough: { provisional: true, amounts: 'incl_vat' }, managementFeeBasisPoints: 500, due: { months: 1 } },
  },
  // Seed 001 art. 6.1–6.2: in force on signature, 4 years, tacit renewal; exit 8 months after receipt; breach 3 months.
  '001': {
    effective: { kind: 'on_signature' },
    duration: { kind: 'fixed', months: 48, renewal: { kind: 'tacit', periodMonths: 48 } },
    exits: [{ parties: ['member', 'provider'], anchor: 'after_receipt', noticeMonths: 8, late: 'next_anchor' }],
    breachMonthsAfterFormalNotice: 3,
    // Art. 8: "avenant signé par les deux Parties".
    amendments: { approval: 'all_parties', takesEffect: 'on_approval' },
    // Art. 5.1–5.2: unit cost × units of service observed, on a half-yearly statement.
    billing: { rhythm: 'half_yearly', timing: 'arrears', continuousBasis: 'unit_cost', proration: 'none', partialMonthCounts: false, oneOffBasis: 'quote', managementFeeBasisPoints: 0 },
  },
  // Seed 002 art. 3 and 6: on signature, 2 years tacit by 2-year periods, review every 2 years; the member
  // leaves at an anniversary with 3 months' notice; a provider at any time with 3 months' notice.
  '002': {
    effective: { kind: 'on_signature' },
    duration: { kind: 'fixed', months: 24, renewal: { kind: 'tacit', periodMonths: 24 } },
    exits: [
      { parties: ['member'], anchor: 'anniversary', noticeMonths: 3, late: 'next_anchor' },
      { parties: ['provider'], anchor: 'after_receipt', noticeMonths: 3, late: 'next_anchor' },
    ],
    breachMonthsAfterFormalNotice: 3,
    reviewEveryMonths: 24,
    // Preamble: an offer "particulièrement mais pas exclusivement" for communes under 3,500 inhabitants.
    subscriptions: { maxPopulation: 3500 },
    // Art. 7: "avenant écrit, approuvé par les Parties".
    amendments: { approval: 'all_parties', takesEffect: 'on_approval' },
    // Art. 4.1–4.2: billed after deployment on a signed quote; interventions on time spent at 50 € TTC an hour.
    billing: { rhythm: 'per_event', timing: 'arrears', continuousBasis: 'subscribed_volume', proration: 'none', partialMonthCounts: false, oneOffBasis: 'time_spent', managementFeeBasisPoints: 0 },
  },
  // Seed 003 art. 7: from the 1st of the month after the opening record is signed and registered; no end;
  // exit only on 1 January, 3 months' notice, else the next 1 January.
  '003': {
    effective: { kind: 'first_of_month_after_opening_record' },
    duration: { kind: 'open_ended' },
    exits: [{ parties: ['member', 'provider'], anchor: 'january_first', noticeMonths: 3, late: 'next_anchor' }],
    // Art. 6: approved in the same terms by each member within 6 months of the coordinator's deliberation; effect on approval.
    amendments: { approval: 'all_members', takesEffect: 'on_approval', approvalWithinMonths: 6 },
    // Art. 5: one annual title in arrears, issued 1 January–31 March; flat services by twelfths, unit services whole.
    billing: { rhythm: 'annual', timing: 'arrears', continuousBasis: 'subscribed_volume', proration: 'twelfths', partialMonthCounts: false, oneOffBasis: 'quote', managementFeeBasisPoints: 0, issueWindow: { from: '01-01', to: '03-31' } },
  },
  // Seed 004 art. 11 and 13: from the fiscal year after signature, 1 year tacitly renewed until the last year of
  // the municipal mandate (2020–2026); exit at the end of the fiscal year, asked 6 months before, else the
  // member may be held for the next year.
  '004': {
    effective: { kind: 'start_of_fiscal_year_after_signature' },
    duration: { kind: 'fixed', months: 12, renewal: { kind: 'tacit', periodMonths: 12 }, lastYear: 2026 },
    exits: [{ parties: ['member'], anchor: 'fiscal_year_end', noticeMonths: 6, late: 'may_be_held_next_period' }],
    // Art. 3.2 and 10.1: wishes by June for the next year; the deliberation fixes the representative's perimeter.
    subscriptions: { wishDeadline: '06-30', perimeterRequired: true },
    // Art. 12: changes voted by the communes' representatives under the unanimity rule.
    amendments: { approval: 'all_members', takesEffect: 'on_approval' },
    // Art. 9.2.3: annual or half-yearly, adjusted with monthly snapshots of units.
    billing: { rhythm: 'half_yearly', timing: 'arrears', continuousBasis: 'monthly_snapshots', proration: 'none', partialMonthCounts: false, oneOffBasis: 'quote', managementFeeBasisPoints: 0 },
  },
};
