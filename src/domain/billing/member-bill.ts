import type { Catalogue } from '../catalogue/catalogue.ts';
import { priceOn, type TariffGrid } from '../catalogue/tariff-grid.ts';
import type { CivilDate } from '../civil-date.ts';
import { monthsOf, type Period } from '../consumption/periods.ts';
import type { Cents } from '../money.ts';
import type { BillLine } from './bill-line.ts';
import { flatCharges, type FlatPrice, type SubscribedLine } from './flat-charges.ts';
import { baseBeforeOpening } from './base-before-opening.ts';
import { actualLines, penaltyOrderLines, provisionalLines, type InvoiceLineFact } from './pass-through.ts';
import type { BillingPolicy } from './policy.ts';
import { snapshotCharges, type SharedCharge, type SnapshotSeries, type UnitPrice } from './snapshot-charges.ts';
import { timeCharges, type TimeFact } from './time-charges.ts';

/**
 * One member's bill for a period, from the agreement's policy and the facts: which calculator measures which
 * kind of line is the policy's choice (data), never the provider's name. Pure: the caller loads the facts.
 */
export type RunKind = 'regular' | 'provisional' | 'true_up' | 'penalty_order';

export interface Pricing {
  catalogue: Catalogue;
  grids: readonly TariffGrid[];
  sharedCharges: readonly SharedCharge[];
  /** Unit cost per line and fiscal year (seed 001, CGCT D5211-16). */
  unitCost: (line: string, year: number) => Cents | null;
  labelOf: (line: string, optionsKey: string) => string;
  unitLabel: (line: string) => string;
}

export interface MemberFacts {
  snapshots: readonly SnapshotSeries[];
  subscriptions: readonly SubscribedLine[];
  /** Base lines requested with a billing date before their opening (seed 004 art. 10.1.3), until services open. */
  baseRequests: readonly SubscribedLine[];
  timeEntries: readonly TimeFact[];
  invoiceLines: readonly InvoiceLineFact[];
  forecasts: readonly { line: string; quarter: number; amountCents: number }[];
  penalties: readonly { id: string; operator: string; receivedOn: string; amountCents: number; reason: string }[];
}

export interface MemberBill {
  lines: BillLine[];
  issues: { line: string; message: string }[];
}

const optionsOf = (key: string): Record<string, string> => Object.fromEntries(key ? key.split('&').map((pair) => pair.split('=') as [string, string]) : []);
const euros = (c: number) => `${(c / 100).toFixed(2).replace('.', ',')} €`;

/**
 * Price lookups remembered per pricing: a national run asks the same few (line, options, month) prices millions
 * of times, and each lookup scans the grids. Nested maps (kind → line → options → date), so a lookup builds no
 * string.
 */
type PriceTable = Map<string, unknown>;
const tables = new WeakMap<Pricing, Map<string, Map<string, Map<string, PriceTable>>>>();
function priceTable(pricing: Pricing, kind: string, line: string, optionsKey: string): PriceTable {
  let byKind = tables.get(pricing);
  if (!byKind) tables.set(pricing, (byKind = new Map()));
  let byLine = byKind.get(kind);
  if (!byLine) byKind.set(kind, (byLine = new Map()));
  let byOptions = byLine.get(line);
  if (!byOptions) byLine.set(line, (byOptions = new Map()));
  let table = byOptions.get(optionsKey);
  if (!table) byOptions.set(optionsKey, (table = new Map()));
  return table;
}
function cached<T>(table: PriceTable, on: string, compute: () => T): T {
  let value = table.get(on) as T | undefined;
  if (value === undefined) table.set(on, (value = compute()));
  return value;
}

function gridPrice(pricing: Pricing, line: string, optionsKey: string, on: CivilDate) {
  return cached(priceTable(pricing, 'grid', line, optionsKey), on, () => priceOn(pricing.grids, pricing.catalogue, line, optionsOf(optionsKey), on));
}

function monthlyPrice(pricing: Pricing, line: string, optionsKey: string, on: CivilDate): UnitPrice {
  return cached(priceTable(pricing, 'monthly', line, optionsKey), on, () => computeMonthlyPrice(pricing, line, optionsKey, on));
}

function computeMonthlyPrice(pricing: Pricing, line: string, optionsKey: string, on: CivilDate): UnitPrice {
  const found = gridPrice(pricing, line, optionsKey, on);
  if (!found.ok) return { ok: false, message: found.message };
  if (found.price.monthly === undefined) return { ok: false, message: `« ${pricing.labelOf(line, optionsKey)} » n'a pas de tarif mensuel dans la grille ${found.grid.label}` };
  return { ok: true, unitPrice: found.price.monthly, vat: found.price.vat, priceLabel: `${euros(found.price.monthly)} par mois (${found.grid.label})` };
}

function unitCostPrice(pricing: Pricing, line: string, on: CivilDate): UnitPrice {
  return cached(priceTable(pricing, 'cost', line, ''), on.slice(0, 4), () => computeUnitCostPrice(pricing, line, on));
}

function computeUnitCostPrice(pricing: Pricing, line: string, on: CivilDate): UnitPrice {
  const year = Number(on.slice(0, 4));
  const cost = pricing.unitCost(line, year);
  if (cost === null) return { ok: false, message: `pas de coût unitaire ${year} pour « ${pricing.labelOf(line, '')} »` };
  return { ok: true, unitPrice: cost, vat: { mode: 'not_subject' }, priceLabel: `coût unitaire ${year} de ${euros(cost)}` };
}

function flatPrice(pricing: Pricing, line: string, optionsKey: string, on: CivilDate): FlatPrice {
  const found = gridPrice(pricing, line, optionsKey, on);
  if (!found.ok) return { ok: false, message: found.message };
  const { price, grid } = found;
  if (price.annual !== undefined) return { ok: true, kind: 'annual', unitPrice: price.annual, vat: price.vat, priceLabel: `${euros(price.annual)} par an (${grid.label})` };
  if (price.perUnit !== undefined) return { ok: true, kind: 'per_unit', unitPrice: price.perUnit, vat: price.vat, priceLabel: `${euros(price.perUnit)} l'unité (${grid.label})` };
  return { ok: false, message: `« ${pricing.labelOf(line, optionsKey)} » n'a ni tarif annuel ni prix unitaire dans la grille ${grid.label}` };
}

function hourlyPrice(pricing: Pricing, line: string, on: CivilDate): UnitPrice {
  const found = gridPrice(pricing, line, '', on);
  if (!found.ok) return { ok: false, message: found.message };
  if (found.price.perUnit === undefined) return { ok: false, message: `« ${pricing.labelOf(line, '')} » n'a pas de prix horaire dans la grille ${found.grid.label}` };
  return { ok: true, unitPrice: found.price.perUnit, vat: found.price.vat, priceLabel: `${euros(found.price.perUnit)} de l'heure (${found.grid.label})` };
}

export function memberBill(policy: BillingPolicy, kind: RunKind, period: Period, pricing: Pricing, facts: MemberFacts): MemberBill {
  const kindOf = (line: string) => pricing.catalogue.lines.find((l) => l.code === line)?.kind;
  const label = (line: string) => pricing.labelOf(line, '');
  if (kind === 'penalty_order') return { lines: penaltyOrderLines(facts.penalties), issues: [] };
  if (kind === 'provisional') return { lines: provisionalLines(facts.forecasts.filter((f) => kindOf(f.line) === 'pass_through'), policy.managementFeeBasisPoints, label), issues: [] };
  const passed = actualLines(facts.invoiceLines, policy.managementFeeBasisPoints, policy.passThrough?.amounts ?? 'excl_vat', label);
  if (kind === 'true_up') return { lines: passed, issues: [] };

  const months = monthsOf(period);
  const lines: BillLine[] = [];
  const issues: MemberBill['issues'] = [];
  const add = (result: MemberBill) => {
    lines.push(...result.lines);
    issues.push(...result.issues);
  };
  const continuous = new Set(pricing.catalogue.lines.filter((l) => l.kind === 'continuous').map((l) => l.code));
  if (policy.continuousBasis === 'subscribed_volume') {
    add(flatCharges({ year: period.year, months, subscriptions: facts.subscriptions.filter((s) => continuous.has(s.line)), proration: policy.proration, partialMonthCounts: policy.partialMonthCounts, priceOf: (l, o, on) => flatPrice(pricing, l, o, on), labelOf: pricing.labelOf, unitLabel: pricing.unitLabel }));
  } else {
    add(
      snapshotCharges({
        year: period.year,
        months,
        series: facts.snapshots.filter((s) => continuous.has(s.line)),
        sharedCharges: pricing.sharedCharges,
        priceOf: policy.continuousBasis === 'unit_cost' ? (l, _o, on) => unitCostPrice(pricing, l, on) : (l, o, on) => monthlyPrice(pricing, l, o, on),
        labelOf: pricing.labelOf,
        unitLabel: pricing.unitLabel,
      }),
    );
    if (policy.continuousBasis === 'monthly_snapshots' && facts.baseRequests.length) {
      add(baseBeforeOpening({ year: period.year, months, requested: facts.baseRequests, snapshots: facts.snapshots, sharedCharges: pricing.sharedCharges, partialMonthCounts: policy.partialMonthCounts, priceOf: (l, o, on) => monthlyPrice(pricing, l, o, on), labelOf: pricing.labelOf, unitLabel: pricing.unitLabel }));
    }
  }
  if (policy.oneOffBasis === 'time_spent') add(timeCharges(facts.timeEntries, (l, on) => hourlyPrice(pricing, l, on), label));
  else {
    // One-off services subscribed are billed whole, in the period their opening falls in (seed 003 "services unitaires").
    const oneOff = new Set(pricing.catalogue.lines.filter((l) => l.kind === 'one_off').map((l) => l.code));
    add(flatCharges({ year: period.year, months, subscriptions: facts.subscriptions.filter((s) => oneOff.has(s.line)), proration: 'none', partialMonthCounts: true, priceOf: (l, o, on) => flatPrice(pricing, l, o, on), labelOf: pricing.labelOf, unitLabel: pricing.unitLabel }));
  }
  // Without provisional titles, operator consumption is passed through with the regular bill (+ fee).
  if (!policy.passThrough?.provisional) lines.push(...passed);
  return { lines, issues };
}
