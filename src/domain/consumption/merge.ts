import type { YearUnits } from './file-checks.ts';

/** A stored year of snapshots: `units[0..11]`, null for a month without snapshot. */
export interface StoredYear {
  organisationId: string;
  line: string;
  optionsKey: string;
  year: number;
  units: (number | null)[];
}

export interface YearWrite {
  organisationId: string;
  line: string;
  optionsKey: string;
  year: number;
  units: (number | null)[];
  /** The stored year this one replaces. */
  replaces: StoredYear | null;
  /** A stored value changes (not only months added): the stored year goes to history first. */
  corrects: boolean;
}

export interface WritePlan {
  inserts: YearWrite[];
  updates: YearWrite[];
  /** Counted in months, like the file's rows. */
  created: number;
  updated: number;
  unchanged: number;
}

export const yearKey = (y: { organisationId: string; line: string; optionsKey: string; year: number }) => `${y.organisationId}|${y.line}|${y.optionsKey}|${y.year}`;

/**
 * What an import changes: the file's months replace the stored ones, months it leaves out keep theirs. A
 * month equal to what is stored is unchanged; a year whose months all match is not written at all, so
 * importing the same file twice writes nothing.
 */
export function planWrite(incoming: Iterable<YearUnits>, stored: ReadonlyMap<string, StoredYear>): WritePlan {
  const plan: WritePlan = { inserts: [], updates: [], created: 0, updated: 0, unchanged: 0 };
  for (const year of incoming) {
    const previous = stored.get(yearKey(year)) ?? null;
    const units: (number | null)[] = new Array(12);
    let changed = false;
    let corrects = false;
    for (let m = 0; m < 12; m++) {
      const value = year.units[m]!;
      const before = previous?.units[m] ?? null;
      if (value < 0) {
        units[m] = before;
        continue;
      }
      units[m] = value;
      if (before === null) {
        plan.created++;
        changed = true;
      } else if (before === value) plan.unchanged++;
      else {
        plan.updated++;
        changed = true;
        corrects = true;
      }
    }
    if (!changed) continue;
    const write = { organisationId: year.organisationId, line: year.line, optionsKey: year.optionsKey, year: year.year, units, replaces: previous, corrects };
    (previous ? plan.updates : plan.inserts).push(write);
  }
  return plan;
}
