import { cents, multiplyRounded, type Cents } from '../money.ts';
import { billLine, billTotals, type BillLine } from './bill-line.ts';
import type { VatTreatment } from '../catalogue/tariff-grid.ts';

/**
 * Telecom consumption passed through to members (seed 000 art. 4.2): "la participation financière de chaque
 * membre est établie sur la base réelle de ses consommations augmentée de 5 % de frais de gestion". At the
 * start of each quarter a provisional title on the forecast + fee; at its end the true-up on actuals + fee,
 * minus the provisional title; at the end of the civil year a payment order for the penalties received.
 */
export const FEE_LINE = 'frais-de-gestion';
const NOT_SUBJECT: VatTreatment = { mode: 'not_subject' };
const percent = (bp: number) => `${(bp / 100).toLocaleString('fr-FR')} %`;

function withFee(lines: BillLine[], feeBasisPoints: number, basis: string): BillLine[] {
  if (!feeBasisPoints || !lines.length) return lines;
  const base = lines.reduce((sum, l) => sum + l.amount, 0);
  return [
    ...lines,
    billLine({
      line: FEE_LINE,
      optionsKey: '',
      label: `Frais de gestion (${percent(feeBasisPoints)})`,
      quantity: { numerator: feeBasisPoints, denominator: 10_000 },
      quantityText: percent(feeBasisPoints),
      unitPrice: cents(base),
      vat: NOT_SUBJECT,
      basis,
      sources: [],
    }),
  ];
}

/** The provisional title: the quarter's forecast consumption per type of service, and the fee on it. */
export function provisionalLines(forecasts: readonly { line: string; quarter: number; amountCents: number }[], feeBasisPoints: number, labelOf: (line: string) => string): BillLine[] {
  const lines = forecasts
    .filter((f) => f.amountCents !== 0)
    .map((f) =>
      billLine({
        line: f.line,
        optionsKey: '',
        label: labelOf(f.line),
        quantity: { numerator: 1, denominator: 1 },
        quantityText: 'prévision',
        unitPrice: cents(f.amountCents),
        vat: NOT_SUBJECT,
        basis: `consommation prévisionnelle du trimestre ${f.quarter}`,
        sources: [{ kind: 'forecast', line: f.line, quarter: f.quarter, amountCents: f.amountCents }],
      }),
    );
  return withFee(lines, feeBasisPoints, 'sur la consommation prévisionnelle');
}

export interface InvoiceLineFact {
  invoiceId: string;
  position: number;
  line: string;
  amountCents: number;
  vatCents: number;
}

/**
 * The actual consumption per type of service and the fee on it. Whether the operator's VAT is passed on (the
 * provider bears it as a cost) or not is the policy's choice: seed 000 does not say.
 */
export function actualLines(facts: readonly InvoiceLineFact[], feeBasisPoints: number, amounts: 'excl_vat' | 'incl_vat', labelOf: (line: string) => string): BillLine[] {
  const byType = new Map<string, InvoiceLineFact[]>();
  for (const f of facts) byType.set(f.line, [...(byType.get(f.line) ?? []), f]);
  const lines = [...byType.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([line, items]) => {
      const total = items.reduce((sum, f) => sum + f.amountCents + (amounts === 'incl_vat' ? f.vatCents : 0), 0);
      return billLine({
        line,
        optionsKey: '',
        label: labelOf(line),
        quantity: { numerator: 1, denominator: 1 },
        quantityText: `${items.length} ligne(s) de facture`,
        unitPrice: cents(total),
        vat: NOT_SUBJECT,
        basis: `consommation réelle ${amounts === 'incl_vat' ? 'TTC' : 'HT'} d'après les factures des opérateurs`,
        sources: items.map((f) => ({ kind: 'operator_invoice_line' as const, invoiceId: f.invoiceId, position: f.position, amountCents: f.amountCents + (amounts === 'incl_vat' ? f.vatCents : 0) })),
      });
    });
  return withFee(lines, feeBasisPoints, 'sur la consommation réelle');
}

export type TrueUp = { kind: 'none' } | { kind: 'title'; amount: Cents } | { kind: 'reduction'; amount: Cents };

/**
 * What the quarter's end settles: actual + fee minus what the provisional title billed. More is a new title;
 * less is a reduction of the provisional title — a new numbered document, never an edit of the first.
 */
export function trueUp(actual: readonly BillLine[], provisionalTotal: Cents): TrueUp {
  const difference = billTotals(actual).incl - provisionalTotal;
  if (difference === 0) return { kind: 'none' };
  return difference > 0 ? { kind: 'title', amount: cents(difference) } : { kind: 'reduction', amount: cents(-difference) };
}

/** The year-end payment order: every penalty an operator paid for the member's services (seed 000 art. 4.2). */
export function penaltyOrderLines(penalties: readonly { id: string; operator: string; receivedOn: string; amountCents: number; reason: string }[]): BillLine[] {
  return penalties.map((p) =>
    billLine({
      line: 'penalite-operateur',
      optionsKey: '',
      label: `Pénalité ${p.operator} du ${p.receivedOn.split('-').reverse().join('/')}`,
      quantity: { numerator: 1, denominator: 1 },
      quantityText: '1',
      unitPrice: cents(p.amountCents),
      vat: NOT_SUBJECT,
      basis: p.reason,
      sources: [{ kind: 'penalty', id: p.id, receivedOn: p.receivedOn, amountCents: p.amountCents }],
    }),
  );
}

/** A fee alone, for documents: the amount the rate gives on a base, rounded once. */
export const feeOn = (base: Cents, feeBasisPoints: number): Cents => multiplyRounded(base, feeBasisPoints, 10_000);
