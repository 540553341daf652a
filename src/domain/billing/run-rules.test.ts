import { describe, expect, it } from 'vitest';
import type { CivilDate } from '../civil-date.ts';
import { SEED_RULES } from '../agreements/seed-rules.fixture.ts';
import { dueDate, runBlockers, runPeriodKind, runWarnings } from './run-rules.ts';

const d = (s: string) => s as CivilDate;

describe('when a run may be issued', () => {
  it('bills seed 004 by half-year, in arrears', () => {
    const policy = SEED_RULES['004'].billing!;
    expect(runPeriodKind(policy, 'regular')).toBe('half');
    expect(runBlockers(policy, 'regular', { kind: 'half', year: 2026, index: 1 }, d('2026-07-01'))).toEqual([]);
    expect(runBlockers(policy, 'regular', { kind: 'half', year: 2026, index: 2 }, d('2026-11-22'))).toEqual(['facturation à terme échu : la période se termine le 2026-12-31, elle se facture à partir du lendemain']);
    expect(runBlockers(policy, 'regular', { kind: 'quarter', year: 2026, index: 1 }, d('2026-11-22'))).toEqual(['cette convention se facture par semestre']);
  });

  it('issues seed 003’s annual title between 1 January and 31 March of the next year, and says so when it is late', () => {
    const policy = SEED_RULES['003'].billing!;
    const year = { kind: 'year', year: 2025, index: 1 } as const;
    expect(runBlockers(policy, 'regular', year, d('2026-02-15'))).toEqual([]);
    expect(runWarnings(policy, 'regular', year, d('2026-02-15'))).toEqual([]);
    expect(runWarnings(policy, 'regular', year, d('2026-03-31'))).toEqual([]);
    // Late, the member still owes what it consumed: issued with a warning, not refused.
    expect(runBlockers(policy, 'regular', year, d('2026-04-01'))).toEqual([]);
    expect(runWarnings(policy, 'regular', year, d('2026-04-01'))).toEqual(["la convention prévoit l'émission entre le 2026-01-01 et le 2026-03-31 : ces titres sont émis en retard"]);
    // A window for a policy billed in advance opens in the period's own year: before it opens, nothing is issued.
    const advance = { ...policy, timing: 'advance' as const };
    expect(runBlockers(advance, 'regular', { kind: 'year', year: 2027, index: 1 }, d('2026-12-15'))).toEqual(["les titres de cette période s'émettent entre le 2027-01-01 et le 2027-03-31"]);
    expect(runWarnings(SEED_RULES['004'].billing!, 'regular', { kind: 'half', year: 2025, index: 1 }, d('2026-11-22'))).toEqual([]);
  });

  it('issues seed 000’s provisional title before the quarter ends and its true-up after', () => {
    const policy = SEED_RULES['000'].billing!;
    const q3 = { kind: 'quarter', year: 2016, index: 3 } as const;
    expect(runBlockers(policy, 'provisional', q3, d('2016-07-01'))).toEqual([]);
    expect(runBlockers(policy, 'provisional', q3, d('2016-10-01'))).toEqual(["la période s'est terminée le 2016-09-30 : émettez la régularisation"]);
    expect(runBlockers(policy, 'true_up', q3, d('2016-10-01'))).toEqual([]);
    expect(runBlockers(policy, 'penalty_order', { kind: 'year', year: 2016, index: 1 }, d('2017-01-02'))).toEqual([]);
    expect(runBlockers(SEED_RULES['004'].billing!, 'provisional', q3, d('2016-07-01'))).toContain("cette convention n'émet pas de titres prévisionnels");
  });

  it('needs a billing policy', () => {
    expect(runBlockers(undefined, 'regular', { kind: 'year', year: 2025, index: 1 }, d('2026-01-10'))[0]).toContain("n'a pas de règle de facturation");
  });

  it('sets the due date from the policy (seed 000: within the month)', () => {
    expect(dueDate(SEED_RULES['000'].billing!, d('2016-07-01'))).toBe('2016-08-01');
    expect(dueDate(SEED_RULES['004'].billing!, d('2026-07-01'))).toBeNull();
  });
});
