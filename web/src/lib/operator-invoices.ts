import type { INVOICE_FILE_COLUMNS } from '../../../src/services/consumption/record-files.ts';
import type { FileColumn } from '../components/FileColumns.tsx';
import { cents, formatEurosFr, parseEuros } from '../shared.ts';
import { formatCivilDate } from './format.ts';
import { todayInParis } from './grids.ts';

/** The list's filters, in the address: provider (platform staff), the billed period's start from and to, the penalties' year. */
export interface InvoiceFilters {
  fournisseur: string;
  du: string;
  au: string;
}

/** By default: the invoices whose billed period starts in the current year. */
export function invoiceFiltersOf(params: URLSearchParams, today = todayInParis()): InvoiceFilters {
  const year = today.slice(0, 4);
  return { fournisseur: params.get('fournisseur') ?? '', du: params.get('du') || `${year}-01-01`, au: params.get('au') || `${year}-12-31` };
}

export function invoiceParamsOf(filters: InvoiceFilters, current: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const year = current.get('annee');
  if (year) params.set('annee', year);
  return params;
}

/** « du 01/07/2016 au 31/07/2016 ». */
export function billedPeriod(invoice: { periodFrom: string; periodTo: string }): string {
  return `du ${formatCivilDate(invoice.periodFrom)} au ${formatCivilDate(invoice.periodTo)}`;
}

/** The sum of the API's decimal amounts (« 412.60 »), added as integer cents, for French readers: « 1 234,56 € ». */
export function sumEuros(amounts: readonly string[]): string {
  return formatEurosFr(cents(amounts.reduce((sum, a) => sum + parseEuros(a), 0)));
}

/** The columns of an operator invoice file, as the server reads them (`INVOICE_FILE_COLUMNS`, keys checked at compile time). */
export const INVOICE_COLUMNS: Record<keyof typeof INVOICE_FILE_COLUMNS, FileColumn> = {
  operator: { headers: ['opérateur', 'titulaire', 'operator'], required: true, content: "l'opérateur qui facture (titulaire du lot)" },
  lot: { headers: ['lot', 'lot du marché'], required: false, content: 'le lot du marché' },
  number: { headers: ['facture', 'numéro de facture', 'n° facture', 'invoice'], required: true, content: 'numéro de la facture : ses lignes le répètent' },
  issuedOn: { headers: ['date de facture', 'date facture', 'date'], required: true, content: 'AAAA-MM-JJ ou JJ/MM/AAAA' },
  periodFrom: { headers: ['début de période', 'début', 'du'], required: true, content: 'premier jour de la période facturée' },
  periodTo: { headers: ['fin de période', 'fin', 'au'], required: true, content: 'dernier jour de la période facturée' },
  member: { headers: ['membre', 'adhérent', 'siren', 'insee', 'code insee', 'collectivité'], required: true, content: 'SIREN ou code INSEE de l’adhérent concerné par la ligne' },
  line: { headers: ['type de prestation', 'service', 'prestation', 'ligne de service'], required: true, content: 'code d’une ligne « consommation refacturée (opérateur) » du catalogue' },
  site: { headers: ['site', 'ligne télécom', 'numéro de ligne', 'n° de ligne'], required: false, content: 'le site ou la ligne télécom' },
  label: { headers: ['libellé', 'désignation', 'label'], required: false, content: 'libellé de la ligne de facture' },
  amount: { headers: ['montant ht', 'montant', 'ht'], required: true, content: 'euros hors taxes, ex. 412,60 (négatif pour un avoir)' },
  vat: { headers: ['tva', 'montant tva'], required: false, content: 'montant de TVA en euros, ex. 82,52 (vide : 0)' },
};
