import type { z } from 'zod';
import type { KpiView, kpiQuerySchema } from '../../contracts/governance.ts';
import { addMonths, daysBetween, parseCivilDate } from '../../domain/civil-date.ts';
import { membersByMonth, openingsByMonth, pipeline, sumByMonth, unitsByCategory, type KpiLine } from '../../domain/governance/kpis.ts';
import { cents, parseEuros, toDecimalString } from '../../domain/money.ts';
import { paymentsOf } from '../../repositories/billing-repository.ts';
import { calendarFor } from '../agreements/agreement-service.ts';
import { listTitles } from '../billing/titles.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { loadRequests, providerCatalogue } from '../subscriptions/subscription-access.ts';
import { assertStaff } from './committees.ts';

const PENDING = new Set(['submitted', 'postponed']);
const euros = (months: number[]) => months.map((c) => toDecimalString(cents(c)));

/**
 * The operational committee's indicators (seed 004 art. 4: an activity report with KPIs) for a provider and a year,
 * optionally for one member: members and units per category at each month's end, openings, amounts billed and
 * collected, the requests waiting for a decision, overdue titles and the coming deadlines.
 */
export async function providerKpis(deps: Deps, principal: Principal, providerId: string, query: z.infer<typeof kpiQuerySchema>): Promise<KpiView> {
  assertStaff(principal);
  require(principal, 'organisation:read');
  assertActsFor(principal, providerId);
  const db = deps.database.db;
  const today = deps.clock.today();
  const filter = { providerId, organisationId: query.organisationId };
  const requests = await loadRequests(db, principal, filter, today);
  const catalogue = await providerCatalogue(db, providerId);
  const categoryOf = new Map(catalogue.lines.map((l) => [l.code, l.categoryCode]));
  const categoryName = new Map(catalogue.categories.map((c) => [c.code, c.name]));
  const lines: KpiLine[] = requests.flatMap((r) =>
    r.lines.map((l) => ({
      organisationId: r.organisationId,
      category: categoryOf.get(l.line) ?? l.line,
      status: l.status,
      receivedOn: parseCivilDate(r.receivedOn),
      openedOn: l.openedOn ? parseCivilDate(l.openedOn) : null,
      withdrawnOn: l.withdrawnOn ? parseCivilDate(l.withdrawnOn) : null,
      quantities: l.quantities.map((q) => ({ effectiveFrom: parseCivilDate(q.effectiveFrom), quantity: q.quantity })),
    })),
  );
  const waiting = requests.map((r) => ({ request: r, receivedOn: parseCivilDate(r.receivedOn), pendingLines: r.lines.filter((l) => PENDING.has(l.status)).length }));

  const titles = await listTitles(deps, principal, filter);
  const signed = titles.map((t) => ({ on: parseCivilDate(t.issuedOn), cents: (t.kind === 'title' ? 1 : t.kind === 'payment_order' ? 0 : -1) * parseEuros(t.amountIncl) }));
  const payments = await paymentsOf(db, titles.filter((t) => t.kind === 'title').map((t) => t.id));
  const overdue = titles.filter((t) => t.status === 'overdue');
  const deadlines = await calendarFor(deps, principal, { from: today, to: addMonths(today, 3), providerId });

  return {
    providerId,
    year: query.year,
    organisationId: query.organisationId ?? null,
    members: membersByMonth(lines, query.year),
    units: unitsByCategory(lines, query.year).map((u) => ({ ...u, categoryName: categoryName.get(u.category) ?? u.category })),
    openings: openingsByMonth(lines, query.year),
    openingsPrevious: openingsByMonth(lines, query.year - 1),
    billed: euros(sumByMonth(signed, query.year)),
    billedPrevious: euros(sumByMonth(signed, query.year - 1)),
    collected: euros(sumByMonth(payments.map((p) => ({ on: parseCivilDate(p.paidOn), cents: p.amountCents })), query.year)),
    pipeline: {
      ...pipeline(waiting, today),
      oldest: waiting
        .filter((w) => w.pendingLines > 0)
        .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))
        .slice(0, 10)
        .map((w) => ({ requestId: w.request.id, organisationName: w.request.organisationName, receivedOn: w.request.receivedOn, days: Math.max(0, daysBetween(w.receivedOn, today)), lines: w.request.lines.filter((l) => PENDING.has(l.status)).map((l) => l.lineName) })),
    },
    overdue: {
      count: overdue.length,
      amount: toDecimalString(cents(overdue.reduce((sum, t) => sum + parseEuros(t.outstanding), 0))),
      titles: overdue.slice(0, 20).map((t) => ({ id: t.id, number: t.number, organisationName: t.organisationName, dueOn: t.dueOn, outstanding: t.outstanding })),
    },
    deadlines: deadlines.slice(0, 15).map((e) => ({ date: e.date, label: e.label, agreementTitle: e.agreementTitle })),
  };
}
