import { describe, expect, it } from 'vitest';
import { buildPes } from '../../domain/billing/pes/build.ts';
import { pesIssues } from '../../domain/billing/pes/rules.ts';
import { SAMPLE } from '../../domain/billing/pes/sample.fixture.ts';
import { pesFromXml, pesToBytes, pesToXml } from './pes-xml.ts';

describe('PES files as XML', () => {
  const xml = pesToXml(buildPes(SAMPLE));

  it('writes the root in its namespace, values in V, declared ISO-8859-1', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="ISO-8859-1"?>\n<n:PES_Aller xmlns:n="http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/aller">')).toBe(true);
    expect(xml).toContain('<MtBordHt V="25288.90"/>');
    expect(xml).toContain('<Fichier MIMEType="application/pdf">H4sIAAAAAAAAA3NMSQUAe8VmlwMAAAA=</Fichier>');
    expect(pesToBytes(buildPes(SAMPLE)).toString('latin1')).toBe(xml);
  });

  it('reads its own file back to the same tree, which passes the validation', () => {
    const read = pesFromXml(xml);
    expect(read.ok && pesIssues(read.root)).toEqual([]);
  });

  it('rejects a hand-edited file (first postcode and recette version changed) with the elements at fault', () => {
    const read = pesFromXml(xml.replace('<CP V="62300"/>', '<CP V="62 300"/>').replace('<IdVer V="2"/>', '<IdVer V="3"/>'));
    expect(read.ok && pesIssues(read.root)).toEqual([
      { path: 'n:PES_Aller/PES_RecetteAller/EnTeteRecette/IdVer', message: '« 3 » : code « 3 » hors liste (2)' },
      { path: 'n:PES_Aller/PES_RecetteAller/Bordereau[1]/Piece[1]/LigneDePiece[1]/Tiers/Adresse/CP', message: '« 62 300 » : 5 chiffres' },
    ]);
  });

  it('says where XML itself is broken', () => {
    expect(pesFromXml('<n:PES_Aller><Enveloppe></n:PES_Aller>')).toEqual({ ok: false, message: expect.stringMatching(/^XML mal formé, ligne 1/) });
  });
});
