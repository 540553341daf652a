import { describe, expect, it } from 'vitest';
import { parseCivilDate as d } from '../civil-date.ts';
import { amendmentOutcome, requiredApprovers, type AmendmentParty } from './amendments.ts';
import { SEED_RULES } from './seed-rules.fixture.ts';

const provider: AmendmentParty = { organisationId: 'P', role: 'provider' };
const m1: AmendmentParty = { organisationId: 'M1', role: 'member' };
const m2: AmendmentParty = { organisationId: 'M2', role: 'member' };
const approvals = (...list: [string, string][]) => list.map(([organisationId, on]) => ({ organisationId, approvedOn: d(on) }));

describe('who approves an amendment', () => {
  it('every party when the agreement says the parties sign it (seed 002 art. 7)', () => {
    expect(requiredApprovers(SEED_RULES['002'].amendments!, [provider, m1])).toEqual(['P', 'M1']);
  });
  it('each member after the provider proposed it (seed 003 art. 6, seed 004 unanimity)', () => {
    expect(requiredApprovers(SEED_RULES['004'].amendments!, [provider, m1, m2])).toEqual(['M1', 'M2']);
  });
});

describe('amendment outcome', () => {
  it.each([
    // Seed 003 art. 6: effect on the group's approval, which must come within 6 months of the coordinator's deliberation.
    ['003', '2025-01-10', approvals(['M1', '2025-03-01'], ['M2', '2025-04-15']), '2025-05-01', 'in_effect', '2025-04-15', '2025-07-10'],
    ['003', '2025-01-10', approvals(['M1', '2025-03-01']), '2025-05-01', 'pending', null, '2025-07-10'],
    // 31 August + 6 months clamps to the end of February.
    ['003', '2025-08-31', approvals(['M1', '2025-09-01']), '2026-03-01', 'lapsed', null, '2026-02-28'],
    // An approval after the deadline does not count.
    ['003', '2025-01-10', approvals(['M1', '2025-03-01'], ['M2', '2025-07-11']), '2025-08-01', 'lapsed', null, '2025-07-10'],
    // Seed 000 art. 5: effect at the next expiry (signed 2016-05-18: periods start each 18 May).
    ['000', '2025-01-10', approvals(['P', '2025-02-01'], ['M1', '2025-02-03'], ['M2', '2025-02-03']), '2025-03-01', 'approved', '2025-05-18', null],
    ['000', '2025-01-10', approvals(['P', '2025-02-01'], ['M1', '2025-02-03'], ['M2', '2025-02-03']), '2025-05-18', 'in_effect', '2025-05-18', null],
    // Seed 004: unanimity of the members, effect on approval.
    ['004', '2025-03-01', approvals(['M1', '2025-03-20'], ['M2', '2025-03-25']), '2025-03-24', 'pending', null, null],
    ['004', '2025-03-01', approvals(['M1', '2025-03-20'], ['M2', '2025-03-25']), '2025-03-25', 'in_effect', '2025-03-25', null],
  ] as const)('seed %s proposed %s, approvals %j, on %s: %s from %s (deadline %s)', (seed, proposedOn, given, asOf, status, takesEffectOn, deadline) => {
    const effective = seed === '000' ? d('2016-05-18') : seed === '004' ? d('2025-01-01') : d('2024-08-01');
    const outcome = amendmentOutcome(SEED_RULES[seed], effective, [provider, m1, m2], { proposedOn: d(proposedOn), approvals: [...given] }, d(asOf));
    expect(outcome.status).toBe(status);
    expect(outcome.takesEffectOn).toBe(status === 'pending' || status === 'lapsed' ? null : takesEffectOn);
    expect(outcome.approvalDeadline).toBe(deadline);
  });

  it('names the approvals still missing', () => {
    const outcome = amendmentOutcome(SEED_RULES['004'], d('2025-01-01'), [provider, m1, m2], { proposedOn: d('2025-03-01'), approvals: approvals(['M2', '2025-03-02']) }, d('2025-03-05'));
    expect(outcome.missingApprovals).toEqual(['M1']);
    expect(outcome.explanation).toContain('1 approbation');
  });

  it('waits for the date a partial exit takes effect (seed 004 art. 13)', () => {
    const outcome = amendmentOutcome(SEED_RULES['004'], d('2025-01-01'), [provider, m1], { proposedOn: d('2025-05-01'), notBefore: d('2026-01-01'), approvals: approvals(['M1', '2025-06-01']) }, d('2025-07-01'));
    expect(outcome).toMatchObject({ status: 'approved', approvedOn: '2025-06-01', takesEffectOn: '2026-01-01' });
  });

  it('a rejection ends it', () => {
    const outcome = amendmentOutcome(SEED_RULES['004'], d('2025-01-01'), [provider, m1], { proposedOn: d('2025-05-01'), approvals: [], rejectedOn: d('2025-05-10') }, d('2025-07-01'));
    expect(outcome.status).toBe('rejected');
  });
});
