import { describe, expect, it } from 'vitest';
import { organisationRuleIssues } from './organisation-rules.ts';

describe('organisation cross-field rules', () => {
  it('accepts the CALL as printed in seed 004', () => {
    expect(organisationRuleIssues({ kind: 'communaute_agglomeration', siren: '246200364', siret: '24620036400080' })).toEqual([]);
  });
  it('names each broken rule and its field', () => {
    expect(organisationRuleIssues({ kind: 'communaute_agglomeration', siren: '216204982', siret: '24620036400080', inseeCode: '62498' })).toEqual([
      { path: 'siret', message: 'le SIRET doit commencer par le SIREN 216204982' },
      { path: 'inseeCode', message: 'seule une commune porte un code INSEE de commune' },
    ]);
    expect(organisationRuleIssues({ kind: 'commune', parentEpciKind: 'commune' })).toEqual([
      { path: 'parentEpciId', message: "l'EPCI de rattachement doit être une communauté ou une métropole" },
    ]);
    expect(organisationRuleIssues({ kind: 'commune', siret: '24620036400080' })[0]?.path).toBe('siren');
  });
});
