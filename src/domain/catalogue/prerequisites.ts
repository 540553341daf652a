import { nodeKey, type Catalogue, type Dependency, type NodeRef } from './catalogue.ts';

/**
 * Seed 004 annex 1: "il est donc impossible de souscrire à un service sans adhérer préalablement à ceux
 * placés en dessous". A line inherits the prerequisites of its category; a category requirement is met
 * by any line of that category, a line requirement by that line.
 */

/** A node's direct requirements: its own, and for a line also its category's (except itself). */
function requirementsOf(catalogue: Catalogue, dependencies: readonly Dependency[], node: NodeRef): NodeRef[] {
  const key = nodeKey(node);
  const own = dependencies.filter((d) => nodeKey(d.from) === key).map((d) => d.requires);
  if ('category' in node) return own;
  const line = catalogue.lines.find((l) => l.code === node.line);
  const inherited = line ? dependencies.filter((d) => nodeKey(d.from) === `category:${line.categoryCode}`).map((d) => d.requires) : [];
  return [...own, ...inherited.filter((r) => nodeKey(r) !== key)];
}

/** Returns one cycle of requirements (node keys, the first repeated at the end), or null when there is none. */
export function findCycle(catalogue: Catalogue, dependencies: readonly Dependency[] = catalogue.dependencies): string[] | null {
  const nodes: NodeRef[] = [...catalogue.categories.map((c) => ({ category: c.code })), ...catalogue.lines.map((l) => ({ line: l.code }))];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: NodeRef): string[] | null => {
    const key = nodeKey(node);
    if (state.get(key) === 'done') return null;
    if (state.get(key) === 'open') return [...stack.slice(stack.indexOf(key)), key];
    state.set(key, 'open');
    stack.push(key);
    for (const next of requirementsOf(catalogue, dependencies, node)) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(key, 'done');
    return null;
  };
  for (const node of nodes) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

export interface MissingPrerequisite {
  /** The subscribed line that needs something. */
  line: string;
  /** What it needs and is not in the set. */
  requires: NodeRef;
}

/** Everything a set of subscribed lines needs and does not have, following requirements transitively. */
export function missingPrerequisites(catalogue: Catalogue, subscribedLines: readonly string[]): MissingPrerequisite[] {
  const subscribed = new Set(subscribedLines);
  const categoriesTaken = new Set(catalogue.lines.filter((l) => subscribed.has(l.code)).map((l) => l.categoryCode));
  const satisfied = (node: NodeRef) => ('category' in node ? categoriesTaken.has(node.category) : subscribed.has(node.line));
  const missing: MissingPrerequisite[] = [];
  const seen = new Set<string>();
  for (const code of subscribedLines) {
    const queue: NodeRef[] = requirementsOf(catalogue, catalogue.dependencies, { line: code });
    const visited = new Set<string>();
    while (queue.length) {
      const node = queue.shift()!;
      const key = nodeKey(node);
      if (visited.has(key)) continue;
      visited.add(key);
      if (!satisfied(node) && !seen.has(`${code}→${key}`)) {
        seen.add(`${code}→${key}`);
        missing.push({ line: code, requires: node });
      }
      queue.push(...requirementsOf(catalogue, catalogue.dependencies, node));
    }
  }
  return missing;
}
