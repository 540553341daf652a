import type { CatalogueDocument } from '../../contracts/catalogue.ts';
import { canonicalJson } from '../canonical-json.ts';

function mergeByKey<T>(current: readonly T[], incoming: readonly T[], key: (item: T) => string): T[] {
  const incomingByKey = new Map(incoming.map((item) => [key(item), item]));
  const merged = current.map((item) => incomingByKey.get(key(item)) ?? item);
  const known = new Set(current.map(key));
  return [...merged, ...incoming.filter((item) => !known.has(key(item)))];
}

/**
 * A setup file adds to a provider's catalogue rather than replacing it: categories and lines are
 * replaced by code or appended, dependencies are added, shared charges replaced by their charge line.
 * So two agreements of one provider (seeds 000 and 001 for Somme Numérique) each bring their lines.
 */
export function mergeCatalogueDocuments(current: CatalogueDocument, incoming: CatalogueDocument): CatalogueDocument {
  return {
    categories: mergeByKey(current.categories, incoming.categories, (c) => c.code),
    lines: mergeByKey(current.lines, incoming.lines, (l) => l.code),
    dependencies: mergeByKey(current.dependencies, incoming.dependencies, (d) => canonicalJson(d)),
    sharedCharges: mergeByKey(current.sharedCharges, incoming.sharedCharges, (s) => s.chargeLine),
  };
}
