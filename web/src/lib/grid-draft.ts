import { gridInputSchema, multiplyRounded, parseEuros, toDecimalString, type CatalogueView, type GridView } from '../shared.ts';
import { euros, eurosInput, normaliseEuros, sortByCatalogue, type GridPrice } from './catalogue.ts';
import type { GridSummary } from './grids.ts';

/**
 * A new version of a grid as its form holds it (amounts as typed, in French), checked and turned into
 * the input the API expects; the issues of the contract or of the server placed on the form's fields.
 */

export interface PriceDraft {
  source: GridPrice;
  monthly: string;
  annual: string;
  perUnit: string;
}

export interface GridDraft {
  code: string;
  label: string;
  effectiveFrom: string;
  organ: string;
  number: string;
  date: string;
  prices: PriceDraft[];
}

export const FIELD_LABELS: Record<string, string> = {
  code: 'Code de la version',
  label: 'Intitulé',
  effectiveFrom: "Date d'effet",
  organ: 'Organe délibérant',
  number: 'Numéro de la délibération',
  date: 'Date de la délibération',
};

export const AMOUNTS = { monthly: 'Tarif mensuel', annual: 'Tarif annuel', perUnit: 'Prix unitaire' } as const;
export type AmountField = keyof typeof AMOUNTS;
const AMOUNT_FIELDS = Object.keys(AMOUNTS) as AmountField[];

/** The id of a field of the form; `prices.3.monthly` is an amount of the price table. */
export const fieldId = (field: string) => {
  const price = /^prices\.(\d+)\.(\w+)$/.exec(field);
  return price ? `nouvelle-grille-prix-${price[1]}-${price[2]}` : `nouvelle-grille-${field}`;
};

/** The prices of a version, in the catalogue's order, ready to be changed. */
export function pricesOf(view: CatalogueView, grid: GridView): PriceDraft[] {
  return sortByCatalogue(view, grid.prices).map((p) => ({ source: p, monthly: eurosInput(p.monthly), annual: eurosInput(p.annual), perUnit: eurosInput(p.perUnit) }));
}

/** A price's line with its options' label: « Niveau 1 (Hébergé) ». */
export function priceName(source: GridPrice): string {
  return `${source.lineName}${source.optionsLabel ? ` (${source.optionsLabel})` : ''}`;
}

/** Whether an amount differs from the version copied (an amount left empty where there was none is not a change). */
export function isModified(price: PriceDraft, field: AmountField): boolean {
  return normaliseEuros(price[field]) !== price.source[field] && !(price[field] === '' && price.source[field] === null);
}

/** How many prices have at least one amount changed. */
export function changedCount(prices: readonly PriceDraft[]): number {
  return prices.filter((p) => AMOUNT_FIELDS.some((f) => isModified(p, f))).length;
}

/** "12 × monthly" when it differs from the annual amount typed, as a hint next to the row. */
export function yearlyCheck(price: PriceDraft): string | null {
  const monthly = normaliseEuros(price.monthly);
  const annual = normaliseEuros(price.annual);
  if (!monthly || !annual) return null;
  const twelve = multiplyRounded(parseEuros(monthly), 12);
  return twelve === parseEuros(annual) ? null : `12 × ${euros(monthly)} = ${euros(toDecimalString(twelve))}, différent du tarif annuel`;
}

/** The error summary's names of the fields, each amount with its price's name. */
export function draftLabels(prices: readonly PriceDraft[]): Record<string, string> {
  const labels: Record<string, string> = { ...FIELD_LABELS };
  prices.forEach((p, i) => {
    const name = priceName(p.source);
    for (const [field, label] of Object.entries(AMOUNTS)) labels[`prices.${i}.${field}`] = `${label} : ${name}`;
    labels[`prices.${i}`] = name;
  });
  return labels;
}

/** Issues (from the contract or the server) to fields: "prices[3]" or "prices.3.monthly" name a row of the table. */
export function placeIssues(issues: readonly { path: string | readonly PropertyKey[]; message: string }[], prices: readonly PriceDraft[]) {
  const fields: Record<string, string> = {};
  const messages: string[] = [];
  for (const issue of issues) {
    const path = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.');
    const normal = path.replace(/\[(\d+)\]/g, '.$1').replace(/^deliberation\./, '');
    const price = /^prices\.(\d+)(?:\.(\w+))?/.exec(normal);
    let key: string | null = null;
    if (price) key = `prices.${price[1]}.${price[2] && price[2] in AMOUNTS ? price[2] : prices[Number(price[1])]?.source.monthly !== null ? 'monthly' : 'perUnit'}`;
    else if (normal in FIELD_LABELS) key = normal;
    else if (normal === 'deliberation') key = 'organ';
    if (key && !fields[key]) fields[key] = issue.message;
    else messages.push(issue.message);
  }
  return { fields, messages };
}

/**
 * The draft checked: the errors by field and the general messages, or none and the parsed input.
 * `versions` are the grid's versions already recorded (their codes are taken).
 */
export function checkDraft(draft: GridDraft, versions: readonly GridSummary[]) {
  const fields: Record<string, string> = {};
  const prices = draft.prices.map((p, i) => {
    const amounts: Partial<Record<AmountField, string>> = {};
    for (const field of AMOUNT_FIELDS) {
      if (!p[field].trim()) continue;
      const value = normaliseEuros(p[field]);
      if (value === null) fields[`prices.${i}.${field}`] = 'montant attendu en euros, avec au plus deux décimales (ex. 18,00)';
      else amounts[field] = value;
    }
    const { source: s } = p;
    return {
      line: s.line,
      options: s.options,
      ...amounts,
      vat: s.vat,
      ...(s.vatRate !== null ? { vatRate: s.vatRate } : {}),
      ...(s.minimumQuantity !== null ? { minimumQuantity: s.minimumQuantity } : {}),
    };
  });
  const deliberationGiven = [draft.organ, draft.number, draft.date].some((v) => v.trim());
  if (deliberationGiven && !draft.organ.trim()) fields.organ = "indiquez l'organe qui a délibéré";
  if (deliberationGiven && !draft.date) fields.date = 'indiquez la date de la délibération';
  if (draft.code.trim() && versions.some((g) => g.code === draft.code.trim())) fields.code = 'ce code est déjà celui d’une version enregistrée : une grille votée ne se modifie pas';
  const input = {
    code: draft.code.trim(),
    label: draft.label.trim(),
    effectiveFrom: draft.effectiveFrom,
    ...(deliberationGiven ? { deliberation: { organ: draft.organ.trim(), ...(draft.number.trim() ? { number: draft.number.trim() } : {}), date: draft.date } } : {}),
    prices,
  };
  const parsed = gridInputSchema.safeParse(input);
  let messages: string[] = [];
  if (!parsed.success) {
    const placed = placeIssues(parsed.error.issues, draft.prices);
    for (const [k, v] of Object.entries(placed.fields)) fields[k] ??= v;
    messages = placed.messages;
  }
  return { fields, messages, input: parsed.data };
}
