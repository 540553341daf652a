import type { VatTreatment } from '../catalogue/tariff-grid.ts';
import { addDays, compareCivilDates, formatCivilDateFr, type CivilDate } from '../civil-date.ts';
import { addCents, multiplyRounded, type Cents } from '../money.ts';

/**
 * Quotes for one-off and on-quote services (seed 002 art. 4.1: "Le devis précisera la nature des prestations,
 * leur quantité et le prix … La signature du devis vaut pour acceptation du prix"; seed 004 consulting).
 */

/** A quantity with up to two decimals (1.5 hours), held as hundredths so money stays integer arithmetic. */
export type Hundredths = number & { readonly __brand: 'Hundredths' };

const QUANTITY = /^(\d{1,7})(?:[.,](\d{1,2}))?$/;
export function parseQuantity(text: string): Hundredths {
  const match = QUANTITY.exec(text.trim());
  if (!match) throw new RangeError(`Quantité invalide « ${text} » : attendu un nombre positif avec au plus 2 décimales`);
  const value = Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
  if (value === 0) throw new RangeError('La quantité doit être positive');
  return value as Hundredths;
}
export function quantityText(quantity: Hundredths): string {
  const units = Math.trunc(quantity / 100);
  const rest = quantity % 100;
  return rest ? `${units},${String(rest).padStart(2, '0').replace(/0$/, '')}` : String(units);
}

export interface QuoteLine {
  /** What is done: "Accompagnement à la mise en œuvre de la messagerie". */
  nature: string;
  quantity: Hundredths;
  unitPrice: Cents;
  vat: VatTreatment;
}

export interface PricedQuoteLine extends QuoteLine {
  /** Unit price × quantity, rounded once, half up. */
  amount: Cents;
}

export interface QuoteTotals {
  lines: PricedQuoteLine[];
  total: Cents;
  /** How the amounts stand for VAT: all lines alike, or mixed (then each line says). */
  vatMode: VatTreatment['mode'] | 'mixed';
}

export function priceQuote(lines: QuoteLine[]): QuoteTotals {
  const priced = lines.map((line) => ({ ...line, amount: multiplyRounded(line.unitPrice, line.quantity, 100) }));
  const modes = new Set(lines.map((l) => l.vat.mode));
  return { lines: priced, total: addCents(...priced.map((l) => l.amount)), vatMode: modes.size === 1 ? [...modes][0]! : 'mixed' };
}

export type QuoteStatus = 'draft' | 'sent' | 'accepted' | 'declined' | 'expired';
export const QUOTE_STATUS_LABELS: Record<QuoteStatus, string> = { draft: 'Brouillon', sent: 'Envoyé', accepted: 'Accepté', declined: 'Refusé', expired: 'Expiré' };

export interface QuoteFacts {
  sentOn: CivilDate | null;
  validUntil: CivilDate;
  acceptedOn: CivilDate | null;
  declinedOn: CivilDate | null;
}

/** A sent quote not answered by its last day of validity has expired; an acceptance after it is refused. */
export function quoteStatus(facts: QuoteFacts, asOf: CivilDate): QuoteStatus {
  if (facts.acceptedOn) return 'accepted';
  if (facts.declinedOn) return 'declined';
  if (compareCivilDates(asOf, addDays(facts.validUntil, 1)) >= 0) return 'expired';
  return facts.sentOn ? 'sent' : 'draft';
}

/** Whether a signature on `on` accepts the quote, or why not. */
export function acceptanceError(facts: QuoteFacts, on: CivilDate): string | null {
  if (facts.acceptedOn) return `devis déjà accepté le ${formatCivilDateFr(facts.acceptedOn)}`;
  if (facts.declinedOn) return `devis refusé le ${formatCivilDateFr(facts.declinedOn)}`;
  if (!facts.sentOn) return "le devis n'a pas encore été envoyé à l'adhérent";
  if (compareCivilDates(on, facts.sentOn) < 0) return "la signature précède l'envoi du devis";
  if (compareCivilDates(on, facts.validUntil) > 0) return `devis valable jusqu'au ${formatCivilDateFr(facts.validUntil)} : signé trop tard, un nouveau devis est nécessaire`;
  return null;
}

/** "TTC (TVA 20 %)", "HT (TVA 20 %)", "non assujetti" — how an amount stands for VAT. */
export function vatText(vat: VatTreatment | 'mixed'): string {
  if (vat === 'mixed') return 'selon la ligne';
  if (vat.mode === 'not_subject') return 'non assujetti à la TVA';
  const rate = `${(vat.rateBasisPoints / 100).toLocaleString('fr-FR')} %`;
  return vat.mode === 'incl' ? `TTC (TVA ${rate})` : `HT (TVA ${rate})`;
}
