import type { z } from 'zod';
import type { memberBillSchema } from '../../contracts/billing.ts';
import type { AgreementRules } from '../../domain/agreements/rules.ts';
import { billLine, billTotals, PROVISIONAL_DEDUCTION_LINE, type BillLine } from '../../domain/billing/bill-line.ts';
import { memberBill, type Pricing, type RunKind } from '../../domain/billing/member-bill.ts';
import type { BillingPolicy } from '../../domain/billing/policy.ts';
import { runBlockers, runPeriodKind, runWarnings } from '../../domain/billing/run-rules.ts';
import { periodBounds, type Period } from '../../domain/consumption/periods.ts';
import type { CivilDate } from '../../domain/civil-date.ts';
import { cents } from '../../domain/money.ts';
import type { Db } from '../../db/database.ts';
import { findAgreementRow, partiesOf, type AgreementRow } from '../../repositories/agreement-repository.ts';
import { findRun, titlesOfRun, type TitleRow } from '../../repositories/billing-repository.ts';
import { require, type Principal } from '../context.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { loadMemberFacts, loadPricing } from './billing-facts.ts';

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

/** What a run is about, known before any member's bill is computed. */
export interface RunFrame {
  agreement: AgreementRow;
  rules: AgreementRules;
  period: Period;
  kind: RunKind;
  blockers: string[];
  /** What does not stop the run but should be known before issuing (a title issued after its window). */
  warnings: string[];
  members: number;
}

export interface ComputedRun extends RunFrame {
  documents: ComputedDocument[];
}

export type RunProgress = (phase: 'facts' | 'compute' | 'write' | 'done', done: number, total: number) => void;

/**
 * Members per chunk: their facts are read, their bills computed and (when issuing) written before the next
 * chunk is read, so a national run (36,000 members) holds a few thousand bills in memory at a time.
 */
export const RUN_CHUNK = 2_000;

/** The agreement, visible to its provider's staff only: members read their titles, they do not run billing. */
export async function billingAgreement(db: Db, principal: Principal, agreementId: string): Promise<AgreementRow> {
  require(principal, 'billing:run');
  const agreement = await findAgreementRow(db, principal.scope, agreementId);
  if (!agreement) throw new NotFoundError('Convention');
  if (principal.scope.kind === 'provider' && principal.scope.providerId !== agreement.providerId) throw new ForbiddenError('Seul le fournisseur de la convention émet ses titres');
  return agreement;
}

export function runPeriod(policy: BillingPolicy | undefined, kind: RunKind, year: number, index: number): Period {
  const periodKind = policy ? runPeriodKind(policy, kind) : 'year';
  return { kind: periodKind, year, index: periodKind === 'year' ? 1 : index };
}

/**
 * Every member's document for an agreement's period, computed from the facts as they are now, handed over
 * chunk by chunk (`onChunk` may write them before the next chunk is read). A true-up settles against the
 * provisional title of the same quarter: more is a new title, less a reduction of it.
 */
export async function computeRunInChunks(
  db: Db,
  agreement: AgreementRow,
  request: { kind: RunKind; year: number; index: number },
  today: CivilDate,
  onChunk: (documents: ComputedDocument[], done: number, total: number) => Promise<void> | void,
  progress: RunProgress = () => undefined,
): Promise<RunFrame> {
  const rules = agreement.rules as AgreementRules;
  const policy = rules.billing;
  const { kind } = request;
  const period = runPeriod(policy, kind, request.year, request.index);
  const blockers = runBlockers(policy, kind, period, today);
  const parties = await partiesOf(db, [agreement.id]);
  const members = parties.filter((p) => p.role === 'member');
  const frame: RunFrame = { agreement, rules, period, kind, blockers, warnings: runWarnings(policy, kind, period, today), members: members.length };
  if (!policy) return frame;
  const { from, to } = periodBounds(period);
  // Seed 002: a second provider bills its own lines in the agreement (the CDG 62's interventions on time spent):
  // each provider party's facts are priced at its own catalogue and grids, and the member gets one document.
  const providers = [agreement.providerId, ...parties.filter((p) => p.role === 'second_provider').map((p) => p.organisationId)];
  const pricings: Pricing[] = [];
  for (const providerId of providers) pricings.push(await loadPricing(db, providerId));
  const settles = await provisionalTitlesByMember(db, agreement.id, kind, period);
  const quarter = period.kind === 'quarter' ? period.index : null;
  const loadChunk = async (start: number) => {
    const chunk = members.slice(start, start + RUN_CHUNK);
    progress('facts', start, members.length);
    const facts: Awaited<ReturnType<typeof loadMemberFacts>>[] = [];
    for (const providerId of providers) facts.push(await loadMemberFacts(db, providerId, chunk.map((m) => m.organisationId), { year: period.year, from, to, quarter }));
    return { chunk, facts };
  };
  // Two cores, two workers: while the database writes a chunk (`onChunk` sends it without waiting), this process
  // computes the next one, whose facts were read before the write was sent (one connection: queries queue).
  let current = members.length ? await loadChunk(0) : null;
  let writing: Promise<void> | null = null;
  for (let start = 0; current; start += RUN_CHUNK) {
    const { chunk, facts } = current;
    progress('compute', start, members.length);
    const documents: ComputedDocument[] = new Array(chunk.length);
    for (let i = 0; i < chunk.length; i++) {
      const member = chunk[i]!;
      const priced = pricings.map((pricing, p) => ({ pricing, facts: facts[p]!.get(member.organisationId)! }));
      documents[i] = memberDocument(policy, kind, period, priced, member, settles.get(member.organisationId) ?? null);
    }
    if (writing) await writing;
    current = start + RUN_CHUNK < members.length ? await loadChunk(start + RUN_CHUNK) : null;
    writing = Promise.resolve(onChunk(documents, start + chunk.length, members.length));
    // Awaited at the next turn; until then a failure must not count as unhandled.
    writing.catch(() => undefined);
  }
  if (writing) await writing;
  progress('compute', members.length, members.length);
  return frame;
}

/** The whole run in memory, for a preview (the issue writes chunk by chunk instead). */
export async function computeRun(db: Db, agreement: AgreementRow, request: { kind: RunKind; year: number; index: number }, today: CivilDate, progress?: RunProgress): Promise<ComputedRun> {
  const documents: ComputedDocument[] = [];
  const frame = await computeRunInChunks(
    db,
    agreement,
    request,
    today,
    (chunk) => {
      for (const d of chunk) documents.push(d);
    },
    progress,
  );
  return { ...frame, documents };
}

/** A true-up's provisional titles, by member (a map: 36,000 members must not each scan 36,000 titles). */
async function provisionalTitlesByMember(db: Db, agreementId: string, kind: RunKind, period: Period): Promise<Map<string, TitleRow>> {
  const byMember = new Map<string, TitleRow>();
  if (kind !== 'true_up') return byMember;
  const provisional = await findRun(db, { agreementId, kind: 'provisional', periodKind: 'quarter', year: period.year, periodIndex: period.index });
  for (const t of provisional ? await titlesOfRun(db, provisional.id) : []) if (t.kind === 'title') byMember.set(t.organisationId, t);
  return byMember;
}

function memberDocument(
  policy: BillingPolicy,
  kind: RunKind,
  period: Period,
  priced: readonly { pricing: Pricing; facts: Parameters<typeof memberBill>[4] }[],
  member: { organisationId: string; organisationName: string },
  settled: TitleRow | null,
): ComputedDocument {
  const bill = { lines: [] as BillLine[], issues: [] as ComputedDocument['issues'] };
  for (const { pricing, facts } of priced) {
    const part = memberBill(policy, kind, period, pricing, facts);
    bill.lines.push(...part.lines);
    bill.issues.push(...part.issues);
  }
  const base = { organisationId: member.organisationId, organisationName: member.organisationName, issues: bill.issues };
  if (kind === 'penalty_order') return { ...base, document: bill.lines.length ? 'payment_order' : 'none', refersTo: null, lines: bill.lines };
  const lines = settled ? [...bill.lines, provisionalDeduction(settled)] : bill.lines;
  const total = billTotals(lines).incl;
  const document = !lines.length || total === 0 ? 'none' : total > 0 ? 'title' : settled ? 'reduction' : 'none';
  return { ...base, document, refersTo: document === 'reduction' || (document === 'title' && settled) ? settled : null, lines };
}

/** The provisional title a true-up settles, deducted as a line of its own (seed 000: régularisation). */
function provisionalDeduction(settled: TitleRow): BillLine {
  return billLine({
    line: PROVISIONAL_DEDUCTION_LINE,
    optionsKey: '',
    label: `Déduction du titre prévisionnel n° ${settled.number}`,
    quantity: { numerator: -1, denominator: 1 },
    quantityText: '−1',
    unitPrice: cents(settled.amountInclCents),
    vat: { mode: 'not_subject' },
    basis: `titre émis le ${settled.issuedOn}`,
    sources: [],
  });
}
