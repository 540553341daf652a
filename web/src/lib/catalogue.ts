import {
  formatEurosFr,
  LINE_KINDS,
  LINE_STATUSES,
  parseEuros,
  toDecimalString,
  UNITS,
  type Account,
  type CatalogueDocument,
  type CatalogueView,
  type GridView,
  type LineKind,
  type LineStatus,
  type NodeRef,
  type Unit,
} from '../shared.ts';
import { isPlatformStaff } from './session.tsx';

export type CatalogueLine = CatalogueView['lines'][number];
export type GridPrice = GridView['prices'][number];

export const WITHDRAWAL_REASONS = {
  security: 'Raison de sécurité (simple information des membres)',
  other: 'Autre raison',
} as const;
export type WithdrawalReason = keyof typeof WITHDRAWAL_REASONS;

export function lineKindLabel(kind: string): string {
  return LINE_KINDS[kind as LineKind] ?? kind;
}

export function unitLabel(unit: string): string {
  return UNITS[unit as Unit] ?? unit;
}

export function lineStatusLabel(status: string): string {
  return LINE_STATUSES[status as LineStatus] ?? status;
}

export function statusTone(status: string): 'success' | 'info' | 'muted' {
  return status === 'active' ? 'success' : status === 'proposed' ? 'info' : 'muted';
}

/** Staff of this provider (or of the whole platform) may change its catalogue and tariffs; members only read. */
export function actsForProvider(account: Account, providerId: string): boolean {
  return isPlatformStaff(account) || (account.side === 'provider' && account.organisationId === providerId);
}

/**
 * The whole document the PUT expects, rebuilt from the view: the names the server adds for reading
 * (deliveredByName, subProviderName, partyName, providerId, providerName, issues) are left out.
 */
export function catalogueDocumentOf(view: CatalogueView): CatalogueDocument {
  const { providerId: _providerId, providerName: _providerName, issues: _issues, version: _version, lines, ...rest } = view;
  return {
    ...rest,
    lines: lines.map(({ deliveredByName: _d, subProviderName: _s, responsibilities, ...line }) => ({
      ...line,
      responsibilities: responsibilities.map(({ party, tasks }) => ({ party, tasks })),
    })),
  };
}

/** « category:socle » or « line:postes-n1 », as the API names a node, back to a reference. */
export function nodeOfKey(key: string): NodeRef {
  const [kind, code = ''] = key.split(/:(.*)/s) as [string, string?];
  return kind === 'category' ? { category: code } : { line: code };
}

/** What naming a node needs: the codes and names of categories and lines (a view or a document). */
export interface Names {
  categories: readonly { code: string; name: string }[];
  lines: readonly { code: string; name: string }[];
}

export function nodeName(view: Names, node: NodeRef): string {
  if ('category' in node) return view.categories.find((c) => c.code === node.category)?.name ?? node.category;
  return view.lines.find((l) => l.code === node.line)?.name ?? node.line;
}

/** « la catégorie Socle d'adhésion » / « la ligne Niveau 1 : … ». */
export function nodePhrase(view: Names, node: NodeRef): string {
  return `${'category' in node ? 'la catégorie' : 'la ligne'} « ${nodeName(view, node)} »`;
}

/** A decimal amount from the API ("93.60") for French readers ("93,60 €"); a dash when there is none. */
export function euros(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  try {
    return formatEurosFr(parseEuros(amount));
  } catch {
    return amount;
  }
}

/** A signed amount: "+12,00 €", "−3,50 €", "0,00 €". */
export function signedEuros(amount: string | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  const value = parseEuros(amount);
  if (value === 0) return euros(amount);
  return `${value > 0 ? '+' : '−'}${formatEurosFr(Math.abs(value) as typeof value)}`;
}

/** What a user typed ("18", "18,5", "18.50") as the API's decimal text ("18.50"); null when it is not an amount. */
export function normaliseEuros(text: string): string | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (!/^\d{1,10}(?:[.,]\d{1,2})?$/.test(trimmed)) return null;
  return toDecimalString(parseEuros(trimmed));
}

/** The decimal text of an amount, shown in a French input ("17,00"). */
export function eurosInput(amount: string | null): string {
  return amount === null ? '' : amount.replace('.', ',');
}

/** How the lines of a category are billed, in the words of seed 004 annex 1's notes. */
export function billingNote(lines: readonly CatalogueLine[]): string | null {
  if (lines.length === 0) return null;
  if (lines.every((l) => l.kind === 'on_quote')) return 'sur devis';
  const units = new Set(lines.map((l) => l.unit));
  if (units.size === 1) {
    const unit = [...units][0]!;
    if (unit === 'workstation') return 'au poste';
    if (unit === 'mailbox') return 'à la boîte';
    return `par ${unitLabel(unit)}`;
  }
  return null;
}

/** Rank of a price in the catalogue's order: its line, then each option value in the order the line declares. */
function priceRank(view: CatalogueView, price: Pick<GridPrice, 'line' | 'options'>): number[] {
  const index = view.lines.findIndex((l) => l.code === price.line);
  const line = view.lines[index];
  const ranks = (line?.options ?? []).map((d) => d.values.findIndex((v) => v.code === price.options[d.code]));
  return [index < 0 ? Number.MAX_SAFE_INTEGER : index, ...ranks];
}

export function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

export function sortByCatalogue<T extends Pick<GridPrice, 'line' | 'options'>>(view: CatalogueView, prices: readonly T[]): T[] {
  return [...prices].sort((a, b) => compareRanks(priceRank(view, a), priceRank(view, b)));
}

/** The line an additive level finally adds to (postes-n2 → postes-n1). */
export function additiveRoot(view: CatalogueView, code: string): string {
  const seen = new Set<string>();
  let current = code;
  for (;;) {
    const next = view.lines.find((l) => l.code === current)?.additiveTo;
    if (!next || seen.has(next)) return current;
    seen.add(current);
    current = next;
  }
}

export interface GridGroup {
  key: string;
  title: string;
  /** Lines of the group, in catalogue order, each with its prices. */
  lines: { line: CatalogueLine | undefined; code: string; name: string; prices: GridPrice[] }[];
  /** For a group with additive levels: the total of the chain, monthly and annual ("Total catégorie 1 (niveaux 1 + 2)"). */
  totals: { label: string; monthly: string | null; annual: string | null }[];
}

/**
 * The grid laid out like seed 004 annex 5: one group per base line with the levels that add to it
 * (category 1: level 1, level 2, total), prices of a line with options one row per combination.
 */
export function groupGrid(view: CatalogueView, grid: GridView): GridGroup[] {
  const groups = new Map<string, GridGroup>();
  const categoryName = (code: string | undefined) => view.categories.find((c) => c.code === code)?.name;
  for (const price of sortByCatalogue(view, grid.prices)) {
    const root = additiveRoot(view, price.line);
    let group = groups.get(root);
    if (!group) {
      const rootLine = view.lines.find((l) => l.code === root);
      group = { key: root, title: categoryName(rootLine?.category) ?? rootLine?.name ?? root, lines: [], totals: [] };
      groups.set(root, group);
    }
    let entry = group.lines.find((l) => l.code === price.line);
    if (!entry) {
      const line = view.lines.find((l) => l.code === price.line);
      entry = { line, code: price.line, name: price.lineName, prices: [] };
      group.lines.push(entry);
    }
    entry.prices.push(price);
  }
  for (const group of groups.values()) {
    const categories = [...new Set(group.lines.map((l) => categoryName(l.line?.category)).filter((n): n is string => Boolean(n)))];
    if (categories.length > 1) group.title = categories.join(' + ');
    for (const entry of group.lines) {
      for (const price of entry.prices) {
        if (price.cumulativeAnnual === null) continue;
        // The monthly total of the chain, when every level states a monthly price.
        const chain: string[] = [];
        for (let code: string | undefined = price.line; code && !chain.includes(code); code = view.lines.find((l) => l.code === code)?.additiveTo) chain.push(code);
        const monthly = chain.map((code) => grid.prices.find((p) => p.line === code && (code === price.line ? p === price : Object.keys(p.options).length === 0))?.monthly ?? null);
        const monthlyTotal = monthly.every((m): m is string => m !== null) ? toDecimalString(monthly.reduce((sum, m) => (sum + parseEuros(m)) as ReturnType<typeof parseEuros>, parseEuros('0'))) : null;
        const names = chain
          .slice()
          .reverse()
          .map((code) => view.lines.find((l) => l.code === code)?.name.split(':')[0]?.trim() ?? code);
        const levels = names.map((n) => /^niveau\s+(\S+)$/i.exec(n)?.[1]);
        const label = levels.every(Boolean) ? `Total (niveaux ${levels.join(' + ')})` : `Total (${names.join(' + ')})`;
        group.totals.push({ label, monthly: monthlyTotal, annual: price.cumulativeAnnual });
      }
    }
  }
  return [...groups.values()];
}

/**
 * The option codes of a row that only carries its label (the grid comparison): the label is built as
 * « Dimension : valeur, Dimension : valeur » from the catalogue, so each dimension's value is found back.
 */
export function optionsFromLabel(view: CatalogueView, lineCode: string, label: string): Record<string, string> {
  const line = view.lines.find((l) => l.code === lineCode);
  const options: Record<string, string> = {};
  for (const d of line?.options ?? []) {
    const value = d.values.find((v) => label.includes(`${d.label} : ${v.label}`));
    if (value) options[d.code] = value.code;
  }
  return options;
}

/** The value labels of a price's options, in the line's order of dimensions. */
export function optionValueLabels(line: CatalogueLine | undefined, options: Record<string, string>): { dimension: string; value: string }[] {
  if (!line) return Object.entries(options).map(([dimension, value]) => ({ dimension, value }));
  return line.options.map((d) => ({ dimension: d.label, value: d.values.find((v) => v.code === options[d.code])?.label ?? options[d.code] ?? '—' }));
}

export function vatLabel(price: Pick<GridPrice, 'vat' | 'vatRate'>): string {
  if (price.vat === 'not_subject') return 'Non assujetti';
  return `${price.vat === 'incl' ? 'TTC' : 'HT'}, ${price.vatRate?.replace('.', ',') ?? '?'} %`;
}
