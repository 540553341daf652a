import type { z } from 'zod';
import { parseEuros, type gridComparisonSchema } from '../shared.ts';
import { formatInteger } from './format.ts';

/** How a price changed between two versions of a grid, in words and a symbol (never by colour alone). */

export type Comparison = z.infer<typeof gridComparisonSchema>;
export type ComparisonRow = Comparison['rows'][number];
export type Change = ComparisonRow['change'];

export const CHANGES: Record<Change, { symbol: string; label: string }> = {
  same: { symbol: '=', label: 'Inchangé' },
  changed: { symbol: '≠', label: 'Modifié' },
  added: { symbol: '+', label: 'Ajouté' },
  removed: { symbol: '−', label: 'Supprimé' },
};

/** The change of a row; a changed price also says whether it went up or down. */
export function changeOf(row: ComparisonRow): { symbol: string; label: string } {
  if (row.change === 'changed' && row.annualDelta !== null) {
    const delta = parseEuros(row.annualDelta);
    if (delta > 0) return { symbol: '▲', label: 'Modifié (hausse)' };
    if (delta < 0) return { symbol: '▼', label: 'Modifié (baisse)' };
  }
  return CHANGES[row.change];
}

/** « 1 modifié, 2 ajoutés »: how many prices of each kind of change, the kinds with none left out. */
export function changeCountsText(rows: readonly ComparisonRow[]): string {
  return (['changed', 'added', 'removed', 'same'] as const)
    .map((c) => [c, rows.filter((r) => r.change === c).length] as const)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${formatInteger(n)} ${CHANGES[c].label.toLowerCase()}${n > 1 ? 's' : ''}`)
    .join(', ');
}
