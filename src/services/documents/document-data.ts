import type { z } from 'zod';
import { AGREEMENT_TYPES, PARTY_ROLES, type agreementDetailSchema } from '../../contracts/agreements.ts';
import type { AmendmentView } from '../../contracts/amendments.ts';
import type { exitRequestSchema } from '../../contracts/agreements.ts';
import { rulesText } from '../../domain/agreements/rules-text.ts';
import type { AgreementRules } from '../../domain/agreements/rules.ts';
import { addDays, formatCivilDateLongFr, parseCivilDate } from '../../domain/civil-date.ts';

/**
 * The values a Word template can use, with French tag names since the people who edit templates work in
 * French. Every kind of document shares the agreement's tags; amendments and exit acknowledgements add theirs.
 * `TEMPLATE_TAGS` lists them for template validation and for the documentation shown to administrators.
 */
type Detail = z.infer<typeof agreementDetailSchema>;
type ExitView = z.infer<typeof exitRequestSchema>;

export interface Address {
  organisationId: string;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  representativeName: string | null;
  representativeTitle: string | null;
}

export const DOCUMENT_KINDS = {
  convention: 'Convention',
  avenant: 'Avenant',
  accuse_sortie: 'Accusé de réception de dénonciation',
  pv_ouverture: "Procès-verbal d'ouverture de service",
  rapport_annuel: 'Rapport annuel du comité de pilotage',
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const DOCUMENT_KIND_VALUES = Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]];

const PARTY_TAGS = {
  nom: 'Nom de la partie',
  role: 'Rôle (fournisseur, adhérent…)',
  adresse: 'Adresse (lignes 1 et 2)',
  code_postal: 'Code postal',
  commune: 'Commune',
  representant: 'Nom du représentant (signataire, sinon représentant légal)',
  qualite: 'Qualité du représentant',
  deliberation: 'Délibération autorisant la signature, en toutes lettres',
  date_signature: 'Date de signature par cette partie',
};

const AGREEMENT_TAGS = {
  date_edition: "Date d'édition du document",
  convention_titre: 'Titre de la convention',
  convention_code: 'Code de la convention',
  convention_type: 'Type de convention',
  fournisseur_nom: 'Nom du fournisseur',
  fournisseur_adresse: 'Adresse du fournisseur',
  fournisseur_representant: 'Représentant du fournisseur',
  fournisseur_qualite: 'Qualité du représentant du fournisseur',
  fournisseur_deliberation: 'Délibération du fournisseur',
  adherent_nom: "Nom de l'adhérent (premier adhérent partie)",
  adherent_adresse: "Adresse de l'adhérent",
  adherent_code_postal: "Code postal de l'adhérent",
  adherent_commune: "Commune de l'adhérent",
  adherent_representant: "Représentant de l'adhérent",
  adherent_qualite: "Qualité du représentant de l'adhérent",
  adherent_deliberation: "Délibération de l'adhérent",
  date_signature: 'Date de signature de la convention',
  date_effet: "Date de prise d'effet",
  recepisse_numero: 'Numéro de l’accusé de réception en préfecture',
  recepisse_date: 'Date de réception en préfecture',
  parties: `Boucle {#parties}…{/parties} sur les parties : ${Object.keys(PARTY_TAGS).join(', ')}`,
  annexes: 'Boucle {#annexes}{titre}{/annexes} sur les annexes',
  regles: 'Boucle {#regles}{texte}{/regles} sur les règles de durée, de dénonciation et de modification',
};

const AMENDMENT_TAGS = {
  avenant_numero: "Numéro de l'avenant",
  avenant_objet: "Objet de l'avenant",
  avenant_date_proposition: 'Date de la proposition',
  avenant_statut: 'Statut et prise d’effet, en toutes lettres',
  avenant_date_effet: "Date de prise d'effet (vide tant qu'il n'est pas approuvé)",
  modifications: 'Boucle {#modifications}{texte}{/modifications} sur les changements',
  approbations: 'Boucle {#approbations}{nom} {date} {deliberation}{/approbations} sur les approbations requises',
};

const EXIT_TAGS = {
  sortie_organisation: 'Organisation qui dénonce',
  sortie_type: 'Totale ou partielle',
  sortie_categories: 'Catégories quittées (sortie partielle)',
  sortie_reception: 'Date de réception du courrier',
  sortie_date_limite: 'Date limite de préavis pour cette échéance',
  sortie_effet: "Date de prise d'effet",
  sortie_dernier_jour: 'Dernier jour où la convention s’applique à cette partie',
  sortie_explication: 'Conséquence de la demande selon les règles de la convention',
};

const OPENING_TAGS = {
  pv_reference: 'Référence du procès-verbal',
  pv_date: "Date d'ouverture effective (la plus ancienne des lignes)",
  pv_adherent: 'Adhérent dont les services sont ouverts',
  lignes: 'Boucle {#lignes}{service} {options} {volume} {date_ouverture}{/lignes} sur les lignes ouvertes',
};

/** Seed 001 art. 6.3: the steering committee's yearly report on the agreement's implementation. */
export const REPORT_TAGS = {
  rapport_annee: 'Année du rapport',
  rapport_statut: 'Projet, ou définitif et depuis quand',
  texte_introduction: 'Introduction',
  texte_services: 'Commentaire sur les services rendus',
  texte_finances: 'Commentaire sur les conditions matérielles et financières',
  texte_incidents: 'Incidents relevés',
  texte_propositions: "Propositions pour améliorer l'exécution",
  texte_avis: 'Avis du comité',
  montant_facture: 'Montant des titres émis (TTC)',
  montant_reductions: 'Réductions et annulations',
  montant_net: 'Montant net facturé',
  montant_encaisse: 'Montant encaissé',
  montant_restant: 'Restant à recouvrer',
  montant_mandats: 'Mandats (remboursements aux adhérents)',
  montant_couts: 'Charges du fournisseur pour les services de la convention',
  services: 'Boucle {#services}{adherent} {service} {volume} {ouverture}{/services} sur les services rendus',
  unites: 'Boucle {#unites}{service} {volume}{/unites} sur les unités par service',
  couts: 'Boucle {#couts}{service} {charges} {unites_prevues}{/couts} sur les charges par service',
  reunions: 'Boucle {#reunions}{comite} {date} {decisions}{/reunions} sur les réunions et leurs décisions',
};

export const TEMPLATE_TAGS: Record<DocumentKind, Record<string, string>> = {
  convention: AGREEMENT_TAGS,
  avenant: { ...AGREEMENT_TAGS, ...AMENDMENT_TAGS },
  accuse_sortie: { ...AGREEMENT_TAGS, ...EXIT_TAGS },
  pv_ouverture: { ...AGREEMENT_TAGS, ...OPENING_TAGS },
  rapport_annuel: { ...AGREEMENT_TAGS, ...REPORT_TAGS },
};
/** Tags valid inside a loop, by loop name. */
export const LOOP_TAGS: Record<string, string[]> = {
  parties: Object.keys(PARTY_TAGS),
  annexes: ['titre'],
  regles: ['texte'],
  modifications: ['texte'],
  approbations: ['nom', 'date', 'deliberation'],
  lignes: ['service', 'options', 'volume', 'date_ouverture'],
  services: ['adherent', 'service', 'volume', 'ouverture'],
  unites: ['service', 'volume'],
  couts: ['service', 'charges', 'unites_prevues'],
  reunions: ['comite', 'date', 'decisions'],
};

const long = (value: string | null | undefined) => (value ? formatCivilDateLongFr(parseCivilDate(value)) : '');

export type PartyData = Record<keyof typeof PARTY_TAGS, string>;
export type AgreementData = Omit<Record<keyof typeof AGREEMENT_TAGS, string>, 'parties' | 'annexes' | 'regles'> & {
  parties: PartyData[];
  annexes: { titre: string }[];
  regles: { texte: string }[];
};

function deliberationText(d: Detail['parties'][number]['deliberation']): string {
  if (!d) return '';
  return `délibération${d.number ? ` n° ${d.number}` : ''} (${d.organ}) du ${long(d.date)}`;
}

export function agreementData(detail: Detail, addresses: Map<string, Address>, editedOn: string): AgreementData {
  const parties: PartyData[] = detail.parties.map((p) => {
    const a = addresses.get(p.organisationId);
    return {
      nom: p.organisationName,
      role: PARTY_ROLES[p.role],
      adresse: [a?.addressLine1, a?.addressLine2].filter(Boolean).join(', '),
      code_postal: a?.postalCode ?? '',
      commune: a?.city ?? '',
      representant: p.signatory?.name ?? a?.representativeName ?? '',
      qualite: p.signatory?.title ?? a?.representativeTitle ?? '',
      deliberation: deliberationText(p.deliberation),
      date_signature: long(p.signedOn),
    };
  });
  const provider = parties[detail.parties.findIndex((p) => p.role === 'provider')];
  const member = parties[detail.parties.findIndex((p) => p.role === 'member')];
  const address = (p: PartyData | undefined) => (p ? [p.adresse, [p.code_postal, p.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ') : '');
  return {
    date_edition: long(editedOn),
    convention_titre: detail.title,
    convention_code: detail.code,
    convention_type: AGREEMENT_TYPES[detail.type],
    fournisseur_nom: provider?.nom ?? detail.providerName,
    fournisseur_adresse: address(provider),
    fournisseur_representant: provider?.representant ?? '',
    fournisseur_qualite: provider?.qualite ?? '',
    fournisseur_deliberation: provider?.deliberation ?? '',
    adherent_nom: member?.nom ?? '',
    adherent_adresse: member?.adresse ?? '',
    adherent_code_postal: member?.code_postal ?? '',
    adherent_commune: member?.commune ?? '',
    adherent_representant: member?.representant ?? '',
    adherent_qualite: member?.qualite ?? '',
    adherent_deliberation: member?.deliberation ?? '',
    date_signature: long(detail.signedOn),
    date_effet: long(detail.effectiveOn),
    recepisse_numero: detail.legalityReceipt?.id ?? '',
    recepisse_date: long(detail.legalityReceipt?.receivedOn),
    parties,
    annexes: detail.annexes.map((titre) => ({ titre })),
    regles: rulesText(detail.rules as AgreementRules).map((texte) => ({ texte })),
  };
}

export type AmendmentData = AgreementData & Omit<Record<keyof typeof AMENDMENT_TAGS, string>, 'modifications' | 'approbations'> & {
  modifications: { texte: string }[];
  approbations: { nom: string; date: string; deliberation: string }[];
};

/** The changes of an amendment said in French, one sentence each. */
export function changesText(amendment: AmendmentView, names: Map<string, string>): string[] {
  const c = amendment.changes;
  const name = (id: string) => names.get(id) ?? id;
  const lines: string[] = [];
  if (c.title) lines.push(`Le titre de la convention devient : « ${c.title} ».`);
  if (c.annexes) lines.push(`Les annexes sont désormais : ${c.annexes.join(' ; ')}.`);
  if (c.rules) lines.push(...rulesText(c.rules as AgreementRules).map((r) => `Nouvelle règle : ${r}`));
  for (const p of c.addParties ?? []) lines.push(`${name(p.organisationId)} devient partie à la convention (${PARTY_ROLES[p.role].toLowerCase()}).`);
  for (const id of c.removeParties ?? []) lines.push(`${name(id)} cesse d'être partie à la convention.`);
  for (const w of c.withdrawCategories ?? []) lines.push(`${name(w.organisationId)} se retire des catégories de services : ${w.categories.join(', ')} ; le socle commun est conservé.`);
  return lines;
}

export function amendmentData(base: AgreementData, amendment: AmendmentView, names: Map<string, string>): AmendmentData {
  return {
    ...base,
    avenant_numero: String(amendment.number),
    avenant_objet: amendment.subject,
    avenant_date_proposition: long(amendment.proposedOn),
    avenant_statut: amendment.explanation,
    avenant_date_effet: long(amendment.takesEffectOn),
    modifications: changesText(amendment, names).map((texte) => ({ texte })),
    approbations: amendment.approvals.filter((a) => a.required).map((a) => ({
      nom: a.organisationName,
      date: a.approvedOn ? `approuvé le ${long(a.approvedOn)}` : 'approbation attendue',
      deliberation: a.deliberationNumber ? `délibération n° ${a.deliberationNumber}` : '',
    })),
  };
}

export type ExitData = AgreementData & Record<keyof typeof EXIT_TAGS, string>;

export function exitData(base: AgreementData, exit: ExitView): ExitData {
  // Three cases, as the rules decided when the notice was recorded: in time; late, taking effect at the next
  // date; late with the provider free to hold the member one more period (seed 004 art. 13).
  const timing = !exit.late
    ? 'La demande respecte le préavis prévu par la convention.'
    : exit.mayBeHeldUntil
      ? `La demande est parvenue après le ${long(exit.noticeDeadline)} : le fournisseur peut maintenir l'adhésion jusqu'au ${long(exit.mayBeHeldUntil)}.`
      : `La demande est parvenue après le ${long(exit.noticeDeadline)} : elle prend effet à l'échéance suivante.`;
  return {
    ...base,
    sortie_organisation: exit.organisationName,
    sortie_type: exit.scope === 'partial' ? 'partielle' : 'totale',
    sortie_categories: exit.categories.join(', '),
    sortie_reception: long(exit.receivedOn),
    sortie_date_limite: long(exit.noticeDeadline),
    sortie_effet: long(exit.effectiveOn),
    sortie_dernier_jour: formatCivilDateLongFr(addDays(parseCivilDate(exit.effectiveOn), -1)),
    sortie_explication: timing + (exit.amendmentRequired ? ' Un avenant précise le nouveau périmètre de service.' : ''),
  };
}

export type OpeningRecordData = AgreementData & Omit<Record<keyof typeof OPENING_TAGS, string>, 'lignes'> & {
  lignes: { service: string; options: string; volume: string; date_ouverture: string }[];
};

/** Seed 004 annex 8: "Par le présent document, le service … sera ouvert à partir du …". */
export function openingRecordData(
  base: AgreementData,
  reference: string,
  member: string,
  lines: { service: string; options: string; quantity: number; unit: string; openedOn: string }[],
): OpeningRecordData {
  const first = [...lines].sort((a, b) => a.openedOn.localeCompare(b.openedOn))[0];
  return {
    ...base,
    pv_reference: reference,
    pv_date: long(first?.openedOn),
    pv_adherent: member,
    lignes: lines.map((l) => ({ service: l.service, options: l.options, volume: `${l.quantity} ${l.unit}`, date_ouverture: long(l.openedOn) })),
  };
}
