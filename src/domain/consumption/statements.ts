import { cents, type Cents } from '../money.ts';
import { monthsOf, type Period } from './periods.ts';

/**
 * The statements a provider sends its members: the quarterly statement of telecom consumption by type of
 * service with the operator invoices behind it (seed 000 art. 4.2), and the statement of uses in units over a
 * period (seed 001 art. 5.2: "un état semestriel […] indiquant la liste des recours au service, convertis en
 * unités de fonctionnement"), each beside its forecast (seed 001 annex 3; seed 000 provisional titles).
 */

export interface InvoiceLineFact {
  invoiceId: string;
  operator: string;
  marketLot: string;
  number: string;
  issuedOn: string;
  periodFrom: string;
  periodTo: string;
  paidOn: string | null;
  hasCopy: boolean;
  line: string;
  site: string;
  label: string;
  amountCents: number;
  vatCents: number;
}

export interface PenaltyFact {
  operator: string;
  marketLot: string;
  receivedOn: string;
  amountCents: number;
  reason: string;
}

export interface TelecomStatement {
  byType: { line: string; lineName: string; lines: number; amountCents: Cents; vatCents: Cents; totalCents: Cents }[];
  invoices: { invoiceId: string; operator: string; marketLot: string; number: string; issuedOn: string; periodFrom: string; periodTo: string; paidOn: string | null; hasCopy: boolean; lines: number; amountCents: Cents; vatCents: Cents }[];
  penalties: PenaltyFact[];
  amountCents: Cents;
  vatCents: Cents;
  totalCents: Cents;
  penaltiesCents: Cents;
  /** Forecast consumption of the period (excl. VAT), when one was recorded. */
  forecastCents: Cents | null;
  /** Actual minus forecast (excl. VAT): what the quarter's true-up will settle, before the management fee. */
  differenceCents: Cents | null;
}

/**
 * A member's telecom statement for a period. The caller passes the invoice lines the period holds — an
 * invoice belongs to the period in which its billed period starts — and the penalties received in it.
 */
export function telecomStatement(lines: readonly InvoiceLineFact[], penalties: readonly PenaltyFact[], forecastCents: number | null, lineName: (code: string) => string): TelecomStatement {
  const byType = new Map<string, TelecomStatement['byType'][number]>();
  const invoices = new Map<string, TelecomStatement['invoices'][number]>();
  let amount = 0;
  let vat = 0;
  for (const l of lines) {
    const type = byType.get(l.line) ?? { line: l.line, lineName: lineName(l.line), lines: 0, amountCents: cents(0), vatCents: cents(0), totalCents: cents(0) };
    type.lines++;
    type.amountCents = cents(type.amountCents + l.amountCents);
    type.vatCents = cents(type.vatCents + l.vatCents);
    type.totalCents = cents(type.amountCents + type.vatCents);
    byType.set(l.line, type);
    const { invoiceId, operator, marketLot, number, issuedOn, periodFrom, periodTo, paidOn, hasCopy } = l;
    const invoice = invoices.get(invoiceId) ?? { invoiceId, operator, marketLot, number, issuedOn, periodFrom, periodTo, paidOn, hasCopy, lines: 0, amountCents: cents(0), vatCents: cents(0) };
    invoice.lines++;
    invoice.amountCents = cents(invoice.amountCents + l.amountCents);
    invoice.vatCents = cents(invoice.vatCents + l.vatCents);
    invoices.set(invoiceId, invoice);
    amount += l.amountCents;
    vat += l.vatCents;
  }
  const penaltiesCents = cents(penalties.reduce((sum, p) => sum + p.amountCents, 0));
  return {
    byType: [...byType.values()].sort((a, b) => a.lineName.localeCompare(b.lineName, 'fr')),
    invoices: [...invoices.values()].sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.number.localeCompare(b.number)),
    penalties: [...penalties].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn)),
    amountCents: cents(amount),
    vatCents: cents(vat),
    totalCents: cents(amount + vat),
    penaltiesCents,
    forecastCents: forecastCents === null ? null : cents(forecastCents),
    differenceCents: forecastCents === null ? null : cents(amount - forecastCents),
  };
}

export interface UnitSeries {
  line: string;
  optionsKey: string;
  /** January to December; null for a month without snapshot. */
  months: readonly (number | null)[];
}

export interface UnitForecast {
  line: string;
  optionsKey: string;
  /** 0 for the whole year, 1–4 for a quarter. */
  quarter: number;
  units: number | null;
}

export interface UnitsStatementRow {
  line: string;
  optionsKey: string;
  months: { month: number; units: number | null }[];
  /** Units over the period: the sum of its monthly snapshots. */
  totalUnits: number;
  /** From January to the period's last month. */
  yearToDateUnits: number;
  /** The forecast for exactly this period (its quarters', or the year's for a year), when recorded. */
  forecastUnits: number | null;
  differenceUnits: number | null;
  /** The year's forecast, shown beside a shorter period rather than cut into months by guesswork. */
  yearForecastUnits: number | null;
}

/** The forecast units recorded for a period: the year's for a year, else the sum of its quarters if all are there. */
export function forecastForPeriod(forecasts: readonly UnitForecast[], line: string, optionsKey: string, period: Period): number | null {
  const mine = forecasts.filter((f) => f.line === line && f.optionsKey === optionsKey && f.units !== null);
  if (period.kind === 'year') return mine.find((f) => f.quarter === 0)?.units ?? null;
  const months = monthsOf(period);
  if (months.length % 3 !== 0) return null;
  const quarters = months.filter((m) => m % 3 === 1).map((m) => (m + 2) / 3);
  const found = quarters.map((q) => mine.find((f) => f.quarter === q)?.units ?? null);
  return found.every((u) => u !== null) ? found.reduce<number>((sum, u) => sum + u!, 0) : null;
}

/** Units of each service line over a period, month by month, with the forecast beside them. */
export function unitsStatement(series: readonly UnitSeries[], forecasts: readonly UnitForecast[], period: Period): UnitsStatementRow[] {
  const months = monthsOf(period);
  const last = months[months.length - 1]!;
  const keys = new Set(series.map((s) => `${s.line}\u0001${s.optionsKey}`));
  const rows: UnitsStatementRow[] = [];
  // A line forecast but never used still shows: zero use against a forecast is information.
  const all = [...series, ...forecasts.filter((f) => !keys.has(`${f.line}\u0001${f.optionsKey}`)).map((f) => ({ line: f.line, optionsKey: f.optionsKey, months: Array<number | null>(12).fill(null) }))];
  const done = new Set<string>();
  for (const s of all) {
    const key = `${s.line}\u0001${s.optionsKey}`;
    if (done.has(key)) continue;
    done.add(key);
    const totalUnits = months.reduce((sum, m) => sum + (s.months[m - 1] ?? 0), 0);
    let yearToDateUnits = 0;
    for (let m = 1; m <= last; m++) yearToDateUnits += s.months[m - 1] ?? 0;
    const forecastUnits = forecastForPeriod(forecasts, s.line, s.optionsKey, period);
    rows.push({
      line: s.line,
      optionsKey: s.optionsKey,
      months: months.map((month) => ({ month, units: s.months[month - 1] ?? null })),
      totalUnits,
      yearToDateUnits,
      forecastUnits,
      differenceUnits: forecastUnits === null ? null : totalUnits - forecastUnits,
      yearForecastUnits: forecastForPeriod(forecasts, s.line, s.optionsKey, { kind: 'year', year: period.year, index: 1 }),
    });
  }
  return rows.sort((a, b) => a.line.localeCompare(b.line) || a.optionsKey.localeCompare(b.optionsKey));
}
