import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, civilDateError, compareCivilDates, firstDayOfNextMonth, formatCivilDateFr, formatCivilDateLongFr, parseCivilDate } from './civil-date.ts';

const d = parseCivilDate;

describe('civil dates', () => {
  it.each([
    ['2025-08-31', 6, '2026-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-01-01', -1, '2024-12-01'],
    ['2021-11-30', 48, '2025-11-30'],
    ['2024-10-31', -3, '2024-07-31'],
  ])('%s + %i months = %s (clamped at month end)', (from, months, expected) => {
    expect(addMonths(d(from), months)).toBe(expected);
  });

  it.each([
    ['2025-02-29', "le jour 29 n'existe pas en 2025-02"],
    ['2025-13-01', 'mois 13 invalide'],
    ['25-01-01', 'attendu au format AAAA-MM-JJ'],
    ['2024-02-29', null],
  ])('validates %s', (value, error) => {
    expect(civilDateError(value)).toBe(error);
  });

  it('throws a French message naming the bad value', () => {
    expect(() => parseCivilDate('2023-04-31')).toThrow('« 2023-04-31 »');
  });

  it('adds days across years and compares', () => {
    expect(addDays(d('2024-12-31'), 1)).toBe('2025-01-01');
    expect(addDays(d('2024-03-01'), -1)).toBe('2024-02-29');
    expect(addDays(d('2000-02-28'), 1)).toBe('2000-02-29');
    expect(addDays(d('1900-02-28'), 1)).toBe('1900-03-01');
    expect(addDays(d('2026-01-01'), 365)).toBe('2027-01-01');
    expect(daysBetween(d('2024-01-01'), d('2025-01-01'))).toBe(366);
    expect(daysBetween(d('2025-03-01'), d('2025-02-01'))).toBe(-28);
    expect(compareCivilDates(d('2024-01-02'), d('2024-01-10'))).toBe(-1);
    expect(firstDayOfNextMonth(d('2024-12-18'))).toBe('2025-01-01');
    expect(formatCivilDateFr(d('2024-12-18'))).toBe('18/12/2024');
    expect(formatCivilDateLongFr(d('2016-05-18'))).toBe('18 mai 2016');
    expect(formatCivilDateLongFr(d('2025-01-01'))).toBe('1er janvier 2025');
  });
});
