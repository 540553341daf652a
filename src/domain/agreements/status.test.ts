import { describe, expect, it } from 'vitest';
import { parseCivilDate as d } from '../civil-date.ts';
import { SEED_RULES } from './seed-rules.fixture.ts';
import { agreementStatus } from './status.ts';

describe('agreement status on a date', () => {
  it.each([
    ['004', {}, '2025-03-01', 'draft'],
    ['004', { signedOn: d('2024-12-18') }, '2024-12-20', 'signed'],
    ['004', { signedOn: d('2024-12-18') }, '2025-03-01', 'in_force'],
    // The last year of the municipal mandate: renewals stop at 31 December 2026.
    ['004', { signedOn: d('2024-12-18') }, '2026-01-01', 'ending'],
    ['004', { signedOn: d('2024-12-18') }, '2027-01-01', 'ended'],
    ['003', { openingRecordSignedOn: d('2024-07-10'), legalityReceivedOn: d('2024-07-01') }, '2030-01-01', 'in_force'],
    ['003', { openingRecordSignedOn: d('2024-07-10') }, '2024-09-01', 'signed'],
    // Seed 000 is renewed only by letter: without a recorded renewal it ended on 17 May 2017.
    ['000', { signedOn: d('2016-05-18') }, '2016-12-01', 'ending'],
    ['000', { signedOn: d('2016-05-18') }, '2017-05-18', 'ended'],
    ['000', { signedOn: d('2016-05-18'), expressRenewals: 10 }, '2026-01-01', 'in_force'],
    ['000', { signedOn: d('2016-05-18'), expressRenewals: 10 }, '2026-11-22', 'ending'],
  ] as const)('seed %s %o on %s is %s', (seed, facts, asOf, status) => {
    expect(agreementStatus(SEED_RULES[seed], facts, d(asOf))).toBe(status);
  });
});
