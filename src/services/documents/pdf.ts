import PDFDocument from 'pdfkit';
import type { AgreementData, AmendmentData, ExitData, OpeningRecordData } from './document-data.ts';

/**
 * The same documents as PDF, laid out like the built-in Word templates (templates/*.docx). A provider's own
 * Word template changes the DOCX only: turning Word into PDF needs an office suite this server does not have.
 */
type Pdf = InstanceType<typeof PDFDocument>;

export function render(titleText: string, author: string, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: titleText, Author: author }, lang: 'fr-FR', displayTitle: true, pdfVersion: '1.7', tagged: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

/**
 * One row of a table: cells side by side in columns of the given widths, the first left-aligned and the others
 * right-aligned (amounts); a new page when the row would run past the bottom margin.
 */
export function tableRow(doc: Pdf, widths: readonly number[], cells: readonly string[], options: { bold?: boolean; align?: readonly ('left' | 'right')[] } = {}): void {
  const x = doc.page.margins.left;
  doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
  const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 6 }));
  const height = Math.max(...heights);
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const y = doc.y;
  let left = x;
  cells.forEach((cell, i) => {
    doc.text(cell, left, y, { width: widths[i]! - 6, align: options.align?.[i] ?? (i === 0 ? 'left' : 'right') });
    left += widths[i]!;
  });
  doc.x = x;
  doc.y = y + height + 4;
}

export const heading = (doc: Pdf, text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(text).moveDown(0.3).font('Helvetica').fontSize(10);
export const para = (doc: Pdf, text: string) => (text.trim() ? doc.font('Helvetica').fontSize(10).text(text, { align: 'justify' }).moveDown(0.4) : doc);

function head(doc: Pdf, data: AgreementData, title: string): void {
  doc.font('Helvetica-Bold').fontSize(10).text(data.fournisseur_nom);
  para(doc, data.fournisseur_adresse);
  doc.font('Helvetica').fontSize(9).text(`Édité le ${data.date_edition}`, { align: 'right' });
  doc.moveDown().font('Helvetica-Bold').fontSize(16).text(title, { align: 'center' }).moveDown(0.5);
}

function parties(doc: Pdf, data: AgreementData): void {
  heading(doc, 'Entre les parties');
  for (const p of data.parties) {
    const where = [p.adresse, [p.code_postal, p.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    const who = p.representant ? `, représenté(e) par ${p.representant}${p.qualite ? `, ${p.qualite}` : ''}` : '';
    para(doc, `${p.nom}${where ? `, ${where}` : ''}${who}${p.deliberation ? `, dûment autorisé(e) par ${p.deliberation}` : ''} — ${p.role}.`);
  }
}

function list(doc: Pdf, items: string[]): void {
  for (const item of items) para(doc, `• ${item}`);
}

export function agreementPdf(data: AgreementData): Promise<Buffer> {
  return render(data.convention_titre, data.fournisseur_nom, (doc) => {
    head(doc, data, data.convention_titre);
    doc.font('Helvetica').fontSize(10).text(`${data.convention_type} — référence ${data.convention_code}`, { align: 'center' });
    parties(doc, data);
    heading(doc, 'Durée, prise d’effet, dénonciation et modification');
    list(doc, data.regles.map((r) => r.texte));
    heading(doc, 'Annexes');
    list(doc, data.annexes.length ? data.annexes.map((a) => a.titre) : ['Aucune annexe enregistrée']);
    heading(doc, 'Signatures');
    const receipt = data.recepisse_numero ? ` Accusé de réception en préfecture ${data.recepisse_numero}${data.recepisse_date ? ` du ${data.recepisse_date}` : ''}.` : '';
    para(doc, `${data.date_signature ? `Signée le ${data.date_signature}` : 'Non signée'}${data.date_effet ? ` ; prise d’effet le ${data.date_effet}` : ''}.${receipt}`);
    for (const p of data.parties) para(doc, `Pour ${p.nom}${p.representant ? `, ${p.representant}` : ''}${p.qualite ? `, ${p.qualite}` : ''}${p.date_signature ? ` — le ${p.date_signature}` : ''}`);
  });
}

export function amendmentPdf(data: AmendmentData): Promise<Buffer> {
  const title = `Avenant n° ${data.avenant_numero} à la convention « ${data.convention_titre} »`;
  return render(title, data.fournisseur_nom, (doc) => {
    head(doc, data, title);
    doc.font('Helvetica-Bold').fontSize(10).text(`Objet : ${data.avenant_objet}`);
    parties(doc, data);
    heading(doc, 'Article 1 — Modifications');
    list(doc, data.modifications.map((m) => m.texte));
    heading(doc, 'Article 2 — Approbation et prise d’effet');
    para(doc, `Proposé le ${data.avenant_date_proposition}. ${data.avenant_statut}`);
    list(doc, data.approbations.map((a) => `${a.nom} : ${a.date}${a.deliberation ? ` (${a.deliberation})` : ''}`));
    heading(doc, 'Article 3 — Autres stipulations');
    para(doc, `Les autres stipulations de la convention (référence ${data.convention_code}${data.date_signature ? `, signée le ${data.date_signature}` : ''}) demeurent inchangées.`);
  });
}

export function exitAcknowledgementPdf(data: ExitData): Promise<Buffer> {
  const title = 'Accusé de réception d’une demande de dénonciation';
  return render(title, data.fournisseur_nom, (doc) => {
    head(doc, data, title);
    para(doc, `Convention : ${data.convention_titre} (référence ${data.convention_code}), prise d’effet le ${data.date_effet}.`);
    heading(doc, 'Demande reçue');
    para(doc, `${data.fournisseur_nom} accuse réception, le ${data.sortie_reception}, de la demande de sortie ${data.sortie_type} de ${data.sortie_organisation}.${data.sortie_categories ? ` Catégories quittées : ${data.sortie_categories}.` : ''}`);
    heading(doc, 'Conséquences');
    para(doc, `Date limite de préavis pour l’échéance concernée : ${data.sortie_date_limite}.`);
    para(doc, `La sortie prend effet le ${data.sortie_effet} ; la convention s’applique jusqu’au ${data.sortie_dernier_jour} inclus.`);
    para(doc, data.sortie_explication);
    heading(doc, 'Règles applicables');
    list(doc, data.regles.map((r) => r.texte));
    doc.moveDown();
    doc.text(`Pour ${data.fournisseur_nom}${data.fournisseur_representant ? `, ${data.fournisseur_representant}` : ''}${data.fournisseur_qualite ? `, ${data.fournisseur_qualite}` : ''}`, { align: 'right' });
  });
}

export function openingRecordPdf(data: OpeningRecordData): Promise<Buffer> {
  const title = `Procès-verbal d’ouverture de service ${data.pv_reference}`;
  return render(title, data.fournisseur_nom, (doc) => {
    head(doc, data, title);
    para(doc, `Convention : ${data.convention_titre} (référence ${data.convention_code}).`);
    para(doc, `Le présent document précise la date d’ouverture effective des services de ${data.pv_adherent} ci-dessous.`);
    heading(doc, 'Services ouverts');
    list(doc, data.lignes.map((l) => `${l.service}${l.options ? ` (${l.options})` : ''} : ${l.volume}, ouvert à partir du ${l.date_ouverture}`));
    heading(doc, 'Dès cette date');
    list(doc, [
      `${data.fournisseur_nom} s’engage à fournir ledit service dans les modalités validées par les parties.`,
      `${data.pv_adherent} s’engage à être facturée pour le service rendu dans les modalités validées entre les parties.`,
    ]);
    doc.moveDown();
    para(doc, `Pour ${data.fournisseur_nom}${data.fournisseur_representant ? `, ${data.fournisseur_representant}` : ''}`);
    para(doc, `Pour ${data.pv_adherent}${data.adherent_representant ? `, ${data.adherent_representant}` : ''}`);
  });
}
