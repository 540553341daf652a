import type { CostNature } from '../catalogue/unit-cost.ts';
import { cents, multiplyRounded, type Cents } from '../money.ts';
import { allocateLargestRemainder } from './allocation.ts';

/**
 * The budget of a shared service for one fiscal year (seed 004 art. 9.1: a operating part and an
 * investment part), forecast and actual side by side. Everything is data: who bears what, through which
 * key, is written in the budget, never decided by the provider's name.
 */

/** Where a charge goes: to one service line, to the lines of a category, through a key, or nowhere. */
export type CostTarget =
  /** Borne by the provider alone, out of the split (seed 004 art. 9.2.1: premises, management, administration). */
  | { kind: 'provider' }
  | { kind: 'line'; line: string }
  /** Spread over the category's lines in proportion to their forecast units (they count the same unit). */
  | { kind: 'category'; category: string }
  | { kind: 'key'; key: string };

export const KEY_BASES = {
  workstations: 'Postes de travail',
  mailboxes: 'Boîtes aux lettres',
  storage_gb: 'Volume stocké (Go)',
  population: 'Population',
  equal: 'Parts égales',
  time: 'Temps passé',
  other: 'Autre clé',
} as const;
export type KeyBasis = keyof typeof KEY_BASES;

/** A distribution key: named weights over service lines (e.g. GB stored per line, hours spent per line). */
export interface CostKey {
  code: string;
  label: string;
  basis: KeyBasis;
  weights: { line: string; weight: number }[];
}

export interface OperatingCharge {
  id: string;
  label: string;
  nature: CostNature;
  forecast: Cents;
  actual: Cents | null;
  target: CostTarget;
}

export const STAFF_ROLES = { technical: 'Technique', management: 'Management', administrative: 'Administratif' } as const;
export type StaffRole = keyof typeof STAFF_ROLES;

/** A person or a post, with its yearly cost (pay, contributions) and its share of time per service line. */
export interface StaffCost {
  id: string;
  label: string;
  role: StaffRole;
  forecast: Cents;
  actual: Cents | null;
  /** Basis points (10 000 = all of the time). Time not shared out stays with the provider. */
  shares: { line: string; basisPoints: number }[];
}

/** A shared infrastructure purchase depreciated straight line over `years` from `firstYear`. */
export interface Investment {
  id: string;
  label: string;
  amount: Cents;
  firstYear: number;
  years: number;
  /** Shared infrastructure enters the operating costs through its depreciation (seed 004 art. 9.2.1). */
  target: CostTarget;
}

export interface ForecastUnits {
  line: string;
  options: Record<string, string>;
  units: number;
}

export interface Budget {
  fiscalYear: number;
  charges: OperatingCharge[];
  staff: StaffCost[];
  investments: Investment[];
  keys: CostKey[];
  forecastUnits: ForecastUnits[];
}

export const FULL_TIME = 10_000;

/** Straight-line depreciation: the amount split over the years by largest remainder, so it sums exactly. */
export function depreciationSchedule(investment: Investment): { year: number; amount: Cents; remaining: Cents }[] {
  if (!Number.isInteger(investment.years) || investment.years < 1) throw new RangeError(`Durée d'amortissement invalide : ${investment.years}`);
  const parts = allocateLargestRemainder(investment.amount, Array.from({ length: investment.years }, () => 1));
  let remaining = investment.amount as number;
  return parts.map((amount, i) => {
    remaining -= amount;
    return { year: investment.firstYear + i, amount, remaining: cents(remaining) };
  });
}

export function depreciationIn(investment: Investment, fiscalYear: number): Cents {
  return depreciationSchedule(investment).find((y) => y.year === fiscalYear)?.amount ?? cents(0);
}

/**
 * What a body reimburses for agents made available to it: their cost times the share of activity devoted to
 * it (seed 001 art. 3; seed 004 art. 8.1.1 "proportionnellement à la part d'activité", management and
 * administrative posts excluded).
 */
export function staffProvision(staff: readonly StaffCost[], which: 'forecast' | 'actual'): { id: string; label: string; role: StaffRole; cost: Cents; basisPoints: number; reimbursed: Cents }[] {
  return staff.map((s) => {
    const cost = which === 'actual' ? (s.actual ?? s.forecast) : s.forecast;
    const basisPoints = s.role === 'technical' ? s.shares.reduce((sum, x) => sum + x.basisPoints, 0) : 0;
    return { id: s.id, label: s.label, role: s.role, cost, basisPoints, reimbursed: multiplyRounded(cost, basisPoints, FULL_TIME) };
  });
}

export interface BudgetIssue {
  path: string;
  message: string;
}

/** Everything inconsistent in a budget, in French, named by path; an empty list means it can be allocated. */
export function budgetIssues(budget: Budget, lines: readonly { code: string; categoryCode: string }[]): BudgetIssue[] {
  const issues: BudgetIssue[] = [];
  const known = new Set(lines.map((l) => l.code));
  const categories = new Set(lines.map((l) => l.categoryCode));
  const keys = new Set(budget.keys.map((k) => k.code));
  const checkTarget = (target: CostTarget, path: string) => {
    if (target.kind === 'line' && !known.has(target.line)) issues.push({ path, message: `ligne « ${target.line} » absente du catalogue` });
    if (target.kind === 'category' && !categories.has(target.category)) issues.push({ path, message: `catégorie « ${target.category} » sans ligne au catalogue` });
    if (target.kind === 'key' && !keys.has(target.key)) issues.push({ path, message: `clé « ${target.key} » non définie` });
  };
  const ids = new Set<string>();
  const unique = (id: string, path: string) => {
    if (ids.has(id)) issues.push({ path, message: `identifiant « ${id} » en double` });
    ids.add(id);
  };
  budget.charges.forEach((c, i) => {
    unique(c.id, `charges.${i}.id`);
    checkTarget(c.target, `charges.${i}.target`);
  });
  budget.staff.forEach((s, i) => {
    unique(s.id, `staff.${i}.id`);
    const total = s.shares.reduce((sum, x) => sum + x.basisPoints, 0);
    if (total > FULL_TIME) issues.push({ path: `staff.${i}.shares`, message: `les parts de temps dépassent 100 % (${total / 100} %)` });
    s.shares.forEach((x, j) => {
      if (!known.has(x.line)) issues.push({ path: `staff.${i}.shares.${j}.line`, message: `ligne « ${x.line} » absente du catalogue` });
    });
    if (s.role !== 'technical' && s.shares.length) issues.push({ path: `staff.${i}.shares`, message: 'le personnel de management ou administratif reste à la charge de la structure (convention 004 art. 9.2.1)' });
  });
  budget.investments.forEach((inv, i) => {
    unique(inv.id, `investments.${i}.id`);
    if (inv.years < 1) issues.push({ path: `investments.${i}.years`, message: "la durée d'amortissement doit être d'au moins un an" });
    checkTarget(inv.target, `investments.${i}.target`);
  });
  budget.keys.forEach((k, i) => {
    if (!k.weights.some((w) => w.weight > 0)) issues.push({ path: `keys.${i}.weights`, message: `la clé « ${k.label} » ne porte sur aucune ligne` });
    k.weights.forEach((w, j) => {
      if (!known.has(w.line)) issues.push({ path: `keys.${i}.weights.${j}.line`, message: `ligne « ${w.line} » absente du catalogue` });
    });
  });
  budget.forecastUnits.forEach((u, i) => {
    if (!known.has(u.line)) issues.push({ path: `forecastUnits.${i}.line`, message: `ligne « ${u.line} » absente du catalogue` });
  });
  return issues;
}
