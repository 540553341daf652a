import { describe, expect, it } from 'vitest';
import { buildPes } from './build.ts';
import { SAMPLE } from './sample.fixture.ts';
import { child, childrenNamed, pesText, type PesNode } from './node.ts';
import { pesIssues } from './rules.ts';

const find = (root: PesNode, ...names: string[]): PesNode => names.reduce((n, name) => child(n, name)!, root);

describe('PES V2 recette export and its validation', () => {
  it('builds a file our validation accepts', () => {
    expect(pesIssues(buildPes(SAMPLE))).toEqual([]);
  });

  it('computes the bordereau totals from the lines', () => {
    const bloc = find(buildPes(SAMPLE), 'PES_RecetteAller', 'Bordereau', 'BlocBordereau');
    expect(bloc.children!.map((c) => [c.name, c.attrs?.V])).toEqual([
      ['Exer', '2026'],
      ['IdBord', '1'],
      ['DteBordEm', '2026-07-01'],
      ['TypBord', '01'],
      ['NbrPce', '1'],
      ['MtBordHt', '25288.90'],
      ['Objet', 'SERVICES NUMERIQUES - 1ER SEMESTRE 2026'],
    ]);
  });

  const broken = (edit: (root: PesNode) => void) => {
    const root = structuredClone(buildPes(SAMPLE));
    edit(root);
    return pesIssues(root);
  };
  const bordereau = (root: PesNode, i = 0) => childrenNamed(child(root, 'PES_RecetteAller')!, 'Bordereau')[i]!;
  const firstLine = (root: PesNode) => childrenNamed(childrenNamed(bordereau(root), 'Piece')[0]!, 'LigneDePiece')[0]!;

  it.each([
    [
      'a debtor without name',
      (root: PesNode) => {
        const info = find(firstLine(root), 'Tiers', 'InfoTiers');
        info.children = info.children!.filter((c) => c.name !== 'Nom');
      },
      'n:PES_Aller/PES_RecetteAller/Bordereau[1]/Piece[1]/LigneDePiece[1]/Tiers/InfoTiers/Nom',
      'élément obligatoire manquant dans InfoTiers',
    ],
    [
      'a bordereau total that is not the sum of its lines',
      (root: PesNode) => (child(child(bordereau(root), 'BlocBordereau')!, 'MtBordHt')!.attrs!.V = '25288.91'),
      'n:PES_Aller/PES_RecetteAller/Bordereau[1]/BlocBordereau/MtBordHt',
      '25288.91 au lieu de la somme des lignes 25288.90',
    ],
    [
      'elements out of order',
      (root: PesNode) => {
        const bloc = child(bordereau(root), 'BlocBordereau')!;
        bloc.children = [bloc.children![1]!, bloc.children![0]!, ...bloc.children!.slice(2)];
      },
      'n:PES_Aller/PES_RecetteAller/Bordereau[1]/BlocBordereau/Exer',
      "« Exer » hors de l'ordre du schéma",
    ],
    [
      'an amount with a comma',
      (root: PesNode) => (find(firstLine(root), 'BlocLignePiece', 'InfoLignePiece', 'MtHT').attrs!.V = '14140,00'),
      'n:PES_Aller/PES_RecetteAller/Bordereau[1]/Piece[1]/LigneDePiece[1]/BlocLignePiece/InfoLignePiece/MtHT',
      'montant sans signe',
    ],
    [
      'a postcode of four digits',
      (root: PesNode) => (find(firstLine(root), 'Tiers', 'Adresse', 'CP').attrs!.V = '6230'),
      'n:PES_Aller/PES_RecetteAller/Bordereau[1]/Piece[1]/LigneDePiece[1]/Tiers/Adresse/CP',
      '5 chiffres',
    ],
    [
      'a wrong piece count',
      (root: PesNode) => (child(child(bordereau(root), 'BlocBordereau')!, 'NbrPce')!.attrs!.V = '2'),
      'n:PES_Aller/PES_RecetteAller/Bordereau[1]/BlocBordereau/NbrPce',
      'annonce 2 pièce(s), le bordereau en contient 1',
    ],
    [
      'a reduction that does not say which title it reduces',
      (root: PesNode) => {
        const bloc = find(childrenNamed(childrenNamed(bordereau(root, 1), 'Piece')[0]!, 'LigneDePiece')[0]!, 'BlocLignePiece');
        bloc.children = bloc.children!.filter((c) => c.name !== 'RattachPiece');
      },
      'n:PES_Aller/PES_RecetteAller/Bordereau[2]/Piece[1]/LigneDePiece[1]/BlocLignePiece/RattachPiece',
      'une réduction désigne le titre',
    ],
    [
      'a link to an attachment missing from PES_PJ',
      (root: PesNode) => (root.children = root.children!.filter((c) => c.name !== 'PES_PJ')),
      'n:PES_Aller/PES_RecetteAller/Bordereau[1]/Piece[1]/BlocPiece/PJRef/IdUnique',
      'pièce jointe « T2026-00001 » absente de PES_PJ',
    ],
    [
      'an unknown element',
      (root: PesNode) => child(bordereau(root), 'BlocBordereau')!.children!.push({ name: 'Commentaire', attrs: { V: 'x' } }),
      'n:PES_Aller/PES_RecetteAller/Bordereau[1]/BlocBordereau/Commentaire',
      'élément « Commentaire » inconnu dans BlocBordereau',
    ],
  ])('rejects %s, naming the element at fault', (_what, edit, path, message) => {
    expect(broken(edit)).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('writes text as PES expects: upper case, no accents, Latin-1, within its length', () => {
    expect(pesText('Communauté d’Agglomération de Lens–Liévin — œuvre 10 €', 160)).toBe("COMMUNAUTE D'AGGLOMERATION DE LENS-LIEVIN - OEUVRE 10 EUR");
    expect(pesText('Place Jean Jaurès, bâtiment administratif, 2e étage', 38)).toHaveLength(38);
  });
});
