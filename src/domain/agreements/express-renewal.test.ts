import { describe, expect, it } from 'vitest';
import { parseCivilDate as d } from '../civil-date.ts';
import { expressRenewal } from './express-renewal.ts';
import { SEED_RULES } from './seed-rules.fixture.ts';

// Seed 000 art. 5: signed 2016-05-18, one year, renewed by a letter received one month before expiry.
const signed = d('2016-05-18');

describe('express renewal by letter (seed 000)', () => {
  it.each([
    [0, '2017-04-18', true, '2018-05-17'],
    [0, '2017-03-01', true, '2018-05-17'],
    [0, '2017-04-19', false, 'après le 18/04/2017'],
    [0, '2017-05-18', false, 'a pris fin le 17/05/2017'],
    [0, '2016-05-01', false, 'avant le début'],
    [9, '2026-04-18', true, '2027-05-17'],
  ] as const)('after %i renewals, a letter of %s: accepted %s (%s)', (renewals, on, accepted, detail) => {
    const decision = expressRenewal(SEED_RULES['000'], signed, renewals, d(on));
    expect(decision.accepted).toBe(accepted);
    if (decision.accepted) expect(decision.renewedUntil).toBe(detail);
    else expect(decision.reason).toContain(detail);
  });

  it('refuses agreements renewed tacitly', () => {
    expect(expressRenewal(SEED_RULES['004'], d('2025-01-01'), 0, d('2025-06-01'))).toMatchObject({ accepted: false });
  });
});
