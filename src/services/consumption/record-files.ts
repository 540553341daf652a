import type { RawInvoiceLine } from '../../domain/consumption/operator-invoices.ts';
import type { RawTimeEntry } from '../../domain/consumption/time-entries.ts';
import { readTableFile, type ColumnSpec } from '../files/table-file.ts';

/**
 * The columns of the time and operator invoice files, with the names exports commonly give them (a ticketing
 * tool such as GLPI for time; an operator's detailed invoice for telecom). Documented in the import screens.
 */
export const TIME_FILE_COLUMNS = {
  workedOn: { headers: ['date', 'jour', "date d'intervention"], required: true },
  duration: { headers: ['durée', 'temps', 'heures', 'duration'], required: true },
  person: { headers: ['intervenant', 'technicien', 'agent', 'personne'], required: true },
  member: { headers: ['membre', 'adhérent', 'siren', 'insee', 'code insee', 'collectivité'], required: true },
  line: { headers: ['service', 'ligne', 'ligne de service'], required: true },
  travel: { headers: ['déplacement', 'déplacement compris', 'travel'], required: false },
  description: { headers: ['description', 'objet', 'commentaire', 'libellé'], required: false },
  reference: { headers: ['référence', 'ticket', 'n° ticket', 'reference', 'id'], required: false },
} satisfies Record<keyof Omit<RawTimeEntry, 'row'>, ColumnSpec>;

export const INVOICE_FILE_COLUMNS = {
  operator: { headers: ['opérateur', 'titulaire', 'operator'], required: true },
  lot: { headers: ['lot', 'lot du marché'], required: false },
  number: { headers: ['facture', 'numéro de facture', 'n° facture', 'invoice'], required: true },
  issuedOn: { headers: ['date de facture', 'date facture', 'date'], required: true },
  periodFrom: { headers: ['début de période', 'début', 'du'], required: true },
  periodTo: { headers: ['fin de période', 'fin', 'au'], required: true },
  member: { headers: ['membre', 'adhérent', 'siren', 'insee', 'code insee', 'collectivité'], required: true },
  line: { headers: ['type de prestation', 'service', 'prestation', 'ligne de service'], required: true },
  site: { headers: ['site', 'ligne télécom', 'numéro de ligne', 'n° de ligne'], required: false },
  label: { headers: ['libellé', 'désignation', 'label'], required: false },
  amount: { headers: ['montant ht', 'montant', 'ht'], required: true },
  vat: { headers: ['tva', 'montant tva'], required: false },
} satisfies Record<keyof Omit<RawInvoiceLine, 'row'>, ColumnSpec>;

export const FORECAST_FILE_COLUMNS = {
  member: { headers: ['membre', 'adhérent', 'siren', 'insee', 'code insee', 'collectivité'], required: true },
  line: { headers: ['ligne', 'service', 'ligne de service', 'type de prestation'], required: true },
  options: { headers: ['options', 'option'], required: false },
  year: { headers: ['année', 'annee', 'exercice', 'year'], required: true },
  quarter: { headers: ['trimestre', 'quarter'], required: false },
  units: { headers: ['unités', 'unités prévues', 'volume', 'units'], required: false },
  amount: { headers: ['montant', 'montant ht', 'montant prévu', 'amount'], required: false },
} satisfies Record<string, ColumnSpec>;

export function readForecastFile(body: Buffer | string, contentType: string) {
  return readTableFile(body, contentType, FORECAST_FILE_COLUMNS);
}

export function readTimeFile(body: Buffer | string, contentType: string): Promise<RawTimeEntry[]> {
  return readTableFile(body, contentType, TIME_FILE_COLUMNS);
}

export function readInvoiceFile(body: Buffer | string, contentType: string): Promise<RawInvoiceLine[]> {
  return readTableFile(body, contentType, INVOICE_FILE_COLUMNS);
}
