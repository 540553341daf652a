import { describe, expect, it } from 'vitest';
import type { CivilDate } from '../civil-date.ts';
import { billableMonths, monthsText } from './months.ts';

const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const d = (s: string) => s as CivilDate;

describe('billable months of a year', () => {
  it.each([
    ['2025-04-01', null, false, [4, 5, 6, 7, 8, 9, 10, 11, 12]],
    ['2025-03-15', null, false, [4, 5, 6, 7, 8, 9, 10, 11, 12]],
    ['2025-03-15', null, true, [3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
    ['2024-06-01', '2025-03-01', false, [1, 2]],
    ['2024-06-01', '2025-03-10', true, [1, 2, 3]],
    ['2024-06-01', '2025-03-10', false, [1, 2]],
    ['2026-01-01', null, false, []],
  ] as const)('from %s before %s (partial months count: %s)', (from, before, partial, expected) => {
    expect(billableMonths(2025, ALL, d(from), before ? d(before) : null, partial)).toEqual(expected);
  });

  it('names the months in French', () => {
    expect(monthsText(2026, [1, 2, 3, 4, 5, 6])).toBe('janvier–juin 2026');
    expect(monthsText(2026, [4])).toBe('avril 2026');
    expect(monthsText(2026, [1, 3])).toBe('janvier, mars 2026');
  });
});
