import ExcelJS from 'exceljs';
import { formatCivilDateFr, parseCivilDate } from '../../domain/civil-date.ts';
import { heading, para, render, tableRow } from '../documents/pdf.ts';
import type { TelecomStatementView, UnitsStatementView } from './statements.ts';

/**
 * The statements as the member receives them: PDF to read and keep, XLSX to analyse. Same content in both;
 * amounts are written as numbers in the workbook (formatted in euros) so members can sum and chart them.
 */
const euros = (amount: string) => `${amount.replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')} €`;
const day = (date: string) => formatCivilDateFr(parseCivilDate(date));
const number = (amount: string) => Number(amount);
const EUROS = '#,##0.00 "€"';
const slug = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

export interface StatementFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export function telecomFileName(view: TelecomStatementView, extension: string): string {
  return `etat-telecom-${slug(view.organisationName)}-${slug(view.periodLabel)}.${extension}`;
}

export async function telecomStatementPdf(view: TelecomStatementView): Promise<StatementFile> {
  const title = `État trimestriel des consommations télécoms — ${view.periodLabel}`;
  const content = await render(title, view.statements.map((s) => s.providerName).join(', '), (doc) => {
    doc.font('Helvetica-Bold').fontSize(15).text(title, { align: 'center' }).moveDown(0.5);
    para(doc, `Membre : ${view.organisationName}. Période du ${day(view.from)} au ${day(view.to)} ; une facture est rattachée au trimestre où commence la période qu'elle facture.`);
    if (!view.statements.length) para(doc, 'Aucune facture d’opérateur, pénalité ou prévision pour cette période.');
    for (const s of view.statements) {
      heading(doc, `${s.providerName} — consommations par type de prestation`);
      const typeWidths = [235, 50, 75, 65, 75];
      tableRow(doc, typeWidths, ['Type de prestation', 'Lignes', 'Montant HT', 'TVA', 'Montant TTC'], { bold: true });
      for (const t of s.byType) tableRow(doc, typeWidths, [t.lineName, String(t.lines), euros(t.amount), euros(t.vat), euros(t.total)]);
      tableRow(doc, typeWidths, ['Total', '', euros(s.amount), euros(s.vat), euros(s.total)], { bold: true });
      if (s.forecastAmount !== null) para(doc, `Prévision du trimestre (titre prévisionnel) : ${euros(s.forecastAmount)} HT ; écart réel − prévision : ${euros(s.difference!)} HT, à régulariser avec les frais de gestion prévus par la convention.`);
      heading(doc, 'Factures des opérateurs');
      const invoiceWidths = [110, 85, 120, 90, 80];
      tableRow(doc, invoiceWidths, ['Opérateur (lot)', 'Facture', 'Période', 'Réglée le', 'Vos lignes HT'], { bold: true, align: ['left', 'left', 'left', 'left', 'right'] });
      for (const i of s.invoices) {
        tableRow(doc, invoiceWidths, [`${i.operator}${i.marketLot ? ` (${i.marketLot})` : ''}`, `${i.number} du ${day(i.issuedOn)}`, `${day(i.periodFrom)} – ${day(i.periodTo)}`, i.paidOn ? day(i.paidOn) : 'non réglée', euros(i.amount)], { align: ['left', 'left', 'left', 'left', 'right'] });
      }
      if (s.penalties.length) {
        heading(doc, 'Pénalités perçues des opérateurs (reversées en fin d’année)');
        for (const p of s.penalties) para(doc, `${day(p.receivedOn)} — ${p.operator}${p.marketLot ? ` (${p.marketLot})` : ''} : ${euros(p.amount)}. ${p.reason}`);
        para(doc, `Total des pénalités : ${euros(s.penaltiesAmount)}.`);
      }
    }
  });
  return { fileName: telecomFileName(view, 'pdf'), contentType: 'application/pdf', content };
}

async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const bold = (row: ExcelJS.Row) => (row.font = { bold: true });

export async function telecomStatementXlsx(view: TelecomStatementView): Promise<StatementFile> {
  const workbook = new ExcelJS.Workbook();
  const types = workbook.addWorksheet('Par type de prestation');
  types.columns = [{ width: 22 }, { width: 50 }, { width: 10 }, { width: 15 }, { width: 13 }, { width: 15 }];
  bold(types.addRow([`État trimestriel des consommations télécoms — ${view.periodLabel} — ${view.organisationName}`]));
  bold(types.addRow(['Fournisseur', 'Type de prestation', 'Lignes', 'Montant HT', 'TVA', 'Montant TTC']));
  const invoices = workbook.addWorksheet('Factures');
  invoices.columns = [{ width: 22 }, { width: 22 }, { width: 12 }, { width: 16 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 15 }, { width: 13 }];
  bold(invoices.addRow(['Fournisseur', 'Opérateur', 'Lot', 'Facture', 'Date', 'Début de période', 'Fin de période', 'Réglée le', 'Montant HT', 'TVA']));
  const penalties = workbook.addWorksheet('Pénalités');
  penalties.columns = [{ width: 22 }, { width: 12 }, { width: 22 }, { width: 12 }, { width: 13 }, { width: 60 }];
  bold(penalties.addRow(['Fournisseur', 'Reçue le', 'Opérateur', 'Lot', 'Montant', 'Motif']));
  for (const s of view.statements) {
    for (const t of s.byType) types.addRow([s.providerName, t.lineName, t.lines, number(t.amount), number(t.vat), number(t.total)]);
    bold(types.addRow([s.providerName, 'Total', null, number(s.amount), number(s.vat), number(s.total)]));
    if (s.forecastAmount !== null) types.addRow([s.providerName, 'Prévision du trimestre (HT)', null, number(s.forecastAmount)]);
    for (const i of s.invoices) invoices.addRow([s.providerName, i.operator, i.marketLot, i.number, parseDate(i.issuedOn), parseDate(i.periodFrom), parseDate(i.periodTo), i.paidOn ? parseDate(i.paidOn) : null, number(i.amount), number(i.vat)]);
    for (const p of s.penalties) penalties.addRow([s.providerName, parseDate(p.receivedOn), p.operator, p.marketLot, number(p.amount), p.reason]);
  }
  for (const c of [4, 5, 6]) types.getColumn(c).numFmt = EUROS;
  for (const c of [9, 10]) invoices.getColumn(c).numFmt = EUROS;
  penalties.getColumn(5).numFmt = EUROS;
  for (const c of [5, 6, 7, 8]) invoices.getColumn(c).numFmt = 'dd/mm/yyyy';
  penalties.getColumn(2).numFmt = 'dd/mm/yyyy';
  return { fileName: telecomFileName(view, 'xlsx'), contentType: XLSX, content: await workbookBuffer(workbook) };
}

/** A civil date as a spreadsheet date (midnight UTC, shown without time). */
const parseDate = (date: string) => new Date(`${date}T00:00:00Z`);

export function unitsFileName(view: UnitsStatementView, extension: string): string {
  return `etat-unites-${slug(view.organisationName)}-${slug(view.periodLabel)}.${extension}`;
}

const orDash = (value: number | null) => (value === null ? '—' : String(value));

export async function unitsStatementPdf(view: UnitsStatementView): Promise<StatementFile> {
  const title = `État des recours aux services en unités — ${view.periodLabel}`;
  const content = await render(title, view.statements.map((s) => s.providerName).join(', '), (doc) => {
    doc.font('Helvetica-Bold').fontSize(15).text(title, { align: 'center' }).moveDown(0.5);
    para(doc, `Membre : ${view.organisationName}. Période du ${day(view.from)} au ${day(view.to)}. Unités relevées chaque mois ; le total de la période est la somme des relevés mensuels.`);
    if (!view.statements.length) para(doc, 'Aucun relevé ni prévision pour cette période.');
    for (const s of view.statements) {
      heading(doc, s.providerName);
      for (const r of s.rows) {
        doc.font('Helvetica-Bold').fontSize(10).text(`${r.lineName}${r.options ? ` — ${r.options}` : ''}${r.unit ? ` (${r.unit})` : ''}`).moveDown(0.2);
        const widths = r.months.map(() => Math.floor(483 / r.months.length));
        tableRow(doc, widths, r.months.map((m) => m.label), { bold: true, align: r.months.map(() => 'right') });
        tableRow(doc, widths, r.months.map((m) => orDash(m.units)), { align: r.months.map(() => 'right') });
        const forecast = r.forecastUnits !== null ? `prévision de la période ${r.forecastUnits}, écart ${r.differenceUnits! > 0 ? '+' : ''}${r.differenceUnits}` : r.yearForecastUnits !== null ? `prévision annuelle ${r.yearForecastUnits}` : 'pas de prévision';
        para(doc, `Total de la période : ${r.totalUnits} ; depuis janvier : ${r.yearToDateUnits} ; ${forecast}.`);
      }
    }
  });
  return { fileName: unitsFileName(view, 'pdf'), contentType: 'application/pdf', content };
}

export async function unitsStatementXlsx(view: UnitsStatementView): Promise<StatementFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Unités');
  const months = view.statements[0]?.rows[0]?.months.map((m) => m.label) ?? [];
  bold(sheet.addRow([`État des recours aux services en unités — ${view.periodLabel} — ${view.organisationName}`]));
  bold(sheet.addRow(['Fournisseur', 'Ligne de service', 'Options', 'Unité', ...months, 'Total de la période', 'Depuis janvier', 'Prévision de la période', 'Écart', 'Prévision annuelle']));
  for (const s of view.statements) {
    for (const r of s.rows) sheet.addRow([s.providerName, r.lineName, r.options, r.unit, ...r.months.map((m) => m.units), r.totalUnits, r.yearToDateUnits, r.forecastUnits, r.differenceUnits, r.yearForecastUnits]);
  }
  sheet.columns.forEach((column, i) => (column.width = i < 2 ? 36 : i < 4 ? 18 : 12));
  return { fileName: unitsFileName(view, 'xlsx'), contentType: XLSX, content: await workbookBuffer(workbook) };
}
