import type { BudgetDocument } from '../../contracts/costs.ts';
import type { Budget, CostTarget } from '../../domain/costs/budget.ts';
import { cents, parseEuros, toDecimalString, type Cents } from '../../domain/money.ts';

/** The budget document of the API (euros as text, time in percent) to and from the domain (cents, basis points). */
export function percentToBasisPoints(percent: string): number {
  const [units, decimals = ''] = percent.replace(',', '.').split('.');
  return Number(units) * 100 + Number(decimals.padEnd(2, '0'));
}

export function basisPointsToPercent(bp: number): string {
  return bp % 100 === 0 ? String(bp / 100) : (bp / 100).toFixed(2).replace(/0$/, '');
}

const euros = (amount: Cents) => toDecimalString(amount);

export function documentToBudget(doc: BudgetDocument, fiscalYear: number): Budget {
  return {
    fiscalYear,
    charges: doc.charges.map((c) => ({ id: c.id, label: c.label, nature: c.nature, forecast: parseEuros(c.forecast), actual: c.actual === null ? null : parseEuros(c.actual), target: c.target as CostTarget })),
    staff: doc.staff.map((s) => ({ id: s.id, label: s.label, role: s.role, forecast: parseEuros(s.forecast), actual: s.actual === null ? null : parseEuros(s.actual), shares: s.shares.map((x) => ({ line: x.line, basisPoints: percentToBasisPoints(x.percent) })) })),
    investments: doc.investments.map((i) => ({ id: i.id, label: i.label, amount: parseEuros(i.amount), firstYear: i.firstYear, years: i.years, target: i.target as CostTarget })),
    keys: doc.keys.map((k) => ({ code: k.code, label: k.label, basis: k.basis, weights: k.weights.map((w) => ({ ...w })) })),
    forecastUnits: doc.forecastUnits.map((u) => ({ line: u.line, options: u.options, units: u.units })),
  };
}

export function budgetToDocument(budget: Budget): BudgetDocument {
  return {
    charges: budget.charges.map((c) => ({ id: c.id, label: c.label, nature: c.nature, forecast: euros(c.forecast), actual: c.actual === null ? null : euros(c.actual), target: c.target })),
    staff: budget.staff.map((s) => ({ id: s.id, label: s.label, role: s.role, forecast: euros(s.forecast), actual: s.actual === null ? null : euros(s.actual), shares: s.shares.map((x) => ({ line: x.line, percent: basisPointsToPercent(x.basisPoints) })) })),
    investments: budget.investments.map((i) => ({ id: i.id, label: i.label, amount: euros(i.amount), firstYear: i.firstYear, years: i.years, target: i.target })),
    keys: budget.keys.map((k) => ({ code: k.code, label: k.label, basis: k.basis, weights: k.weights })),
    forecastUnits: budget.forecastUnits.map((u) => ({ line: u.line, options: u.options, units: u.units })),
  };
}

/** Stored form: the domain budget without its year (the row holds it), amounts in integer cents. */
export function storedToBudget(stored: unknown, fiscalYear: number): Budget {
  const s = stored as Omit<Budget, 'fiscalYear'>;
  return {
    fiscalYear,
    charges: s.charges.map((c) => ({ ...c, forecast: cents(c.forecast), actual: c.actual === null ? null : cents(c.actual) })),
    staff: s.staff.map((x) => ({ ...x, forecast: cents(x.forecast), actual: x.actual === null ? null : cents(x.actual) })),
    investments: s.investments.map((i) => ({ ...i, amount: cents(i.amount) })),
    keys: s.keys,
    forecastUnits: s.forecastUnits,
  };
}

export function budgetToStored(budget: Budget): Omit<Budget, 'fiscalYear'> {
  const { fiscalYear: _year, ...rest } = budget;
  return rest;
}
