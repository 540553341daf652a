import { describe, expect, it } from 'vitest';
import { SEED_004_CATALOGUE } from '../catalogue/seed-004.fixture.ts';
import { parseMonth, parseOptions, parseSnapshotRow } from './snapshot-row.ts';

const row = (over: Partial<Record<'member' | 'line' | 'options' | 'month' | 'units', string>>) => ({ member: '216204982', line: 'postes-n1', options: '', month: '2026-03', units: '320', ...over });

describe('a snapshot file row', () => {
  it('reads a good row, with options in canonical order', () => {
    expect(parseSnapshotRow(row({ line: 'messagerie', options: 'stockage=25;niveau=pro', units: '12' }), 2, SEED_004_CATALOGUE)).toEqual({
      ok: true,
      value: { member: '216204982', line: 'messagerie', optionsKey: 'niveau=pro&stockage=25', month: '2026-03-01', units: 12 },
    });
  });

  it.each([
    ['an unknown line', row({ line: 'telephonie' }), 'line', 'inconnue du catalogue'],
    ['negative units', row({ units: '-3' }), 'units', 'négatives'],
    ['decimal units', row({ units: '3.5' }), 'units', 'nombre entier'],
    ['text units', row({ units: 'trois' }), 'units', 'nombre entier'],
    ['a bad month', row({ month: '2026-13' }), 'month', 'mois illisible'],
    ['a missing member', row({ member: ' ' }), 'member', 'adhérent manquant'],
    ['a mailbox without its level', row({ line: 'messagerie', options: 'stockage=25' }), 'options', 'option « niveau » manquante'],
    ['an unknown option value', row({ line: 'messagerie', options: 'niveau=or;stockage=25' }), 'options', 'valeur « or » inconnue'],
    ['an option the line does not have', row({ options: 'couleur=bleu' }), 'options', "n'a pas d'option « couleur »"],
    ['malformed options', row({ line: 'messagerie', options: 'niveau:pro' }), 'options', 'illisibles'],
  ])('refuses %s, naming the column', (_label, raw, column, message) => {
    const result = parseSnapshotRow(raw, 7, SEED_004_CATALOGUE);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ row: 7, column, message: expect.stringContaining(message) }]);
  });

  it.each([
    ['2026-03', '2026-03-01'],
    ['2026-03-01', '2026-03-01'],
    ['03/2026', '2026-03-01'],
    ['01/03/2026', '2026-03-01'],
    ['2026-03-15', null],
    ['mars 2026', null],
  ])('reads the month %s as %s', (text, month) => {
    expect(parseMonth(text)).toBe(month);
  });

  it('reads options with ; or &, refuses a repeated key', () => {
    expect(parseOptions('a=1&b=2')).toEqual({ a: '1', b: '2' });
    expect(parseOptions('a=1;a=2')).toBeNull();
    expect(parseOptions('')).toEqual({});
  });
});
