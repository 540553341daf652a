/**
 * Writes the built-in Word templates under templates/. Run `npm run templates:build` after changing the
 * wording; the generated .docx files are committed so administrators can download, edit in Word and upload
 * them back (tags: src/services/documents/document-data.ts).
 */
import { writeFileSync } from 'node:fs';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

const p = (text: string, options: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({ alignment: options.align, spacing: { after: 120 }, children: [new TextRun({ text, bold: options.bold })] });
const h = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun(text)] });
const title = (text: string) => new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun(text)] });

const parties = [
  h('Entre les parties'),
  p('{#parties}'),
  p('{nom}, {adresse} {code_postal} {commune}, représenté(e) par {representant}, {qualite}, dûment autorisé(e) par {deliberation} — {role}.'),
  p('{/parties}'),
];
const header = [p('{fournisseur_nom}', { bold: true }), p('{fournisseur_adresse}'), p('Édité le {date_edition}', { align: AlignmentType.RIGHT })];

function convention(): Document {
  return doc([
    ...header,
    title('{convention_titre}'),
    p('{convention_type} — référence {convention_code}', { align: AlignmentType.CENTER }),
    ...parties,
    h('Durée, prise d’effet, dénonciation et modification'),
    p('{#regles}'),
    p('{texte}'),
    p('{/regles}'),
    h('Annexes'),
    p('{#annexes}'),
    p('— {titre}'),
    p('{/annexes}'),
    h('Signatures'),
    p('Signée le {date_signature} ; prise d’effet le {date_effet}. Accusé de réception en préfecture {recepisse_numero} du {recepisse_date}.'),
    p('{#parties}'),
    p('Pour {nom}, {representant}, {qualite} — le {date_signature}'),
    p('{/parties}'),
  ]);
}

function avenant(): Document {
  return doc([
    ...header,
    title('Avenant n° {avenant_numero} à la convention « {convention_titre} »'),
    p('Objet : {avenant_objet}', { bold: true }),
    ...parties,
    h('Article 1 — Modifications'),
    p('{#modifications}'),
    p('{texte}'),
    p('{/modifications}'),
    h('Article 2 — Approbation et prise d’effet'),
    p('Proposé le {avenant_date_proposition}. {avenant_statut}'),
    p('{#approbations}'),
    p('{nom} : {date} {deliberation}'),
    p('{/approbations}'),
    h('Article 3 — Autres stipulations'),
    p('Les autres stipulations de la convention (référence {convention_code}, signée le {date_signature}) demeurent inchangées.'),
  ]);
}

function accuseSortie(): Document {
  return doc([
    ...header,
    title('Accusé de réception d’une demande de dénonciation'),
    p('Convention : {convention_titre} (référence {convention_code}), prise d’effet le {date_effet}.'),
    h('Demande reçue'),
    p('{fournisseur_nom} accuse réception, le {sortie_reception}, de la demande de sortie {sortie_type} de {sortie_organisation}.{#sortie_categories} Catégories quittées : {sortie_categories}.{/sortie_categories}'),
    h('Conséquences'),
    p('Date limite de préavis pour l’échéance concernée : {sortie_date_limite}.'),
    p('La sortie prend effet le {sortie_effet} ; la convention s’applique jusqu’au {sortie_dernier_jour} inclus.'),
    p('{sortie_explication}'),
    h('Règles applicables'),
    p('{#regles}'),
    p('{texte}'),
    p('{/regles}'),
    p('Pour {fournisseur_nom}, {fournisseur_representant}, {fournisseur_qualite}', { align: AlignmentType.RIGHT }),
  ]);
}

function pvOuverture(): Document {
  return doc([
    ...header,
    title('Procès-verbal d’ouverture de service {pv_reference}'),
    p('Convention : {convention_titre} (référence {convention_code}).'),
    p('Le présent document précise la date d’ouverture effective des services de {pv_adherent} ci-dessous.'),
    h('Services ouverts'),
    p('{#lignes}'),
    p('{service} {options} : {volume}, ouvert à partir du {date_ouverture}'),
    p('{/lignes}'),
    h('Dès cette date'),
    p('{fournisseur_nom} s’engage à fournir ledit service dans les modalités validées par les parties.'),
    p('{pv_adherent} s’engage à être facturée pour le service rendu dans les modalités validées entre les parties.'),
    p('Pour {fournisseur_nom}, {fournisseur_representant}'),
    p('Pour {pv_adherent}, {adherent_representant}'),
  ]);
}

function rapportAnnuel(): Document {
  return doc([
    ...header,
    title('Rapport annuel {rapport_annee} sur la mise en œuvre de la convention'),
    p('{convention_titre} (référence {convention_code}) — {rapport_statut}', { align: AlignmentType.CENTER }),
    p('{texte_introduction}'),
    h('Services rendus'),
    p('{#services}'),
    p('{adherent} : {service}, {volume}, ouvert le {ouverture}'),
    p('{/services}'),
    h('Unités par service'),
    p('{#unites}'),
    p('{service} : {volume}'),
    p('{/unites}'),
    p('{texte_services}'),
    h('Conditions matérielles et financières'),
    p('Titres émis : {montant_facture} ; réductions et annulations : {montant_reductions} ; net facturé : {montant_net}.'),
    p('Encaissé : {montant_encaisse} ; restant à recouvrer : {montant_restant} ; mandats : {montant_mandats}.'),
    p('Charges du fournisseur : {montant_couts}.'),
    p('{#couts}'),
    p('{service} : {charges} pour {unites_prevues} unités prévues'),
    p('{/couts}'),
    p('{texte_finances}'),
    h('Réunions et décisions'),
    p('{#reunions}'),
    p('{comite} du {date} : {decisions}'),
    p('{/reunions}'),
    h('Incidents relevés'),
    p('{texte_incidents}'),
    h('Propositions'),
    p('{texte_propositions}'),
    h('Avis du comité'),
    p('{texte_avis}'),
  ]);
}

function doc(children: Paragraph[]): Document {
  return new Document({
    creator: 'Mutualis',
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ children }],
  });
}

for (const [name, build] of [['convention', convention], ['avenant', avenant], ['accuse_sortie', accuseSortie], ['pv_ouverture', pvOuverture], ['rapport_annuel', rapportAnnuel]] as const) {
  writeFileSync(new URL(`../templates/${name}.docx`, import.meta.url), await Packer.toBuffer(build()));
  console.log(`templates/${name}.docx`);
}
