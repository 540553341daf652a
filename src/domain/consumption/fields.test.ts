import { describe, expect, it } from 'vitest';
import { parseAmount, parseDay, parseYesNo } from './fields.ts';

describe('file fields', () => {
  it.each([
    ['2026-03-15', '2026-03-15'],
    ['15/03/2026', '2026-03-15'],
    ['5/3/2026', '2026-03-05'],
    [' 2026-03-15 ', '2026-03-15'],
    ['31/02/2026', null],
    ['2026-3-15', null],
    ['mars 2026', null],
    ['', null],
  ])('reads the day %j', (text, day) => expect(parseDay(text)).toBe(day));

  it.each([
    ['1 234,56', 123456],
    ['1\u202f234,5 €', 123450],
    ['-12.30', -1230],
    ['0', 0],
    ['12,345', null],
    ['douze', null],
  ])('reads the amount %j', (text, amount) => expect(parseAmount(text)).toBe(amount));

  it.each([
    ['oui', true],
    ['X', true],
    ['Non', false],
    ['', false],
    ['peut-être', null],
  ])('reads yes or no in %j', (text, value) => expect(parseYesNo(text)).toBe(value));
});
