import { describe, expect, it } from 'vitest';
import { parseCivilDate as d } from '../civil-date.ts';
import { monthDayError, occurrences } from './obligations.ts';

describe('recurring obligations of an agreement', () => {
  it('seed 004: wishes for next year by June, strategic committee every half-year', () => {
    expect(occurrences({ kind: 'yearly', label: 'Vœux', monthDay: '06-30' }, d('2025-01-01'), d('2025-01-01'), d('2026-12-31')).map((o) => o.date)).toEqual(['2025-06-30', '2026-06-30']);
    expect(occurrences({ kind: 'every_months', label: 'Comité stratégique', months: 6 }, d('2025-01-01'), d('2025-01-01'), d('2026-01-31')).map((o) => o.date)).toEqual(['2025-07-01', '2026-01-01']);
  });

  it('seed 003: the catalogue vote window, 1 January–31 March', () => {
    expect(occurrences({ kind: 'yearly_window', label: 'Vote du catalogue', from: '01-01', to: '03-31' }, d('2024-08-01'), d('2025-01-01'), d('2025-12-31'))).toEqual([
      { date: '2025-01-01', until: '2025-03-31', label: 'Vote du catalogue' },
    ]);
  });

  it('clamps 29 February in common years and checks month-days', () => {
    expect(occurrences({ kind: 'yearly', label: 'x', monthDay: '02-29' }, d('2024-01-01'), d('2025-01-01'), d('2025-12-31'))[0]?.date).toBe('2025-02-28');
    expect(monthDayError('13-01')).toBe("le 13-01 n'existe pas");
    expect(monthDayError('6-30')).toBe('attendu au format MM-JJ (ex. 06-30)');
  });

  it('starts nothing before the agreement takes effect', () => {
    expect(occurrences({ kind: 'yearly', label: 'x', monthDay: '06-30' }, d('2025-08-01'), d('2025-01-01'), d('2025-12-31'))).toEqual([]);
  });
});
