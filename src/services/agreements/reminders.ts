import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { CalendarEntry } from '../../contracts/agreements.ts';
import { addDays, compareCivilDates, formatCivilDateFr, parseCivilDate, type CivilDate } from '../../domain/civil-date.ts';
import { accounts, remindersSent } from '../../db/schema/index.ts';
import type { Db } from '../../db/database.ts';
import { listAgreementRows, partiesByAgreement, partiesOf } from '../../repositories/agreement-repository.ts';
import { organisationNames } from '../../repositories/membership-repository.ts';
import type { Deps } from '../context.ts';
import type { Mailer } from '../mail/mailer.ts';
import { agreementTimeline } from './agreement-timeline.ts';

/** Deadlines worth a reminder: what someone must do by a date, not facts already past or the effective date. */
const REMINDED_KINDS = new Set(['notice', 'renewal_letter', 'expiry', 'review', 'obligation', 'window']);
const STAFF_ROLES = ['admin', 'finance', 'technician'];
const MEMBER_ROLES = ['member_cli', 'member_elected', 'member_finance'];

export function entryKey(entry: CalendarEntry): string {
  return `${entry.kind}|${entry.date}|${entry.party ?? ''}|${entry.label}`;
}

interface Due {
  agreementId: string;
  entry: CalendarEntry;
  daysBefore: number;
}

type Recipient = { id: string; email: string; role: string; organisationId: string | null };

async function activeRecipients(db: Db, organisationIds: string[]): Promise<Recipient[]> {
  if (!organisationIds.length) return [];
  return db
    .select({ id: accounts.id, email: accounts.email, role: accounts.role, organisationId: accounts.organisationId })
    .from(accounts)
    .where(and(eq(accounts.active, true), inArray(accounts.organisationId, organisationIds), or(inArray(accounts.role, STAFF_ROLES), inArray(accounts.role, MEMBER_ROLES))));
}

function digest(items: Due[]): string {
  const lines = items
    .sort((a, b) => a.entry.date.localeCompare(b.entry.date))
    .map(({ entry, daysBefore }) => `- ${formatCivilDateFr(parseCivilDate(entry.date))}${entry.until ? ` au ${formatCivilDateFr(parseCivilDate(entry.until))}` : ''} (J-${daysBefore}) : ${entry.label}\n  ${entry.agreementTitle} — ${entry.providerName}`);
  return ['Bonjour,', '', 'Échéances à venir des conventions que vous suivez :', '', ...lines, '', 'Ces rappels sont envoyés par Mutualis ; chaque échéance n’est rappelée qu’une fois par délai.'].join('\n');
}

/**
 * Sends the reminders due on `asOf`, as one digest mail per person: every deadline within a lead time
 * (the shortest one reached: a missed 30-day reminder is not repeated at 7 days), to the provider's staff
 * and, unless it concerns the provider only, to the members' people. Each (deadline, lead time, person)
 * is claimed in the database first, so no reminder is ever sent twice, even by two concurrent runs.
 */
export async function sendDueReminders(deps: Deps, mailer: Mailer, asOf: CivilDate, leadDays: number[]): Promise<number> {
  const db = deps.database.db;
  const rows = await listAgreementRows(db, { kind: 'platform' });
  const providerNames = await organisationNames(db, [...new Set(rows.map((r) => r.providerId))]);
  const parties = partiesByAgreement(await partiesOf(db, rows.map((r) => r.id)));
  const horizon = addDays(asOf, Math.max(...leadDays));
  const dueByAgreement = new Map<string, Due[]>();
  for (const row of rows) {
    for (const entry of agreementTimeline(row, providerNames.get(row.providerId) ?? '', asOf, horizon)) {
      if (!REMINDED_KINDS.has(entry.kind)) continue;
      const daysBefore = leadDays.filter((days) => compareCivilDates(addDays(parseCivilDate(entry.date), -days), asOf) <= 0).sort((a, b) => a - b)[0];
      if (daysBefore === undefined) continue;
      const list = dueByAgreement.get(row.id) ?? [];
      list.push({ agreementId: row.id, entry, daysBefore });
      dueByAgreement.set(row.id, list);
    }
  }
  if (!dueByAgreement.size) return 0;
  const due = rows.filter((r) => dueByAgreement.has(r.id));
  const memberIdsOf = (agreementId: string) => (parties.get(agreementId) ?? []).filter((p) => p.role === 'member').map((p) => p.organisationId);
  const recipients = await activeRecipients(db, [...new Set(due.flatMap((r) => [r.providerId, ...memberIdsOf(r.id)]))]);
  const perRecipient = new Map<string, { recipient: Recipient; items: Due[] }>();
  for (const row of due) {
    const members = new Set(memberIdsOf(row.id));
    for (const item of dueByAgreement.get(row.id)!) {
      for (const recipient of recipients) {
        const isStaff = recipient.organisationId === row.providerId && STAFF_ROLES.includes(recipient.role);
        const isMember = recipient.organisationId !== null && members.has(recipient.organisationId) && MEMBER_ROLES.includes(recipient.role);
        if (!isStaff && !(isMember && item.entry.party !== 'provider')) continue;
        const bucket = perRecipient.get(recipient.id) ?? { recipient, items: [] };
        bucket.items.push(item);
        perRecipient.set(recipient.id, bucket);
      }
    }
  }
  const at = deps.clock.now();
  let mails = 0;
  for (const { recipient, items } of perRecipient.values()) {
    const claimed: Due[] = [];
    for (let i = 0; i < items.length; i += 1000) {
      const chunk = items.slice(i, i + 1000);
      const inserted = await db
        .insert(remindersSent)
        .values(chunk.map((d) => ({ agreementId: d.agreementId, entryKey: entryKey(d.entry), daysBefore: d.daysBefore, accountId: recipient.id, sentAt: at.toISOString() })))
        .onConflictDoNothing()
        .returning({ agreementId: remindersSent.agreementId, entryKey: remindersSent.entryKey, daysBefore: remindersSent.daysBefore });
      const keys = new Set(inserted.map((r) => `${r.agreementId}|${r.entryKey}|${r.daysBefore}`));
      claimed.push(...chunk.filter((d) => keys.has(`${d.agreementId}|${entryKey(d.entry)}|${d.daysBefore}`)));
    }
    if (!claimed.length) continue;
    const first = claimed.reduce((a, b) => (a.entry.date <= b.entry.date ? a : b));
    const subject =
      claimed.length === 1
        ? `[Mutualis] ${formatCivilDateFr(parseCivilDate(first.entry.date))} — ${first.entry.label}`
        : `[Mutualis] ${claimed.length} échéances à venir, la première le ${formatCivilDateFr(parseCivilDate(first.entry.date))}`;
    await mailer.send(db, { to: recipient.email, kind: 'reminder', subject, text: digest(claimed) }, at);
    mails++;
  }
  return mails;
}

export async function reminderCount(db: Db): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(remindersSent);
  return Number(rows[0]?.n ?? 0);
}
