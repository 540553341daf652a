import { compareCivilDates, type CivilDate } from '../civil-date.ts';
import { multiplyRounded, toDecimalString, type Cents } from '../money.ts';
import type { Catalogue, ServiceLine } from './catalogue.ts';

/**
 * Tariff grids: prices voted for a period, versioned by effective date (seed 004 annex 5 "mise à jour en
 * date du 01 octobre 2023"). A bill reads the grid in force on its date; a later grid changes nothing
 * already issued because issued bills keep their own figures.
 */
export type VatTreatment =
  | { mode: 'not_subject' }
  | { mode: 'excl'; rateBasisPoints: number }
  | { mode: 'incl'; rateBasisPoints: number };

export interface PriceEntry {
  line: string;
  /** One value per option dimension of the line, e.g. { level: 'pro', storage: '25' }. */
  options: Record<string, string>;
  monthly?: Cents | undefined;
  annual?: Cents | undefined;
  /** Per unit for hourly or unit-priced lines (seed 002: 50 € TTC per hour). */
  perUnit?: Cents | undefined;
  vat: VatTreatment;
  minimumQuantity?: number | undefined;
  /** The same price as printed in another document of the agreement, to be checked (seed 004 annex 7). */
  statedElsewhere?: { document: string; annual?: Cents | undefined; monthly?: Cents | undefined; perUnit?: Cents | undefined }[] | undefined;
}

export interface TariffGrid {
  code: string;
  label: string;
  effectiveFrom: CivilDate;
  deliberation?: { organ: string; number?: string | undefined; date: CivilDate } | undefined;
  prices: PriceEntry[];
}

export function optionsKey(options: Record<string, string>): string {
  return Object.keys(options)
    .sort()
    .map((k) => `${k}=${options[k]}`)
    .join('&');
}

export type GridIssueKind = 'monthly_annual_mismatch' | 'stated_elsewhere_differs' | 'unknown_line' | 'bad_options' | 'duplicate' | 'no_amount' | 'missing_combination';

export interface GridIssue {
  kind: GridIssueKind;
  line: string;
  options: Record<string, string>;
  message: string;
}

function optionError(line: ServiceLine, options: Record<string, string>): string | null {
  for (const dimension of line.options) {
    const value = options[dimension.code];
    if (value === undefined) return `option « ${dimension.label} » manquante`;
    if (!dimension.values.some((v) => v.code === value)) return `valeur « ${value} » inconnue pour l'option « ${dimension.label} »`;
  }
  const extra = Object.keys(options).filter((k) => !line.options.some((d) => d.code === k));
  return extra.length ? `option(s) inconnue(s) : ${extra.join(', ')}` : null;
}

function combinations(line: ServiceLine): Record<string, string>[] {
  return line.options.reduce<Record<string, string>[]>(
    (acc, dimension) => acc.flatMap((partial) => dimension.values.map((v) => ({ ...partial, [dimension.code]: v.code }))),
    [{}],
  );
}

/**
 * Everything wrong or inconsistent in a grid, surfaced rather than guessed: 12 × monthly ≠ annual, a
 * price printed differently in another annex (seed 004: 93.00 in annex 7, 93.60 in annex 5), a priced
 * line missing a combination of its options, unknown lines or options, duplicates.
 */
export function gridIssues(grid: TariffGrid, catalogue: Catalogue): GridIssue[] {
  const issues: GridIssue[] = [];
  const seen = new Set<string>();
  for (const price of grid.prices) {
    const issue = (kind: GridIssueKind, message: string) => issues.push({ kind, line: price.line, options: price.options, message });
    const line = catalogue.lines.find((l) => l.code === price.line);
    if (!line) {
      issue('unknown_line', `ligne « ${price.line} » absente du catalogue`);
      continue;
    }
    const optionProblem = optionError(line, price.options);
    if (optionProblem) issue('bad_options', optionProblem);
    const key = `${price.line}?${optionsKey(price.options)}`;
    if (seen.has(key)) issue('duplicate', 'prix déclaré deux fois');
    seen.add(key);
    if (price.monthly === undefined && price.annual === undefined && price.perUnit === undefined) issue('no_amount', 'aucun montant');
    if (price.monthly !== undefined && price.annual !== undefined && multiplyRounded(price.monthly, 12) !== price.annual) {
      issue('monthly_annual_mismatch', `12 × ${toDecimalString(price.monthly)} = ${toDecimalString(multiplyRounded(price.monthly, 12))} ≠ ${toDecimalString(price.annual)} annuel`);
    }
    for (const other of price.statedElsewhere ?? []) {
      for (const field of ['annual', 'monthly', 'perUnit'] as const) {
        const here = price[field];
        const there = other[field];
        if (here !== undefined && there !== undefined && here !== there) {
          issue('stated_elsewhere_differs', `${other.document} indique ${toDecimalString(there)} au lieu de ${toDecimalString(here)}`);
        }
      }
    }
  }
  const pricedLines = new Set(grid.prices.map((p) => p.line));
  for (const line of catalogue.lines.filter((l) => pricedLines.has(l.code) && l.options.length)) {
    for (const combination of combinations(line)) {
      if (!seen.has(`${line.code}?${optionsKey(combination)}`)) {
        issues.push({ kind: 'missing_combination', line: line.code, options: combination, message: `aucun prix pour ${optionsKey(combination)}` });
      }
    }
  }
  return issues;
}

/** The grid in force on a date: the latest whose effective date is on or before it. */
export function gridInForce(grids: readonly TariffGrid[], on: CivilDate): TariffGrid | null {
  return [...grids].filter((g) => compareCivilDates(g.effectiveFrom, on) <= 0).sort((a, b) => compareCivilDates(b.effectiveFrom, a.effectiveFrom))[0] ?? null;
}

export type PriceLookup =
  | { ok: true; grid: TariffGrid; price: PriceEntry }
  | { ok: false; reason: 'no_grid' | 'unknown_line' | 'bad_options' | 'not_priced'; message: string };

/** Which price applies to this line with these options on date D — exactly one answer, or why not. */
export function priceOn(grids: readonly TariffGrid[], catalogue: Catalogue, lineCode: string, options: Record<string, string>, on: CivilDate): PriceLookup {
  const line = catalogue.lines.find((l) => l.code === lineCode);
  if (!line) return { ok: false, reason: 'unknown_line', message: `ligne « ${lineCode} » absente du catalogue` };
  const optionProblem = optionError(line, options);
  if (optionProblem) return { ok: false, reason: 'bad_options', message: optionProblem };
  const grid = gridInForce(grids, on);
  if (!grid) return { ok: false, reason: 'no_grid', message: `aucune grille tarifaire en vigueur le ${on}` };
  const key = optionsKey(options);
  const price = grid.prices.find((p) => p.line === lineCode && optionsKey(p.options) === key);
  if (!price) return { ok: false, reason: 'not_priced', message: `« ${line.name} » n'a pas de prix dans la grille ${grid.label}` };
  return { ok: true, grid, price };
}

/**
 * The full annual price of a level that adds to another ("tarif additionnel au niveau 1"): the sum of
 * the additive chain, e.g. seed 004 category 1 levels 1 + 2 = 204 + 132 = 336 € a year.
 */
export function cumulativeAnnual(grid: TariffGrid, catalogue: Catalogue, lineCode: string, options: Record<string, string> = {}): Cents | null {
  let total = 0;
  const visited = new Set<string>();
  for (let code: string | undefined = lineCode; code; code = catalogue.lines.find((l) => l.code === code)?.additiveTo) {
    if (visited.has(code)) return null;
    visited.add(code);
    const key = optionsKey(code === lineCode ? options : {});
    const price = grid.prices.find((p) => p.line === code && optionsKey(p.options) === key);
    const annual = price?.annual ?? (price?.monthly !== undefined ? multiplyRounded(price.monthly, 12) : undefined);
    if (annual === undefined) return null;
    total += annual;
  }
  return total as Cents;
}
