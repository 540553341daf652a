import { describe, expect, it } from 'vitest';
import { categoryEdges, layoutCatalogue } from './diagram-layout.ts';
import { SEED_004_CATALOGUE } from './seed-004.fixture.ts';

describe('catalogue diagram layout (seed 004 annex 1)', () => {
  it('puts the membership base at the bottom and what needs it above', () => {
    const layout = layoutCatalogue(SEED_004_CATALOGUE);
    const node = (code: string) => layout.nodes.find((n) => n.category === code)!;
    expect(node('socle').layer).toBe(0);
    for (const code of ['postes', 'messagerie', 'hebergement', 'conseil']) {
      expect(node(code).layer).toBe(1);
      expect(node(code).y + node(code).height).toBeLessThan(node('socle').y);
    }
  });

  it('never overlaps two boxes and stays inside the drawing', () => {
    const { nodes, width, height } = layoutCatalogue(SEED_004_CATALOGUE);
    for (const a of nodes) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width).toBeLessThanOrEqual(width + 0.001);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(a.y + a.height).toBeLessThanOrEqual(height + 0.001);
      for (const b of nodes) {
        if (a === b) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.category} overlaps ${b.category}`).toBe(true);
      }
    }
  });

  it('stacks a chain of three layers and lifts line-level links to their categories', () => {
    const catalogue = {
      categories: [{ code: 'a', name: 'A' }, { code: 'b', name: 'B' }, { code: 'c', name: 'C' }],
      lines: [{ code: 'a1', categoryCode: 'a', name: 'a1', kind: 'continuous' as const, unit: 'flat' as const, status: 'active' as const, options: [] }, { code: 'b1', categoryCode: 'b', name: 'b1', kind: 'continuous' as const, unit: 'flat' as const, status: 'active' as const, options: [] }],
      dependencies: [{ from: { line: 'a1' }, requires: { line: 'b1' } }, { from: { category: 'b' }, requires: { category: 'c' } }],
    };
    expect(categoryEdges(catalogue)).toEqual([{ from: 'a', to: 'b', label: 'a1 → b1' }, { from: 'b', to: 'c' }]);
    expect(layoutCatalogue(catalogue).nodes.map((n) => [n.category, n.layer])).toEqual([['c', 0], ['b', 1], ['a', 2]]);
  });
});
