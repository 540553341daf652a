import type { z } from 'zod';
import type { AnnualReportView, annualReportInputSchema } from '../../contracts/governance.ts';
import { parseCivilDate } from '../../domain/civil-date.ts';
import { draftTexts, reportFigures, type ReportFacts, type ReportFigures, type ReportTexts } from '../../domain/governance/annual-report.ts';
import { toDecimalString } from '../../domain/money.ts';
import type { Db } from '../../db/database.ts';
import { findAgreementRow } from '../../repositories/agreement-repository.ts';
import { agreementBilledLines, agreementDocuments, agreementServiceLines, findAnnualReport, insertAnnualReport, providerUnitCosts, updateAnnualReport, type AnnualReportRow } from '../../repositories/annual-report-repository.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { decisionsOfMeetings, meetingsOfAgreement } from '../../repositories/governance-repository.ts';
import { findVisibleProvider } from '../../repositories/membership-repository.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { can } from '../../domain/access/roles.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { providerCatalogue } from '../subscriptions/subscription-access.ts';

/**
 * The steering committee's annual report on an agreement (seed 001 art. 6.3): figures computed from the year's
 * records, texts written by the committee; a draft is edited until it is made final, which freezes the figures.
 */
async function agreementOf(db: Db, principal: Principal, agreementId: string) {
  const agreement = await findAgreementRow(db, principal.scope, agreementId);
  if (!agreement) throw new NotFoundError('Convention');
  return agreement;
}

export async function computeFigures(db: Db, agreement: { id: string; providerId: string }, year: number): Promise<ReportFigures> {
  const catalogue = await providerCatalogue(db, agreement.providerId);
  const nameOf = (code: string) => catalogue.lines.find((l) => l.code === code)?.name ?? code;
  const services = await agreementServiceLines(db, agreement.id, `${year}-12-31`);
  const documents = await agreementDocuments(db, agreement.id, year);
  // The provider's charges are counted for the lines this agreement delivers or bills, not its other agreements'.
  const used = new Set([...services.map((s) => s.line), ...(await agreementBilledLines(db, agreement.id, year))]);
  const costs = (await providerUnitCosts(db, agreement.providerId, year)).filter((c) => used.has(c.line));
  const meetings = await meetingsOfAgreement(db, agreement.id, `${year}-01-01`, `${year}-12-31`);
  const decisions = await decisionsOfMeetings(db, meetings.map((m) => m.id));
  const facts: ReportFacts = {
    services: services.map((s) => ({ ...s, lineName: nameOf(s.line), openedOn: parseCivilDate(s.openedOn), withdrawnOn: s.withdrawnOn ? parseCivilDate(s.withdrawnOn) : null })),
    documents: documents.map((d) => ({ ...d, kind: d.kind as ReportFacts['documents'][number]['kind'] })),
    costs: costs.map((c) => ({ line: c.line, lineName: nameOf(c.line), chargesCents: c.charges.reduce((sum, x) => sum + x.amountCents, 0), forecastUnits: c.forecastUnits })),
    meetings: meetings.map((m) => ({
      committeeName: m.committeeName,
      heldOn: parseCivilDate(m.heldOn!),
      decisions: decisions.filter((d) => d.meetingId === m.id).map((d) => `${String((d.subject as { summary?: string }).summary ?? d.kind)}${d.organisationName ? ` (${d.organisationName})` : ''}`),
    })),
  };
  return reportFigures(year, facts);
}

function figuresView(f: ReportFigures): AnnualReportView['figures'] {
  return {
    services: f.services,
    units: f.units,
    billed: toDecimalString(f.billedCents),
    reduced: toDecimalString(f.reducedCents),
    netBilled: toDecimalString(f.netBilledCents),
    collected: toDecimalString(f.collectedCents),
    outstanding: toDecimalString(f.outstandingCents),
    paymentOrders: toDecimalString(f.paymentOrdersCents),
    costs: f.costs.map((c) => ({ lineName: c.lineName, charges: toDecimalString(c.chargesCents), forecastUnits: c.forecastUnits })),
    costsTotal: toDecimalString(f.costsCents),
    meetings: f.meetings,
  };
}

async function view(db: Db, principal: Principal, agreement: Awaited<ReturnType<typeof agreementOf>>, year: number, row: AnnualReportRow | null): Promise<AnnualReportView> {
  const provider = await findVisibleProvider(db, { kind: 'platform' }, agreement.providerId);
  const mayEdit = can(principal.role, 'governance:manage') && principal.scope.kind !== 'member' && (principal.scope.kind === 'platform' || principal.scope.providerId === agreement.providerId);
  return {
    agreementId: agreement.id,
    agreementTitle: agreement.title,
    providerName: provider?.name ?? '',
    year,
    status: (row?.status as 'draft' | 'final' | undefined) ?? 'none',
    texts: (row?.texts as ReportTexts | undefined) ?? draftTexts(agreement.title, year),
    figures: row?.status === 'final' ? (row.figures as AnnualReportView['figures']) : figuresView(await computeFigures(db, agreement, year)),
    finalisedOn: row?.finalisedOn ?? null,
    finalisedBy: row?.finalisedBy ?? null,
    updatedAt: row?.updatedAt ?? null,
    canEdit: mayEdit && row?.status !== 'final',
  };
}

/** The report of a year: the parties to the agreement read it once final; the provider's staff also see the draft. */
export async function getAnnualReport(deps: Deps, principal: Principal, agreementId: string, year: number): Promise<AnnualReportView> {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  const agreement = await agreementOf(db, principal, agreementId);
  const row = await findAnnualReport(db, agreementId, year);
  if (principal.scope.kind === 'member' && row?.status !== 'final') throw new NotFoundError('Rapport annuel');
  return view(db, principal, agreement, year, row);
}

async function forChange(db: Db, principal: Principal, agreementId: string, year: number, expectedUpdatedAt: string | undefined) {
  require(principal, 'governance:manage');
  const agreement = await agreementOf(db, principal, agreementId);
  assertActsFor(principal, agreement.providerId);
  const row = await findAnnualReport(db, agreementId, year, true);
  if (row?.status === 'final') throw new ValidationError('Rapport définitif', [{ path: 'status', message: `le rapport ${year} est définitif depuis le ${row.finalisedOn} : il ne se modifie plus` }]);
  if (row && (!expectedUpdatedAt || new Date(row.updatedAt).getTime() !== new Date(expectedUpdatedAt).getTime())) {
    throw new ConflictError('Le rapport a été modifié entre-temps : rechargez la page avant d’enregistrer');
  }
  return { agreement, row };
}

/** Saves the draft's texts (creating the draft the first time). */
export async function saveAnnualReport(deps: Deps, principal: Principal, agreementId: string, year: number, input: z.infer<typeof annualReportInputSchema>): Promise<AnnualReportView> {
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    const { agreement, row } = await forChange(db, principal, agreementId, year, input.expectedUpdatedAt);
    if (row) await updateAnnualReport(db, row.id, { texts: input.texts, updatedAt: at.toISOString() });
    else await insertAnnualReport(db, { agreementId, providerId: agreement.providerId, year, status: 'draft', texts: input.texts, figures: null, finalisedOn: null, finalisedBy: null, createdAt: at.toISOString(), updatedAt: at.toISOString() });
    await recordAudit(db, principal, at, { action: row ? 'update' : 'create', entityType: 'annual_report', entityId: `${agreementId}/${year}`, organisationId: agreement.providerId, before: row?.texts ?? null, after: input.texts });
    return view(db, principal, agreement, year, await findAnnualReport(db, agreementId, year));
  });
}

/** Makes the report final: the figures are frozen as they stand, and neither they nor the texts change again. */
export async function finaliseAnnualReport(deps: Deps, principal: Principal, agreementId: string, year: number, expectedUpdatedAt: string): Promise<AnnualReportView> {
  const at = deps.clock.now();
  const today = deps.clock.today();
  return deps.database.transaction(async ({ db }) => {
    const { agreement, row } = await forChange(db, principal, agreementId, year, expectedUpdatedAt);
    if (!row) throw new ValidationError('Aucun projet', [{ path: 'status', message: 'enregistrez d’abord le projet de rapport' }]);
    if (year >= Number(today.slice(0, 4))) throw new ValidationError('Année en cours', [{ path: 'year', message: `l'année ${year} n'est pas terminée : son rapport ne peut pas encore être définitif` }]);
    const figures = figuresView(await computeFigures(db, agreement, year));
    await updateAnnualReport(db, row.id, { status: 'final', figures, finalisedOn: today, finalisedBy: principal.label, updatedAt: at.toISOString() });
    await recordAudit(db, principal, at, { action: 'update', entityType: 'annual_report', entityId: `${agreementId}/${year}`, organisationId: agreement.providerId, before: { status: 'draft' }, after: { status: 'final', figures } });
    return view(db, principal, agreement, year, await findAnnualReport(db, agreementId, year));
  });
}
