import { describe, expect, it } from 'vitest';
import { parseCivilDate } from '../civil-date.ts';
import { parseEuros } from '../money.ts';
import { computeUnitCost, unitCostChangeInTime, unitCostNoticeDeadline } from './unit-cost.ts';

describe('unit cost (CGCT D5211-16, seed 001 art. 5.1)', () => {
  it('divides the charges by the forecast units and keeps the breakdown', () => {
    const result = computeUnitCost({
      charges: [
        { nature: 'licences', amount: parseEuros('12000.00') },
        { nature: 'staff', amount: parseEuros('30000.00') },
        { nature: 'flows', amount: parseEuros('1000.00') },
        { nature: 'staff', amount: parseEuros('500.00') },
      ],
      forecastUnits: 3000,
    });
    expect(result.total).toBe(4_350_000);
    expect(result.unitCost).toBe(1450);
    expect(result.perUnitByNature).toEqual([
      { nature: 'licences', amount: 1_200_000, perUnit: 400 },
      { nature: 'staff', amount: 3_050_000, perUnit: 1017 },
      { nature: 'flows', amount: 100_000, perUnit: 33 },
    ]);
  });

  it('refuses zero or fractional forecast units', () => {
    expect(() => computeUnitCost({ charges: [], forecastUnits: 0 })).toThrow(/entier positif/);
    expect(() => computeUnitCost({ charges: [], forecastUnits: 1.5 })).toThrow(/entier positif/);
  });

  it('requires 3 months of notice before the budget is adopted', () => {
    const budget = parseCivilDate('2026-03-31');
    expect(unitCostNoticeDeadline(budget, 3)).toBe('2025-12-31');
    expect(unitCostChangeInTime(parseCivilDate('2025-12-31'), budget, 3)).toBe(true);
    expect(unitCostChangeInTime(parseCivilDate('2026-01-01'), budget, 3)).toBe(false);
    // Clamped month arithmetic: 31 May − 3 months = 28 February.
    expect(unitCostNoticeDeadline(parseCivilDate('2026-05-31'), 3)).toBe('2026-02-28');
  });
});
