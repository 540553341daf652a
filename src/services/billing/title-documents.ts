import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { titleDetailSchema, titleSchema } from '../../contracts/billing.ts';
import { formatCivilDateFr, parseCivilDate } from '../../domain/civil-date.ts';
import { heading, para, render, tableRow } from '../documents/pdf.ts';

/**
 * A title as the member receives it, every euro explained (issue #7): its lines with the quantity, unit price
 * and where the quantity comes from; and a run as a spreadsheet for the finance officer.
 */
type TitleDetail = z.infer<typeof titleDetailSchema>;
const euros = (amount: string) => `${amount.replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')} €`;
const day = (date: string) => formatCivilDateFr(parseCivilDate(date));
const KIND_TITLE: Record<TitleDetail['kind'], string> = { title: 'Titre de recette', reduction: 'Réduction de titre de recette', cancellation: 'Annulation de titre de recette', payment_order: 'Mandat de paiement' };

export function titlePdf(title: TitleDetail, providerName: string): Promise<Buffer> {
  const heading1 = `${KIND_TITLE[title.kind]} n° ${title.number}`;
  return render(heading1, providerName, (doc) => {
    doc.font('Helvetica-Bold').fontSize(10).text(providerName);
    doc.moveDown().font('Helvetica-Bold').fontSize(16).text(heading1, { align: 'center' }).moveDown(0.5);
    para(doc, `${title.kind === 'payment_order' ? 'Bénéficiaire' : 'Débiteur'} : ${title.organisationName}`);
    para(doc, `Objet : ${title.subject}`);
    para(doc, `Période du ${day(title.periodFrom)} au ${day(title.periodTo)}. Émis le ${day(title.issuedOn)}${title.dueOn ? `, payable au plus tard le ${day(title.dueOn)}` : ''}. Exercice ${title.fiscalYear}.`);
    heading(doc, 'Détail');
    const widths = [205, 95, 65, 70, 48];
    tableRow(doc, widths, ['Prestation', 'Quantité', 'Prix unitaire', 'Montant', 'TVA'], { bold: true });
    for (const l of title.lines) {
      tableRow(doc, widths, [l.label, l.quantityText, euros(l.unitPrice), euros(l.amount), euros(l.vatAmount)]);
      doc.font('Helvetica-Oblique').fontSize(8).fillColor('#333333').text(l.basis, { width: 483 }).fillColor('black').moveDown(0.3);
    }
    doc.moveDown(0.3);
    tableRow(doc, [300, 183], ['Total hors taxes', euros(title.amountExcl)], { bold: true });
    tableRow(doc, [300, 183], ['TVA', euros(title.vat)]);
    tableRow(doc, [300, 183], ['Total', euros(title.amountIncl)], { bold: true });
    if (title.kind === 'title') {
      heading(doc, 'Paiement');
      para(doc, title.payments.length ? title.payments.map((p) => `${day(p.paidOn)} : ${euros(p.amount)}${p.reference ? ` (${p.reference})` : ''}`).join(' ; ') : 'Aucun paiement enregistré.');
      para(doc, `Reste à recouvrer : ${euros(title.outstanding)}.`);
    }
  });
}

type TitleRow = z.infer<typeof titleSchema>;
const HEADERS = ['Numéro', 'Nature', 'Adhérent', 'Objet', 'Début', 'Fin', 'Émis le', 'Échéance', 'Montant HT', 'TVA', 'Montant TTC', 'Payé', 'Reste à recouvrer'];
const KIND_LABEL: Record<TitleRow['kind'], string> = { title: 'Titre', reduction: 'Réduction', cancellation: 'Annulation', payment_order: 'Mandat' };
const cells = (t: TitleRow) => [t.number, KIND_LABEL[t.kind], t.organisationName, t.subject, t.periodFrom, t.periodTo, t.issuedOn, t.dueOn ?? '', t.amountExcl, t.vat, t.amountIncl, t.paid, t.outstanding];

/** A run's documents as CSV (semicolons, decimal commas: what a French spreadsheet opens). */
export function titlesCsv(titles: readonly TitleRow[]): Buffer {
  const rows = titles.map((t) => cells(t).map((c, i) => (i >= 8 ? c.replace('.', ',') : c)));
  return Buffer.from(`\uFEFF${stringify([HEADERS, ...rows], { delimiter: ';' })}`, 'utf8');
}

/** The same as a workbook, amounts as numbers formatted in euros. */
export async function titlesXlsx(titles: readonly TitleRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Titres');
  sheet.addRow(HEADERS).font = { bold: true };
  for (const t of titles) sheet.addRow(cells(t).map((c, i) => (i >= 8 ? Number(c) : c)));
  sheet.columns.forEach((column, i) => {
    column.width = i === 3 ? 60 : i === 2 ? 32 : 14;
    if (i >= 8) column.numFmt = '#,##0.00 "€"';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
