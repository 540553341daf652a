import { billLine, type BillLine } from '../../domain/billing/bill-line.ts';
import type { VatTreatment } from '../../domain/catalogue/tariff-grid.ts';
import { cents } from '../../domain/money.ts';
import type { TitleLineRow } from '../../repositories/billing-repository.ts';

/** An issued line as the calculators made it: shown from what was stored, never recomputed. */
export function storedLine(l: TitleLineRow): BillLine {
  return billLine({
    line: l.line,
    optionsKey: l.optionsKey,
    label: l.label,
    quantity: { numerator: l.quantityNumerator, denominator: l.quantityDenominator },
    quantityText: l.quantityText,
    unitPrice: cents(l.unitPriceCents),
    vat: l.vat as VatTreatment,
    basis: l.basis,
    sources: l.sources as BillLine['sources'],
  });
}
