import { describe, expect, it } from 'vitest';
import { parseCivilDate as d } from '../civil-date.ts';
import { draftTexts, reportFigures, type ReportFacts } from './annual-report.ts';

const facts: ReportFacts = {
  services: [
    { organisationName: 'Lens', line: 'socle', lineName: 'Socle', quantity: 320, openedOn: d('2025-03-01'), withdrawnOn: null },
    { organisationName: 'Lens', line: 'mail', lineName: 'Messagerie', quantity: 180, openedOn: d('2025-04-01'), withdrawnOn: null },
    { organisationName: 'Lens', line: 'mail', lineName: 'Messagerie', quantity: 60, openedOn: d('2025-04-01'), withdrawnOn: d('2025-12-31') },
    // Withdrawn on 1 January: not open on any day of the year.
    { organisationName: 'Lens', line: 'old', lineName: 'Ancien', quantity: 5, openedOn: d('2024-01-01'), withdrawnOn: d('2025-01-01') },
    // Opened the next year.
    { organisationName: 'Lens', line: 'host', lineName: 'Hébergement', quantity: 10, openedOn: d('2026-01-01'), withdrawnOn: null },
  ],
  documents: [
    { kind: 'title', amountInclCents: 1_000_000, paidCents: 1_000_000 },
    { kind: 'title', amountInclCents: 500_050, paidCents: 200_000 },
    { kind: 'reduction', amountInclCents: 50_050, paidCents: 0 },
    { kind: 'payment_order', amountInclCents: 12_345, paidCents: 0 },
  ],
  costs: [
    { line: 'socle', lineName: 'Socle', chargesCents: 4_200_000, forecastUnits: 1000 },
    { line: 'mail', lineName: 'Messagerie', chargesCents: 800_000, forecastUnits: 400 },
  ],
  meetings: [
    { committeeName: 'Comité de pilotage', heldOn: d('2025-06-17'), decisions: ['Avis favorable'] },
    { committeeName: 'Comité de pilotage', heldOn: d('2026-06-16'), decisions: [] },
  ],
};

describe('the annual report’s figures (seed 001 art. 6.3)', () => {
  const figures = reportFigures(2025, facts);

  it('counts the services open on at least one day of the year and their units per line', () => {
    expect(figures.services.map((s) => `${s.lineName} ${s.quantity}`)).toEqual(['Socle 320', 'Messagerie 180', 'Messagerie 60']);
    expect(figures.units).toEqual([
      { lineName: 'Messagerie', quantity: 240 },
      { lineName: 'Socle', quantity: 320 },
    ]);
  });

  it('sums billed, reduced, collected and outstanding amounts in cents', () => {
    expect(figures).toMatchObject({ billedCents: 1_500_050, reducedCents: 50_050, netBilledCents: 1_450_000, collectedCents: 1_200_000, outstandingCents: 250_000, paymentOrdersCents: 12_345, costsCents: 5_000_000 });
  });

  it('keeps the year’s meetings only', () => {
    expect(figures.meetings.map((m) => m.heldOn)).toEqual(['2025-06-17']);
  });

  it('starts a draft with an introduction that names the agreement and the year', () => {
    expect(draftTexts('Convention X', 2025).introduction).toContain('« Convention X » pour l\'année 2025');
  });
});
