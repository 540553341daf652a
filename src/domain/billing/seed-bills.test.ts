import { describe, expect, it } from 'vitest';
import type { VatTreatment } from '../catalogue/tariff-grid.ts';
import type { CivilDate } from '../civil-date.ts';
import { cents, type Cents } from '../money.ts';
import { billTotals, vatSplit, type BillLine } from './bill-line.ts';
import { flatCharges, type FlatPrice } from './flat-charges.ts';
import { actualLines, penaltyOrderLines, provisionalLines, trueUp } from './pass-through.ts';
import { snapshotCharges, type SnapshotSeries, type UnitPrice } from './snapshot-charges.ts';
import { timeCharges } from './time-charges.ts';

/**
 * The seeds' own billing rules, reproduced line by line. Prices are the seeds' where they print them (seed 004
 * annex 5, seed 002 art. 4.2); where a seed prints none (003, 001, 000's amounts) the figures are illustrative.
 */
const NONE: VatTreatment = { mode: 'not_subject' };
const amounts = (lines: readonly BillLine[]) => lines.map((l) => [l.line, l.optionsKey, l.quantityText, l.amount]);
const priced = (table: Record<string, number>, vat: VatTreatment = NONE) => (line: string, optionsKey: string): UnitPrice => {
  const price = table[optionsKey ? `${line}|${optionsKey}` : line];
  return price === undefined ? { ok: false, message: `pas de prix pour ${line}` } : { ok: true, unitPrice: cents(price), vat, priceLabel: 'grille de test' };
};
const months = (...units: (number | null)[]) => [...units, ...Array<null>(12 - units.length).fill(null)];

describe('seed 004: half-year from monthly snapshots at annex 5 monthly prices', () => {
  const ANNEX_5 = { 'socle-reseau': 700, 'postes-n1': 1700, 'hebergement-n1': 1200, 'messagerie|niveau=basique&stockage=10': 650, 'messagerie|niveau=pro&stockage=25': 880, 'messagerie|niveau=premium&stockage=50': 1180 };
  const run = (series: SnapshotSeries[]) =>
    snapshotCharges({
      year: 2026,
      months: [1, 2, 3, 4, 5, 6],
      series,
      sharedCharges: [{ chargeLine: 'socle-reseau', triggeredBy: ['postes-n1', 'hebergement-n1'] }],
      priceOf: (line, key) => priced(ANNEX_5)(line, key),
      labelOf: (line) => line,
      unitLabel: () => 'unités',
    });

  it('bills Lens’s first half of 2026 (the demo snapshots) unit-month by unit-month', () => {
    const { lines, issues } = run([
      { line: 'socle-reseau', optionsKey: '', months: months(335, 335, 335, 338, 338, 339, 339) },
      { line: 'messagerie', optionsKey: 'niveau=basique&stockage=10', months: months(180, 181, 181, 182, 182, 183) },
      { line: 'messagerie', optionsKey: 'niveau=pro&stockage=25', months: months(60, 60, 61, 61, 62, 62) },
      { line: 'messagerie', optionsKey: 'niveau=premium&stockage=50', months: months(12, 12, 12, 12, 12, 12) },
      { line: 'hebergement-n1', optionsKey: '', months: months(322, 322, 323, 325, 325, 326) },
    ]);
    expect(issues).toEqual([]);
    expect(amounts(lines)).toEqual([
      ['hebergement-n1', '', '1\u202f943 unités × mois', 2_331_600],
      ['messagerie', 'niveau=basique&stockage=10', '1\u202f089 unités × mois', 707_850],
      ['messagerie', 'niveau=premium&stockage=50', '72 unités × mois', 84_960],
      ['messagerie', 'niveau=pro&stockage=25', '366 unités × mois', 322_080],
      ['socle-reseau', '', '2\u202f020 unités × mois', 1_414_000],
    ]);
    expect(billTotals(lines).incl).toBe(4_860_490);
    expect(lines.find((l) => l.line === 'socle-reseau')!.basis).toBe('relevés mensuels de janvier–juin 2026, grille de test');
  });

  it('charges the base once when both category 1 and category 3 are taken, on the larger count', () => {
    const { lines } = run([
      { line: 'postes-n1', optionsKey: '', months: months(300, 300, 300, 300, 300, 300) },
      { line: 'hebergement-n1', optionsKey: '', months: months(300, 300, 300, 320, 320, 320) },
    ]);
    // 300 × 3 + 320 × 3 = 1,860 base units, not 300 + 300 each month.
    expect(amounts(lines).find(([line]) => line === 'socle-reseau')).toEqual(['socle-reseau', '', '1\u202f860 unités × mois', 1_302_000]);
  });

  it('reports a line without price instead of billing it at zero', () => {
    const { lines, issues } = run([{ line: 'serveurs', optionsKey: '', months: months(2) }]);
    expect(lines).toEqual([]);
    expect(issues).toEqual([{ line: 'serveurs', message: 'pas de prix pour serveurs' }]);
  });
});

describe('seed 003: one annual title in arrears, flat services by twelfths, unit services whole', () => {
  // Illustrative annual prices: seed 003 prints none.
  const PRICES: Record<string, Exclude<FlatPrice, { ok: false }>> = {
    'datacenter-moyens': { ok: true, kind: 'annual', unitPrice: cents(120_000), vat: NONE, priceLabel: 'catalogue 2025' },
    stockage: { ok: true, kind: 'annual', unitPrice: cents(60), vat: NONE, priceLabel: 'catalogue 2025' },
    'video-protection': { ok: true, kind: 'annual', unitPrice: cents(240_000), vat: NONE, priceLabel: 'catalogue 2025' },
    'prestation-sortie': { ok: true, kind: 'per_unit', unitPrice: cents(45_000), vat: NONE, priceLabel: 'catalogue 2025' },
  };
  const sub = (lineId: string, line: string, quantity: number, billableFrom: string, billableBefore: string | null = null) => ({ lineId, line, optionsKey: '', quantity, billableFrom: billableFrom as CivilDate, billableBefore: billableBefore as CivilDate | null });

  it('prorates a service opened on 1 April 9/12, bills storage on the allocated volume, a unit service whole', () => {
    const { lines, issues } = flatCharges({
      year: 2025,
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      subscriptions: [sub('a', 'datacenter-moyens', 1, '2025-04-01'), sub('b', 'stockage', 500, '2024-09-01'), sub('c', 'prestation-sortie', 1, '2025-10-15'), sub('d', 'video-protection', 1, '2025-03-15', '2025-11-01')],
      proration: 'twelfths',
      partialMonthCounts: false,
      priceOf: (line) => PRICES[line] ?? { ok: false, message: 'pas de prix' },
      labelOf: (line) => line,
      unitLabel: (line) => (line === 'stockage' ? 'Go alloués' : 'forfait'),
    });
    expect(issues).toEqual([]);
    expect(amounts(lines)).toEqual([
      ['datacenter-moyens', '', '1 forfait × 9/12', 90_000],
      ['stockage', '', '500 Go alloués', 30_000],
      ['prestation-sortie', '', '1 forfait', 45_000],
      // Opened mid-March: billed from April (the 1st of the month after, seed 003 art. 4), withdrawn 1 November.
      ['video-protection', '', '1 forfait × 7/12', 140_000],
    ]);
    expect(lines[0]!.basis).toBe('9 douzième(s) : avril–décembre 2025, catalogue 2025');
  });
});

describe('seed 000: a quarter of telecom, provisional then true-up, and the year-end payment order', () => {
  const q3Forecast = [
    { line: 'abonnements-communications-entrantes', quarter: 3, amountCents: 123_000 },
    { line: 'communications-sortantes', quarter: 3, amountCents: 70_000 },
    { line: 'liaisons-donnees', quarter: 3, amountCents: 93_000 },
    { line: 'telephonie-mobile', quarter: 3, amountCents: 89_000 },
  ];
  // Q3 2016 of the demo invoices, excl. VAT, by type (examples/consumption).
  const q3Actual = [
    ['abonnements-communications-entrantes', 123_780],
    ['communications-sortantes', 67_364],
    ['bande-passante', 18_500],
    ['liaisons-donnees', 93_000],
    ['telephonie-mobile', 91_160],
  ].map(([line, amount], i) => ({ invoiceId: `i${i}`, position: 0, line: line as string, amountCents: amount as number, vatCents: 0 }));
  const label = (line: string) => line;

  it('bills the forecast + 5 % at the start of the quarter', () => {
    const lines = provisionalLines(q3Forecast, 500, label);
    expect(lines.at(-1)).toMatchObject({ line: 'frais-de-gestion', quantityText: '5 %', amount: 18_750 });
    expect(billTotals(lines).incl).toBe(393_750);
  });

  it('trues the quarter up on actuals + 5 %: more is a title, less is a reduction', () => {
    const actual = actualLines(q3Actual, 500, 'excl_vat', label);
    // 3,938.04 € + 5 % (196.902 → 196.90) = 4,134.94 €, against 3,937.50 € billed: +197.44 €.
    expect(billTotals(actual).incl).toBe(413_494);
    expect(trueUp(actual, cents(393_750))).toEqual({ kind: 'title', amount: 19_744 });
    // October only against a full fourth-quarter forecast of 4,624.20 € (4,404 € + 5 %): a reduction.
    const october = actualLines([{ invoiceId: 'o', position: 0, line: 'telephonie-mobile', amountCents: 145_443, vatCents: 0 }], 500, 'excl_vat', label);
    expect(trueUp(october, cents(462_420))).toEqual({ kind: 'reduction', amount: 309_705 });
    expect(trueUp(actual, billTotals(actual).incl)).toEqual({ kind: 'none' });
  });

  it('passes the operator’s VAT on when the policy says the provider bears it', () => {
    const lines = actualLines([{ invoiceId: 'i', position: 0, line: 'telephonie-mobile', amountCents: 29_680, vatCents: 5_936 }], 500, 'incl_vat', label);
    expect(amounts(lines)).toEqual([
      ['telephonie-mobile', '', '1 ligne(s) de facture', 35_616],
      ['frais-de-gestion', '', '5 %', 1_781],
    ]);
  });

  it('pays the penalties back by payment order at the end of the civil year', () => {
    const lines = penaltyOrderLines([{ id: 'p', operator: 'Titulaire du lot 2', receivedOn: '2016-11-15', amountCents: 15_000, reason: 'Rétablissement hors délai' }]);
    expect(amounts(lines)).toEqual([['penalite-operateur', '', '1', 15_000]]);
    expect(lines[0]!.label).toBe('Pénalité Titulaire du lot 2 du 15/11/2016');
  });
});

describe('seed 002: interventions on time spent at 50 € incl. VAT per hour', () => {
  const VAT_20_INCL: VatTreatment = { mode: 'incl', rateBasisPoints: 2000 };
  it('multiplies the minutes once by the hourly price and takes the VAT out of the total', () => {
    const { lines } = timeCharges(
      [
        { id: 't1', line: 'accompagnement-horaire', workedOn: '2026-02-03', minutes: 90 },
        { id: 't2', line: 'accompagnement-horaire', workedOn: '2026-02-10', minutes: 50 },
      ],
      () => ({ ok: true, unitPrice: cents(5000), vat: VAT_20_INCL, priceLabel: '50,00 € TTC de l’heure (art. 4.2)' }),
      (line) => line,
    );
    // 140 min × 50 € / 60 = 116.666… → 116.67 € TTC, of which VAT 116.67 × 20/120 = 19.445 → 19.45 €.
    expect(amounts(lines)).toEqual([['accompagnement-horaire', '', '2 h 20', 11_667]]);
    expect(vatSplit(lines[0]!.amount, VAT_20_INCL)).toEqual({ excl: 9_722, vat: 1_945, incl: 11_667 });
  });
});

describe('seed 001: unit cost × units of service observed over the half-year', () => {
  it('bills the units of the statement at the unit cost of the year', () => {
    const unitCosts: Record<string, Cents> = { messagerie: cents(125), sauvegarde: cents(3_210) };
    const { lines } = snapshotCharges({
      year: 2024,
      months: [1, 2, 3, 4, 5, 6],
      series: [
        { line: 'messagerie', optionsKey: '', months: months(100, 100, 100, 100, 100, 100) },
        { line: 'sauvegarde', optionsKey: '', months: months(3, 3, 3, 4, 4, 4) },
      ],
      sharedCharges: [],
      priceOf: (line) => ({ ok: true, unitPrice: unitCosts[line]!, vat: NONE, priceLabel: 'coût unitaire 2024 (annexe 2)' }),
      labelOf: (line) => line,
      unitLabel: () => 'unités de fonctionnement',
    });
    expect(amounts(lines)).toEqual([
      ['messagerie', '', '600 unités de fonctionnement × mois', 75_000],
      ['sauvegarde', '', '21 unités de fonctionnement × mois', 67_410],
    ]);
  });
});
