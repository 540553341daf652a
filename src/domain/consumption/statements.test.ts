import { describe, expect, it } from 'vitest';
import { forecastForPeriod, telecomStatement, unitsStatement, type InvoiceLineFact } from './statements.ts';

const invoice = { operator: 'Opérateur fixe', marketLot: 'Lot 1', issuedOn: '2016-10-05', periodFrom: '2016-09-01', periodTo: '2016-09-30', paidOn: '2016-10-20', hasCopy: true };
const line = (over: Partial<InvoiceLineFact>): InvoiceLineFact => ({ ...invoice, invoiceId: 'i1', number: 'F1', line: 'communications-sortantes', site: '03 22 00 00 00', label: 'Communications', amountCents: 10000, vatCents: 2000, ...over });
const names: Record<string, string> = { 'communications-sortantes': 'Communications sortantes', 'telephonie-mobile': 'Téléphonie mobile' };

describe('quarterly telecom statement (seed 000 art. 4.2)', () => {
  it('sums consumption by type of service and by invoice, beside the forecast and the penalties', () => {
    const statement = telecomStatement(
      [line({}), line({ site: '03 22 00 00 01', amountCents: 4550, vatCents: 910 }), line({ invoiceId: 'i2', number: 'F2', line: 'telephonie-mobile', amountCents: 3000, vatCents: 600, hasCopy: false })],
      [{ operator: 'Opérateur fixe', marketLot: 'Lot 1', receivedOn: '2016-09-15', amountCents: 1500, reason: 'Rétablissement hors délai' }],
      20000,
      (code) => names[code] ?? code,
    );
    expect(statement.byType.map((t) => [t.lineName, t.lines, t.amountCents, t.totalCents])).toEqual([
      ['Communications sortantes', 2, 14550, 17460],
      ['Téléphonie mobile', 1, 3000, 3600],
    ]);
    expect(statement.invoices.map((i) => [i.number, i.lines, i.amountCents, i.hasCopy])).toEqual([
      ['F1', 2, 14550, true],
      ['F2', 1, 3000, false],
    ]);
    expect([statement.amountCents, statement.vatCents, statement.totalCents, statement.penaltiesCents]).toEqual([17550, 3510, 21060, 1500]);
    // Actual 175.50 € against a forecast of 200.00 €: the true-up goes down by 24.50 € (before the 5 % fee).
    expect(statement.differenceCents).toBe(-2450);
  });

  it('has no difference without a forecast, and is empty without invoices', () => {
    const statement = telecomStatement([], [], null, (c) => c);
    expect([statement.totalCents, statement.forecastCents, statement.differenceCents, statement.byType]).toEqual([0, null, null, []]);
  });
});

describe('statement of uses in units (seed 001 art. 5.2, half-yearly)', () => {
  const months = [10, 12, 11, 9, null, 14, 20, 20, 20, 20, 20, 20];
  const series = [{ line: 'messagerie', optionsKey: '', months }];
  const h1 = { kind: 'half', year: 2024, index: 1 } as const;

  it('sums the half-year, the year to date, and compares with the quarters forecast', () => {
    const [row] = unitsStatement(series, [{ line: 'messagerie', optionsKey: '', quarter: 1, units: 30 }, { line: 'messagerie', optionsKey: '', quarter: 2, units: 30 }, { line: 'messagerie', optionsKey: '', quarter: 0, units: 150 }], h1);
    expect(row).toMatchObject({ totalUnits: 56, yearToDateUnits: 56, forecastUnits: 60, differenceUnits: -4, yearForecastUnits: 150 });
    expect(row!.months).toEqual([10, 12, 11, 9, null, 14].map((units, i) => ({ month: i + 1, units })));
  });

  it('does not cut a yearly forecast into halves', () => {
    const [row] = unitsStatement(series, [{ line: 'messagerie', optionsKey: '', quarter: 0, units: 150 }], { kind: 'half', year: 2024, index: 2 });
    expect(row).toMatchObject({ totalUnits: 120, yearToDateUnits: 176, forecastUnits: null, differenceUnits: null, yearForecastUnits: 150 });
  });

  it('shows a line forecast but never used', () => {
    const rows = unitsStatement(series, [{ line: 'sauvegarde', optionsKey: '', quarter: 0, units: 12 }], { kind: 'year', year: 2024, index: 1 });
    expect(rows.map((r) => [r.line, r.totalUnits, r.forecastUnits, r.differenceUnits])).toEqual([
      ['messagerie', 176, null, null],
      ['sauvegarde', 0, 12, -12],
    ]);
  });

  it('needs every quarter of a period for its forecast', () => {
    const forecasts = [{ line: 'l', optionsKey: '', quarter: 3, units: 5 }];
    expect(forecastForPeriod(forecasts, 'l', '', { kind: 'quarter', year: 2024, index: 3 })).toBe(5);
    expect(forecastForPeriod(forecasts, 'l', '', { kind: 'half', year: 2024, index: 2 })).toBeNull();
    expect(forecastForPeriod(forecasts, 'l', '', { kind: 'month', year: 2024, index: 7 })).toBeNull();
  });
});
