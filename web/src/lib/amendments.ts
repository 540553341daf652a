import type { AmendmentView } from '../shared.ts';

export type AmendmentStatus = AmendmentView['status'];

/** Amendment statuses said in words (the badge's colour only repeats them). */
export const AMENDMENT_STATUSES: Record<AmendmentStatus, { label: string; tone: 'neutral' | 'success' | 'warning' | 'muted' | 'info' }> = {
  pending: { label: "En attente d'approbation", tone: 'warning' },
  approved: { label: 'Approuvé, effet à venir', tone: 'info' },
  in_effect: { label: 'En vigueur', tone: 'success' },
  lapsed: { label: 'Caduc', tone: 'muted' },
  rejected: { label: 'Rejeté', tone: 'neutral' },
};

/** The parties whose approval is required and not given yet. */
export function missingApprovals(amendment: AmendmentView): AmendmentView['approvals'] {
  return amendment.approvals.filter((a) => a.required && !a.approvedOn);
}

/** A textarea read as a list: one item a line, blank lines dropped. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
