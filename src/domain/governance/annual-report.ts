import { addCents, cents, type Cents } from '../money.ts';
import { civilDate, compareCivilDates, type CivilDate } from '../civil-date.ts';

/**
 * The steering committee's yearly report on an agreement (seed 001 art. 6.3: "réaliser un rapport annuel de la
 * mise en œuvre de la présente convention, annexe au rapport d'activité des deux parties"; "examiner les
 * conditions matérielles et financières"). The figures come from the year's records; the texts are written by
 * people and may change until the report is made final, after which nothing changes.
 */
export interface ReportFacts {
  services: { organisationName: string; line: string; lineName: string; quantity: number; openedOn: CivilDate; withdrawnOn: CivilDate | null }[];
  /** Documents issued for the agreement in the fiscal year, with what was paid on titles. */
  documents: { kind: 'title' | 'reduction' | 'cancellation' | 'payment_order'; amountInclCents: number; paidCents: number }[];
  /** The provider's charges per line for the fiscal year (unit costs, CGCT D. 5211-16). */
  costs: { line: string; lineName: string; chargesCents: number; forecastUnits: number }[];
  meetings: { committeeName: string; heldOn: CivilDate; decisions: string[] }[];
}

export interface ReportFigures {
  year: number;
  services: { organisationName: string; lineName: string; quantity: number; openedOn: CivilDate; withdrawnOn: CivilDate | null }[];
  units: { lineName: string; quantity: number }[];
  billedCents: Cents;
  reducedCents: Cents;
  netBilledCents: Cents;
  collectedCents: Cents;
  outstandingCents: Cents;
  paymentOrdersCents: Cents;
  costs: { lineName: string; chargesCents: Cents; forecastUnits: number }[];
  costsCents: Cents;
  meetings: { committeeName: string; heldOn: CivilDate; decisions: string[] }[];
}

export const REPORT_TEXTS = {
  introduction: 'Introduction',
  services: 'Services rendus',
  finances: 'Conditions matérielles et financières',
  incidents: 'Incidents relevés',
  proposals: "Propositions pour améliorer l'exécution",
  opinion: 'Avis du comité',
} as const;
export type ReportTextKey = keyof typeof REPORT_TEXTS;
export type ReportTexts = Record<ReportTextKey, string>;

/** A line counts for the year when it was open on at least one day of it. */
function activeIn(year: number, openedOn: CivilDate, withdrawnOn: CivilDate | null): boolean {
  return compareCivilDates(openedOn, civilDate(year, 12, 31)) <= 0 && (withdrawnOn === null || compareCivilDates(withdrawnOn, civilDate(year, 1, 1)) > 0);
}

export function reportFigures(year: number, facts: ReportFacts): ReportFigures {
  const services = facts.services.filter((s) => activeIn(year, s.openedOn, s.withdrawnOn));
  const units = new Map<string, number>();
  for (const s of services) units.set(s.lineName, (units.get(s.lineName) ?? 0) + s.quantity);
  const sum = (kinds: ReportFacts['documents'][number]['kind'][]) => addCents(cents(0), ...facts.documents.filter((d) => kinds.includes(d.kind)).map((d) => cents(d.amountInclCents)));
  const billed = sum(['title']);
  const reduced = sum(['reduction', 'cancellation']);
  const net = cents(billed - reduced);
  const collected = addCents(cents(0), ...facts.documents.filter((d) => d.kind === 'title').map((d) => cents(d.paidCents)));
  const costs = facts.costs.map((c) => ({ lineName: c.lineName, chargesCents: cents(c.chargesCents), forecastUnits: c.forecastUnits }));
  return {
    year,
    services: services.map(({ organisationName, lineName, quantity, openedOn, withdrawnOn }) => ({ organisationName, lineName, quantity, openedOn, withdrawnOn })),
    units: [...units].map(([lineName, quantity]) => ({ lineName, quantity })).sort((a, b) => a.lineName.localeCompare(b.lineName, 'fr')),
    billedCents: billed,
    reducedCents: reduced,
    netBilledCents: net,
    collectedCents: collected,
    outstandingCents: cents(Math.max(0, net - collected)),
    paymentOrdersCents: sum(['payment_order']),
    costs,
    costsCents: addCents(cents(0), ...costs.map((c) => c.chargesCents)),
    meetings: facts.meetings.filter((m) => Number(m.heldOn.slice(0, 4)) === year),
  };
}

/** The texts a new draft starts from: the introduction says what the report is; the rest is for the committee to write. */
export function draftTexts(agreementTitle: string, year: number): ReportTexts {
  return {
    introduction: `Rapport annuel du comité de pilotage sur la mise en œuvre de la convention « ${agreementTitle} » pour l'année ${year}, annexé au rapport d'activité des parties.`,
    services: '',
    finances: '',
    incidents: '',
    proposals: '',
    opinion: '',
  };
}
