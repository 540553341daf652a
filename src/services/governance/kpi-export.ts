import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { KpiView } from '../../contracts/governance.ts';

/** The indicators as a table: one row per series, one column per month (CSV for spreadsheets, XLSX with numbers). */
const MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

function rows(k: KpiView): { label: string; values: (number | string)[]; euros: boolean }[] {
  const n = (label: string, values: number[]) => ({ label, values, euros: false });
  const e = (label: string, values: string[]) => ({ label, values: values.map(Number), euros: true });
  return [
    n('Adhérents ayant une ligne ouverte (fin de mois)', k.members),
    ...k.units.map((u) => n(`Unités — ${u.categoryName} (fin de mois)`, u.months)),
    n(`Ouvertures ${k.year}`, k.openings),
    n(`Ouvertures ${k.year - 1}`, k.openingsPrevious),
    e(`Facturé ${k.year} (TTC, net des réductions)`, k.billed),
    e(`Facturé ${k.year - 1}`, k.billedPrevious),
    e(`Encaissé ${k.year}`, k.collected),
  ];
}

export function kpiCsv(k: KpiView): Buffer {
  const body = rows(k).map((r) => [r.label, ...r.values.map((v) => (r.euros ? Number(v).toFixed(2).replace('.', ',') : String(v)))]);
  const summary = [
    [],
    ['Demandes en attente de décision', String(k.pipeline.requests)],
    ['Lignes en attente', String(k.pipeline.lines)],
    ['Délai moyen (jours)', String(k.pipeline.averageDays)],
    ['Plus ancienne (jours)', String(k.pipeline.oldestDays)],
    ['Titres en retard', String(k.overdue.count)],
    ['Reste à recouvrer en retard', k.overdue.amount.replace('.', ',')],
  ];
  return Buffer.from(`\uFEFF${stringify([['Indicateur', ...MONTHS], ...body, ...summary], { delimiter: ';' })}`, 'utf8');
}

export async function kpiXlsx(k: KpiView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`Indicateurs ${k.year}`);
  sheet.addRow(['Indicateur', ...MONTHS]).font = { bold: true };
  for (const r of rows(k)) {
    const row = sheet.addRow([r.label, ...r.values]);
    if (r.euros) for (let c = 2; c <= 13; c++) row.getCell(c).numFmt = '#,##0.00 "€"';
  }
  sheet.addRow([]);
  sheet.addRow(['Demandes en attente de décision', k.pipeline.requests]);
  sheet.addRow(['Délai moyen (jours)', k.pipeline.averageDays]);
  sheet.addRow(['Titres en retard', k.overdue.count]);
  sheet.getColumn(1).width = 50;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
