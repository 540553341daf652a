import { useId, useMemo } from 'react';
import { billingNote, catalogueDocumentOf } from '../lib/catalogue.ts';
import { plural } from '../lib/format.ts';
import { documentToDomain, layoutCatalogue, type CatalogueView } from '../shared.ts';

/**
 * The "schéma du catalogue" of seed 004 annex 1, drawn from the catalogue: one box per category, the
 * prerequisites BELOW what needs them, an arrow from each prerequisite up to what it makes possible. The
 * layers and their order come from the domain's `layoutCatalogue`; here boxes are sized for their text,
 * a single base is drawn as a band under everything, and each box is set above what it stands on.
 * The drawing is an image with a title and a summary; the page gives the same links as a text list.
 */

const BOX_WIDTH = 136;
const GAP_X = 12;
const GAP_Y = 50;
const PADDING = 10;
const NAME_SIZE = 13;
const NAME_LEADING = 16;
const NOTE_SIZE = 11.5;
const MARGIN = 4;
const BASE_HEIGHT = 62;

let canvas: HTMLCanvasElement | null = null;

/** Width of a text in the page's font, measured on a canvas (an estimate where no canvas is available). */
function measure(text: string, size: number, weight: number): number {
  try {
    canvas ??= document.createElement('canvas');
    const context = canvas.getContext('2d');
    if (context) {
      const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
      context.font = `${weight} ${size}px ${family}`;
      return context.measureText(text).width;
    }
  } catch {
    // fall through to the estimate
  }
  return text.length * size * 0.56;
}

/** Greedy word wrap into lines no wider than `width`. */
function wrap(text: string, width: number, size: number, weight: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && measure(candidate, size, weight) > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}

interface Box {
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

interface Edge {
  from: string;
  to: string;
  lineLevel: boolean;
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

function useDiagram(view: CatalogueView) {
  return useMemo(() => {
    const catalogue = documentToDomain(catalogueDocumentOf(view));
    const names = new Map(view.categories.map((c) => [c.code, wrap(c.name, BOX_WIDTH - 2 * PADDING, NAME_SIZE, 700)]));
    const nameLines = Math.max(1, ...[...names.values()].map((n) => n.length));
    const height = PADDING + nameLines * NAME_LEADING + 6 + NOTE_SIZE + PADDING + 2;
    const layout = layoutCatalogue(catalogue, { boxWidth: BOX_WIDTH, lineHeight: 0, headerHeight: height - 8, gapX: GAP_X, gapY: GAP_Y });
    const width = Math.max(layout.width, BOX_WIDTH);
    const boxes: Box[] = layout.nodes.map((n) => {
      const lines = view.lines.filter((l) => l.category === n.category);
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
      base.name = wrap(view.categories.find((c) => c.code === base.code)?.name ?? base.code, width - 2 * PADDING, NAME_SIZE + 2, 700);
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
  }, [view]);
}

type Diagram = ReturnType<typeof useDiagram>;

/** The path of a link, from the top of the prerequisite up to the bottom of what it enables, around boxes. */
function edgePath(diagram: Diagram, edge: Edge, fromX: number, toX: number): string {
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
function anchors(diagram: Diagram): Map<Edge, { fromX: number; toX: number }> {
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

export function CatalogueDiagram({ view }: { view: CatalogueView }) {
  const diagram = useDiagram(view);
  const summary = diagramSummary(view, diagram);
  const id = useId();
  const points = anchors(diagram);
  const lineLevel = diagram.edges.some((e) => e.lineLevel);
  const viewWidth = diagram.width + 2 * MARGIN;
  const viewHeight = diagram.height + 2 * MARGIN;
  return (
    <figure className="diagram">
      <div className="diagram-scroll" role="region" aria-label="Schéma du catalogue (défilement horizontal sur petit écran)" tabIndex={0}>
        <svg
          role="img"
          aria-labelledby={`${id}-titre`}
          aria-describedby={`${id}-resume`}
          viewBox={`${-MARGIN} ${-MARGIN} ${viewWidth} ${viewHeight}`}
          width={viewWidth}
          height={viewHeight}
          style={{ minWidth: Math.min(720, viewWidth) }}
          className="diagram-svg"
          data-testid="schema-catalogue"
        >
          <title id={`${id}-titre`}>Schéma du catalogue de {view.providerName}</title>
          <desc id={`${id}-resume`}>{summary}</desc>
          <defs>
            <marker id={`${id}-fleche`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className="diagram-arrow" />
            </marker>
          </defs>
          <g className="diagram-edges">
            {diagram.edges.map((edge) => {
              const { fromX, toX } = points.get(edge)!;
              return (
                <path
                  key={`${edge.from}-${edge.to}`}
                  d={edgePath(diagram, edge, fromX, toX)}
                  className={`diagram-edge${edge.lineLevel ? ' is-line-level' : ''}`}
                  markerEnd={`url(#${id}-fleche)`}
                  data-from={edge.from}
                  data-to={edge.to}
                />
              );
            })}
          </g>
          {diagram.boxes.map((box) => {
            const size = box.base ? NAME_SIZE + 2 : NAME_SIZE;
            const textHeight = box.name.length * NAME_LEADING + 6 + NOTE_SIZE;
            const first = box.y + (box.height - textHeight) / 2 + size - 2;
            return (
              <g key={box.code} className={`diagram-box${box.base ? ' is-base' : ''}${box.layer > 1 ? ' is-upper' : ''}`} data-category={box.code} data-layer={box.layer}>
                <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={6} />
                <text x={box.x + box.width / 2} y={first} textAnchor="middle" className="diagram-name" fontSize={size}>
                  {box.name.map((line, i) => (
                    <tspan key={i} x={box.x + box.width / 2} dy={i === 0 ? 0 : NAME_LEADING}>
                      {line}
                    </tspan>
                  ))}
                </text>
                <text x={box.x + box.width / 2} y={first + (box.name.length - 1) * NAME_LEADING + 6 + NOTE_SIZE + 2} textAnchor="middle" className="diagram-note" fontSize={NOTE_SIZE}>
                  {box.note}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="diagram-legend">
        <span className="legend-item">
          <svg width="34" height="14" aria-hidden="true" focusable="false">
            <path d="M 2 7 H 30" className="diagram-edge" markerEnd={`url(#${id}-fleche)`} />
          </svg>
          va d'un prérequis au service qu'il permet de souscrire (les prérequis sont placés en dessous)
        </span>
        {lineLevel ? (
          <span className="legend-item">
            <svg width="34" height="14" aria-hidden="true" focusable="false">
              <path d="M 2 7 H 30" className="diagram-edge is-line-level" markerEnd={`url(#${id}-fleche)`} />
            </svg>
            pointillés : lien entre deux lignes précises (par exemple, le niveau 2 nécessite le niveau 1)
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}

/** The text equivalent of the drawing's image, layer by layer from the base up. */
function diagramSummary(view: CatalogueView, diagram: Diagram): string {
  const name = (code: string) => view.categories.find((c) => c.code === code)?.name ?? code;
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
