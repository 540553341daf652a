import { describe, expect, it } from 'vitest';
import { territoryRows } from './territory.ts';

const communes = [
  { code: '62498', nom: 'Lens', type: 'commune-actuelle', departement: '62', siren: '216204982', population: 32920 },
  { code: '62510', nom: 'Liévin', type: 'commune-actuelle', departement: '62', siren: '216205104', population: 30000 },
  { code: '80016', nom: 'Albert', type: 'commune-actuelle', departement: '80', siren: '218000164', population: 9800 },
  { code: '62999', nom: 'Ancienne', type: 'commune-deleguee', departement: '62', siren: '216299999' },
  { code: '97502', nom: 'Saint-Pierre', type: 'commune-actuelle', departement: '975' },
];
const epcis = [
  { code: '246200364', nom: "CA de Lens - Liévin", type: 'CA', populationMunicipale: 242000, membres: [{ code: '62498' }, { code: '62510' }] },
  { code: '248000000', nom: 'CC du Pays du Coquelicot', type: 'CC', membres: [{ code: '80016' }] },
];

describe('territory rows from the reference data', () => {
  it('keeps current communes of the chosen département and their EPCI, with the parent from the EPCI members', () => {
    const rows = territoryRows(communes, epcis, ['62']);
    expect(rows.communes.map((c) => [c.inseeCode, c.parentSiren])).toEqual([
      ['62498', '246200364'],
      ['62510', '246200364'],
    ]);
    expect(rows.epci).toEqual([
      { kind: 'communaute_agglomeration', name: 'CA de Lens - Liévin', siren: '246200364', inseeCode: null, departement: '62', population: 242000, parentSiren: null },
    ]);
  });

  it('takes everything without a filter', () => {
    const rows = territoryRows(communes, epcis);
    expect(rows.communes).toHaveLength(4);
    expect(rows.communes.find((c) => c.inseeCode === '97502')).toMatchObject({ siren: null, departement: '975', parentSiren: null });
    expect(rows.epci).toHaveLength(2);
  });
});
