import type { DocumentKind, Title, TitleStatus } from '../api/billing.ts';
import { cents, formatEurosFr, parseEuros, toDecimalString } from '../shared.ts';
import { formatCivilDate } from './format.ts';

export const TITLE_STATUSES: Record<TitleStatus, string> = {
  to_collect: 'À recouvrer',
  partly_paid: 'Partiellement payé',
  paid: 'Payé',
  overdue: 'En retard',
  cancelled: 'Annulé',
  reduction: 'Réduction',
  payment_order: 'Mandat',
};

/** A status's badge: said in words, the colour only repeats it. */
export const TITLE_STATUS_TONES: Record<TitleStatus, 'neutral' | 'success' | 'warning' | 'muted' | 'info'> = {
  to_collect: 'info',
  partly_paid: 'info',
  paid: 'success',
  overdue: 'warning',
  cancelled: 'muted',
  reduction: 'muted',
  payment_order: 'neutral',
};

export const DOCUMENT_KINDS_FR: Record<DocumentKind, string> = {
  title: 'Titre de recette',
  reduction: 'Réduction',
  cancellation: 'Annulation',
  payment_order: 'Mandat',
};
export const DOCUMENT_KIND_VALUES = Object.keys(DOCUMENT_KINDS_FR) as DocumentKind[];
const isDocumentKind = (value: string | null): value is DocumentKind => value !== null && value in DOCUMENT_KINDS_FR;

/** « du 01/01/2026 au 30/06/2026 ». */
export function titlePeriod(title: Pick<Title, 'periodFrom' | 'periodTo'>): string {
  return `du ${formatCivilDate(title.periodFrom)} au ${formatCivilDate(title.periodTo)}`;
}

/** The list's filters, in the address: `fournisseur` (platform staff), `exercice` (a fiscal year, empty for all), `type`, `membre`, `emission` (a run). */
export interface TitleFilters {
  fournisseur: string;
  exercice: string;
  type: DocumentKind | '';
  membre: string;
  emission: string;
}

/** By default the current fiscal year; `exercice=tous` shows every year. */
export function titleFiltersOf(params: URLSearchParams, thisYear: number): TitleFilters {
  const type = params.get('type');
  const year = params.get('exercice');
  return {
    fournisseur: params.get('fournisseur') ?? '',
    exercice: year === 'tous' ? '' : year && /^\d{4}$/.test(year) ? year : params.get('emission') ? '' : String(thisYear),
    type: isDocumentKind(type) ? type : '',
    membre: params.get('membre') ?? '',
    emission: params.get('emission') ?? '',
  };
}

export function titleParamsOf(filters: TitleFilters): URLSearchParams {
  const params = new URLSearchParams({ exercice: filters.exercice || 'tous' });
  for (const key of ['fournisseur', 'type', 'membre', 'emission'] as const) if (filters[key]) params.set(key, filters[key]);
  return params;
}

/** Sum of the API's decimal amounts as integer cents. */
export function sumCents(amounts: readonly string[]): number {
  return amounts.reduce((sum, a) => sum + parseEuros(a), 0);
}

export function eurosOfCents(value: number): string {
  return formatEurosFr(cents(value));
}

/** The same sum as the API's decimal text (« 1234.50 »), for `euros()`. */
export function decimalOfCents(value: number): string {
  return toDecimalString(cents(value));
}

/** What a member still owes: the outstanding of its titles (reductions and payment orders count 0), and how much of it is overdue. */
export function balanceOf(titles: readonly Title[]): { issuedCents: number; paidCents: number; outstandingCents: number; overdueCents: number; overdue: number; open: number } {
  const receivable = titles.filter((t) => t.kind === 'title');
  const overdue = receivable.filter((t) => t.status === 'overdue');
  return {
    issuedCents: sumCents(receivable.map((t) => t.amountIncl)),
    paidCents: sumCents(receivable.map((t) => t.paid)),
    outstandingCents: sumCents(titles.map((t) => t.outstanding)),
    overdueCents: sumCents(overdue.map((t) => t.outstanding)),
    overdue: overdue.length,
    open: receivable.filter((t) => parseEuros(t.outstanding) > 0).length,
  };
}
