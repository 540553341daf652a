import { addDays, compareCivilDates, daysBetween, partsOf, type CivilDate } from '../civil-date.ts';
import { multiplyRounded, type Cents } from '../money.ts';
import type { LegalRate } from './legal-rates.ts';

/**
 * Late-payment interest at the legal rate from the due date (seed 002 art. 4.2 "les sommes dues […] porteront
 * intérêt au taux légal à compter de la date d'échéance"): each half-year's days at that half-year's rate, on
 * a 365-day year, summed exactly and rounded once. A half-year without a published rate is reported, not guessed.
 */
export interface InterestSegment {
  from: CivilDate;
  /** Last day counted (inclusive). */
  to: CivilDate;
  days: number;
  rateBasisPoints: number;
}

export type InterestResult = { ok: true; interest: Cents; segments: InterestSegment[] } | { ok: false; message: string };

const halfYearEnd = (date: CivilDate): CivilDate => {
  const { year, month } = partsOf(date);
  return (month <= 6 ? `${year}-06-30` : `${year}-12-31`) as CivilDate;
};

/** Interest on `principal` for the days after `dueOn` up to and including `paidOn` (or the date asked). */
export function legalInterest(principal: Cents, dueOn: CivilDate, until: CivilDate, rates: readonly LegalRate[]): InterestResult {
  if (compareCivilDates(until, dueOn) <= 0 || principal <= 0) return { ok: true, interest: 0 as Cents, segments: [] };
  const segments: InterestSegment[] = [];
  let numerator = 0;
  for (let from = addDays(dueOn, 1); compareCivilDates(from, until) <= 0; ) {
    const end = halfYearEnd(from);
    const to = compareCivilDates(end, until) < 0 ? end : until;
    const { year, month } = partsOf(from);
    const halfStart = `${year}-${month <= 6 ? '01' : '07'}-01`;
    const rate = rates.find((r) => r.from === halfStart);
    if (!rate) return { ok: false, message: `taux de l'intérêt légal du ${month <= 6 ? '1er' : '2e'} semestre ${year} non enregistré` };
    const days = daysBetween(from, to) + 1;
    segments.push({ from, to, days, rateBasisPoints: rate.rateBasisPoints });
    numerator += days * rate.rateBasisPoints;
    from = addDays(to, 1);
  }
  return { ok: true, interest: multiplyRounded(principal, numerator, 10_000 * 365), segments };
}
