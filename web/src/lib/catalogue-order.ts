import { nodeKey, type CatalogueView } from '../shared.ts';

/** The catalogue's reading order: each category, then the lines of that category. */

/** The lines of a category, in the catalogue's order. */
export function linesOf<L extends { category: string }>(view: { lines: readonly L[] }, category: string): L[] {
  return view.lines.filter((l) => l.category === category);
}

/**
 * The declared prerequisites grouped by what needs them (keyed by its node key), the groups and the
 * prerequisites within each in the catalogue's reading order.
 */
export function dependenciesBySubject(view: CatalogueView): Map<string, CatalogueView['dependencies']> {
  const order = new Map<string, number>();
  view.categories.forEach((c) => {
    order.set(nodeKey({ category: c.code }), order.size);
    linesOf(view, c.code).forEach((l) => order.set(nodeKey({ line: l.code }), order.size));
  });
  const rank = (key: string) => order.get(key) ?? Number.MAX_SAFE_INTEGER;
  const groups = new Map<string, CatalogueView['dependencies']>();
  for (const d of [...view.dependencies].sort((a, b) => rank(nodeKey(a.from)) - rank(nodeKey(b.from)) || rank(nodeKey(a.requires)) - rank(nodeKey(b.requires)))) {
    groups.set(nodeKey(d.from), [...(groups.get(nodeKey(d.from)) ?? []), d]);
  }
  return groups;
}
