import { compareCivilDates, formatCivilDateFr, type CivilDate } from '../civil-date.ts';
import { monthEnd, type RowError, type SnapshotRow } from './snapshot-row.ts';

/** When a member had a line open: from its opening record, until the day its withdrawal took effect. */
export interface OpenPeriod {
  openedOn: CivilDate;
  withdrawnOn: CivilDate | null;
}

export const coverageKey = (organisationId: string, line: string, optionsKey: string) => `${organisationId}|${line}|${optionsKey}`;

const monthIndex = (month: CivilDate) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
// Month index and row packed in one number: 4.2 million rows stay a few dozen MB, not millions of objects.
const ROW_SPACE = 2 ** 26;

/**
 * The checks a snapshot file needs across its rows, fed one row at a time so a file of millions of rows
 * streams: the member is one of the provider's, the line was open that month, and no (member, line,
 * options, month) appears twice.
 */
export function createFileChecker(members: ReadonlyMap<string, string>, coverage: ReadonlyMap<string, OpenPeriod[]>) {
  const seen = new Map<string, number[]>();
  return {
    check(row: SnapshotRow, rowNumber: number): { ok: true; organisationId: string } | { ok: false; errors: RowError[] } {
      const organisationId = members.get(row.member);
      if (!organisationId) return { ok: false, errors: [{ row: rowNumber, column: 'member', message: `« ${row.member} » n'est pas un adhérent de ce fournisseur (SIREN ou code INSEE attendu)` }] };
      const key = coverageKey(organisationId, row.line, row.optionsKey);
      const periods = coverage.get(key) ?? [];
      const first = row.month;
      const covered = periods.some((p) => compareCivilDates(p.openedOn, monthEnd(first)) <= 0 && (!p.withdrawnOn || compareCivilDates(p.withdrawnOn, first) > 0));
      const errors: RowError[] = [];
      if (!covered) {
        const month = formatCivilDateFr(first).slice(3);
        const when = periods.length ? ` (ouverte du ${periods.map((p) => `${formatCivilDateFr(p.openedOn)}${p.withdrawnOn ? ` au ${formatCivilDateFr(p.withdrawnOn)}` : ''}`).join(', ')})` : '';
        errors.push({ row: rowNumber, column: 'month', message: `aucune souscription ouverte de ${row.line}${row.optionsKey ? ` (${row.optionsKey})` : ''} pour cet adhérent en ${month}${when}` });
      }
      const index = monthIndex(first);
      const packed = seen.get(key);
      const previous = packed?.find((p) => Math.floor(p / ROW_SPACE) === index);
      if (previous !== undefined) errors.push({ row: rowNumber, column: 'ligne', message: `doublon de la ligne ${previous % ROW_SPACE} (même adhérent, service, options et mois)` });
      else if (packed) packed.push(index * ROW_SPACE + rowNumber);
      else seen.set(key, [index * ROW_SPACE + rowNumber]);
      return errors.length ? { ok: false, errors } : { ok: true, organisationId };
    },
  };
}
