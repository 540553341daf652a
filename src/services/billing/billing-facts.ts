import { and, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/database.ts';
import { operatorInvoiceLines, operatorInvoices, operatorPenalties, subscriptionLines, subscriptionQuantities, timeEntries } from '../../db/schema/index.ts';
import { UNITS, type Unit } from '../../domain/catalogue/catalogue.ts';
import { computeUnitCost, type CostNature } from '../../domain/catalogue/unit-cost.ts';
import type { CivilDate } from '../../domain/civil-date.ts';
import type { MemberFacts, Pricing } from '../../domain/billing/member-bill.ts';
import type { SubscribedLine } from '../../domain/billing/flat-charges.ts';
import { cents } from '../../domain/money.ts';
import { forecastsOfProvider } from '../../repositories/forecast-repository.ts';
import { listUnitCostRows } from '../../repositories/catalogue-repository.ts';
import { optionsLabel } from '../catalogue/catalogue-mapping.ts';
import { loadProviderPricing } from '../catalogue/grid-service.ts';
import { optionsOfKey } from '../consumption/forecasts.ts';
import { providerCatalogue } from '../subscriptions/subscription-access.ts';

/** The provider's prices as the billing calculators read them: catalogue, grids, shared charges, unit costs. */
export async function loadPricing(db: Db, providerId: string): Promise<Pricing> {
  const catalogue = await providerCatalogue(db, providerId);
  const { grids } = await loadProviderPricing(db, providerId);
  const costs = new Map<string, number>();
  for (const row of await listUnitCostRows(db, providerId)) {
    const charges = row.charges as { nature: CostNature; amountCents: number }[];
    costs.set(`${row.lineCode}|${row.fiscalYear}`, computeUnitCost({ charges: charges.map((c) => ({ nature: c.nature, amount: cents(c.amountCents) })), forecastUnits: row.forecastUnits }).unitCost);
  }
  const lineOf = (code: string) => catalogue.lines.find((l) => l.code === code);
  const labels = new Map<string, string>();
  return {
    catalogue,
    grids,
    sharedCharges: catalogue.sharedCharges,
    unitCost: (line, year) => {
      const cost = costs.get(`${line}|${year}`);
      return cost === undefined ? null : cents(cost);
    },
    labelOf: (line, optionsKey) => {
      const key = `${line}|${optionsKey}`;
      let label = labels.get(key);
      if (label === undefined) {
        const name = lineOf(line)?.name ?? line;
        const options = optionsKey ? optionsLabel(catalogue, line, optionsOfKey(optionsKey)) : '';
        label = options ? `${name} — ${options}` : name;
        labels.set(key, label);
      }
      return label;
    },
    unitLabel: (line) => {
      const unit = lineOf(line)?.unit as Unit | undefined;
      return unit ? UNITS[unit] : 'unité';
    },
  };
}

const emptyFacts = (): { -readonly [K in keyof MemberFacts]: MemberFacts[K] extends readonly (infer T)[] ? T[] : never } => ({ snapshots: [], subscriptions: [], baseRequests: [], timeEntries: [], invoiceLines: [], forecasts: [], penalties: [] });

/**
 * Every member's facts for a period, read in a few set-based queries for all members at once (a national run
 * bills 36,000 members: one query per member would be the bottleneck).
 */
export async function loadMemberFacts(db: Db, providerId: string, members: readonly string[], period: { year: number; from: CivilDate; to: CivilDate; quarter: number | null }): Promise<Map<string, ReturnType<typeof emptyFacts>>> {
  const facts = new Map(members.map((m) => [m, emptyFacts()]));
  if (!members.length) return facts;
  const memberList = sql`${`{${members.join(',')}}`}::uuid[]`;
  // 360,000 snapshot years at national scale: read as one text (a line each, fields by tab, months by comma),
  // which both drivers hand over several times faster than rows of integer arrays.
  const [snapshotText] = rowsOf<{ rows: string | null }>(
    await db.execute(sql`SELECT string_agg(concat_ws(E'\t', organisation_id::text, line, options_key, array_to_string(units, ',', '')), E'\n') AS rows
      FROM consumption_snapshot WHERE provider_id = ${providerId}::uuid AND year = ${period.year} AND organisation_id = ANY(${memberList})`),
  );
  for (const text of snapshotText?.rows ? snapshotText.rows.split('\n') : []) {
    const [organisationId, line, optionsKey, units] = text.split('\t') as [string, string, string, string];
    const parts = units.split(',');
    const months: (number | null)[] = new Array(parts.length);
    for (let m = 0; m < parts.length; m++) months[m] = parts[m] === '' ? null : Number(parts[m]);
    facts.get(organisationId)?.snapshots.push({ line, optionsKey, months });
  }

  const lines = await db
    .select({ id: subscriptionLines.id, organisationId: subscriptionLines.organisationId, line: subscriptionLines.line, optionsKey: subscriptionLines.optionsKey, quantity: subscriptionLines.quantity, openedOn: subscriptionLines.openedOn, withdrawnOn: subscriptionLines.withdrawnOn })
    .from(subscriptionLines)
    .where(and(eq(subscriptionLines.providerId, providerId), isNotNull(subscriptionLines.openedOn), sql`${subscriptionLines.organisationId} = ANY(${memberList})`, lte(subscriptionLines.openedOn, period.to)));
  const changes = lines.length ? await db.select().from(subscriptionQuantities).where(inArray(subscriptionQuantities.lineId, lines.map((l) => l.id))) : [];
  const exits = await exitDates(db, providerId, memberList, period.to);
  for (const row of lines) {
    const exitOn = exits.get(row.id);
    const l = exitOn && (!row.withdrawnOn || exitOn < row.withdrawnOn) ? { ...row, withdrawnOn: exitOn } : row;
    if (l.withdrawnOn && l.withdrawnOn <= period.from) continue;
    facts.get(l.organisationId)?.subscriptions.push(...volumeSegments(l, changes.filter((c) => c.lineId === l.id)));
  }

  // Seed 004 art. 10.1.3: a request may set the date from which the membership base is billed, before opening;
  // until the request's first line opens (then snapshots measure it), or the line is withdrawn.
  const baseRows = rowsOf<{ id: string; organisation_id: string; line: string; options_key: string; quantity: number; base_billable_from: string; first_opening: string | null; withdrawn_on: string | null }>(
    await db.execute(sql`SELECT l.id::text, l.organisation_id::text, l.line, l.options_key, l.quantity, r.base_billable_from::text,
        (SELECT min(o.opened_on) FROM subscription_line o WHERE o.request_id = r.id)::text AS first_opening, l.withdrawn_on::text
      FROM subscription_line l JOIN subscription_request r ON r.id = l.request_id
      WHERE r.provider_id = ${providerId}::uuid AND r.base_billable_from IS NOT NULL AND r.base_billable_from <= ${period.to}::date
        AND l.organisation_id = ANY(${memberList}) AND l.status IN ('accepted', 'opened', 'withdrawn')`),
  );
  for (const b of baseRows) {
    const ends = [b.first_opening, b.withdrawn_on, exits.get(b.id) ?? null].filter((d): d is string => d !== null).sort();
    const before = (ends[0] ?? null) as CivilDate | null;
    if (before !== null && before <= b.base_billable_from) continue;
    facts.get(b.organisation_id)?.baseRequests.push({ lineId: b.id, line: b.line, optionsKey: b.options_key, quantity: Number(b.quantity), billableFrom: b.base_billable_from as CivilDate, billableBefore: before });
  }

  const times = await db
    .select({ id: timeEntries.id, organisationId: timeEntries.organisationId, line: timeEntries.line, workedOn: timeEntries.workedOn, minutes: timeEntries.minutes })
    .from(timeEntries)
    .where(and(eq(timeEntries.providerId, providerId), gte(timeEntries.workedOn, period.from), lte(timeEntries.workedOn, period.to), sql`${timeEntries.organisationId} = ANY(${memberList})`));
  for (const t of times) facts.get(t.organisationId)?.timeEntries.push(t);

  const invoiceLines = await db
    .select({ organisationId: operatorInvoiceLines.organisationId, invoiceId: operatorInvoiceLines.invoiceId, position: operatorInvoiceLines.position, line: operatorInvoiceLines.line, amountCents: operatorInvoiceLines.amountCents, vatCents: operatorInvoiceLines.vatCents })
    .from(operatorInvoiceLines)
    .innerJoin(operatorInvoices, eq(operatorInvoices.id, operatorInvoiceLines.invoiceId))
    .where(and(eq(operatorInvoices.providerId, providerId), gte(operatorInvoices.periodFrom, period.from), lte(operatorInvoices.periodFrom, period.to), sql`${operatorInvoiceLines.organisationId} = ANY(${memberList})`));
  for (const { organisationId, ...line } of invoiceLines) facts.get(organisationId)?.invoiceLines.push(line);

  for (const f of await forecastsOfProvider(db, providerId, [period.year])) {
    if (f.amountCents === null || (period.quarter !== null && f.quarter !== period.quarter)) continue;
    facts.get(f.organisationId)?.forecasts.push({ line: f.line, quarter: f.quarter, amountCents: f.amountCents });
  }

  const penalties = await db
    .select()
    .from(operatorPenalties)
    .where(and(eq(operatorPenalties.providerId, providerId), gte(operatorPenalties.receivedOn, period.from), lte(operatorPenalties.receivedOn, period.to), sql`${operatorPenalties.organisationId} = ANY(${memberList})`));
  for (const p of penalties) facts.get(p.organisationId)?.penalties.push({ id: p.id, operator: p.operator, receivedOn: p.receivedOn, amountCents: p.amountCents, reason: p.reason });
  return facts;
}

/**
 * When a member's exit ends its lines (seed 004 art. 13, seed 003 art. 7: a notice of exit takes effect on a date
 * the agreement's rules computed): the earliest exit of the request's agreement that covers the line — a full
 * exit, or a partial one naming the line's category. A line is no longer billable from that date.
 */
async function exitDates(db: Db, providerId: string, memberList: ReturnType<typeof sql>, until: CivilDate): Promise<Map<string, string>> {
  const rows = rowsOf<{ id: string; exit_on: string }>(
    await db.execute(sql`SELECT l.id::text AS id, min(e.effective_on)::text AS exit_on
      FROM subscription_line l
      JOIN subscription_request r ON r.id = l.request_id
      JOIN exit_request e ON e.agreement_id = r.agreement_id AND e.organisation_id = l.organisation_id
      LEFT JOIN service_line s ON s.provider_id = l.provider_id AND s.code = l.line
      WHERE l.provider_id = ${providerId}::uuid AND l.organisation_id = ANY(${memberList}) AND e.effective_on <= ${until}::date
        AND (e.scope = 'full' OR s.category_code = ANY(e.categories))
      GROUP BY l.id`),
  );
  return new Map(rows.map((r) => [r.id, r.exit_on]));
}

/** A subscribed line cut where its volume changed (seed 004 art. 10: volumes adjusted over time). */
function volumeSegments(line: { id: string; line: string; optionsKey: string; quantity: number; openedOn: string | null; withdrawnOn: string | null }, changes: { effectiveFrom: string; quantity: number }[]): SubscribedLine[] {
  const sorted = [...changes].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).filter((c) => c.effectiveFrom > line.openedOn!);
  const starts = [{ from: line.openedOn!, quantity: line.quantity }, ...sorted.map((c) => ({ from: c.effectiveFrom, quantity: c.quantity }))];
  return starts.map((s, i) => ({
    lineId: line.id,
    line: line.line,
    optionsKey: line.optionsKey,
    quantity: s.quantity,
    billableFrom: s.from as CivilDate,
    billableBefore: (starts[i + 1]?.from ?? line.withdrawnOn) as CivilDate | null,
  }));
}
