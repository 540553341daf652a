import ExcelJS from 'exceljs';
import { formatCivilDateFr, parseCivilDate } from '../../domain/civil-date.ts';
import { heading, para, render, tableRow } from '../documents/pdf.ts';
import type { AnnualSummaryView } from './annual-summary.ts';

const euros = (amount: string) => `${amount.replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')} €`;
const day = (date: string) => formatCivilDateFr(parseCivilDate(date));
const KIND: Record<AnnualSummaryView['providers'][number]['documents'][number]['kind'], string> = { title: 'Titre', reduction: 'Réduction', cancellation: 'Annulation', payment_order: 'Mandat' };

/** The member's year as a PDF its finance staff file with the budget's execution: one section per provider. */
export function annualSummaryPdf(summary: AnnualSummaryView): Promise<Buffer> {
  const title = `Récapitulatif annuel ${summary.fiscalYear} — ${summary.organisationName}`;
  return render(title, summary.providers.map((p) => p.providerName).join(', ') || 'Mutualis', (doc) => {
    doc.font('Helvetica-Bold').fontSize(16).text(title, { align: 'center' }).moveDown(0.5);
    if (!summary.providers.length) para(doc, `Aucun titre ni mandat émis pour l’exercice ${summary.fiscalYear}.`);
    for (const p of summary.providers) {
      heading(doc, p.providerName);
      tableRow(doc, [243, 80, 80, 80], ['Prestation', 'HT', 'TVA', 'TTC'], { bold: true });
      for (const l of p.lines) tableRow(doc, [243, 80, 80, 80], [l.label, euros(l.amountExcl), euros(l.vat), euros(l.amountIncl)]);
      doc.moveDown(0.3);
      const totals: [string, string][] = [
        ['Titres émis', p.totals.billed],
        ['Réductions et annulations', p.totals.reduced],
        ['Net facturé', p.totals.net],
        ['Payé', p.totals.paid],
        ['Reste à payer', p.totals.outstanding],
        ['Reversé par mandat', p.totals.paidBack],
      ];
      for (const [label, amount] of totals) tableRow(doc, [300, 183], [label, euros(amount)], { bold: label === 'Net facturé' || label === 'Reste à payer' });
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(10).text('Documents').moveDown(0.2);
      tableRow(doc, [70, 60, 170, 60, 60, 63], ['Numéro', 'Nature', 'Objet', 'Émis le', 'TTC', 'Reste dû'], { bold: true, align: ['left', 'left', 'left', 'right', 'right', 'right'] });
      for (const d of p.documents) tableRow(doc, [70, 60, 170, 60, 60, 63], [d.number, KIND[d.kind], d.subject, day(d.issuedOn), euros(d.amountIncl), euros(d.outstanding)], { align: ['left', 'left', 'left', 'right', 'right', 'right'] });
    }
  });
}

/** The same as a workbook: one sheet of lines and one of documents, amounts as numbers in euros. */
export async function annualSummaryXlsx(summary: AnnualSummaryView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const lines = workbook.addWorksheet('Prestations');
  lines.addRow(['Fournisseur', 'Prestation', 'Montant HT', 'TVA', 'Montant TTC']).font = { bold: true };
  const documents = workbook.addWorksheet('Documents');
  documents.addRow(['Fournisseur', 'Numéro', 'Nature', 'Objet', 'Émis le', 'Échéance', 'Montant TTC', 'Payé', 'Reste à payer']).font = { bold: true };
  for (const p of summary.providers) {
    for (const l of p.lines) lines.addRow([p.providerName, l.label, Number(l.amountExcl), Number(l.vat), Number(l.amountIncl)]);
    lines.addRow([p.providerName, 'Net facturé', null, null, Number(p.totals.net)]).font = { bold: true };
    for (const d of p.documents) documents.addRow([p.providerName, d.number, KIND[d.kind], d.subject, d.issuedOn, d.dueOn ?? '', Number(d.amountIncl), Number(d.paid), Number(d.outstanding)]);
  }
  lines.columns.forEach((c, i) => {
    c.width = i === 1 ? 50 : i === 0 ? 36 : 16;
    if (i >= 2) c.numFmt = '#,##0.00 "€"';
  });
  documents.columns.forEach((c, i) => {
    c.width = i === 3 ? 60 : i === 0 ? 36 : 14;
    if (i >= 6) c.numFmt = '#,##0.00 "€"';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
