import { describe, expect, it } from 'vitest';
import { inseeCodeError, sirenError, siretError, siretMatchesSiren } from './identifiers.ts';

describe('public identifiers', () => {
  it.each([
    ['246200364', null], // Communauté d'Agglomération de Lens-Liévin (seed 004)
    ['216204982', null], // Ville de Lens, from its legality receipt (seed 004)
    ['211407150', null], // Trouville-sur-Mer, issuer of seed 003's legality receipt
    ['246200365', 'clé de contrôle du SIREN invalide'],
    ['24620036', 'un SIREN compte exactement 9 chiffres'],
  ])('SIREN %s', (value, error) => {
    expect(sirenError(value)).toBe(error);
  });

  it('checks SIRET keys, including the La Poste exception', () => {
    expect(siretError('24620036400080')).toBeNull(); // CALL, seed 004
    expect(siretError('24620036400081')).toBe('clé de contrôle du SIRET invalide');
    // La Poste's establishments: the sum of the 14 digits is a multiple of 5 instead of a Luhn key.
    expect(siretError('35600000000001')).toBeNull();
    expect(siretError('35600000000002')).toBe('clé de contrôle du SIRET invalide');
    expect(siretMatchesSiren('24620036400080', '246200364')).toBe(true);
    expect(siretMatchesSiren('24620036400080', '216204982')).toBe(false);
  });

  it.each([
    ['62498', null],
    ['2A004', null],
    ['97411', null],
    ['6249', 'un code INSEE compte 5 caractères (ex. 62498, 2A004)'],
  ])('INSEE code %s', (value, error) => {
    expect(inseeCodeError(value)).toBe(error);
  });
});

describe('département of an INSEE code', () => {
  it.each([
    ['62498', '62'],
    ['2A004', '2A'],
    ['97411', '974'],
  ])('%s is in %s', async (code, dep) => {
    const { departementOfInseeCode } = await import('./identifiers.ts');
    expect(departementOfInseeCode(code)).toBe(dep);
  });
});
