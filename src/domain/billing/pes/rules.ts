import { civilDateError } from '../../civil-date.ts';
import { PES_NAMESPACE } from './build.ts';
import { child, childrenNamed, valueOf, type PesNode } from './node.ts';

/**
 * Our own check of a PES_Aller recette file, run on every export before it is offered (the official XSD cannot
 * be downloaded here): element order and cardinalities (PES-V2-NOTES §1), value formats and code lists (§2),
 * and the consistency rules R1–R25 (§6). Every issue names the element at fault by its path.
 */
export interface PesIssue {
  path: string;
  message: string;
}

type Card = [name: string, min: number, max: number];
const ONE = (name: string): Card => [name, 1, 1];
const OPT = (name: string): Card => [name, 0, 1];
const MANY = (name: string, min = 0): Card => [name, min, Infinity];

/** Containers and their children in schema order. Keys are "Parent/Child" where a name means two things. */
const CONTAINERS: Record<string, Card[]> = {
  'n:PES_Aller': [ONE('Enveloppe'), ONE('EnTetePES'), ONE('PES_RecetteAller'), OPT('PES_PJ')],
  Enveloppe: [ONE('Parametres'), ONE('Emetteur'), OPT('Recepteur')],
  Parametres: [ONE('Version'), ONE('TypFic'), ONE('NomFic')],
  Emetteur: [ONE('Sigle'), ONE('Adresse')],
  Recepteur: [OPT('Sigle'), OPT('Adresse')],
  EnTetePES: [ONE('DteStr'), ONE('IdPost'), OPT('LibellePoste'), ONE('IdColl'), OPT('FinJur'), ONE('CodCol'), OPT('CodBud'), OPT('LibelleColBud')],
  PES_RecetteAller: [ONE('EnTeteRecette'), MANY('Bordereau', 1)],
  EnTeteRecette: [ONE('IdVer'), OPT('InfoDematerialisee')],
  Bordereau: [ONE('BlocBordereau'), MANY('Piece', 1), OPT('PESSignatureGroup')],
  BlocBordereau: [ONE('Exer'), ONE('IdBord'), ONE('DteBordEm'), ONE('TypBord'), ONE('NbrPce'), OPT('MtCumulAnnuel'), ONE('MtBordHt'), OPT('MtBordTVA'), OPT('DteAsp'), ONE('Objet')],
  Piece: [ONE('BlocPiece'), MANY('LigneDePiece', 1)],
  BlocPiece: [
    OPT('CodServ'), OPT('Affect'), ONE('IdPce'), ONE('TypPce'), ONE('NatPce'), OPT('IdRol'), OPT('DteAsp'), OPT('Edition'), OPT('ObjPce'), OPT('DebFact'), OPT('FinFact'),
    OPT('NumDette'), OPT('Per'), OPT('Cle1'), OPT('Cle2'), MANY('PJRef'), OPT('NumeroFacture'), OPT('NumeroMarche'), OPT('NumeroEngagement'), OPT('CodeService'), OPT('NomService'),
  ],
  PJRef: [ONE('Support'), ONE('IdUnique'), ONE('NomPJ')],
  LigneDePiece: [ONE('BlocLignePiece'), ONE('Tiers'), OPT('Recouvrement')],
  BlocLignePiece: [ONE('InfoLignePiece'), OPT('InfoPrelevement'), OPT('InfoPrelevementSEPA'), OPT('InfoAssure'), OPT('RattachPiece'), OPT('LiensIdent')],
  InfoLignePiece: [
    ONE('IdLigne'), OPT('ObjLignePce'), ONE('CodProdLoc'), OPT('FinGeo'), OPT('CodEtGeo'), ONE('Nature'), OPT('Fonction'), OPT('Operation'), OPT('TxTva'), ONE('Majo'), OPT('DteMajo'), OPT('TxMajo'),
    OPT('CpteTiers'), ONE('TvaIntraCom'), OPT('TVAImportation'), ONE('MtHT'), OPT('MtTVA'), OPT('MtNonMajo'), OPT('InfoCollBen'), MANY('PJRef'),
  ],
  RattachPiece: [ONE('NatPceOrig'), ONE('ExerRat'), ONE('IdPceOrig'), OPT('IdLigneOrig')],
  Tiers: [ONE('InfoTiers'), ONE('Adresse'), OPT('CpteBancaire')],
  InfoTiers: [OPT('IdTiers'), OPT('DteNaissance'), OPT('NatIdTiers'), OPT('DteIdTiers'), OPT('RefTiers'), ONE('CatTiers'), ONE('NatJur'), ONE('TypTiers'), OPT('Civilite'), ONE('Nom'), OPT('ComplNom'), OPT('Prenom'), OPT('LieuNaissance')],
  'Tiers/Adresse': [ONE('TypAdr'), OPT('Adr1'), ONE('Adr2'), OPT('Adr3'), ONE('CP'), ONE('Ville'), ONE('CodRes'), OPT('CodPays'), OPT('DteAdr')],
  PES_PJ: [ONE('EnTetePES_PJ'), MANY('PJ', 1)],
  EnTetePES_PJ: [ONE('IdVer')],
  PJ: [ONE('Contenu'), ONE('IdUnique'), ONE('NomPJ'), ONE('TypePJ'), ONE('Description')],
  Contenu: [ONE('Fichier')],
};

const AMOUNT = /^[0-9]{1,12}\.[0-9]{2}$/;
const text = (max: number) => (v: string) => (v.length >= 1 && v.length <= max ? null : `texte de 1 à ${max} caractères`);
const pattern = (re: RegExp, what: string) => (v: string) => (re.test(v) ? null : what);
const codes = (list: readonly string[]) => (v: string) => (list.includes(v) ? null : `code « ${v} » hors liste (${list.join(', ')})`);
const date = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) && !civilDateError(v) ? null : 'date AAAA-MM-JJ attendue');
const amount = (v: string) => (AMOUNT.test(v) ? null : 'montant sans signe, point décimal et 2 décimales attendu (ex. 1234.50)');
const positiveAmount = (v: string) => amount(v) ?? (v === '0.00' || /^0+\.00$/.test(v) ? 'montant nul refusé' : null);

/** Leaf formats by name (or "Parent/Name"); a leaf without entry must be a text of at most 160 characters. */
const LEAVES: Record<string, (v: string) => string | null> = {
  Version: codes(['2']),
  TypFic: codes(['PESALR2', 'PESORMC']),
  NomFic: text(100),
  'Emetteur/Sigle': text(32),
  'Emetteur/Adresse': text(38),
  DteStr: date,
  IdPost: pattern(/^([0-9]{6,7}|02[AB][0-9]{3,4})$/, '6 ou 7 chiffres (codique du poste comptable)'),
  IdColl: pattern(/^[0-9]{14}$/, 'SIRET de 14 chiffres'),
  CodCol: pattern(/^[0-9]{3}$/, '3 chiffres'),
  CodBud: pattern(/^[0-9A-Z][0-9]$/, '2 caractères (00 = budget principal)'),
  LibelleColBud: text(38),
  IdVer: codes(['2']),
  'EnTetePES_PJ/IdVer': codes(['1']),
  InfoDematerialisee: codes(['0', '1']),
  Exer: pattern(/^[0-9]{4}$/, 'exercice sur 4 chiffres'),
  IdBord: pattern(/^[0-9]{1,7}$/, '1 à 7 chiffres'),
  DteBordEm: date,
  TypBord: codes(['01', '02', '03', '06']),
  NbrPce: pattern(/^[1-9][0-9]{0,4}$/, 'nombre de pièces de 1 à 99999'),
  MtCumulAnnuel: amount,
  MtBordHt: positiveAmount,
  MtBordTVA: positiveAmount,
  DteAsp: date,
  Objet: text(160),
  IdPce: pattern(/^[1-9][0-9]{0,7}$/, '1 à 8 chiffres, supérieur à 0'),
  TypPce: codes(['01', '02', '03', '04', '05', '06', '07', '09', '10', '11', '12', '14', '15']),
  NatPce: codes(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '18']),
  ObjPce: text(160),
  DebFact: date,
  FinFact: date,
  NumeroFacture: text(20),
  Support: codes(['01']),
  IdUnique: text(50),
  NomPJ: text(100),
  IdLigne: pattern(/^[1-9][0-9]{0,5}$/, '1 à 6 chiffres, supérieur à 0'),
  ObjLignePce: text(160),
  CodProdLoc: pattern(/^[0-9A-Za-z]{1,4}$/, '1 à 4 caractères alphanumériques'),
  Nature: pattern(/^[0-9]{1,10}$/, 'compte de nature (chiffres)'),
  Fonction: pattern(/^[0-9A-Z]{1,10}$/, 'code de fonction'),
  Majo: codes(['0', '1']),
  TvaIntraCom: codes(['0', '1']),
  MtHT: positiveAmount,
  MtTVA: positiveAmount,
  NatPceOrig: pattern(/^[0-9]{2}$/, '2 chiffres'),
  ExerRat: pattern(/^[0-9]{4}$/, 'exercice sur 4 chiffres'),
  IdPceOrig: pattern(/^[1-9][0-9]{0,7}$/, '1 à 8 chiffres'),
  IdTiers: pattern(/^[0-9]{1,14}$/, 'identifiant numérique'),
  NatIdTiers: codes(['01', '02', '03', '04']),
  RefTiers: text(20),
  CatTiers: codes(['01', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '50', '60', '61', '62', '63', '64', '65', '70', '71', '72', '73', '74']),
  NatJur: codes(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11']),
  TypTiers: codes(['01', '02', '03', '04', '05', '06', '07', '10', '11', '12', '13', '14', '15', '20', '21', '22', '23', '24', '25', '26', '30']),
  Nom: text(38),
  Prenom: text(38),
  TypAdr: codes(['0', '1', '2']),
  Adr1: text(38),
  Adr2: text(38),
  Adr3: text(38),
  CP: pattern(/^[0-9]{5}$/, '5 chiffres'),
  Ville: text(38),
  CodRes: codes(['0', '1']),
  TypePJ: text(3),
  Description: text(160),
};

const keyOf = (parent: string, name: string, table: Record<string, unknown>) => (`${parent}/${name}` in table ? `${parent}/${name}` : name);

/** Structure: children known, in order, within their cardinalities; leaves carry a well-formed V. */
function checkStructure(n: PesNode, parent: string, path: string, issues: PesIssue[]): void {
  const key = keyOf(parent, n.name, CONTAINERS);
  const spec = CONTAINERS[key];
  if (!spec) {
    if (n.name === 'Fichier') {
      if (!n.text || !/^[A-Za-z0-9+/=\s]+$/.test(n.text)) issues.push({ path, message: 'contenu base64 attendu' });
      if (!n.attrs?.MIMEType) issues.push({ path, message: 'attribut MIMEType manquant' });
      return;
    }
    if (n.children?.length) {
      issues.push({ path, message: `élément « ${n.name} » inconnu à cet endroit` });
      return;
    }
    const value = valueOf(n);
    if (value === undefined) {
      issues.push({ path, message: 'valeur manquante (attribut V)' });
      return;
    }
    const check = LEAVES[keyOf(parent, n.name, LEAVES)] ?? text(160);
    const problem = check(value);
    if (problem) issues.push({ path, message: value === '' ? `valeur vide : ${problem}` : `« ${value} » : ${problem}` });
    return;
  }
  const children = n.children ?? [];
  let position = 0;
  const counters = new Map<string, number>();
  for (const c of children) {
    const at = spec.findIndex(([name], i) => i >= position && name === c.name);
    const count = (counters.get(c.name) ?? 0) + 1;
    counters.set(c.name, count);
    const childPath = `${path}/${c.name}${spec.find(([name]) => name === c.name)?.[2] === Infinity ? `[${count}]` : ''}`;
    if (at < 0) {
      issues.push({ path: childPath, message: spec.some(([name]) => name === c.name) ? `« ${c.name} » hors de l'ordre du schéma (${spec.map(([name]) => name).join(', ')})` : `élément « ${c.name} » inconnu dans ${n.name}` });
      continue;
    }
    position = at;
    checkStructure(c, n.name, childPath, issues);
  }
  for (const [name, min, max] of spec) {
    const count = counters.get(name) ?? 0;
    if (count < min) issues.push({ path: `${path}/${name}`, message: `élément obligatoire manquant dans ${n.name}` });
    if (count > max) issues.push({ path: `${path}/${name}`, message: `au plus ${max} « ${name} » dans ${n.name}` });
  }
}

const cents = (v: string | undefined) => (v && AMOUNT.test(v) ? Number(v.replace('.', '')) : 0);

/** Consistency rules across elements (PES-V2-NOTES §6). */
function checkConsistency(root: PesNode, issues: PesIssue[]): void {
  const recette = child(root, 'PES_RecetteAller');
  const attachments = new Set((child(root, 'PES_PJ') ? childrenNamed(child(root, 'PES_PJ')!, 'PJ') : []).map((pj) => valueOf(child(pj, 'IdUnique'))));
  const bordereauIds = new Set<string>();
  const seenBordereau = new Set<string>();
  childrenNamed(recette ?? { name: '' }, 'Bordereau').forEach((b, bi) => {
    const path = `n:PES_Aller/PES_RecetteAller/Bordereau[${bi + 1}]`;
    const bloc = child(b, 'BlocBordereau');
    if (!bloc) return;
    const id = b.attrs?.Id;
    if (id) {
      if (bordereauIds.has(id)) issues.push({ path: `${path}/@Id`, message: `identifiant de bordereau « ${id} » en double dans le fichier` });
      bordereauIds.add(id);
    }
    const typBord = valueOf(child(bloc, 'TypBord'));
    const key = `${valueOf(child(bloc, 'Exer'))}|${typBord}|${valueOf(child(bloc, 'IdBord'))}`;
    if (seenBordereau.has(key)) issues.push({ path: `${path}/BlocBordereau/IdBord`, message: 'numéro de bordereau déjà utilisé pour cet exercice et ce type' });
    seenBordereau.add(key);
    const pieces = childrenNamed(b, 'Piece');
    if (valueOf(child(bloc, 'NbrPce')) !== String(pieces.length)) issues.push({ path: `${path}/BlocBordereau/NbrPce`, message: `annonce ${valueOf(child(bloc, 'NbrPce'))} pièce(s), le bordereau en contient ${pieces.length}` });
    let ht = 0;
    let tva = 0;
    const pieceIds = new Set<string>();
    pieces.forEach((p, pi) => {
      const piecePath = `${path}/Piece[${pi + 1}]`;
      const blocPiece = child(p, 'BlocPiece');
      const idPce = valueOf(blocPiece && child(blocPiece, 'IdPce'));
      if (idPce) {
        if (pieceIds.has(idPce)) issues.push({ path: `${piecePath}/BlocPiece/IdPce`, message: `pièce n° ${idPce} en double dans le bordereau` });
        pieceIds.add(idPce);
      }
      const typPce = valueOf(blocPiece && child(blocPiece, 'TypPce'));
      const natPce = valueOf(blocPiece && child(blocPiece, 'NatPce'));
      if (typBord === '02' && natPce !== '06') issues.push({ path: `${piecePath}/BlocPiece/NatPce`, message: 'une pièce d’un bordereau d’annulation-réduction (02) a la nature 06' });
      if (typBord === '01' && natPce === '06') issues.push({ path: `${piecePath}/BlocPiece/NatPce`, message: 'une annulation-réduction (06) va dans un bordereau de type 02' });
      if (typBord === '01' && typPce === '02') issues.push({ path: `${piecePath}/BlocPiece/TypPce`, message: 'un titre correctif (02) va dans un bordereau de type 02' });
      for (const ref of blocPiece ? childrenNamed(blocPiece, 'PJRef') : []) {
        const target = valueOf(child(ref, 'IdUnique'));
        if (!attachments.has(target)) issues.push({ path: `${piecePath}/BlocPiece/PJRef/IdUnique`, message: `pièce jointe « ${target} » absente de PES_PJ` });
      }
      childrenNamed(p, 'LigneDePiece').forEach((l, li) => {
        const linePath = `${piecePath}/LigneDePiece[${li + 1}]`;
        const info = child(child(l, 'BlocLignePiece') ?? { name: '' }, 'InfoLignePiece');
        if (info && valueOf(child(info, 'IdLigne')) !== String(li + 1)) issues.push({ path: `${linePath}/BlocLignePiece/InfoLignePiece/IdLigne`, message: `lignes numérotées de 1 à n : ${li + 1} attendu` });
        ht += cents(valueOf(info && child(info, 'MtHT')));
        tva += cents(valueOf(info && child(info, 'MtTVA')));
        if (typBord === '02' && !child(child(l, 'BlocLignePiece') ?? { name: '' }, 'RattachPiece')) issues.push({ path: `${linePath}/BlocLignePiece/RattachPiece`, message: 'une réduction désigne le titre qu’elle réduit (RattachPiece)' });
        const infoTiers = child(child(l, 'Tiers') ?? { name: '' }, 'InfoTiers');
        if (infoTiers) {
          const idTiers = valueOf(child(infoTiers, 'IdTiers'));
          const nat = valueOf(child(infoTiers, 'NatIdTiers'));
          if (idTiers && !nat) issues.push({ path: `${linePath}/Tiers/InfoTiers/NatIdTiers`, message: 'la nature de l’identifiant accompagne IdTiers' });
          if (nat === '01' && idTiers && !/^[0-9]{14}$/.test(idTiers)) issues.push({ path: `${linePath}/Tiers/InfoTiers/IdTiers`, message: 'un SIRET a 14 chiffres' });
          if (valueOf(child(infoTiers, 'TypTiers')) !== '01') issues.push({ path: `${linePath}/Tiers/InfoTiers/TypTiers`, message: 'le débiteur principal (01) est attendu' });
        }
        const adresse = child(child(l, 'Tiers') ?? { name: '' }, 'Adresse');
        if (adresse && valueOf(child(adresse, 'CodRes')) === '1' && !child(adresse, 'CodPays')) issues.push({ path: `${linePath}/Tiers/Adresse/CodPays`, message: 'un non-résident a un code pays' });
      });
    });
    const mtBordHt = valueOf(child(bloc, 'MtBordHt'));
    if (mtBordHt && AMOUNT.test(mtBordHt) && cents(mtBordHt) !== ht) issues.push({ path: `${path}/BlocBordereau/MtBordHt`, message: `${mtBordHt} au lieu de la somme des lignes ${(ht / 100).toFixed(2)}` });
    const mtBordTva = valueOf(child(bloc, 'MtBordTVA'));
    if ((mtBordTva ? cents(mtBordTva) : 0) !== tva) issues.push({ path: `${path}/BlocBordereau/MtBordTVA`, message: `la TVA du bordereau doit être la somme des MtTVA (${(tva / 100).toFixed(2)})` });
  });
}

/** Every issue of a file, or none: an export is offered only when this is empty. */
export function pesIssues(root: PesNode): PesIssue[] {
  const issues: PesIssue[] = [];
  if (root.name !== 'n:PES_Aller') return [{ path: root.name, message: 'racine n:PES_Aller attendue' }];
  if (root.attrs?.['xmlns:n'] !== PES_NAMESPACE) issues.push({ path: 'n:PES_Aller/@xmlns:n', message: `espace de noms ${PES_NAMESPACE} attendu` });
  if (root.attrs && Object.keys(root.attrs).some((a) => a === 'xmlns')) issues.push({ path: 'n:PES_Aller/@xmlns', message: 'pas d’espace de noms par défaut : les éléments sont non qualifiés' });
  checkStructure(root, '', 'n:PES_Aller', issues);
  checkConsistency(root, issues);
  return issues;
}
