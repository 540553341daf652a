import type { CivilDate } from '../civil-date.ts';

/**
 * The legal interest rate "pour tous les autres cas" (creditors other than private persons: a public body is
 * one), fixed each half-year by ministerial order (Code monétaire et financier L. 313-2, D. 313-1-A), in basis
 * points (2.62 % = 262). Data, not code: a new half-year is one more row. Seed 002 art. 4.2: late payment
 * bears legal interest from the due date.
 */
export interface LegalRate {
  from: CivilDate;
  rateBasisPoints: number;
  /** The order that fixed it. */
  source: string;
}

export const LEGAL_RATES: readonly LegalRate[] = [
  { from: '2019-01-01' as CivilDate, rateBasisPoints: 86, source: 'arrêté du 21 décembre 2018' },
  { from: '2019-07-01' as CivilDate, rateBasisPoints: 87, source: 'arrêté du 25 juin 2019' },
  { from: '2020-01-01' as CivilDate, rateBasisPoints: 87, source: 'arrêté du 23 décembre 2019' },
  { from: '2020-07-01' as CivilDate, rateBasisPoints: 84, source: 'arrêté du 24 juin 2020' },
  { from: '2021-01-01' as CivilDate, rateBasisPoints: 79, source: 'arrêté du 14 décembre 2020' },
  { from: '2021-07-01' as CivilDate, rateBasisPoints: 76, source: 'arrêté du 15 juin 2021' },
  { from: '2022-01-01' as CivilDate, rateBasisPoints: 76, source: 'arrêté du 13 décembre 2021' },
  { from: '2022-07-01' as CivilDate, rateBasisPoints: 77, source: 'arrêté du 21 juin 2022' },
  { from: '2023-01-01' as CivilDate, rateBasisPoints: 206, source: 'arrêté du 22 décembre 2022' },
  { from: '2023-07-01' as CivilDate, rateBasisPoints: 422, source: 'arrêté du 27 juin 2023' },
  { from: '2024-01-01' as CivilDate, rateBasisPoints: 507, source: 'arrêté du 21 décembre 2023' },
  { from: '2024-07-01' as CivilDate, rateBasisPoints: 492, source: 'arrêté du 26 juin 2024' },
  { from: '2025-01-01' as CivilDate, rateBasisPoints: 371, source: 'arrêté du 17 décembre 2024' },
  { from: '2025-07-01' as CivilDate, rateBasisPoints: 276, source: 'arrêté du 19 juin 2025' },
  { from: '2026-01-01' as CivilDate, rateBasisPoints: 262, source: 'arrêté du 15 décembre 2025' },
];
