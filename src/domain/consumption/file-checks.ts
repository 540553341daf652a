import { formatCivilDateFr, type CivilDate } from '../civil-date.ts';
import type { RowError, SnapshotRow } from './snapshot-row.ts';

/** When a member had a line open: from its opening record, until the day its withdrawal took effect. */
export interface OpenPeriod {
  openedOn: CivilDate;
  withdrawnOn: CivilDate | null;
}

export const coverageKey = (organisationId: string, line: string, optionsKey: string) => `${organisationId}|${line}|${optionsKey}`;

/** Months counted from year 0: a month is open if opened ≤ its last day and withdrawn after its first day. */
const monthIndex = (date: CivilDate) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
interface Coverage {
  /** [first open month, first closed month) per period; a withdrawal on the 1st closes that month. */
  ranges: [number, number][];
  periods: OpenPeriod[];
}

/** One member, line, options and year: units per month (−1 = none yet) and the file row that gave each. */
export interface YearUnits {
  organisationId: string;
  line: string;
  optionsKey: string;
  year: number;
  units: Int32Array;
  rows: Int32Array;
}

/**
 * The checks a snapshot file needs across its rows, fed one row at a time so a file of millions of rows
 * streams: the member is one of the provider's, the line was open that month, and no (member, line,
 * options, month) appears twice. Valid rows are gathered by year, the way they are stored. Keys are numbers
 * (member index × service index × year) so that millions of lookups build no strings.
 */
export function createFileChecker(members: ReadonlyMap<string, string>, periods: ReadonlyMap<string, OpenPeriod[]>) {
  const organisationIds: string[] = [];
  const indexOfOrganisation = new Map<string, number>();
  const memberIndex = new Map<string, number>();
  for (const [identifier, organisationId] of members) {
    let index = indexOfOrganisation.get(organisationId);
    if (index === undefined) {
      index = organisationIds.push(organisationId) - 1;
      indexOfOrganisation.set(organisationId, index);
    }
    memberIndex.set(identifier, index);
  }
  const services: { line: string; optionsKey: string }[] = [];
  const serviceIndex = new Map<string, Map<string, number>>();
  const serviceOf = (line: string, optionsKey: string): number => {
    let byOptions = serviceIndex.get(line);
    if (!byOptions) serviceIndex.set(line, (byOptions = new Map()));
    let index = byOptions.get(optionsKey);
    if (index === undefined) {
      index = services.push({ line, optionsKey }) - 1;
      byOptions.set(optionsKey, index);
    }
    return index;
  };
  const SERVICES = 4096;
  const coverage = new Map<number, Coverage>();
  for (const [key, list] of periods) {
    const [organisationId, line, optionsKey] = key.split('|') as [string, string, string];
    const organisation = indexOfOrganisation.get(organisationId);
    if (organisation === undefined) continue;
    coverage.set(organisation * SERVICES + serviceOf(line, optionsKey), {
      periods: list,
      ranges: list.map((p) => [monthIndex(p.openedOn), p.withdrawnOn ? monthIndex(p.withdrawnOn) + (p.withdrawnOn.endsWith('-01') ? 0 : 1) : Number.MAX_SAFE_INTEGER]),
    });
  }
  const months = new Map<string, number>();
  const years = new Map<number, YearUnits>();
  return {
    check(row: SnapshotRow, rowNumber: number): RowError[] | null {
      const organisation = memberIndex.get(row.member);
      if (organisation === undefined) return [{ row: rowNumber, column: 'member', message: `« ${row.member} » n'est pas un adhérent de ce fournisseur (SIREN ou code INSEE attendu)` }];
      const key = organisation * SERVICES + serviceOf(row.line, row.optionsKey);
      let month = months.get(row.month);
      if (month === undefined) months.set(row.month, (month = monthIndex(row.month)));
      const open = coverage.get(key);
      const errors: RowError[] = [];
      if (!open?.ranges.some(([from, to]) => month >= from && month < to)) {
        const when = open ? ` (ouverte du ${open.periods.map((p) => `${formatCivilDateFr(p.openedOn)}${p.withdrawnOn ? ` au ${formatCivilDateFr(p.withdrawnOn)}` : ''}`).join(', ')})` : '';
        errors.push({ row: rowNumber, column: 'month', message: `aucune souscription ouverte de ${row.line}${row.optionsKey ? ` (${row.optionsKey})` : ''} pour cet adhérent en ${formatCivilDateFr(row.month).slice(3)}${when}` });
      }
      const year = Math.floor(month / 12);
      const yearKey = key * 4096 + (year % 4096);
      let entry = years.get(yearKey);
      if (!entry) {
        entry = { organisationId: organisationIds[organisation]!, line: row.line, optionsKey: row.optionsKey, year, units: new Int32Array(12).fill(-1), rows: new Int32Array(12) };
        years.set(yearKey, entry);
      }
      const slot = month % 12;
      if (entry.units[slot] !== -1) errors.push({ row: rowNumber, column: 'ligne', message: `doublon de la ligne ${entry.rows[slot]} (même adhérent, service, options et mois)` });
      if (errors.length) return errors;
      entry.units[slot] = row.units;
      entry.rows[slot] = rowNumber;
      return null;
    },
    /** The valid rows gathered by member, line, options and year. */
    years(): IterableIterator<YearUnits> {
      return years.values();
    },
  };
}
