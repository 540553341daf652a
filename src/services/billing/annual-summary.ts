import type { z } from 'zod';
import type { annualSummarySchema } from '../../contracts/billing.ts';
import { annualSummary } from '../../domain/billing/annual-summary.ts';
import { cents, parseEuros, toDecimalString } from '../../domain/money.ts';
import { groupByTitle, titleLineRows } from '../../repositories/billing-repository.ts';
import { organisationNames } from '../../repositories/membership-repository.ts';
import { findOrganisation } from '../../repositories/organisation-repository.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { storedLine } from './stored-lines.ts';
import { listTitles } from './titles.ts';

export type AnnualSummaryView = z.infer<typeof annualSummarySchema>;
const money = (value: number) => toDecimalString(cents(value));

/**
 * A member's fiscal year of bills, per provider (issue #7: "the annual summary per member"): what each service
 * line cost net of reductions, the documents, what was paid, what remains and what was paid back. A member reads
 * its own; provider staff their members'; the organisation must be visible to the account.
 */
export async function memberAnnualSummary(deps: Deps, principal: Principal, organisationId: string, fiscalYear: number): Promise<AnnualSummaryView> {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  const organisation = await findOrganisation(db, principal.scope, organisationId);
  if (!organisation) throw new NotFoundError('Organisation');
  const titles = await listTitles(deps, principal, { organisationId, fiscalYear });
  const lines = groupByTitle(await titleLineRows(db, titles.map((t) => t.id)));
  const providerIds = [...new Set(titles.map((t) => t.providerId))];
  const names = await organisationNames(db, providerIds);
  const providers = providerIds.map((providerId) => {
    const documents = titles.filter((t) => t.providerId === providerId).sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.number.localeCompare(b.number));
    const summary = annualSummary(
      documents.map((t) => ({
        id: t.id,
        refersTo: t.refersTo,
        kind: t.kind,
        amountInclCents: parseEuros(t.amountIncl),
        paidCents: parseEuros(t.paid),
        outstandingCents: parseEuros(t.outstanding),
        lines: (lines.get(t.id) ?? []).map(storedLine),
      })),
    );
    return {
      providerId,
      providerName: names.get(providerId) ?? '',
      lines: summary.lines.map((l) => ({ line: l.line, label: l.label, amountExcl: money(l.exclCents), vat: money(l.vatCents), amountIncl: money(l.inclCents) })),
      documents,
      totals: { billed: money(summary.billedCents), reduced: money(summary.reducedCents), net: money(summary.netCents), paid: money(summary.paidCents), outstanding: money(summary.outstandingCents), paidBack: money(summary.paidBackCents) },
    };
  });
  providers.sort((a, b) => a.providerName.localeCompare(b.providerName, 'fr'));
  return { organisationId, organisationName: organisation.name, fiscalYear, providers };
}
