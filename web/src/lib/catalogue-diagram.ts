import { documentToDomain, layoutCatalogue, type CatalogueView } from '../shared.ts';
import { billingNote, catalogueDocumentOf, nodeName } from './catalogue.ts';
import { linesOf } from './catalogue-order.ts';
import { plural } from './format.ts';
import { wrap } from './text-wrap.ts';

/**
 * The geometry of the "schéma du catalogue" of seed 004 annex 1: one box per category, the prerequisites
 * BELOW what needs them, an arrow from each prerequisite up to what it makes possible. The layers and
 * their order come from the domain's `layoutCatalogue`; here boxes are sized for their text, a single
 * base is drawn as a band under everything, and each box is set above what it stands on.
 */

const BOX_WIDTH = 136;
const GAP_X = 12;
const GAP_Y = 50;
const PADDING = 10;
export const NAME_SIZE = 13;
export const NAME_LEADING = 16;
export const NOTE_SIZE = 11.5;
export const MARGIN = 4;
const BASE_HEIGHT = 62;

export interface Box {
  code: string;
  name: string[];
  note: string;
  layer: number;
  x: number;
  y: number;
  width: number;
  height: number;
  base: boolean;
}

export interface Edge {
  from: string;
  to: string;
  lineLevel: boolean;
}

export interface Diagram {
  boxes: Box[];
  edges: Edge[];
  width: number;
  height: number;
  byCode: Map<string, Box>;
  /** The boxes of each layer, from the base (0) up. */
  layers: Box[][];
}

/** Drops the links another path already implies (A→B→C makes A→C redundant in a stacked drawing). */
function transitiveReduction(edges: Edge[]): Edge[] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const reachesWithoutDirect = (from: string, to: string) => {
    const stack = (next.get(from) ?? []).filter((n) => n !== to);
    const seen = new Set<string>();
    while (stack.length) {
      const node = stack.pop()!;
      if (node === to) return true;
      if (seen.has(node)) continue;
      seen.add(node);
      stack.push(...(next.get(node) ?? []));
    }
    return false;
  };
  return edges.filter((e) => !reachesWithoutDirect(e.from, e.to));
}

/**
 * Places the boxes of each layer above the middle of what they stand on, keeping their order and the
 * gap between them: overlapping boxes are merged into blocks centred on the mean wanted position.
 */
function spread(boxes: Box[], wanted: Map<string, number>, totalWidth: number): void {
  const step = BOX_WIDTH + GAP_X;
  const items = boxes.map((b) => ({ box: b, want: wanted.get(b.code) ?? b.x })).sort((a, b) => a.want - b.want);
  const blocks: { start: number; count: number; sum: number; x: number }[] = [];
  items.forEach((item, index) => {
    blocks.push({ start: index, count: 1, sum: item.want, x: item.want });
    for (;;) {
      const last = blocks[blocks.length - 1]!;
      const previous = blocks[blocks.length - 2];
      if (!previous || previous.x + previous.count * step <= last.x + 0.001) break;
      blocks.pop();
      previous.sum += last.sum;
      previous.count += last.count;
      // Each member i of the block sits at x + i × step: the block's x is the mean of (want_i − i × step).
      let offsets = 0;
      for (let i = 0; i < previous.count; i++) offsets += i * step;
      previous.x = (previous.sum - offsets) / previous.count;
    }
  });
  const placed: number[] = [];
  for (const block of blocks) for (let i = 0; i < block.count; i++) placed.push(block.x + i * step);
  const shift = Math.max(0, -Math.min(...placed)) - Math.max(0, Math.max(...placed) + BOX_WIDTH - totalWidth);
  items.forEach((item, index) => (item.box.x = placed[index]! + shift));
}

/** The boxes and links of the catalogue's diagram, placed. */
export function layoutDiagram(view: CatalogueView): Diagram {
  const catalogue = documentToDomain(catalogueDocumentOf(view));
  const names = new Map(view.categories.map((c) => [c.code, wrap(c.name, BOX_WIDTH - 2 * PADDING, NAME_SIZE, 700)]));
  const nameLines = Math.max(1, ...[...names.values()].map((n) => n.length));
  const height = PADDING + nameLines * NAME_LEADING + 6 + NOTE_SIZE + PADDING + 2;
  const layout = layoutCatalogue(catalogue, { boxWidth: BOX_WIDTH, lineHeight: 0, headerHeight: height - 8, gapX: GAP_X, gapY: GAP_Y });
  const width = Math.max(layout.width, BOX_WIDTH);
  const boxes: Box[] = layout.nodes.map((n) => {
    const lines = linesOf(view, n.category);
    const billing = billingNote(lines);
    return {
      code: n.category,
      name: names.get(n.category) ?? [n.category],
      note: `${plural(lines.length, 'ligne', 'lignes')}${billing ? ` · ${billing}` : ''}`,
      layer: n.layer,
      x: n.x,
      y: n.y,
      width: n.width,
      height: n.height,
      base: false,
    };
  });
  const byCode = new Map(boxes.map((b) => [b.code, b]));
  const edges = transitiveReduction(layout.edges.map((e) => ({ from: e.from, to: e.to, lineLevel: Boolean(e.label) })));

  // A single base under everything is drawn as a band across the whole width, as the annex's schema reads.
  const layers: Box[][] = [];
  for (const b of boxes) (layers[b.layer] ??= []).push(b);
  const base = layers[0]?.length === 1 && layers.length > 1 ? layers[0][0]! : null;
  let drawingHeight = layout.height;
  if (base) {
    base.base = true;
    base.x = 0;
    base.width = width;
    // One line of text: a lower band than the boxes above (the base is the last layer, at the bottom).
    base.height = BASE_HEIGHT;
    drawingHeight = base.y + BASE_HEIGHT;
    base.name = wrap(nodeName(view, { category: base.code }), width - 2 * PADDING, NAME_SIZE + 2, 700);
  }
  for (let layer = 1; layer < layers.length; layer++) {
    const wanted = new Map<string, number>();
    for (const b of layers[layer] ?? []) {
      const below = edges.filter((e) => e.from === b.code).map((e) => byCode.get(e.to)!);
      if (below.length) wanted.set(b.code, below.reduce((sum, t) => sum + t.x + t.width / 2, 0) / below.length - BOX_WIDTH / 2);
    }
    spread(layers[layer] ?? [], wanted, width);
  }
  return { boxes, edges, width, height: drawingHeight, byCode, layers };
}

/** The path of a link, from the top of the prerequisite up to the bottom of what it enables, around boxes. */
export function edgePath(diagram: Diagram, edge: Edge, fromX: number, toX: number): string {
  const upper = diagram.byCode.get(edge.from)!;
  const lower = diagram.byCode.get(edge.to)!;
  const top = upper.y + upper.height;
  const bottom = lower.y;
  if (lower.layer === upper.layer - 1 || lower.base) {
    if (Math.abs(fromX - toX) < 0.5) return `M ${toX} ${bottom} V ${top}`;
    const middle = bottom - GAP_Y / 2;
    return `M ${toX} ${bottom} V ${middle} H ${fromX} V ${top}`;
  }
  // A link across a layer goes down a free channel between the boxes of the layers in between.
  const between = diagram.boxes.filter((b) => b.layer < upper.layer && b.layer > lower.layer).sort((a, b) => a.x - b.x);
  const free = (x: number) => between.every((b) => x < b.x - 3 || x > b.x + b.width + 3);
  const candidates = [fromX, toX, ...between.flatMap((b) => [b.x - GAP_X / 2, b.x + b.width + GAP_X / 2])].filter(free);
  const channel = candidates.sort((a, b) => Math.abs(a - (fromX + toX) / 2) - Math.abs(b - (fromX + toX) / 2))[0] ?? fromX;
  return `M ${toX} ${bottom} V ${bottom - GAP_Y / 2} H ${channel} V ${top + GAP_Y / 2} H ${fromX} V ${top}`;
}

/** Anchor points: several links on one side of a box are spread along it, in the order of their other end. */
export function anchors(diagram: Diagram): Map<Edge, { fromX: number; toX: number }> {
  const result = new Map<Edge, { fromX: number; toX: number }>();
  const center = (code: string) => {
    const b = diagram.byCode.get(code)!;
    return b.x + b.width / 2;
  };
  for (const edge of diagram.edges) result.set(edge, { fromX: center(edge.from), toX: center(edge.to) });
  // Bottom of the upper boxes.
  for (const box of diagram.boxes) {
    const out = diagram.edges.filter((e) => e.from === box.code).sort((a, b) => center(a.to) - center(b.to));
    out.forEach((e, i) => (result.get(e)!.fromX = box.x + (box.width * (i + 1)) / (out.length + 1)));
  }
  // Top of the lower boxes: straight under the upper box when it overlaps, otherwise spread.
  for (const box of diagram.boxes) {
    const incoming = diagram.edges.filter((e) => e.to === box.code).sort((a, b) => result.get(a)!.fromX - result.get(b)!.fromX);
    const slanted = incoming.filter((e) => {
      const x = result.get(e)!.fromX;
      return x < box.x + 8 || x > box.x + box.width - 8;
    });
    for (const e of incoming) if (!slanted.includes(e)) result.get(e)!.toX = result.get(e)!.fromX;
    slanted.forEach((e, i) => (result.get(e)!.toX = box.x + (box.width * (i + 1)) / (slanted.length + 1)));
  }
  return result;
}

/** The text equivalent of the drawing's image, layer by layer from the base up. */
export function diagramSummary(view: CatalogueView, diagram: Diagram): string {
  const name = (code: string) => nodeName(view, { category: code });
  const parts = diagram.layers.map((boxes, layer) => {
    const items = [...boxes]
      .sort((a, b) => a.x - b.x)
      .map((b) => {
        const below = diagram.edges.filter((e) => e.from === b.code).map((e) => name(e.to));
        return layer === 0 || below.length === 0 ? name(b.code) : `${name(b.code)} (sur ${below.join(' et ')})`;
      });
    return layer === 0 ? `À la base : ${items.join(', ')}.` : `Niveau ${layer + 1} : ${items.join(', ')}.`;
  });
  return `${parts.join(' ')} Chaque service nécessite ceux placés en dessous ; la liste des prérequis qui suit le schéma en donne le détail.`;
}
