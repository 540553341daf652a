/**
 * A charge shared once across several categories. Seed 004 annex 5: the membership base + network
 * connection "n'est à appliquer qu'une seule fois pour les catégories 1 ou 3 souscrites": a workstation
 * managed (category 1) and hosted (category 3) pays the base once. The quantity charged is therefore the
 * largest quantity among the lines that trigger it, not their sum.
 */
export interface SharedChargeRule {
  /** The line that carries the charge (e.g. the membership base). */
  chargeLine: string;
  /** Lines whose subscription brings the charge, counted on the same units (workstations). */
  triggeredBy: string[];
}

export function sharedChargeQuantity(rule: SharedChargeRule, quantities: ReadonlyMap<string, number>): number {
  let quantity = quantities.get(rule.chargeLine) ?? 0;
  for (const line of rule.triggeredBy) quantity = Math.max(quantity, quantities.get(line) ?? 0);
  return quantity;
}
