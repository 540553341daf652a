import { billLine, vatSplit, type BillLine } from '../../domain/billing/bill-line.ts';
import type { VatTreatment } from '../../domain/catalogue/tariff-grid.ts';
import { cents } from '../../domain/money.ts';
import type { StoredTitleLine, TitleLineRow } from '../../repositories/billing-repository.ts';

/** An issued line as the calculators made it: shown from what was stored, never recomputed. */
export function storedLine(l: TitleLineRow): BillLine {
  return billLine({
    line: l.line,
    optionsKey: l.optionsKey,
    label: l.label,
    quantity: { numerator: l.quantity.numerator, denominator: l.quantity.denominator },
    quantityText: l.quantityText,
    unitPrice: cents(l.unitPrice),
    vat: l.vat as VatTreatment,
    basis: l.basis,
    sources: l.sources as BillLine['sources'],
  });
}

/**
 * A title's lines as the JSON text it keeps for ever, each with its VAT amount as computed at issue (a later
 * change of the rounding code must not change an issued title). Called once per title of a national run: a
 * plain loop, no closure per line.
 */
export function encodeTitleLines(lines: readonly BillLine[]): string {
  const stored: StoredTitleLine[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    stored[i] = { line: l.line, optionsKey: l.optionsKey, label: l.label, quantity: l.quantity, quantityText: l.quantityText, unitPrice: l.unitPrice, amount: l.amount, vat: l.vat, vatCents: vatSplit(l.amount, l.vat).vat, basis: l.basis, sources: l.sources };
  }
  return JSON.stringify(stored);
}
