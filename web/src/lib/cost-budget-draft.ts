import type { BudgetDocument } from '../api/costs.ts';

/** The budget editor's helpers: where a charge goes as one select value, shares of time as text, new row ids. */
export type Target = BudgetDocument['charges'][number]['target'];

export const NATURE_LABELS: Record<string, string> = {
  licences: 'Licences',
  staff: 'Charges de personnel',
  supplies: 'Fournitures',
  flows: 'Flux',
  renewal: 'Renouvellement des biens et contrats de services',
  other: 'Autres dépenses du service',
};

export const ROLE_LABELS: Record<string, string> = { technical: 'Technique (réparti)', management: 'Management (structure seule)', administrative: 'Administratif (structure seule)' };

export function targetValue(target: Target): string {
  switch (target.kind) {
    case 'provider':
      return 'provider';
    case 'line':
      return `line:${target.line}`;
    case 'category':
      return `category:${target.category}`;
    case 'key':
      return `key:${target.key}`;
  }
}

export function targetOf(value: string): Target {
  const [kind, code = ''] = value.split(':');
  if (kind === 'line') return { kind: 'line', line: code };
  if (kind === 'category') return { kind: 'category', category: code };
  if (kind === 'key') return { kind: 'key', key: code };
  return { kind: 'provider' };
}

/** "socle-reseau 60 ; hebergement-n1 40" ⇄ the shares of time of a person. */
export function sharesText(shares: { line: string; percent: string }[]): string {
  return shares.map((s) => `${s.line} ${s.percent.replace('.', ',')}`).join(' ; ');
}

export function parseShares(text: string): { line: string; percent: string }[] | null {
  const parts = text.split(';').map((p) => p.trim()).filter(Boolean);
  const shares: { line: string; percent: string }[] = [];
  for (const part of parts) {
    const match = /^([a-z0-9][a-z0-9_.-]*)\s*[:=]?\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*%?$/.exec(part);
    if (!match) return null;
    shares.push({ line: match[1]!, percent: match[2]!.replace(',', '.') });
  }
  return shares;
}

/** "niveau=pro&stockage=25" ⇄ options. */
export function optionsText(options: Record<string, string>): string {
  return Object.entries(options).map(([k, v]) => `${k}=${v}`).join('&');
}

export function parseOptionsText(text: string): Record<string, string> | null {
  const options: Record<string, string> = {};
  for (const pair of text.split(/[&;]/).map((p) => p.trim()).filter(Boolean)) {
    const [k, v, ...rest] = pair.split('=').map((s) => s.trim());
    if (!k || !v || rest.length) return null;
    options[k] = v;
  }
  return options;
}

/** A free id for a new row: prefix and the first unused number. */
export function newId(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n++) if (!taken.includes(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** Field ids of the form, from an issue's dotted path ("charges.0.target" → "budget-charges-0-target"). */
export const fieldId = (path: string) => `budget-${path.replace(/\./g, '-')}`;

/** A French label for an issue's path, for the error summary. */
export function pathLabel(path: string): string {
  const [section, index, field] = path.split('.');
  const n = Number(index) + 1;
  const what: Record<string, string> = { charges: 'Charge', staff: 'Personnel', investments: 'Investissement', forecastUnits: 'Unités prévues', keys: 'Clé' };
  const fields: Record<string, string> = { target: 'affectation', shares: 'parts de temps', line: 'ligne', label: 'libellé', forecast: 'montant prévu', actual: 'montant réalisé', amount: 'montant', years: 'durée', id: 'identifiant', weights: 'poids', units: 'unités', options: 'options', firstYear: 'première année' };
  return `${what[section ?? ''] ?? section} ${Number.isNaN(n) ? '' : n}${field ? ` — ${fields[field] ?? field}` : ''}`.trim();
}
