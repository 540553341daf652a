import type { z } from 'zod';
import type { memberBillSchema, runPreviewSchema } from '../../contracts/billing.ts';
import type { AgreementRules } from '../../domain/agreements/rules.ts';
import { billLine, billTotals, vatSplit, type BillLine } from '../../domain/billing/bill-line.ts';
import { memberBill, type RunKind } from '../../domain/billing/member-bill.ts';
import { runBlockers, runPeriodKind } from '../../domain/billing/run-rules.ts';
import { periodBounds, periodLabelFr, type Period } from '../../domain/consumption/periods.ts';
import type { CivilDate } from '../../domain/civil-date.ts';
import { cents, toDecimalString } from '../../domain/money.ts';
import { vatText } from '../../domain/subscriptions/quote.ts';
import type { Db } from '../../db/database.ts';
import { findAgreementRow, partiesOf, type AgreementRow } from '../../repositories/agreement-repository.ts';
import { findRun, titleLineRows, titlesOfRun, type TitleRow } from '../../repositories/billing-repository.ts';
import { storedLine } from './stored-lines.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { loadMemberFacts, loadPricing } from './billing-facts.ts';

export type RunPreview = z.infer<typeof runPreviewSchema>;
type MemberBillView = z.infer<typeof memberBillSchema>;

/** A member's computed document before it is issued: its lines, and what it settles. */
export interface ComputedDocument {
  organisationId: string;
  organisationName: string;
  document: MemberBillView['document'];
  refersTo: TitleRow | null;
  lines: BillLine[];
  issues: { line: string; message: string }[];
}

export interface ComputedRun {
  agreement: AgreementRow;
  rules: AgreementRules;
  period: Period;
  kind: RunKind;
  blockers: string[];
  documents: ComputedDocument[];
}

const money = (value: number) => toDecimalString(cents(value));

/** The agreement, visible to its provider's staff only: members read their titles, they do not run billing. */
export async function billingAgreement(db: Db, principal: Principal, agreementId: string): Promise<AgreementRow> {
  require(principal, 'billing:run');
  const agreement = await findAgreementRow(db, principal.scope, agreementId);
  if (!agreement) throw new NotFoundError('Convention');
  if (principal.scope.kind === 'provider' && principal.scope.providerId !== agreement.providerId) throw new ForbiddenError('Seul le fournisseur de la convention émet ses titres');
  return agreement;
}

/**
 * Every member's document for an agreement's period, computed from the facts as they are now. A true-up
 * settles against the provisional title of the same quarter: more is a new title, less a reduction of it.
 */
export type RunProgress = (phase: 'facts' | 'compute' | 'write' | 'done', done: number, total: number) => void;

export async function computeRun(db: Db, agreement: AgreementRow, kind: RunKind, year: number, index: number, today: CivilDate, progress: RunProgress = () => undefined): Promise<ComputedRun> {
  const rules = agreement.rules as AgreementRules;
  const policy = rules.billing;
  const periodKind = policy ? runPeriodKind(policy, kind) : 'year';
  const period: Period = { kind: periodKind, year, index: periodKind === 'year' ? 1 : index };
  const blockers = runBlockers(policy, kind, period, today);
  const members = (await partiesOf(db, [agreement.id])).filter((p) => p.role === 'member');
  if (!policy) return { agreement, rules, period, kind, blockers, documents: [] };
  const { from, to } = periodBounds(period);
  progress('facts', 0, members.length);
  const pricing = await loadPricing(db, agreement.providerId);
  const facts = await loadMemberFacts(db, agreement.providerId, members.map((m) => m.organisationId), { year, from, to, quarter: period.kind === 'quarter' ? period.index : null });
  const provisional = kind === 'true_up' ? await findRun(db, { agreementId: agreement.id, kind: 'provisional', periodKind: 'quarter', year, periodIndex: period.index }) : null;
  const provisionalTitles = provisional ? await titlesOfRun(db, provisional.id) : [];
  progress('compute', 0, members.length);
  const documents = members.map((member, i): ComputedDocument => {
    if (i % 1000 === 999) progress('compute', i + 1, members.length);
    const bill = memberBill(policy, kind, period, pricing, facts.get(member.organisationId)!);
    const base = { organisationId: member.organisationId, organisationName: member.organisationName, issues: bill.issues };
    if (kind === 'penalty_order') return { ...base, document: bill.lines.length ? 'payment_order' : 'none', refersTo: null, lines: bill.lines };
    const settled = provisionalTitles.find((t) => t.organisationId === member.organisationId && t.kind === 'title') ?? null;
    const lines = settled
      ? [
          ...bill.lines,
          billLine({
            line: 'titre-previsionnel',
            optionsKey: '',
            label: `Déduction du titre prévisionnel n° ${settled.number}`,
            quantity: { numerator: -1, denominator: 1 },
            quantityText: '−1',
            unitPrice: cents(settled.amountInclCents),
            vat: { mode: 'not_subject' },
            basis: `titre émis le ${settled.issuedOn}`,
            sources: [],
          }),
        ]
      : bill.lines;
    const total = billTotals(lines).incl;
    const document = !lines.length || total === 0 ? 'none' : total > 0 ? 'title' : settled ? 'reduction' : 'none';
    return { ...base, document, refersTo: document === 'reduction' || (document === 'title' && settled) ? settled : null, lines };
  });
  return { agreement, rules, period, kind, blockers, documents };
}

export function lineView(l: BillLine) {
  const split = vatSplit(l.amount, l.vat);
  return { line: l.line, optionsKey: l.optionsKey, label: l.label, quantityText: l.quantityText, unitPrice: money(l.unitPrice), amount: money(l.amount), vat: vatText(l.vat), vatAmount: money(split.vat), basis: l.basis, sources: l.sources as unknown as Record<string, unknown>[] };
}

/** Members' bills as views: a reduction shown as the positive amount it takes off. */
function memberViews(documents: readonly ComputedDocument[]) {
  return documents.map((d) => {
    const totals = billTotals(d.lines);
    const sign = d.document === 'reduction' ? -1 : 1;
    return {
      organisationId: d.organisationId,
      organisationName: d.organisationName,
      document: d.document,
      refersTo: d.refersTo ? { id: d.refersTo.id, number: d.refersTo.number } : null,
      lines: d.lines.map(lineView),
      amountExcl: money(sign * totals.excl),
      vat: money(sign * totals.vat),
      amountIncl: money(sign * totals.incl),
      issues: d.issues,
    };
  });
}

/** What an issued run holds, from the stored titles: the preview of an issued period shows what was issued then. */
async function issuedDocuments(db: Db, agreementId: string, runId: string): Promise<ComputedDocument[]> {
  const titles = await titlesOfRun(db, runId);
  const lines = await titleLineRows(db, titles.map((t) => t.id));
  const referred = new Map((await Promise.all(titles.filter((t) => t.refersTo).map(async (t) => [t.id, (await titlesOfRun(db, t.runId!)).find((x) => x.id === t.refersTo) ?? null] as const))).filter(([, r]) => r));
  const members = (await partiesOf(db, [agreementId])).filter((p) => p.role === 'member');
  return members.map((m) => {
    const title = titles.find((t) => t.organisationId === m.organisationId);
    const document: ComputedDocument['document'] = !title ? 'none' : title.kind === 'payment_order' ? 'payment_order' : title.kind === 'reduction' ? 'reduction' : 'title';
    return { organisationId: m.organisationId, organisationName: m.organisationName, document, refersTo: title?.refersTo ? (referred.get(title.id) ?? null) : null, lines: title ? lines.filter((l) => l.titleId === title.id).map(storedLine) : [], issues: [] };
  });
}

/** The run as it would be issued — or, when the period was issued already, what was issued then. */
export async function previewRun(deps: Deps, principal: Principal, agreementId: string, request: { kind: RunKind; year: number; index: number }, progress?: RunProgress): Promise<RunPreview> {
  const db = deps.database.db;
  const agreement = await billingAgreement(db, principal, agreementId);
  const policy = (agreement.rules as AgreementRules).billing;
  const periodKind = policy ? runPeriodKind(policy, request.kind) : 'year';
  const period: Period = { kind: periodKind, year: request.year, index: periodKind === 'year' ? 1 : request.index };
  const issued = await findRun(db, { agreementId, kind: request.kind, periodKind: period.kind, year: period.year, periodIndex: period.index });
  const run = issued ? { period, blockers: [], documents: await issuedDocuments(db, agreementId, issued.id) } : await computeRun(db, agreement, request.kind, request.year, request.index, deps.clock.today(), progress);
  const members = memberViews(run.documents);
  const sum = (kind: MemberBillView['document']) => run.documents.filter((d) => d.document === kind).reduce((total, d) => total + Math.abs(billTotals(d.lines).incl), 0);
  const { from, to } = periodBounds(run.period);
  return {
    agreementId,
    agreementCode: agreement.code,
    agreementTitle: agreement.title,
    providerId: agreement.providerId,
    kind: request.kind,
    periodKind: run.period.kind,
    year: run.period.year,
    index: run.period.index,
    periodLabel: periodLabelFr(run.period),
    from,
    to,
    blockers: run.blockers,
    issued: issued ? { runId: issued.id, issuedOn: issued.issuedOn, documents: issued.documents, actorLabel: issued.actorLabel } : null,
    members,
    totals: {
      titles: members.filter((m) => m.document === 'title').length,
      titlesAmount: money(sum('title')),
      reductions: members.filter((m) => m.document === 'reduction').length,
      reductionsAmount: money(sum('reduction')),
      paymentOrders: members.filter((m) => m.document === 'payment_order').length,
      paymentOrdersAmount: money(sum('payment_order')),
      issues: members.reduce((n, m) => n + m.issues.length, 0),
    },
  };
}
