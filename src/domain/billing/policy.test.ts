import { describe, expect, it } from 'vitest';
import { policyIssues, type BillingPolicy } from './policy.ts';

const seed000: BillingPolicy = {
  rhythm: 'quarterly',
  timing: 'advance',
  continuousBasis: 'subscribed_volume',
  proration: 'none',
  partialMonthCounts: false,
  oneOffBasis: 'quote',
  passThrough: { provisional: true, amounts: 'incl_vat' },
  managementFeeBasisPoints: 500,
  due: { months: 1 },
};

describe('billing policies', () => {
  it('accepts seed 000’s quarterly provisional titles with a 5 % fee, due within the month', () => {
    expect(policyIssues(seed000)).toEqual([]);
  });

  it('names every inconsistency', () => {
    expect(policyIssues({ ...seed000, timing: 'arrears', managementFeeBasisPoints: 12_000, issueWindow: { from: '03-31', to: '01-01' }, due: { days: -1 } }).map((i) => i.path)).toEqual([
      'managementFeeBasisPoints',
      'timing',
      'issueWindow',
      'due',
    ]);
  });
});

describe('the five seeds’ billing policies', () => {
  it.each(['000', '001', '002', '003', '004'] as const)('seed %s has a sound policy', async (seed) => {
    const { SEED_RULES } = await import('../agreements/seed-rules.fixture.ts');
    expect(policyIssues(SEED_RULES[seed].billing!)).toEqual([]);
  });
});
