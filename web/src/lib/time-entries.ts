import type { SummaryPeriod } from '../api/consumption-records.ts';
import type { TIME_FILE_COLUMNS } from '../../../src/services/consumption/record-files.ts';
import { todayInParis } from './grids.ts';

const NBSP = '\u00a0';

/** Whole minutes as French hours: 90 → « 1 h 30 », 420 → « 7 h », 45 → « 0 h 45 ». */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h}${NBSP}h${m ? `${NBSP}${String(m).padStart(2, '0')}` : ''}`;
}

/** A decimal figure from the API (« 1.50 » days) with a French decimal comma: « 1,50 ». */
export function decimalFr(value: string): string {
  return value.replace('.', ',');
}

export const PERIODS: Record<SummaryPeriod, string> = { month: 'Par mois', quarter: 'Par trimestre', half: 'Par semestre', year: 'Sur l’année' };
export const PERIOD_VALUES = Object.keys(PERIODS) as SummaryPeriod[];
export const isPeriod = (value: string | null): value is SummaryPeriod => value !== null && value in PERIODS;

/** The list's filters, kept in the address: provider (platform staff), member, dates worked from and to. */
export interface TimeFilters {
  fournisseur: string;
  membre: string;
  du: string;
  au: string;
}

/** By default: from the first of January of last year to today. */
export function defaultPeriod(today = todayInParis()): { du: string; au: string } {
  return { du: `${Number(today.slice(0, 4)) - 1}-01-01`, au: today };
}

export function timeFiltersOf(params: URLSearchParams): TimeFilters {
  const period = defaultPeriod();
  return { fournisseur: params.get('fournisseur') ?? '', membre: params.get('membre') ?? '', du: params.get('du') || period.du, au: params.get('au') || period.au };
}

/** The address of the filters, keeping the summary's own settings (`annee`, `periode`). */
export function timeParamsOf(filters: TimeFilters, current: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  for (const key of ['annee', 'periode']) {
    const value = current.get(key);
    if (value) params.set(key, value);
  }
  return params;
}

/**
 * The columns of a time file, as the server reads them (`TIME_FILE_COLUMNS`): the header to write, the other
 * headers accepted, what goes in. The keys are checked against the server's at compile time.
 */
export const TIME_COLUMNS: Record<keyof typeof TIME_FILE_COLUMNS, { headers: string[]; required: boolean; content: string }> = {
  workedOn: { headers: ['date', 'jour', "date d'intervention"], required: true, content: 'AAAA-MM-JJ ou JJ/MM/AAAA ; pas de date future' },
  duration: { headers: ['durée', 'temps', 'heures', 'duration'], required: true, content: '1:30, 1h30, 1,5 (heures) ou 90 min ; 24 h au plus' },
  person: { headers: ['intervenant', 'technicien', 'agent', 'personne'], required: true, content: 'qui est intervenu' },
  member: { headers: ['membre', 'adhérent', 'siren', 'insee', 'code insee', 'collectivité'], required: true, content: 'SIREN ou code INSEE de l’adhérent (ou ancien adhérent)' },
  line: { headers: ['service', 'ligne', 'ligne de service'], required: true, content: 'code de la ligne du catalogue (ex. gestion-projet)' },
  travel: { headers: ['déplacement', 'déplacement compris', 'travel'], required: false, content: 'oui ou non (vide : non)' },
  description: { headers: ['description', 'objet', 'commentaire', 'libellé'], required: false, content: 'objet de l’intervention' },
  reference: { headers: ['référence', 'ticket', 'n° ticket', 'reference', 'id'], required: false, content: 'n° de ticket : réimporter le même ticket le met à jour' },
};
