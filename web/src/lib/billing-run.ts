import type { MemberBill, PreviewQuery, RunKind, RunPreview, RunRequest } from '../api/billing.ts';
// Pure rules of the server, so the wizard offers exactly the periods the API bills (seed-independent: the policy is data).
import type { BillingPolicy } from '../../../src/domain/billing/policy.ts';
import { runPeriodKind } from '../../../src/domain/billing/run-rules.ts';
import { periodLabelFr, type PeriodKind } from '../../../src/domain/consumption/periods.ts';
import { formatEurosFr, cents, parseEuros } from '../shared.ts';
import { frenchText } from './agreements.ts';
import { plural } from './format.ts';

export { billingText } from '../../../src/domain/billing/policy-text.ts';
export type { BillingPolicy, PeriodKind };

export const RUN_KIND_LABELS: Record<RunKind, string> = {
  regular: 'Facturation',
  provisional: 'Titre prévisionnel',
  true_up: 'Régularisation',
  penalty_order: 'Mandat de reversement des pénalités',
};

/** The kinds a policy allows: provisional titles, true-ups and penalty orders only where operators' consumption is passed through (seed 000). */
export function runKindsOf(policy: BillingPolicy | undefined): RunKind[] {
  return policy?.passThrough?.provisional ? ['regular', 'provisional', 'true_up', 'penalty_order'] : ['regular'];
}

export function periodKindOf(policy: BillingPolicy | undefined, kind: RunKind): PeriodKind {
  return policy ? runPeriodKind(policy, kind) : 'year';
}

const PERIOD_COUNT: Record<PeriodKind, number> = { year: 1, half: 2, quarter: 4, month: 12 };
export const PERIOD_FIELD_LABEL: Record<PeriodKind, string> = { year: 'Période', half: 'Semestre', quarter: 'Trimestre', month: 'Mois' };

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The choices of the period field: semesters 1–2, quarters 1–4 or months 1–12; none for a year. */
export function periodChoices(kind: PeriodKind, year: number): { index: number; label: string }[] {
  if (kind === 'year') return [];
  return Array.from({ length: PERIOD_COUNT[kind] }, (_, i) => ({ index: i + 1, label: capitalised(periodLabelFr({ kind, year, index: i + 1 }).replace(` ${year}`, '')) }));
}

export function periodLabel(kind: PeriodKind, year: number, index: number): string {
  return periodLabelFr({ kind, year, index: kind === 'year' ? 1 : index });
}

/** The period before: the previous index, or the last one of the previous year. */
export function previousPeriod(kind: PeriodKind, year: number, index: number): { year: number; index: number } {
  if (kind === 'year' || index <= 1) return { year: year - 1, index: PERIOD_COUNT[kind] };
  return { year, index: index - 1 };
}

/** The wizard's choices, kept in the address: `convention`, `type`, `annee`, `periode`. */
export interface RunChoice {
  convention: string;
  type: RunKind;
  annee: number;
  periode: number;
}

const isRunKind = (value: string | null): value is RunKind => value !== null && value in RUN_KIND_LABELS;

export function runChoiceOf(params: URLSearchParams, thisYear: number): RunChoice {
  const year = Number(params.get('annee'));
  const index = Number(params.get('periode'));
  const type = params.get('type');
  return {
    convention: params.get('convention') ?? '',
    type: isRunKind(type) ? type : 'regular',
    annee: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : thisYear,
    periode: Number.isInteger(index) && index >= 1 && index <= 12 ? index : 1,
  };
}

export function runParamsOf(choice: RunChoice): URLSearchParams {
  return new URLSearchParams({ convention: choice.convention, type: choice.type, annee: String(choice.annee), periode: String(choice.periode) });
}

/** Members per page of a preview: a national run has 36,000; the totals above the table always cover them all. */
export const PREVIEW_PAGE_SIZE = 100;

/** Which members of the preview are shown: `page` (from 1) and `adherent` (a search in their names), kept in the address. */
export interface MemberPage {
  page: number;
  search: string;
}

export function memberPageOf(params: URLSearchParams): MemberPage {
  const page = Number(params.get('page'));
  return { page: Number.isInteger(page) && page >= 1 ? page : 1, search: (params.get('adherent') ?? '').trim() };
}

/** The address of another page of members (or of a new search, from its first page), the run's choice unchanged. */
export function memberPageParams(params: URLSearchParams, next: MemberPage): URLSearchParams {
  const out = new URLSearchParams(params);
  out.delete('page');
  out.delete('adherent');
  if (next.search) out.set('adherent', next.search);
  if (next.page > 1) out.set('page', String(next.page));
  return out;
}

/** The preview query of a page of members. */
export function previewQueryOf(request: RunRequest, members: MemberPage): PreviewQuery {
  return { ...request, offset: (members.page - 1) * PREVIEW_PAGE_SIZE, limit: PREVIEW_PAGE_SIZE, ...(members.search ? { member: members.search } : {}) };
}

/** The request for the API: the index kept within the period kind (1 for a year). */
export function runRequestOf(choice: RunChoice, kind: PeriodKind): RunRequest {
  const index = kind === 'year' ? 1 : Math.min(choice.periode, PERIOD_COUNT[kind]);
  return { kind: choice.type, year: choice.annee, index };
}

/** What a member's document is, in words: « Titre », « Réduction du titre n° T2026-00001 », « Mandat », « Rien à facturer ». */
export function documentLabel(bill: Pick<MemberBill, 'document' | 'refersTo'>): string {
  switch (bill.document) {
    case 'title':
      return bill.refersTo ? `Titre (régularise le titre n° ${bill.refersTo.number})` : 'Titre';
    case 'reduction':
      return `Réduction du titre n° ${bill.refersTo?.number ?? '?'}`;
    case 'payment_order':
      return 'Mandat';
    default:
      return 'Rien à facturer';
  }
}

/** A member's amount incl. VAT in cents, signed: a reduction takes off. */
export function signedAmountCents(bill: Pick<MemberBill, 'document' | 'amountIncl'>): number {
  const value = parseEuros(bill.amountIncl);
  return bill.document === 'reduction' ? -value : value;
}

/** How many documents the run would issue. */
export function documentCount(preview: RunPreview): number {
  return preview.totals.titles + preview.totals.reductions + preview.totals.paymentOrders;
}

/** « 1 titre pour 48 604,90 €, 1 réduction pour 120,00 € » — what issuing would create. */
export function issueSummary(preview: RunPreview): string {
  const t = preview.totals;
  const parts: string[] = [];
  const amount = (value: string) => formatEurosFr(cents(parseEuros(value)));
  if (t.titles) parts.push(`${plural(t.titles, 'titre', 'titres')} pour ${amount(t.titlesAmount)}`);
  if (t.reductions) parts.push(`${plural(t.reductions, 'réduction', 'réductions')} pour ${amount(t.reductionsAmount)}`);
  if (t.paymentOrders) parts.push(`${plural(t.paymentOrders, 'mandat', 'mandats')} pour ${amount(t.paymentOrdersAmount)}`);
  return parts.join(', ');
}

/** The period after « de »: « du 1er semestre 2026 », « du 3e trimestre 2016 », « de l’année 2025 », « de février 2026 ». */
export function ofPeriod(periodLabel: string): string {
  if (periodLabel.startsWith('année')) return `de l’${periodLabel}`;
  return /^\d/.test(periodLabel) ? `du ${periodLabel}` : `de ${periodLabel}`;
}

/** Why the run cannot be issued now, or null: the server's blockers, lines it cannot price, nothing to issue, issued already. */
export function issueRefusal(preview: RunPreview): string | null {
  if (preview.issued) return 'Cette période a déjà été émise.';
  if (preview.blockers.length) return `Émission impossible : ${frenchText(preview.blockers.join(' ; '))}.`;
  if (preview.totals.issues) return `Émission impossible : ${plural(preview.totals.issues, 'ligne ne peut', 'lignes ne peuvent')} pas être chiffrée${preview.totals.issues > 1 ? 's' : ''}.`;
  if (documentCount(preview) === 0) return 'Rien à émettre : aucun adhérent n’a de montant à facturer sur cette période.';
  return null;
}
