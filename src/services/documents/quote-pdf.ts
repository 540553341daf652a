import type { QuoteView } from '../../contracts/quotes.ts';
import { formatCivilDateLongFr, parseCivilDate } from '../../domain/civil-date.ts';
import { heading, para, render, tableRow } from './pdf.ts';

const euros = (amount: string) => `${amount.replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')} €`;
const long = (date: string) => formatCivilDateLongFr(parseCivilDate(date));

/** A quote as PDF: nature, quantity and price of each service (seed 002 art. 4.1), total and signature block. */
export function quotePdf(quote: QuoteView, providerName: string): Promise<Buffer> {
  const title = `Devis ${quote.number}`;
  return render(title, providerName, (doc) => {
    doc.font('Helvetica-Bold').fontSize(10).text(providerName);
    doc.moveDown().font('Helvetica-Bold').fontSize(16).text(title, { align: 'center' }).moveDown(0.5);
    para(doc, `Destinataire : ${quote.organisationName}`);
    para(doc, `Objet : ${quote.subject}`);
    para(doc, `Émis le ${long(quote.issuedOn)}, valable jusqu'au ${long(quote.validUntil)} inclus.`);
    heading(doc, 'Prestations');
    const widths = [250, 60, 90, 90];
    const row = (cells: string[], bold = false) => tableRow(doc, widths, cells, { bold });
    row(['Nature', 'Quantité', 'Prix unitaire', 'Montant'], true);
    for (const line of quote.lines) row([line.nature, line.quantity, euros(line.unitPrice), euros(line.amount)]);
    doc.moveDown(0.5);
    row(['Total', '', '', euros(quote.total)], true);
    para(doc, `Montants ${quote.vatLabel}.`);
    heading(doc, 'Acceptation');
    para(doc, 'La signature du devis vaut pour acceptation du prix.');
    para(doc, quote.acceptedOn ? `Accepté le ${long(quote.acceptedOn)} par ${quote.acceptedBy}.` : `Pour ${quote.organisationName}, date, nom, qualité et signature :`);
  });
}
