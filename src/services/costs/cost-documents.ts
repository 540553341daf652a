import ExcelJS from 'exceljs';
import type { BudgetView, ProposalView } from '../../contracts/costs.ts';
import { formatCivilDateFr, parseCivilDate } from '../../domain/civil-date.ts';
import { heading, para, render, tableRow } from '../documents/pdf.ts';

/**
 * The tariff proposal as the council votes it (the annex: the proposed grid) and as the budget debate reads it
 * (seed 000 art. 4.1: "le contenu détaillé et chiffré des services" proposed each year): the cost of each line,
 * its forecast units and unit cost (D5211-16), and what the provider bears alone. PDF to vote and keep, XLSX
 * with amounts as numbers.
 */
const euros = (amount: string) => `${amount.replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')} €`;
const slug = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EUROS = '#,##0.00 "€"';

export interface CostFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

const fileName = (p: ProposalView, extension: string) => `proposition-tarifaire-${p.fiscalYear}-${slug(p.providerName)}.${extension}`;
const METHOD = { unit_cost: 'coût unitaire', scaled: 'grille actuelle ajustée au coût', unpriced: 'non tarifée (pas d’unité prévue)', unchanged: 'inchangée (hors budget)' } as const;

export async function proposalPdf(p: ProposalView, b: BudgetView): Promise<CostFile> {
  const title = `Proposition de grille tarifaire ${p.fiscalYear}`;
  const content = await render(title, p.providerName, (doc) => {
    doc.font('Helvetica-Bold').fontSize(15).text(title, { align: 'center' }).moveDown(0.3);
    doc.font('Helvetica').fontSize(11).text(p.providerName, { align: 'center' }).moveDown(0.6);
    heading(doc, 'Annexe soumise au vote : grille tarifaire proposée');
    para(doc, `Applicable à compter du ${formatCivilDateFr(parseCivilDate(p.effectiveFrom))}${p.currentGrid ? `, en remplacement de la grille « ${p.currentGrid.label} »` : ''}. Montants non assujettis à la TVA sauf mention contraire.`);
    const widths = [170, 120, 60, 65, 70];
    tableRow(doc, widths, ['Service', 'Options', 'Mensuel', 'Annuel', 'Actuel (an)'], { bold: true, align: ['left', 'left', 'right', 'right', 'right'] });
    for (const r of p.rows) tableRow(doc, widths, [r.lineName, r.optionsLabel || '—', euros(r.proposedMonthly), euros(r.proposedAnnual), r.currentAnnual ? euros(r.currentAnnual) : '—'], { align: ['left', 'left', 'right', 'right', 'right'] });
    doc.addPage();
    heading(doc, `Éléments pour le débat d’orientation budgétaire ${p.fiscalYear}`);
    para(doc, `Budget du service : ${euros(b.totals.forecast)} de charges prévues, dont ${euros(b.totals.sharedForecast)} réparties entre les adhérents et ${euros(b.totals.providerAloneForecast)} portées par la seule structure (logistique, management et personnel administratif).`);
    para(doc, 'Coût unitaire de chaque ligne = coût affecté à la ligne / unités prévues (article D5211-16 du CGCT). Les prix proposés couvrent ce coût ; l’écart résulte de l’arrondi des prix mensuels au centime.');
    const w2 = [160, 75, 50, 65, 75, 58];
    tableRow(doc, w2, ['Service', 'Coût affecté', 'Unités', 'Coût unitaire', 'Recette prévue', 'Écart'], { bold: true, align: ['left', 'right', 'right', 'right', 'right', 'right'] });
    for (const l of p.lines) tableRow(doc, w2, [l.lineName, euros(l.allocated), String(l.units), l.unitCost ? euros(l.unitCost) : '—', euros(l.forecastRevenue), euros(l.gap)], { align: ['left', 'right', 'right', 'right', 'right', 'right'] });
    tableRow(doc, w2, ['Total', euros(p.totals.allocated), '', '', euros(p.totals.forecastRevenue), euros(p.totals.gap)], { bold: true, align: ['left', 'right', 'right', 'right', 'right', 'right'] });
    heading(doc, 'Composition du coût par nature de charge');
    for (const line of b.lines) {
      if (!line.byNature.length) continue;
      para(doc, `${line.lineName} : ${line.byNature.map((n) => `${n.natureLabel.toLowerCase()} ${euros(n.amount)}${n.perUnit ? ` (${euros(n.perUnit)} par unité)` : ''}`).join(' ; ')}.`);
    }
    const methods = [...new Set(p.lines.map((l) => l.method))];
    para(doc, `Méthode : ${methods.map((m) => METHOD[m]).join(', ')}.`);
  });
  return { fileName: fileName(p, 'pdf'), contentType: 'application/pdf', content };
}

export async function proposalXlsx(p: ProposalView, b: BudgetView): Promise<CostFile> {
  const workbook = new ExcelJS.Workbook();
  const grid = workbook.addWorksheet('Grille proposée');
  grid.columns = [{ width: 45 }, { width: 40 }, { width: 12 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 12 }];
  grid.addRow([`Proposition de grille tarifaire ${p.fiscalYear} — ${p.providerName}`]).font = { bold: true };
  grid.addRow(['Service', 'Options', 'Unités prévues', 'Mensuel', 'Annuel', 'Annuel actuel', 'Évolution %']).font = { bold: true };
  for (const r of p.rows) grid.addRow([r.lineName, r.optionsLabel, r.units, Number(r.proposedMonthly), Number(r.proposedAnnual), r.currentAnnual === null ? null : Number(r.currentAnnual), r.changePercent === null ? null : Number(r.changePercent.replace(',', '.'))]);
  for (const c of [4, 5, 6]) grid.getColumn(c).numFmt = EUROS;
  const lines = workbook.addWorksheet('Coûts par ligne');
  lines.columns = [{ width: 45 }, { width: 16 }, { width: 12 }, { width: 14 }, { width: 16 }, { width: 12 }];
  lines.addRow(['Service', 'Coût affecté', 'Unités', 'Coût unitaire', 'Recette prévue', 'Écart']).font = { bold: true };
  for (const l of p.lines) lines.addRow([l.lineName, Number(l.allocated), l.units, l.unitCost === null ? null : Number(l.unitCost), Number(l.forecastRevenue), Number(l.gap)]);
  for (const c of [2, 4, 5, 6]) lines.getColumn(c).numFmt = EUROS;
  const flows = workbook.addWorksheet('Répartition des charges');
  flows.columns = [{ width: 45 }, { width: 22 }, { width: 45 }, { width: 16 }, { width: 50 }];
  flows.addRow(['Charge', 'Nature', 'Service (vide : portée par la structure)', 'Montant', 'Fondement']).font = { bold: true };
  for (const f of b.flows) flows.addRow([f.sourceLabel, f.nature, f.lineName ?? '', Number(f.amount), f.basis]);
  flows.getColumn(4).numFmt = EUROS;
  return { fileName: fileName(p, 'xlsx'), contentType: XLSX, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
