import { api } from '../api/endpoints.ts';
import type { z } from 'zod';
import type { gridSummarySchema } from '../shared.ts';
import { formatCivilDate } from './format.ts';
import { useResource } from './hooks.ts';

export type GridSummary = z.infer<typeof gridSummarySchema>;

/** The grid versions of a provider, latest effective date first. */
export function useGrids(providerId: string, generation = 0) {
  return useResource(async () => (await api.grids.list(providerId)).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom)), `grids-${providerId}-${generation}`);
}

export type GridState = 'in_force' | 'upcoming' | 'replaced';

/** In force (today), upcoming (after the one in force) or replaced (before it). */
export function gridState(grid: Pick<GridSummary, 'inForce' | 'effectiveFrom'>, all: readonly GridSummary[]): GridState {
  if (grid.inForce) return 'in_force';
  const current = all.find((g) => g.inForce);
  return !current || grid.effectiveFrom > current.effectiveFrom ? 'upcoming' : 'replaced';
}

export const GRID_STATES: Record<GridState, { label: string; tone: 'success' | 'info' | 'muted' }> = {
  in_force: { label: 'En vigueur', tone: 'success' },
  upcoming: { label: 'À venir', tone: 'info' },
  replaced: { label: 'Remplacée', tone: 'muted' },
};

export function deliberationText(deliberation: GridSummary['deliberation']): string | null {
  if (!deliberation) return null;
  return `${deliberation.organ}${deliberation.number ? `, délibération n° ${deliberation.number}` : ''}, du ${formatCivilDate(deliberation.date)}`;
}

/** Today in Paris, as a civil date (YYYY-MM-DD). */
export function todayInParis(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
}
