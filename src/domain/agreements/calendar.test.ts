import { describe, expect, it } from 'vitest';
import { parseCivilDate as d, type CivilDate } from '../civil-date.ts';
import { breachEffectiveDate, effectiveDate, exitOutcome, legalDeadlines, nextBoundary } from './calendar.ts';
import type { Party } from './rules.ts';
import { SEED_RULES } from './seed-rules.fixture.ts';

describe('effective dates', () => {
  it.each([
    ['000', { signedOn: d('2016-05-18') }, '2016-05-18'],
    ['002', { signedOn: d('2025-09-15') }, '2025-09-15'],
    // Seed 003: opening record signed 10 July 2024 (hypothetical), act received at the prefecture 1 July 2024.
    ['003', { openingRecordSignedOn: d('2024-07-10'), legalityReceivedOn: d('2024-07-01') }, '2024-08-01'],
    ['003', { openingRecordSignedOn: d('2024-07-10'), legalityReceivedOn: d('2024-08-02') }, '2024-09-01'],
    ['003', { openingRecordSignedOn: d('2024-07-10') }, null],
    // Seed 004: the council voted on 18 December 2024; effect from the next fiscal year.
    ['004', { signedOn: d('2024-12-18') }, '2025-01-01'],
  ] as const)('seed %s with %o starts on %s', (seed, facts, expected) => {
    expect(effectiveDate(SEED_RULES[seed], facts)).toBe(expected);
  });
});

type ExitCase = [seed: keyof typeof SEED_RULES, effective: string, party: Party, received: string, effectiveOn: string, late: boolean, heldUntil: string | null];

describe('exit requests', () => {
  it.each<ExitCase>([
    // Seed 000: notice at least 6 months before the expiry of 18 May 2017.
    ['000', '2016-05-18', 'member', '2016-11-18', '2017-05-18', false, null],
    // Too late for 18 May 2017: had it been renewed, the exit would wait a year; it is not, so it ends anyway.
    ['000', '2016-05-18', 'provider', '2016-11-19', '2017-05-18', true, null],
    // Seed 001: effect 8 months after receipt, clamped at the month end (31 March + 8 months = 30 November).
    ['001', '2021-12-15', 'member', '2026-03-31', '2026-11-30', false, null],
    // Seed 002: the member leaves at an anniversary with 3 months' notice; a provider any time with 3 months.
    ['002', '2025-09-15', 'member', '2026-06-15', '2026-09-15', false, null],
    ['002', '2025-09-15', 'member', '2026-06-16', '2027-09-15', true, null],
    ['002', '2025-09-15', 'provider', '2026-11-30', '2027-02-28', false, null],
    // Seed 003: only on 1 January, 3 months' notice, else the next 1 January.
    ['003', '2024-08-01', 'member', '2025-10-01', '2026-01-01', false, null],
    ['003', '2024-08-01', 'member', '2025-10-02', '2027-01-01', true, null],
    // Seed 004: end of fiscal year, asked by 30 June; late → effect 1 January, but the member may be held a year.
    ['004', '2025-01-01', 'member', '2025-06-30', '2026-01-01', false, null],
    ['004', '2025-01-01', 'member', '2025-07-01', '2026-01-01', true, '2027-01-01'],
    // … and in the last year of the mandate the agreement ends anyway on 31 December: nothing later to hold to.
    ['004', '2025-01-01', 'member', '2026-03-01', '2027-01-01', false, null],
    ['004', '2025-01-01', 'member', '2026-09-01', '2027-01-01', true, null],
  ])('seed %s (effective %s): %s request received %s takes effect %s (late: %s, may be held until %s)', (seed, effective, party, received, effectiveOn, late, heldUntil) => {
    expect(exitOutcome(SEED_RULES[seed], d(effective), party, d(received))).toMatchObject({ effectiveOn, late, mayBeHeldUntil: heldUntil });
  });

  it('seed 000 renewed once by letter: a late notice takes effect at the following expiry', () => {
    expect(exitOutcome(SEED_RULES['000'], d('2016-05-18'), 'member', d('2016-11-19'), 1)).toMatchObject({ effectiveOn: '2018-05-18', late: true });
  });

  it('has no way out for a party the agreement gives none (seed 004: only members exit)', () => {
    expect(exitOutcome(SEED_RULES['004'], d('2025-01-01'), 'provider', d('2025-03-01'))).toBeNull();
  });

  it('ends for breach N months after an unanswered formal notice (seeds 001, 002)', () => {
    expect(breachEffectiveDate(SEED_RULES['001'], d('2026-08-31'))).toBe('2026-11-30');
    expect(breachEffectiveDate(SEED_RULES['000'], d('2026-08-31'))).toBeNull();
  });
});

describe('calendar of legal dates', () => {
  const dates = (seed: keyof typeof SEED_RULES, effective: string, asOf: string, until: string) =>
    legalDeadlines(SEED_RULES[seed], d(effective), d(asOf), d(until)).map((x) => [x.date, x.kind, x.party ?? null]);

  it('seed 000: expiry, express renewal letter and last day to give notice', () => {
    expect(dates('000', '2016-05-18', '2016-05-18', '2017-05-31')).toEqual([
      ['2016-11-18', 'notice', 'member'],
      ['2016-11-18', 'notice', 'provider'],
      ['2017-04-18', 'renewal_letter', null],
      ['2017-05-17', 'expiry', null],
    ]);
  });

  it('seed 002: review every 2 years and the member’s yearly notice deadline', () => {
    expect(dates('002', '2025-09-15', '2026-01-01', '2027-12-31')).toEqual([
      ['2026-06-15', 'notice', 'member'],
      ['2027-06-15', 'notice', 'member'],
      ['2027-09-14', 'expiry', null],
      ['2027-09-15', 'review', null],
    ]);
  });

  it('seed 004: renewed yearly until the last year of the mandate, notice by 30 June', () => {
    expect(dates('004', '2025-01-01', '2025-01-01', '2027-12-31')).toEqual([
      ['2025-06-30', 'notice', 'member'],
      ['2025-12-31', 'expiry', null],
      ['2026-06-30', 'notice', 'member'],
      ['2026-12-31', 'expiry', null],
    ]);
    expect(nextBoundary(SEED_RULES['004'], d('2025-01-01'), d('2026-03-01'))).toBe('2027-01-01');
    expect(nextBoundary(SEED_RULES['004'], d('2025-01-01'), d('2027-03-01'))).toBeNull();
  });

  it('seed 003: open-ended, only the 1 October deadlines', () => {
    expect(dates('003', '2024-08-01', '2025-01-01', '2026-12-31').filter(([, , p]) => p === 'member')).toEqual([
      ['2025-10-01', 'notice', 'member'],
      ['2026-10-01', 'notice', 'member'],
    ]);
  });

  it('clamps month ends: an agreement signed on 31 August has its notice on the last day of February', () => {
    const rules = { ...SEED_RULES['002'], exits: [{ parties: ['member' as Party], anchor: 'anniversary' as const, noticeMonths: 6, late: 'next_anchor' as const }] };
    const notice = legalDeadlines(rules, d('2025-08-31') as CivilDate, d('2025-09-01'), d('2026-08-31')).find((x) => x.kind === 'notice');
    expect(notice?.date).toBe('2026-02-28');
  });
});
