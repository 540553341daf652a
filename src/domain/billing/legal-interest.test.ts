import { describe, expect, it } from 'vitest';
import type { CivilDate } from '../civil-date.ts';
import { cents } from '../money.ts';
import { legalInterest } from './legal-interest.ts';
import { LEGAL_RATES } from './legal-rates.ts';

const d = (s: string) => s as CivilDate;

describe('late-payment interest at the legal rate (seed 002 art. 4.2)', () => {
  it('counts each half-year at its own rate and rounds once', () => {
    // 1,000 € due 15 June 2025, paid 14 August: 15 days at 3.71 %, then 45 days at 2.76 %.
    const result = legalInterest(cents(100_000), d('2025-06-15'), d('2025-08-14'), LEGAL_RATES);
    expect(result).toEqual({
      ok: true,
      interest: 493,
      segments: [
        { from: '2025-06-16', to: '2025-06-30', days: 15, rateBasisPoints: 371 },
        { from: '2025-07-01', to: '2025-08-14', days: 45, rateBasisPoints: 276 },
      ],
    });
  });

  it('owes nothing when paid by the due date', () => {
    expect(legalInterest(cents(100_000), d('2025-06-15'), d('2025-06-15'), LEGAL_RATES)).toEqual({ ok: true, interest: 0, segments: [] });
  });

  it('says which half-year has no published rate rather than guessing', () => {
    expect(legalInterest(cents(100_000), d('2026-05-31'), d('2026-08-01'), LEGAL_RATES)).toEqual({ ok: false, message: "taux de l'intérêt légal du 2e semestre 2026 non enregistré" });
  });

  it('keeps one rate per half-year, each from the 1st of January or July', () => {
    for (const rate of LEGAL_RATES) expect(rate.from.slice(5)).toMatch(/^(01-01|07-01)$/);
    expect(new Set(LEGAL_RATES.map((r) => r.from)).size).toBe(LEGAL_RATES.length);
  });
});
