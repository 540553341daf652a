import type { CivilDate } from '../../civil-date.ts';
import { toDecimalString, type Cents } from '../../money.ts';
import { leaf, node, pesText, type PesNode } from './node.ts';

/**
 * A PES_Aller file of receivable titles (PES_RecetteAller): one bordereau of ordinary titles (TypBord 01,
 * TypPce 01, NatPce 01) and one of reductions (TypBord 02, TypPce 02, NatPce 06, each line tied to the title it
 * reduces by RattachPiece), each title with its debtor and its PDF attached in PES_PJ (PES-V2-NOTES §1–§5).
 */
export const PES_NAMESPACE = 'http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/aller';

export interface PesSettings {
  /** Codique of the public accountant's post (6–7 digits). */
  idPost: string;
  /** SIRET of the issuing budget (the provider). */
  siret: string;
  codCol: string;
  codBud: string;
  budgetLabel: string;
}

export interface PesDebtor {
  siret: string | null;
  reference: string;
  /** CatTiers: 23 commune, 24 groupement, 25 caisse des écoles, 26 CCAS, 29 other public body. */
  category: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
}

export interface PesLine {
  label: string;
  productCode: string;
  nature: string;
  fonction?: string | undefined;
  amountExcl: Cents;
  vat: Cents;
}

export interface PesTitle {
  number: number;
  kind: 'title' | 'reduction';
  subject: string;
  periodFrom: CivilDate;
  periodTo: CivilDate;
  debtor: PesDebtor;
  lines: PesLine[];
  /** For a reduction: the exercise and number of the title it reduces. */
  reduces?: { fiscalYear: number; number: number } | undefined;
  attachment?: { id: string; fileName: string; gzipBase64: string } | undefined;
}

export interface PesFile {
  fileName: string;
  builtOn: CivilDate;
  fiscalYear: number;
  software: { sigle: string; name: string };
  settings: PesSettings;
  bordereaux: { id: number; kind: 'title' | 'reduction'; issuedOn: CivilDate; subject: string; titles: PesTitle[] }[];
}

const amount = (c: number) => toDecimalString(c as Cents);

function tiers(d: PesDebtor): PesNode {
  return node('Tiers', [
    node('InfoTiers', [
      d.siret ? leaf('IdTiers', d.siret) : null,
      d.siret ? leaf('NatIdTiers', '01') : null,
      leaf('RefTiers', pesText(d.reference, 20)),
      leaf('CatTiers', d.category),
      leaf('NatJur', '09'),
      leaf('TypTiers', '01'),
      leaf('Nom', pesText(d.name, 38)),
    ]),
    node('Adresse', [leaf('TypAdr', '1'), leaf('Adr2', pesText(d.street, 38)), leaf('CP', d.postalCode), leaf('Ville', pesText(d.city, 38)), leaf('CodRes', '0')]),
  ]);
}

function piece(t: PesTitle): PesNode {
  const reduction = t.kind === 'reduction';
  return node('Piece', [
    node('BlocPiece', [
      leaf('IdPce', t.number),
      leaf('TypPce', reduction ? '02' : '01'),
      leaf('NatPce', reduction ? '06' : '01'),
      leaf('ObjPce', pesText(t.subject, 160)),
      leaf('DebFact', t.periodFrom),
      leaf('FinFact', t.periodTo),
      t.attachment ? node('PJRef', [leaf('Support', '01'), leaf('IdUnique', t.attachment.id), leaf('NomPJ', t.attachment.fileName)]) : null,
    ]),
    ...t.lines.map((l, i) =>
      node('LigneDePiece', [
        node('BlocLignePiece', [
          node('InfoLignePiece', [
            leaf('IdLigne', i + 1),
            leaf('ObjLignePce', pesText(l.label, 160)),
            leaf('CodProdLoc', l.productCode),
            leaf('Nature', l.nature),
            l.fonction ? leaf('Fonction', l.fonction) : null,
            leaf('Majo', '0'),
            leaf('TvaIntraCom', '0'),
            leaf('MtHT', amount(l.amountExcl)),
            l.vat > 0 ? leaf('MtTVA', amount(l.vat)) : null,
          ]),
          reduction && t.reduces ? node('RattachPiece', [leaf('NatPceOrig', '01'), leaf('ExerRat', t.reduces.fiscalYear), leaf('IdPceOrig', t.reduces.number)]) : null,
        ]),
        tiers(t.debtor),
      ]),
    ),
  ]);
}

export function buildPes(file: PesFile): PesNode {
  const attachments = file.bordereaux.flatMap((b) => b.titles.flatMap((t) => (t.attachment ? [t.attachment] : [])));
  return node(
    'n:PES_Aller',
    [
      node('Enveloppe', [
        node('Parametres', [leaf('Version', '2'), leaf('TypFic', 'PESALR2'), leaf('NomFic', file.fileName.slice(0, 100))]),
        node('Emetteur', [leaf('Sigle', pesText(file.software.sigle, 32)), leaf('Adresse', pesText(file.software.name, 38))]),
      ]),
      node('EnTetePES', [leaf('DteStr', file.builtOn), leaf('IdPost', file.settings.idPost), leaf('IdColl', file.settings.siret), leaf('CodCol', file.settings.codCol), leaf('CodBud', file.settings.codBud), leaf('LibelleColBud', pesText(file.settings.budgetLabel, 38))]),
      node('PES_RecetteAller', [
        node('EnTeteRecette', [leaf('IdVer', '2'), leaf('InfoDematerialisee', '0')]),
        ...file.bordereaux.map((b) => {
          const lines = b.titles.flatMap((t) => t.lines);
          const vat = lines.reduce((sum, l) => sum + l.vat, 0);
          return node(
            'Bordereau',
            [
              node('BlocBordereau', [
                leaf('Exer', file.fiscalYear),
                leaf('IdBord', b.id),
                leaf('DteBordEm', b.issuedOn),
                leaf('TypBord', b.kind === 'reduction' ? '02' : '01'),
                leaf('NbrPce', b.titles.length),
                leaf('MtBordHt', amount(lines.reduce((sum, l) => sum + l.amountExcl, 0))),
                vat > 0 ? leaf('MtBordTVA', amount(vat)) : null,
                leaf('Objet', pesText(b.subject, 160)),
              ]),
              ...b.titles.map(piece),
            ],
            { Id: `BORD${file.fiscalYear}${b.kind === 'reduction' ? 'R' : 'T'}${b.id}` },
          );
        }),
      ]),
      attachments.length
        ? node('PES_PJ', [
            node('EnTetePES_PJ', [leaf('IdVer', '1')]),
            ...attachments.map((a) => node('PJ', [node('Contenu', [{ name: 'Fichier', attrs: { MIMEType: 'application/pdf' }, text: a.gzipBase64 }]), leaf('IdUnique', a.id), leaf('NomPJ', a.fileName), leaf('TypePJ', '007'), leaf('Description', 'TITRE DE RECETTE')])),
          ])
        : null,
    ],
    { 'xmlns:n': PES_NAMESPACE },
  );
}
