import type { BudgetView, SimulationView } from '../api/costs.ts';
import { NATURE_LABELS } from './cost-budget-draft.ts';

/**
 * The cost-flow chart's figures: charges (by nature) → categories (or the provider alone) → members (what the
 * proposed grid charges them, and the forecast units not yet tied to a known member). Amounts in cents.
 */
export interface FlowNode {
  id: string;
  label: string;
  column: 0 | 1 | 2;
  amount: number;
}
export interface FlowLink {
  from: string;
  to: string;
  amount: number;
}

const PROVIDER = 'structure';
const cents = (euros: string) => Math.round(Number(euros) * 100);

export function costFlows(budget: BudgetView, simulation: SimulationView | null): { nodes: FlowNode[]; links: FlowLink[] } {
  const links = new Map<string, FlowLink>();
  const add = (from: string, to: string, amount: number) => {
    if (amount <= 0) return;
    const key = `${from}>${to}`;
    const link = links.get(key) ?? { from, to, amount: 0 };
    link.amount += amount;
    links.set(key, link);
  };
  for (const f of budget.flows) add(`n:${f.nature}`, f.category ? `c:${f.category}` : PROVIDER, cents(f.amount));
  const categoryOf = new Map(budget.lines.map((l) => [l.line, l.category]));
  const categoryCost = new Map<string, number>();
  for (const l of budget.lines) categoryCost.set(l.category, (categoryCost.get(l.category) ?? 0) + cents(l.forecast));
  const toMembers = new Map<string, number>();
  for (const m of simulation?.members.filter((x) => x.status !== 'joining') ?? []) {
    for (const b of m.byLine) {
      const category = categoryOf.get(b.line);
      if (!category) continue;
      add(`c:${category}`, `m:${m.memberId}`, cents(b.amount));
      toMembers.set(category, (toMembers.get(category) ?? 0) + cents(b.amount));
    }
  }
  for (const [category, cost] of categoryCost) add(`c:${category}`, 'autres', cost - (toMembers.get(category) ?? 0));
  const names = new Map<string, string>([[PROVIDER, 'Portée par la structure seule'], ['autres', 'Autres unités prévues (adhérents sans relevé)']]);
  for (const n of Object.keys(NATURE_LABELS)) names.set(`n:${n}`, NATURE_LABELS[n]!);
  for (const l of budget.lines) names.set(`c:${l.category}`, l.categoryName);
  for (const m of simulation?.members ?? []) names.set(`m:${m.memberId}`, m.name);
  const column = (id: string): 0 | 1 | 2 => (id.startsWith('n:') ? 0 : id.startsWith('c:') || id === PROVIDER ? 1 : 2);
  const totals = new Map<string, number>();
  const list = [...links.values()];
  for (const l of list) {
    totals.set(l.from, Math.max(totals.get(l.from) ?? 0, list.filter((x) => x.from === l.from).reduce((s, x) => s + x.amount, 0)));
    totals.set(l.to, Math.max(totals.get(l.to) ?? 0, list.filter((x) => x.to === l.to).reduce((s, x) => s + x.amount, 0)));
  }
  const nodes = [...totals].map(([id, amount]) => ({ id, label: names.get(id) ?? id, column: column(id), amount }));
  return { nodes, links: list };
}

/** Node positions: each column stacked top to bottom, heights proportional to amounts, same scale for all. */
export function layoutFlows(nodes: readonly FlowNode[], height: number, gap = 12): Map<string, { x: number; y: number; h: number }> {
  const columns = [0, 1, 2].map((c) => nodes.filter((n) => n.column === c));
  const scale = Math.min(...columns.filter((c) => c.length).map((c) => (height - gap * (c.length - 1)) / Math.max(1, c.reduce((s, n) => s + n.amount, 0))));
  const positions = new Map<string, { x: number; y: number; h: number }>();
  columns.forEach((list, c) => {
    let y = 0;
    for (const n of list) {
      const h = Math.max(2, n.amount * scale);
      positions.set(n.id, { x: c, y, h });
      y += h + gap;
    }
  });
  return positions;
}
