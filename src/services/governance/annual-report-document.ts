import type { AnnualReportView } from '../../contracts/governance.ts';
import { formatCivilDateLongFr, parseCivilDate } from '../../domain/civil-date.ts';
import { REPORT_TEXTS, type ReportTextKey } from '../../domain/governance/annual-report.ts';
import { formatEurosFr, parseEuros } from '../../domain/money.ts';
import { baseData, output, type DocumentFormat, type RenderedDocument } from '../agreements/agreement-documents.ts';
import type { AgreementData, REPORT_TAGS } from '../documents/document-data.ts';
import { heading, para, render, tableRow } from '../documents/pdf.ts';
import type { Deps, Principal } from '../context.ts';
import { getAnnualReport } from './annual-reports.ts';

/** The annual report as a Word document (the provider's template, else the built-in one) or a PDF (seed 001 art. 6.3). */
type ReportData = AgreementData &
  Omit<Record<keyof typeof REPORT_TAGS, string>, 'services' | 'unites' | 'couts' | 'reunions'> & {
    services: { adherent: string; service: string; volume: string; ouverture: string }[];
    unites: { service: string; volume: string }[];
    couts: { service: string; charges: string; unites_prevues: string }[];
    reunions: { comite: string; date: string; decisions: string }[];
  };

const euros = (amount: string) => formatEurosFr(parseEuros(amount));
const long = (date: string) => formatCivilDateLongFr(parseCivilDate(date));
const volume = (n: number) => new Intl.NumberFormat('fr-FR').format(n);

export function reportData(base: AgreementData, report: AnnualReportView): ReportData {
  const f = report.figures;
  return {
    ...base,
    rapport_annee: String(report.year),
    rapport_statut: report.status === 'final' && report.finalisedOn ? `rapport définitif du ${long(report.finalisedOn)}` : 'projet de rapport',
    texte_introduction: report.texts.introduction,
    texte_services: report.texts.services,
    texte_finances: report.texts.finances,
    texte_incidents: report.texts.incidents || 'Aucun incident relevé.',
    texte_propositions: report.texts.proposals,
    texte_avis: report.texts.opinion,
    montant_facture: euros(f.billed),
    montant_reductions: euros(f.reduced),
    montant_net: euros(f.netBilled),
    montant_encaisse: euros(f.collected),
    montant_restant: euros(f.outstanding),
    montant_mandats: euros(f.paymentOrders),
    montant_couts: euros(f.costsTotal),
    services: f.services.map((s) => ({ adherent: s.organisationName, service: s.lineName, volume: volume(s.quantity), ouverture: long(s.openedOn) })),
    unites: f.units.map((u) => ({ service: u.lineName, volume: volume(u.quantity) })),
    couts: f.costs.map((c) => ({ service: c.lineName, charges: euros(c.charges), unites_prevues: volume(c.forecastUnits) })),
    reunions: f.meetings.map((m) => ({ comite: m.committeeName, date: long(m.heldOn), decisions: m.decisions.join(' ; ') || 'aucune décision' })),
  };
}

export function reportPdf(data: ReportData): Promise<Buffer> {
  const title = `Rapport annuel ${data.rapport_annee} sur la mise en œuvre de la convention`;
  return render(title, data.fournisseur_nom, (doc) => {
    doc.font('Helvetica-Bold').fontSize(10).text(data.fournisseur_nom);
    doc.font('Helvetica').fontSize(9).text(`Édité le ${data.date_edition}`, { align: 'right' });
    doc.moveDown().font('Helvetica-Bold').fontSize(16).text(title, { align: 'center' }).moveDown(0.3);
    doc.font('Helvetica').fontSize(10).text(`${data.convention_titre} (référence ${data.convention_code}) — ${data.rapport_statut}`, { align: 'center' });
    para(doc.moveDown(), data.texte_introduction);
    const widths = [170, 170, 70, 90];
    heading(doc, 'Services rendus');
    if (data.services.length) {
      tableRow(doc, widths, ['Adhérent', 'Service', 'Volume', 'Ouverture'], { bold: true });
      for (const s of data.services) tableRow(doc, widths, [s.adherent, s.service, s.volume, s.ouverture], { align: ['left', 'left', 'right', 'right'] });
    } else para(doc, 'Aucun service ouvert sous cette convention pour l’année.');
    para(doc, data.texte_services);
    heading(doc, REPORT_TEXTS.finances);
    const money = [260, 120];
    for (const [label, amount] of [
      ['Titres émis', data.montant_facture],
      ['Réductions et annulations', data.montant_reductions],
      ['Net facturé', data.montant_net],
      ['Encaissé', data.montant_encaisse],
      ['Restant à recouvrer', data.montant_restant],
      ['Mandats (remboursements)', data.montant_mandats],
      ['Charges du fournisseur', data.montant_couts],
    ] as const)
      tableRow(doc, money, [label, amount]);
    para(doc, data.texte_finances);
    heading(doc, 'Réunions et décisions');
    if (data.reunions.length) for (const r of data.reunions) para(doc, `${r.comite} du ${r.date} : ${r.decisions}.`);
    else para(doc, 'Aucune réunion tenue dans l’année.');
    for (const key of ['incidents', 'proposals', 'opinion'] as const satisfies readonly ReportTextKey[]) {
      const text = key === 'incidents' ? data.texte_incidents : key === 'proposals' ? data.texte_propositions : data.texte_avis;
      if (!text.trim()) continue;
      heading(doc, REPORT_TEXTS[key]);
      para(doc, text);
    }
  });
}

export async function annualReportDocument(deps: Deps, principal: Principal, agreementId: string, year: number, format: DocumentFormat): Promise<RenderedDocument> {
  const report = await getAnnualReport(deps, principal, agreementId, year);
  const { detail, data } = await baseData(deps, principal, agreementId);
  return output(deps, detail.providerId, 'rapport_annuel', format, reportData(data, report), reportPdf, `rapport-annuel-${year}-${detail.code}`);
}
