import { describe, expect, it } from 'vitest';
import type { YearUnits } from './file-checks.ts';
import { planWrite, yearKey, type StoredYear } from './merge.ts';

const incoming = (units: number[], line = 'postes-n1'): YearUnits => ({ organisationId: 'LENS', line, optionsKey: '', year: 2025, units: Int32Array.from(units), rows: new Int32Array(12) });
const stored = (units: (number | null)[], line = 'postes-n1'): StoredYear => ({ organisationId: 'LENS', line, optionsKey: '', year: 2025, units });
const none = Array<number>(12).fill(-1);

describe('what an import writes', () => {
  it('inserts a new year and counts its months as created', () => {
    const plan = planWrite([incoming([30, 31, ...none.slice(2)])], new Map());
    expect(plan).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(plan.inserts[0]!.units).toEqual([30, 31, ...Array(10).fill(null)]);
  });

  it('adds months to a stored year without calling it a correction', () => {
    const existing = stored([30, ...Array(11).fill(null)]);
    const plan = planWrite([incoming([30, 31, ...none.slice(2)])], new Map([[yearKey(existing), existing]]));
    expect(plan).toMatchObject({ created: 1, unchanged: 1 });
    expect(plan.updates[0]).toMatchObject({ corrects: false, units: [30, 31, ...Array(10).fill(null)] });
  });

  it('writes nothing when every month matches', () => {
    const existing = stored([30, 31, ...Array(10).fill(null)]);
    const plan = planWrite([incoming([30, 31, ...none.slice(2)])], new Map([[yearKey(existing), existing]]));
    expect(plan).toMatchObject({ inserts: [], updates: [], created: 0, updated: 0, unchanged: 2 });
  });

  it('merges a correction with the months the file leaves out, keeping the year it replaces', () => {
    const existing = stored([30, 31, 32, ...Array(9).fill(null)]);
    const plan = planWrite([incoming([-1, 35, 32, 40, ...none.slice(4)])], new Map([[yearKey(existing), existing]]));
    expect(plan).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    expect(plan.updates[0]!.units).toEqual([30, 35, 32, 40, ...Array(8).fill(null)]);
    expect(plan.updates[0]).toMatchObject({ replaces: existing, corrects: true });
  });
});
