import { describe, expect, it } from 'vitest';
import { kindOfEpciType } from './kinds.ts';

describe('EPCI types of the reference data', () => {
  it.each([
    ['CC', 'communaute_communes'],
    ['CA', 'communaute_agglomeration'],
    ['CU', 'communaute_urbaine'],
    ['METRO', 'metropole'],
    ['MET69', 'metropole'],
  ])('%s is a %s', (type, kind) => {
    expect(kindOfEpciType(type)).toBe(kind);
  });

  it('refuses an unknown type instead of guessing', () => {
    expect(() => kindOfEpciType('SIVU')).toThrow("Type d'EPCI inconnu : SIVU");
  });
});
