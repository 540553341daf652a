import { useId } from 'react';
import type { BudgetView, SimulationView } from '../../api/costs.ts';
import { euros } from '../../lib/catalogue.ts';
import { costFlows, layoutFlows } from '../../lib/cost-flows.ts';
import { TableScroll } from '../ui.tsx';

const WIDTH = 1240;
const HEIGHT = 400;
const NODE = 14;
const COLUMNS = [300, 600, 900];
const fmt = (cents: number) => euros((cents / 100).toFixed(2));

/**
 * Where the money goes: charges (by nature) → service categories (or the provider alone) → members. The SVG is a
 * picture for sighted readers (labelled as one image); the two tables below it carry the same figures.
 */
export function CostFlowChart({ budget, simulation }: { budget: BudgetView; simulation: SimulationView | null }) {
  const titleId = useId();
  const { nodes, links } = costFlows(budget, simulation);
  const positions = layoutFlows(nodes, HEIGHT - 20);
  const offsets = new Map<string, { out: number; in: number }>();
  const label = (id: string) => nodes.find((n) => n.id === id)?.label ?? id;
  const node = (id: string) => nodes.find((n) => n.id === id)!;
  const scaleOf = (id: string) => positions.get(id)!.h / Math.max(1, node(id).amount);
  return (
    <figure className="cost-flow">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 40}`} width="100%" role="img" aria-labelledby={titleId}>
        <title id={titleId}>Flux de coûts : des charges aux catégories de service, puis aux adhérents (détail dans les tableaux qui suivent)</title>
        {links.map((l) => {
          const from = positions.get(l.from)!;
          const to = positions.get(l.to)!;
          const o1 = offsets.get(l.from) ?? { out: 0, in: 0 };
          const o2 = offsets.get(l.to) ?? { out: 0, in: 0 };
          const w = Math.max(1, l.amount * scaleOf(l.from));
          const w2 = Math.max(1, l.amount * scaleOf(l.to));
          const x1 = COLUMNS[from.x]! + NODE;
          const x2 = COLUMNS[to.x]!;
          const y1 = 10 + from.y + o1.out + w / 2;
          const y2 = 10 + to.y + o2.in + w2 / 2;
          offsets.set(l.from, { ...o1, out: o1.out + w });
          offsets.set(l.to, { ...(offsets.get(l.to) ?? o2), in: o2.in + w2 });
          const mid = (x1 + x2) / 2;
          return <path key={`${l.from}>${l.to}`} d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`} fill="none" stroke={l.from === 'structure' || l.to === 'structure' ? '#8a8a8a' : '#3558a8'} strokeOpacity={0.35} strokeWidth={Math.max(1, (w + w2) / 2)} />;
        })}
        {nodes.map((n) => {
          const p = positions.get(n.id)!;
          const x = COLUMNS[p.x]!;
          // Charges are named on the left of their bar, categories and members on the right, over a white halo.
          const left = p.x === 0;
          return (
            <g key={n.id}>
              <rect x={x} y={10 + p.y} width={NODE} height={p.h} fill={n.id === 'structure' ? '#6b6b6b' : '#1f3a7a'} />
              <text x={left ? x - 6 : x + NODE + 6} y={10 + p.y + p.h / 2} dominantBaseline="middle" textAnchor={left ? 'end' : 'start'} fontSize="12" fill="#1a1a1a" stroke="#fff" strokeWidth={4} paintOrder="stroke">
                {n.label.length > 34 ? `${n.label.slice(0, 32)}…` : n.label} — {fmt(n.amount)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="field-hint">Largeur des flux proportionnelle aux montants. Les montants vers les adhérents sont ceux de la grille proposée.</figcaption>
      <FlowTable links={links.filter((l) => l.from.startsWith('n:'))} label={label} caption="Des charges (par nature) aux catégories de service" scrollLabel="Des charges aux catégories" from="Nature de charge" to="Catégorie" />
      <FlowTable links={links.filter((l) => l.from.startsWith('c:'))} label={label} caption="Des catégories aux adhérents (grille proposée)" scrollLabel="Des catégories aux adhérents" from="Catégorie" to="Adhérent" />
    </figure>
  );
}

/** One stage of the flows as a table: the chart's text alternative (RGAA 1.3), the same amounts. */
function FlowTable({ links, label, caption, scrollLabel, from, to }: { links: readonly { from: string; to: string; amount: number }[]; label(key: string): string; caption: string; scrollLabel: string; from: string; to: string }) {
  return (
    <TableScroll label={scrollLabel}>
      <table className="table table-compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{from}</th>
            <th scope="col">{to}</th>
            <th scope="col" className="num">
              Montant
            </th>
          </tr>
        </thead>
        <tbody>
          {links.map((l) => (
            <tr key={`${l.from}>${l.to}`}>
              <th scope="row">{label(l.from)}</th>
              <td>{label(l.to)}</td>
              <td className="num">{fmt(l.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
