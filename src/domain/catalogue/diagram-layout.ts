import type { Catalogue } from './catalogue.ts';

/**
 * Layout of the catalogue diagram (the "schéma du catalogue" of seed 004 annex 1, lost from the seed):
 * one box per category, prerequisites BELOW what needs them, as the annex reads ("ceux placés en
 * dessous"). Layers by longest path; within a layer, boxes ordered by the mean position of what they
 * require (barycentre heuristic), which keeps edges short and mostly uncrossed.
 */
export interface DiagramNode {
  category: string;
  layer: number;
  order: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DiagramEdge {
  from: string;
  to: string;
  /** Line-level link inside the dependency ("niveau 2 → niveau 1"), when it is not category-wide. */
  label?: string;
}

export interface DiagramLayout {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  width: number;
  height: number;
}

export interface DiagramMetrics {
  boxWidth: number;
  lineHeight: number;
  headerHeight: number;
  gapX: number;
  gapY: number;
}

const DEFAULT_METRICS: DiagramMetrics = { boxWidth: 230, lineHeight: 18, headerHeight: 44, gapX: 36, gapY: 64 };

/** Dependencies between categories: declared ones, and line-to-line ones across two categories. */
export function categoryEdges(catalogue: Catalogue): DiagramEdge[] {
  const categoryOfLine = new Map(catalogue.lines.map((l) => [l.code, l.categoryCode]));
  const labels = new Map<string, string[]>();
  for (const d of catalogue.dependencies) {
    const from = 'category' in d.from ? d.from.category : categoryOfLine.get(d.from.line);
    const to = 'category' in d.requires ? d.requires.category : categoryOfLine.get(d.requires.line);
    if (!from || !to || from === to) continue;
    const key = `${from}→${to}`;
    const list = labels.get(key) ?? [];
    if ('line' in d.from || 'line' in d.requires) list.push(`${'line' in d.from ? d.from.line : from} → ${'line' in d.requires ? d.requires.line : to}`);
    labels.set(key, list);
  }
  return [...labels.entries()].map(([key, list]) => {
    const [from, to] = key.split('→') as [string, string];
    return list.length ? { from, to, label: list.join(', ') } : { from, to };
  });
}

export function layoutCatalogue(catalogue: Catalogue, metrics: DiagramMetrics = DEFAULT_METRICS): DiagramLayout {
  const edges = categoryEdges(catalogue);
  const requires = new Map<string, string[]>(catalogue.categories.map((c) => [c.code, []]));
  for (const e of edges) requires.get(e.from)?.push(e.to);

  const layer = new Map<string, number>();
  const depth = (code: string, seen: Set<string>): number => {
    if (layer.has(code)) return layer.get(code)!;
    if (seen.has(code)) return 0; // a cycle is refused on edit; never loop here
    seen.add(code);
    const value = Math.max(-1, ...(requires.get(code) ?? []).map((r) => depth(r, seen))) + 1;
    layer.set(code, value);
    return value;
  };
  for (const c of catalogue.categories) depth(c.code, new Set());

  const layers: string[][] = [];
  for (const c of catalogue.categories) (layers[layer.get(c.code)!] ??= []).push(c.code);
  const position = new Map<string, number>();
  layers.forEach((codes, index) => {
    if (index > 0) {
      const barycentre = (code: string) => {
        const below = (requires.get(code) ?? []).map((r) => position.get(r) ?? 0);
        return below.length ? below.reduce((a, b) => a + b, 0) / below.length : Number.MAX_SAFE_INTEGER;
      };
      codes.sort((a, b) => barycentre(a) - barycentre(b));
    }
    codes.forEach((code, i) => position.set(code, i - (codes.length - 1) / 2));
  });

  const linesOf = (code: string) => catalogue.lines.filter((l) => l.categoryCode === code).length;
  const layerHeights = layers.map((codes) => Math.max(...codes.map((c) => metrics.headerHeight + linesOf(c) * metrics.lineHeight + 8)));
  const widest = Math.max(...layers.map((codes) => codes.length), 1);
  const width = widest * metrics.boxWidth + (widest - 1) * metrics.gapX;
  const height = layerHeights.reduce((a, b) => a + b, 0) + Math.max(layers.length - 1, 0) * metrics.gapY;

  const nodes: DiagramNode[] = [];
  // Layer 0 (the base) is drawn at the bottom.
  let y = height;
  layers.forEach((codes, index) => {
    y -= layerHeights[index]!;
    codes.forEach((code, order) => {
      const x = width / 2 + position.get(code)! * (metrics.boxWidth + metrics.gapX) - metrics.boxWidth / 2;
      nodes.push({ category: code, layer: index, order, x, y, width: metrics.boxWidth, height: metrics.headerHeight + linesOf(code) * metrics.lineHeight + 8 });
    });
    y -= metrics.gapY;
  });
  return { nodes, edges, width, height };
}
