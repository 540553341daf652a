import type { z } from 'zod';
import type { memberBillSchema, runPreviewSchema } from '../../contracts/billing.ts';
import type { AgreementRules } from '../../domain/agreements/rules.ts';
import { billTotals, vatSplit, type BillLine } from '../../domain/billing/bill-line.ts';
import type { RunKind } from '../../domain/billing/member-bill.ts';
import { periodBounds, periodLabelFr } from '../../domain/consumption/periods.ts';
import { cents, toDecimalString } from '../../domain/money.ts';
import { vatText } from '../../domain/subscriptions/quote.ts';
import type { Db } from '../../db/database.ts';
import { partiesOf } from '../../repositories/agreement-repository.ts';
import { findRun, groupByTitle, titleLineRows, titlesByIds, titlesOfRun } from '../../repositories/billing-repository.ts';
import { storedLine } from './stored-lines.ts';
import type { Deps, Principal } from '../context.ts';
import { billingAgreement, computeRunInChunks, runPeriod, type ComputedDocument, type RunProgress } from './run-compute.ts';
import { PreviewPage, type PreviewPageRequest } from './preview-page.ts';

export type RunPreview = z.infer<typeof runPreviewSchema>;
type MemberBillView = z.infer<typeof memberBillSchema>;

const money = (value: number) => toDecimalString(cents(value));

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
  const linesByTitle = groupByTitle(await titleLineRows(db, titles.map((t) => t.id)));
  const byMember = new Map(titles.map((t) => [t.organisationId, t]));
  // A reduction or a true-up title refers to a title of another run (the provisional one).
  const referred = new Map((await titlesByIds(db, titles.flatMap((t) => (t.refersTo ? [t.refersTo] : [])))).map((t) => [t.id, t]));
  const members = (await partiesOf(db, [agreementId])).filter((p) => p.role === 'member');
  return members.map((m) => {
    const title = byMember.get(m.organisationId);
    const document: ComputedDocument['document'] = !title ? 'none' : title.kind === 'payment_order' ? 'payment_order' : title.kind === 'reduction' ? 'reduction' : 'title';
    return { organisationId: m.organisationId, organisationName: m.organisationName, document, refersTo: title?.refersTo ? (referred.get(title.refersTo) ?? null) : null, lines: title ? (linesByTitle.get(title.id) ?? []).map(storedLine) : [], issues: [] };
  });
}

/**
 * The run as it would be issued — or, when the period was issued already, what was issued then: the totals of
 * every member, the bills of one page of them (all when no limit is given).
 */
export async function previewRun(deps: Deps, principal: Principal, agreementId: string, request: { kind: RunKind; year: number; index: number }, pageRequest: PreviewPageRequest = { offset: 0 }, progress?: RunProgress): Promise<RunPreview> {
  const db = deps.database.db;
  const agreement = await billingAgreement(db, principal, agreementId);
  const period = runPeriod((agreement.rules as AgreementRules).billing, request.kind, request.year, request.index);
  const issued = await findRun(db, { agreementId, kind: request.kind, periodKind: period.kind, year: period.year, periodIndex: period.index });
  const page = new PreviewPage(pageRequest);
  let frame: { blockers: string[]; warnings: string[] } = { blockers: [], warnings: [] };
  if (issued) for (const d of await issuedDocuments(db, agreementId, issued.id)) page.add(d);
  else
    frame = await computeRunInChunks(
      db,
      agreement,
      request,
      deps.clock.today(),
      (documents) => {
        for (const d of documents) page.add(d);
      },
      progress,
    );
  const { from, to } = periodBounds(period);
  const t = page.totals;
  return {
    agreementId,
    agreementCode: agreement.code,
    agreementTitle: agreement.title,
    providerId: agreement.providerId,
    kind: request.kind,
    periodKind: period.kind,
    year: period.year,
    index: period.index,
    periodLabel: periodLabelFr(period),
    from,
    to,
    blockers: frame.blockers,
    warnings: frame.warnings,
    issued: issued ? { runId: issued.id, issuedOn: issued.issuedOn, documents: issued.documents, actorLabel: issued.actorLabel } : null,
    members: memberViews(page.documents),
    page: { offset: pageRequest.offset, limit: pageRequest.limit ?? null, matching: page.matching, members: page.members },
    totals: { titles: t.titles, titlesAmount: money(t.titlesCents), reductions: t.reductions, reductionsAmount: money(t.reductionsCents), paymentOrders: t.paymentOrders, paymentOrdersAmount: money(t.paymentOrdersCents), issues: t.issues },
  };
}
