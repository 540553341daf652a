import { describe, expect, it } from 'vitest';
import { parseCivilDate as d } from '../civil-date.ts';
import { parseEuros } from '../money.ts';
import { acceptanceError, parseQuantity, priceQuote, quantityText, quoteStatus } from './quote.ts';

describe('quotes (seed 002 art. 4.1)', () => {
  it.each([
    // Seed 002 art. 4.2.1: 50 € incl. VAT per hour, travel included.
    ['3', '50.00', '150.00'],
    ['1.5', '50.00', '75.00'],
    ['0.25', '50.00', '12.50'],
    // Rounded once per line, half up: 0.33 × 10.05 = 3.3165 → 3.32.
    ['0.33', '10.05', '3.32'],
  ])('%s × %s € = %s €', (quantity, unit, amount) => {
    const { lines } = priceQuote([{ nature: 'Accompagnement', quantity: parseQuantity(quantity), unitPrice: parseEuros(unit), vat: { mode: 'incl', rateBasisPoints: 2000 } }]);
    expect(lines[0]!.amount).toBe(parseEuros(amount));
  });

  it('totals the lines and says how VAT stands', () => {
    const totals = priceQuote([
      { nature: 'Installation', quantity: parseQuantity('2'), unitPrice: parseEuros('120.00'), vat: { mode: 'not_subject' } },
      { nature: 'Déplacement', quantity: parseQuantity('1'), unitPrice: parseEuros('35.50'), vat: { mode: 'not_subject' } },
    ]);
    expect(totals.total).toBe(parseEuros('275.50'));
    expect(totals.vatMode).toBe('not_subject');
  });

  it.each(['0', '-1', '1.234', 'deux', ''])('refuses the quantity « %s »', (text) => {
    expect(() => parseQuantity(text)).toThrow(RangeError);
  });

  it('prints quantities the French way', () => {
    expect(quantityText(parseQuantity('1.5'))).toBe('1,5');
    expect(quantityText(parseQuantity('3'))).toBe('3');
    expect(quantityText(parseQuantity('0.25'))).toBe('0,25');
  });

  const sent = { sentOn: d('2026-03-01'), validUntil: d('2026-03-31'), acceptedOn: null, declinedOn: null };
  it.each([
    [{ ...sent, sentOn: null }, '2026-03-10', 'draft'],
    [sent, '2026-03-31', 'sent'],
    [sent, '2026-04-01', 'expired'],
    [{ ...sent, acceptedOn: d('2026-03-20') }, '2026-05-01', 'accepted'],
    [{ ...sent, declinedOn: d('2026-03-20') }, '2026-03-21', 'declined'],
  ] as const)('%o on %s is %s', (facts, asOf, status) => {
    expect(quoteStatus(facts, d(asOf))).toBe(status);
  });

  it('signing accepts the price only while the quote is valid', () => {
    expect(acceptanceError(sent, d('2026-03-31'))).toBeNull();
    expect(acceptanceError(sent, d('2026-04-01'))).toContain('signé trop tard');
    expect(acceptanceError({ ...sent, sentOn: null }, d('2026-03-10'))).toContain("pas encore été envoyé");
    expect(acceptanceError(sent, d('2026-02-28'))).toContain("précède l'envoi");
  });
});
