import { describe, expect, it } from 'vitest';
import { cents, formatEurosFr, multiplyRounded, parseEuros, toDecimalString } from './money.ts';

describe('money', () => {
  it.each([
    ['84.00', 8400],
    ['93.6', 9360],
    ['7,80', 780],
    ['-12', -1200],
    ['0.05', 5],
  ])('parses %s euros as %i cents', (text, expected) => {
    expect(parseEuros(text)).toBe(expected);
  });

  it.each(['1.234', 'abc', '', '1e3'])('rejects %s', (text) => {
    expect(() => parseEuros(text)).toThrow(/Montant invalide/);
  });

  it('formats for files and for French readers', () => {
    expect(toDecimalString(cents(8400))).toBe('84.00');
    expect(toDecimalString(cents(-5))).toBe('-0.05');
    expect(formatEurosFr(cents(123456789))).toBe('1\u202f234\u202f567,89\u00a0€');
  });

  it.each([
    // seed 004 annex 5: the membership base is 84.00 a year; 7 twelfths = 49.00
    [8400, 7, 12, 4900],
    // seed 003: annual flat rate prorated by twelfths, 100.00 for 5 months = 41.666… → 41.67
    [10000, 5, 12, 4167],
    // half up: 0.125 € → 0.13 €
    [25, 1, 2, 13],
    [-25, 1, 2, -13],
    // 5 % management fee on 1 234.50 (seed 000) = 61.725 → 61.73
    [123450, 5, 100, 6173],
  ])('%i cents × %i/%i = %i cents, rounded half up', (price, num, den, expected) => {
    expect(multiplyRounded(cents(price), num, den)).toBe(expected);
  });
});
