import { describe, expect, it } from 'vitest';
import { monthsOf, periodBounds, periodError, periodLabelFr, periodOfMonth } from './periods.ts';

describe('reporting periods', () => {
  it.each([
    [{ kind: 'quarter', year: 2026, index: 1 }, [1, 2, 3], '2026-01-01', '2026-03-31', '1er trimestre 2026'],
    [{ kind: 'quarter', year: 2026, index: 4 }, [10, 11, 12], '2026-10-01', '2026-12-31', '4e trimestre 2026'],
    [{ kind: 'half', year: 2024, index: 1 }, [1, 2, 3, 4, 5, 6], '2024-01-01', '2024-06-30', '1er semestre 2024'],
    [{ kind: 'month', year: 2024, index: 2 }, [2], '2024-02-01', '2024-02-29', 'février 2024'],
    [{ kind: 'year', year: 2025, index: 1 }, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], '2025-01-01', '2025-12-31', 'année 2025'],
  ] as const)('%o covers its months and bounds', (period, months, from, to, label) => {
    expect(monthsOf(period)).toEqual(months);
    expect(periodBounds(period)).toEqual({ from, to });
    expect(periodLabelFr(period)).toBe(label);
  });

  it('finds the period of a month', () => {
    expect(periodOfMonth('quarter', 2026, 5)).toEqual({ kind: 'quarter', year: 2026, index: 2 });
    expect(periodOfMonth('half', 2026, 7)).toEqual({ kind: 'half', year: 2026, index: 2 });
  });

  it('says what is wrong with a period', () => {
    expect(periodError({ kind: 'quarter', year: 2026, index: 5 })).toBe('numéro de période 5 invalide (1 à 4)');
    expect(periodError({ kind: 'half', year: 1999, index: 1 })).toBe('année 1999 hors de 2000–2100');
    expect(periodError({ kind: 'half', year: 2026, index: 2 })).toBeNull();
  });
});
