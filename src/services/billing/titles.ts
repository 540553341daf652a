import type { z } from 'zod';
import type { paymentInputSchema, runSchema, titleDetailSchema, titleQuerySchema, titleSchema } from '../../contracts/billing.ts';
import { periodLabelFr, type PeriodKind } from '../../domain/consumption/periods.ts';
import type { VatTreatment } from '../../domain/catalogue/tariff-grid.ts';
import { compareCivilDates, type CivilDate } from '../../domain/civil-date.ts';
import { parseAmount } from '../../domain/consumption/fields.ts';
import { legalInterest } from '../../domain/billing/legal-interest.ts';
import { LEGAL_RATES } from '../../domain/billing/legal-rates.ts';
import { cents, parseEuros, toDecimalString } from '../../domain/money.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { findRunRow, findTitleRow, insertPayment, listRunRows, listTitleRows, paymentsOf, reductionsOf, titleLineRows, type TitleRow } from '../../repositories/billing-repository.ts';
import { organisationNames } from '../../repositories/membership-repository.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { lineView } from './run-preview.ts';
import { storedLine } from './stored-lines.ts';
import { titlePdf, titlesCsv, titlesXlsx } from './title-documents.ts';

type TitleView = z.infer<typeof titleSchema>;
const money = (value: number) => toDecimalString(cents(value));

/** What is still to collect on a title: its amount less payments and the reductions issued against it. */
function standing(title: TitleRow, paidCents: number, reducedCents: number, today: CivilDate): Pick<TitleView, 'paid' | 'outstanding' | 'status'> {
  if (title.kind === 'payment_order') return { paid: money(0), outstanding: money(0), status: 'payment_order' };
  if (title.kind !== 'title') return { paid: money(0), outstanding: money(0), status: 'reduction' };
  if (reducedCents >= title.amountInclCents) return { paid: money(paidCents), outstanding: money(0), status: 'cancelled' };
  const outstanding = Math.max(0, title.amountInclCents - reducedCents - paidCents);
  const overdue = outstanding > 0 && title.dueOn !== null && compareCivilDates(title.dueOn as CivilDate, today) < 0;
  const status = outstanding === 0 ? 'paid' : overdue ? 'overdue' : paidCents > 0 ? 'partly_paid' : 'to_collect';
  return { paid: money(paidCents), outstanding: money(outstanding), status };
}

function view(title: TitleRow, organisationName: string, paidCents: number, reducedCents: number, today: CivilDate): TitleView {
  return {
    id: title.id,
    number: title.number,
    kind: title.kind as TitleView['kind'],
    series: title.series as TitleView['series'],
    fiscalYear: title.fiscalYear,
    providerId: title.providerId,
    organisationId: title.organisationId,
    organisationName,
    runId: title.runId,
    refersTo: title.refersTo,
    subject: title.subject,
    periodFrom: title.periodFrom,
    periodTo: title.periodTo,
    issuedOn: title.issuedOn,
    dueOn: title.dueOn,
    amountExcl: money(title.amountExclCents),
    vat: money(title.vatCents),
    amountIncl: money(title.amountInclCents),
    ...standing(title, paidCents, reducedCents, today),
  };
}

/** Titles, reductions and payment orders: a member sees its own, provider staff their provider's. */
export async function listTitles(deps: Deps, principal: Principal, filter: z.infer<typeof titleQuerySchema>): Promise<TitleView[]> {
  require(principal, 'organisation:read');
  const rows = await listTitleRows(deps.database.db, principal.scope, filter);
  const reduced = new Map<string, number>();
  for (const r of rows) if (r.title.refersTo && r.title.kind !== 'title') reduced.set(r.title.refersTo, (reduced.get(r.title.refersTo) ?? 0) + r.title.amountInclCents);
  const today = deps.clock.today();
  return rows.map((r) => view(r.title, r.organisationName, Number(r.paidCents), reduced.get(r.title.id) ?? 0, today));
}

/** A title with its lines as issued, its payments, the reductions against it and the late interest due today. */
export async function getTitle(deps: Deps, principal: Principal, id: string): Promise<z.infer<typeof titleDetailSchema>> {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  const title = await findTitleRow(db, principal.scope, id);
  if (!title) throw new NotFoundError('Titre');
  const [lines, payments, reductions, names] = await Promise.all([titleLineRows(db, [id]), paymentsOf(db, [id]), reductionsOf(db, [id]), organisationNames(db, [title.organisationId])]);
  const paid = payments.reduce((sum, p) => sum + p.amountCents, 0);
  const reduced = reductions.reduce((sum, r) => sum + r.amountInclCents, 0);
  const today = deps.clock.today();
  const base = view(title, names.get(title.organisationId) ?? '', paid, reduced, today);
  return {
    ...base,
    lines: lines.map((l) => lineView(storedLine(l))),
    payments: payments.map((p) => ({ id: p.id, paidOn: p.paidOn, amount: money(p.amountCents), reference: p.reference })),
    reductions: reductions.map((r) => ({ id: r.id, number: r.number, amountIncl: money(r.amountInclCents), issuedOn: r.issuedOn })),
    lateInterest: lateInterest(title, payments, reduced, today),
  };
}

/**
 * Legal interest from the due date on what remained unpaid (seed 002 art. 4.2), the balance falling at each
 * payment: each stretch at its half-years' rates. Shown, not billed: charging it is the provider's decision.
 */
function lateInterest(title: TitleRow, payments: { paidOn: string; amountCents: number }[], reduced: number, today: CivilDate): z.infer<typeof titleDetailSchema>['lateInterest'] {
  if (title.kind !== 'title' || !title.dueOn || compareCivilDates(today, title.dueOn as CivilDate) <= 0) return null;
  let balance = title.amountInclCents - reduced;
  let from = title.dueOn as CivilDate;
  let total = 0;
  for (const p of [...payments].sort((a, b) => a.paidOn.localeCompare(b.paidOn))) {
    if (compareCivilDates(p.paidOn as CivilDate, from) > 0 && balance > 0) {
      const stretch = legalInterest(cents(balance), from, p.paidOn as CivilDate, LEGAL_RATES);
      if (!stretch.ok) return { until: today, amount: null, message: stretch.message };
      total += stretch.interest;
      from = p.paidOn as CivilDate;
    }
    balance -= p.amountCents;
  }
  if (balance > 0) {
    const stretch = legalInterest(cents(balance), from, today, LEGAL_RATES);
    if (!stretch.ok) return { until: today, amount: null, message: stretch.message };
    total += stretch.interest;
  }
  return { until: today, amount: money(total), message: null };
}

/** Issued runs, newest first: the history of an agreement's billing. */
export async function listRuns(deps: Deps, principal: Principal, filter: { agreementId?: string | undefined; providerId?: string | undefined }): Promise<z.infer<typeof runSchema>[]> {
  require(principal, 'organisation:read');
  return (await listRunRows(deps.database.db, principal.scope, filter)).map((r) => ({
    id: r.id,
    providerId: r.providerId,
    agreementId: r.agreementId,
    kind: r.kind as z.infer<typeof runSchema>['kind'],
    periodKind: r.periodKind as z.infer<typeof runSchema>['periodKind'],
    year: r.year,
    index: r.periodIndex,
    periodLabel: periodLabelFr({ kind: r.periodKind as PeriodKind, year: r.year, index: r.periodIndex }),
    issuedOn: r.issuedOn,
    actorLabel: r.actorLabel,
    documents: r.documents,
    total: money(r.totalCents),
  }));
}

/** The title as PDF, for its member and its provider's staff. */
export async function titleDocument(deps: Deps, principal: Principal, id: string): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  const title = await getTitle(deps, principal, id);
  const provider = (await organisationNames(deps.database.db, [title.providerId])).get(title.providerId) ?? '';
  return { fileName: `${title.number}.pdf`, contentType: 'application/pdf', content: await titlePdf(title, provider) };
}

/** A run's documents as CSV or XLSX. */
export async function runExport(deps: Deps, principal: Principal, runId: string, format: 'csv' | 'xlsx'): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  require(principal, 'billing:run');
  const titles = await listTitles(deps, principal, { runId });
  if (!titles.length && !(await findRunRow(deps.database.db, principal.scope, runId))) throw new NotFoundError('Facturation');
  const name = `titres-${runId.slice(0, 8)}`;
  return format === 'csv'
    ? { fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8', content: titlesCsv(titles) }
    : { fileName: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: await titlesXlsx(titles) };
}

/** A payment, whole or partial, of a title; never more than what remains to collect. */
export async function recordPayment(deps: Deps, principal: Principal, id: string, input: z.infer<typeof paymentInputSchema>) {
  require(principal, 'billing:run');
  const db = deps.database.db;
  const title = await findTitleRow(db, principal.scope, id);
  if (!title || principal.scope.kind === 'member') throw new NotFoundError('Titre');
  if (title.kind !== 'title') throw new ValidationError('Paiement refusé', [{ path: 'id', message: 'seul un titre de recette se paie' }]);
  const amount = parseAmount(input.amount);
  const current = await getTitle(deps, principal, id);
  const outstanding = parseEuros(current.outstanding);
  const issues = [];
  if (amount === null || amount <= 0) issues.push({ path: 'amount', message: `montant « ${input.amount} » : un montant positif en euros est attendu` });
  else if (amount > outstanding) issues.push({ path: 'amount', message: `plus que le reste à recouvrer (${current.outstanding.replace('.', ',')} €)` });
  if (compareCivilDates(input.paidOn as CivilDate, title.issuedOn as CivilDate) < 0) issues.push({ path: 'paidOn', message: `antérieur à l'émission du titre (${title.issuedOn})` });
  if (compareCivilDates(input.paidOn as CivilDate, deps.clock.today()) > 0) issues.push({ path: 'paidOn', message: 'date dans le futur' });
  if (issues.length) throw new ValidationError('Paiement refusé', issues);
  await deps.database.transaction(async (tx) => {
    const paymentId = await insertPayment(tx.db, { titleId: id, paidOn: input.paidOn, amountCents: amount!, reference: input.reference, recordedAt: deps.clock.now().toISOString(), actorLabel: principal.label });
    await recordAudit(tx.db, principal, deps.clock.now(), { action: 'create', entityType: 'title_payment', entityId: paymentId, organisationId: title.organisationId, after: { title: title.number, paidOn: input.paidOn, amount: input.amount, reference: input.reference } });
  });
  return getTitle(deps, principal, id);
}
