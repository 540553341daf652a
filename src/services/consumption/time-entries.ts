import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { timeEntrySchema, timeSummarySchema } from '../../contracts/time-entries.ts';
import { compareCivilDates } from '../../domain/civil-date.ts';
import type { FileError } from '../../domain/consumption/fields.ts';
import { periodLabelFr, type PeriodKind } from '../../domain/consumption/periods.ts';
import { contentKeys, daysText, hoursText, parseTimeEntry, sumTime, type RawTimeEntry, type TimeEntryInput } from '../../domain/consumption/time-entries.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { lockProviderSnapshots, memberIdentifiers } from '../../repositories/consumption-repository.ts';
import { deleteTimeEntry, findTimeEntry, insertTimeEntries, listTimeEntryRows, timeEntriesByReference, updateTimeEntry, type TimeEntryRow } from '../../repositories/time-entry-repository.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { providerCatalogue } from '../subscriptions/subscription-access.ts';

type TimeEntryView = z.infer<typeof timeEntrySchema>;
export interface TimeImportResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
  errors: FileError[];
}

/** A row without reference of its own is known by a digest of its content (see `contentKeys`). */
const DIGEST = 'sha256:';
const referenceOf = (key: string) => (key.startsWith('ref:') ? key.slice(4) : DIGEST + createHash('sha256').update(key).digest('hex').slice(0, 40));
const shownReference = (reference: string) => (reference.startsWith(DIGEST) || reference.startsWith('entry:') ? '' : reference);
const sameContent = (row: TimeEntryRow, e: TimeEntryInput & { organisationId: string }) =>
  row.organisationId === e.organisationId && row.line === e.line && row.workedOn === e.workedOn && row.minutes === e.minutes && row.person === e.person && row.travelIncluded === e.travelIncluded && row.description === e.description;

/**
 * Records time spent, from a file (a ticketing tool's export), the API or a form, all or nothing: every row is
 * checked (date, duration, person, member of the provider, service line, no date in the future, no reference
 * twice) before anything is written. A row whose reference is stored already is unchanged, or updated when its
 * content differs (a ticket's time corrected in the tool); the previous values go to the audit log.
 */
export async function recordTimeEntries(deps: Deps, principal: Principal, providerId: string, raws: RawTimeEntry[], options: { source: 'file' | 'api' | 'entry'; fileName?: string | undefined; dryRun?: boolean | undefined }): Promise<TimeImportResult> {
  require(principal, 'consumption:write');
  assertActsFor(principal, providerId);
  const db = deps.database.db;
  const catalogue = await providerCatalogue(db, providerId);
  const members = await memberIdentifiers(db, providerId);
  const today = deps.clock.today();
  const errors: FileError[] = [];
  const entries: (TimeEntryInput & { organisationId: string; row: number })[] = [];
  const seenReferences = new Map<string, number>();
  for (const raw of raws) {
    const parsed = parseTimeEntry(raw, catalogue);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    const e = parsed.value;
    const organisationId = members.get(e.member);
    const rowErrors: FileError[] = [];
    if (!organisationId) rowErrors.push({ row: raw.row, column: 'membre', message: `« ${e.member} » n'est ni membre ni ancien membre de ce fournisseur` });
    if (compareCivilDates(e.workedOn, today) > 0) rowErrors.push({ row: raw.row, column: 'date', message: `le ${e.workedOn} est dans le futur : on ne saisit que le temps déjà passé` });
    if (e.reference) {
      const first = seenReferences.get(e.reference);
      if (first !== undefined) rowErrors.push({ row: raw.row, column: 'référence', message: `référence « ${e.reference} » déjà à la ligne ${first}` });
      else seenReferences.set(e.reference, raw.row);
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else entries.push({ ...e, organisationId: organisationId!, row: raw.row });
  }
  const dryRun = Boolean(options.dryRun);
  const result = { rows: raws.length, created: 0, updated: 0, unchanged: 0, dryRun };
  if (!raws.length) errors.push({ row: 1, column: 'ligne entière', message: 'le fichier ne contient aucune ligne de données' });
  if (errors.length) return { ...result, errors };
  // A form entry is always a new entry, even if it looks like another one.
  const keys = options.source === 'entry' ? entries.map(() => `entry:${randomUUID()}`) : contentKeys(entries).map(referenceOf);
  return deps.database.transaction(async (tx) => {
    await lockProviderSnapshots(tx.db, providerId);
    const stored = await timeEntriesByReference(tx.db, providerId, keys);
    const at = deps.clock.now().toISOString();
    const inserts: Parameters<typeof insertTimeEntries>[1] = [];
    for (const [i, e] of entries.entries()) {
      const reference = keys[i]!;
      const values = { organisationId: e.organisationId, line: e.line, workedOn: e.workedOn, minutes: e.minutes, person: e.person, travelIncluded: e.travelIncluded, description: e.description };
      const existing = stored.get(reference);
      if (!existing) {
        result.created++;
        inserts.push({ providerId, reference, ...values, recordedAt: at, actorLabel: principal.label });
      } else if (sameContent(existing, e)) result.unchanged++;
      else {
        result.updated++;
        if (!dryRun) {
          await updateTimeEntry(tx.db, existing.id, { ...values, recordedAt: at, actorLabel: principal.label });
          await recordAudit(tx.db, principal, deps.clock.now(), { action: 'update', entityType: 'time_entry', entityId: existing.id, organisationId: e.organisationId, before: existing, after: values });
        }
      }
    }
    if (!dryRun && inserts.length) {
      await insertTimeEntries(tx.db, inserts);
      await recordAudit(tx.db, principal, deps.clock.now(), { action: 'import', entityType: 'time_import', entityId: randomUUID(), organisationId: providerId, after: { ...result, source: options.source, fileName: options.fileName ?? null } });
    }
    return { ...result, errors: [] };
  });
}

function view(row: Awaited<ReturnType<typeof listTimeEntryRows>>[number], lineName: (providerId: string, line: string) => string): TimeEntryView {
  const e = row.entry;
  return {
    id: e.id,
    providerId: e.providerId,
    providerName: row.providerName,
    organisationId: e.organisationId,
    organisationName: row.organisationName,
    line: e.line,
    lineName: lineName(e.providerId, e.line),
    workedOn: e.workedOn,
    minutes: e.minutes,
    hours: hoursText(e.minutes),
    person: e.person,
    travelIncluded: e.travelIncluded,
    description: e.description,
    reference: shownReference(e.reference),
    recordedAt: e.recordedAt,
    actorLabel: e.actorLabel,
  };
}

async function lineNames(deps: Deps, providerIds: string[]): Promise<(providerId: string, line: string) => string> {
  const names = new Map<string, string>();
  for (const providerId of new Set(providerIds)) for (const l of (await providerCatalogue(deps.database.db, providerId)).lines) names.set(`${providerId}|${l.code}`, l.name);
  return (providerId, line) => names.get(`${providerId}|${line}`) ?? line;
}

/** Time entries between two dates; a member sees those done for it, provider staff their provider's. */
export async function listTimeEntries(deps: Deps, principal: Principal, filter: { providerId?: string | undefined; organisationId?: string | undefined; from: string; to: string }): Promise<TimeEntryView[]> {
  require(principal, 'organisation:read');
  const rows = await listTimeEntryRows(deps.database.db, principal.scope, filter);
  const name = await lineNames(deps, rows.map((r) => r.entry.providerId));
  return rows.map((r) => view(r, name));
}

/** Time summed per member, line and period: hours for hourly billing (seed 002), days of work (seed 004). */
export async function timeSummary(deps: Deps, principal: Principal, query: { providerId?: string | undefined; organisationId?: string | undefined; year: number; period: PeriodKind }): Promise<z.infer<typeof timeSummarySchema>> {
  require(principal, 'organisation:read');
  const rows = await listTimeEntryRows(deps.database.db, principal.scope, { ...query, from: `${query.year}-01-01`, to: `${query.year}-12-31` });
  const name = await lineNames(deps, rows.map((r) => r.entry.providerId));
  const totals = [];
  for (const providerId of [...new Set(rows.map((r) => r.entry.providerId))].sort()) {
    const mine = rows.filter((r) => r.entry.providerId === providerId);
    const workdayMinutes = mine[0]!.workdayMinutes;
    const orgNames = new Map(mine.map((r) => [r.entry.organisationId, r.organisationName]));
    for (const t of sumTime(mine.map((r) => r.entry), query.period)) {
      totals.push({
        providerId,
        organisationId: t.organisationId,
        organisationName: orgNames.get(t.organisationId) ?? '',
        line: t.line,
        lineName: name(providerId, t.line),
        periodIndex: t.period.index,
        periodLabel: periodLabelFr(t.period),
        entries: t.entries,
        minutes: t.minutes,
        hours: hoursText(t.minutes),
        days: daysText(t.minutes, workdayMinutes),
        workdayMinutes,
      });
    }
  }
  return { year: query.year, period: query.period, totals };
}

/** Removes a mistaken entry; what it was stays in the audit log. */
export async function removeTimeEntry(deps: Deps, principal: Principal, id: string): Promise<void> {
  require(principal, 'consumption:write');
  const row = await findTimeEntry(deps.database.db, principal.scope, id);
  if (!row) throw new NotFoundError('Temps passé');
  assertActsFor(principal, row.providerId);
  await deps.database.transaction(async (tx) => {
    await deleteTimeEntry(tx.db, id);
    await recordAudit(tx.db, principal, deps.clock.now(), { action: 'delete', entityType: 'time_entry', entityId: id, organisationId: row.organisationId, before: row });
  });
}
