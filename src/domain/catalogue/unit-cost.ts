import { addMonths, compareCivilDates, type CivilDate } from '../civil-date.ts';
import { cents, multiplyRounded, type Cents } from '../money.ts';

/**
 * Unit cost of a service between public bodies (CGCT art. D5211-16; seed 001 art. 5.1): the service's
 * charges divided by the forecast number of units of service.
 */
export const COST_NATURES = {
  licences: 'Licences',
  staff: 'Charges de personnel',
  supplies: 'Fournitures',
  flows: 'Flux',
  renewal: 'Renouvellement des biens et contrats de services rattachés',
  other: 'Autres dépenses strictement liées au fonctionnement du service',
} as const;
export type CostNature = keyof typeof COST_NATURES;
export const COST_NATURE_VALUES = Object.keys(COST_NATURES) as [CostNature, ...CostNature[]];

export interface UnitCostInput {
  charges: { nature: CostNature; amount: Cents }[];
  forecastUnits: number;
}

export interface UnitCostResult {
  total: Cents;
  unitCost: Cents;
  /** Each nature's share of one unit, rounded half up; shown to members as the breakdown. */
  perUnitByNature: { nature: CostNature; amount: Cents; perUnit: Cents }[];
}

export function computeUnitCost(input: UnitCostInput): UnitCostResult {
  if (!Number.isInteger(input.forecastUnits) || input.forecastUnits <= 0) {
    throw new RangeError(`Le nombre d'unités prévisionnel doit être un entier positif (reçu ${input.forecastUnits})`);
  }
  const byNature = new Map<CostNature, number>();
  for (const c of input.charges) byNature.set(c.nature, (byNature.get(c.nature) ?? 0) + c.amount);
  const total = cents([...byNature.values()].reduce((s, a) => s + a, 0));
  return {
    total,
    unitCost: multiplyRounded(total, 1, input.forecastUnits),
    perUnitByNature: [...byNature.entries()].map(([nature, amount]) => ({ nature, amount: cents(amount), perUnit: multiplyRounded(cents(amount), 1, input.forecastUnits) })),
  };
}

/**
 * Seed 001 art. 5.1: the unit-cost annex may be updated "avec un préavis de 3 mois, au minimum, chaque
 * année, avant la date d'adoption du budget". Returns the last day the change may be notified.
 */
export function unitCostNoticeDeadline(budgetAdoption: CivilDate, noticeMonths: number): CivilDate {
  return addMonths(budgetAdoption, -noticeMonths);
}

export function unitCostChangeInTime(notifiedOn: CivilDate, budgetAdoption: CivilDate, noticeMonths: number): boolean {
  return compareCivilDates(notifiedOn, unitCostNoticeDeadline(budgetAdoption, noticeMonths)) <= 0;
}
