import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { CatalogueView, GridView } from '../../contracts/catalogue.ts';
import { UNITS, type Unit } from '../../domain/catalogue/catalogue.ts';
import { formatCivilDateFr, parseCivilDate } from '../../domain/civil-date.ts';

/**
 * A grid exported as the annex a council votes: one row per price, grouped by category, with monthly and
 * annual amounts as printed, the cumulative total of additive levels, and the VAT treatment.
 */
interface ExportRow {
  category: string;
  line: string;
  options: string;
  unit: string;
  monthly: string;
  annual: string;
  perUnit: string;
  cumulative: string;
  vat: string;
}

const HEADERS = ['Catégorie', 'Ligne de service', 'Options', 'Unité', 'Tarif mensuel (€)', 'Tarif annuel (€)', 'Prix unitaire (€)', 'Total cumulé annuel (€)', 'TVA'];

function vatLabel(price: GridView['prices'][number]): string {
  if (price.vat === 'not_subject') return 'non assujetti';
  return `${price.vat === 'incl' ? 'TTC' : 'HT'}, taux ${price.vatRate?.replace('.', ',')} %`;
}

const comma = (amount: string | null) => (amount ?? '').replace('.', ',');

function exportRows(grid: GridView, catalogue: CatalogueView): ExportRow[] {
  const lineOf = (code: string) => catalogue.lines.find((l) => l.code === code);
  const position = (code: string) => catalogue.lines.findIndex((l) => l.code === code);
  // Within a line, options in the catalogue's order (basique, pro, premium × 10, 25, 50 Go), as annex 5 prints them.
  const optionRank = (p: GridView['prices'][number]) =>
    (lineOf(p.line)?.options ?? []).reduce((rank, dimension) => rank * 100 + dimension.values.findIndex((v) => v.code === p.options[dimension.code]), 0);
  return [...grid.prices]
    .sort((a, b) => position(a.line) - position(b.line) || optionRank(a) - optionRank(b))
    .map((p) => {
      const line = lineOf(p.line);
      return {
        category: catalogue.categories.find((c) => c.code === line?.category)?.name ?? '',
        line: p.lineName,
        options: p.optionsLabel,
        unit: line ? UNITS[line.unit as Unit] : '',
        monthly: comma(p.monthly),
        annual: comma(p.annual),
        perUnit: comma(p.perUnit),
        cumulative: comma(p.cumulativeAnnual),
        vat: vatLabel(p),
      };
    });
}

function title(grid: GridView): string {
  return `${grid.label} — en vigueur à compter du ${formatCivilDateFr(parseCivilDate(grid.effectiveFrom))}`;
}

export function gridCsv(grid: GridView, catalogue: CatalogueView): string {
  const rows = exportRows(grid, catalogue).map((r) => Object.values(r));
  return '\ufeff' + stringify([HEADERS, ...rows], { delimiter: ';' });
}

export async function gridXlsx(grid: GridView, catalogue: CatalogueView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mutualis';
  const sheet = workbook.addWorksheet('Grille tarifaire');
  sheet.addRow([`${catalogue.providerName} — ${title(grid)}`]).font = { bold: true, size: 13 };
  if (grid.deliberation) sheet.addRow([`Délibération : ${grid.deliberation.organ}${grid.deliberation.number ? ` n° ${grid.deliberation.number}` : ''} du ${formatCivilDateFr(parseCivilDate(grid.deliberation.date))}`]);
  sheet.addRow([]);
  sheet.addRow(HEADERS).font = { bold: true };
  const money = (text: string) => (text ? Number(text.replace(',', '.')) : null);
  for (const r of exportRows(grid, catalogue)) {
    sheet.addRow([r.category, r.line, r.options, r.unit, money(r.monthly), money(r.annual), money(r.perUnit), money(r.cumulative), r.vat]);
  }
  for (const column of [5, 6, 7, 8]) sheet.getColumn(column).numFmt = '#,##0.00';
  [38, 48, 40, 18, 16, 16, 16, 20, 20].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function gridPdf(grid: GridView, catalogue: CatalogueView): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, info: { Title: grid.label, Author: catalogue.providerName } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica-Bold').fontSize(14).text(catalogue.providerName);
  doc.fontSize(12).text(title(grid));
  if (grid.deliberation) doc.font('Helvetica').fontSize(10).text(`Délibération : ${grid.deliberation.organ}${grid.deliberation.number ? ` n° ${grid.deliberation.number}` : ''} du ${formatCivilDateFr(parseCivilDate(grid.deliberation.date))}`);
  doc.moveDown();
  const widths = [120, 150, 120, 70, 60, 60, 60, 70, 60];
  const drawRow = (cells: string[], bold: boolean) => {
    const top = doc.y;
    let x = doc.page.margins.left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 4 }));
    const height = Math.max(...heights) + 4;
    if (top + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    cells.forEach((cell, i) => {
      const numeric = i >= 4 && i <= 7;
      doc.text(cell, x + 2, y + 2, { width: widths[i]! - 4, align: numeric && !bold ? 'right' : 'left' });
      x += widths[i]!;
    });
    doc.moveTo(doc.page.margins.left, y + height).lineTo(x, y + height).lineWidth(0.5).strokeColor('#888888').stroke();
    doc.x = doc.page.margins.left;
    doc.y = y + height;
  };
  drawRow(HEADERS, true);
  for (const r of exportRows(grid, catalogue)) drawRow(Object.values(r), false);
  if (grid.issues.length) {
    doc.moveDown().font('Helvetica-Bold').fontSize(9).text('Points à vérifier');
    doc.font('Helvetica').fontSize(8);
    for (const issue of grid.issues) doc.text(`• ${issue.line} ${Object.values(issue.options).join(' ')} : ${issue.message}`);
  }
  doc.end();
  return done;
}
