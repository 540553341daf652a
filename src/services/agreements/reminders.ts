import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { CalendarEntry } from '../../contracts/agreements.ts';
import { addDays, compareCivilDates, formatCivilDateFr, parseCivilDate, type CivilDate } from '../../domain/civil-date.ts';
import { accounts, remindersSent } from '../../db/schema/index.ts';
import type { Db } from '../../db/database.ts';
import { listAgreementRows, partiesOf } from '../../repositories/agreement-repository.ts';
import { organisationNames } from '../../repositories/membership-repository.ts';
import type { Deps } from '../context.ts';
import type { Mailer } from '../mail/mailer.ts';
import { agreementTimeline } from './agreement-timeline.ts';

/** Deadlines worth a reminder: what someone must do by a date, not facts already past or the effective date. */
const REMINDED_KINDS = new Set(['notice', 'renewal_letter', 'expiry', 'review', 'obligation', 'window']);

export function entryKey(entry: CalendarEntry): string {
  return `${entry.kind}|${entry.date}|${entry.party ?? ''}|${entry.label}`;
}

/** Who is told: the provider's staff (not read-only), and, for what concerns members, the members' people. */
async function recipientsOf(db: Db, providerId: string, memberIds: string[], entry: CalendarEntry) {
  const staff = and(eq(accounts.organisationId, providerId), inArray(accounts.role, ['admin', 'finance', 'technician']));
  const members = memberIds.length && entry.party !== 'provider' ? and(inArray(accounts.organisationId, memberIds), inArray(accounts.role, ['member_cli', 'member_elected', 'member_finance'])) : undefined;
  return db
    .select({ id: accounts.id, email: accounts.email })
    .from(accounts)
    .where(and(eq(accounts.active, true), or(staff, members)));
}

/**
 * Sends the reminders due on `asOf`: for every deadline falling `days` days later (for each lead time),
 * one mail per recipient, never twice. A missed run catches up: a deadline whose reminder day has passed
 * but which is still ahead is reminded once.
 */
export async function sendDueReminders(deps: Deps, mailer: Mailer, asOf: CivilDate, leadDays: number[]): Promise<number> {
  const db = deps.database.db;
  const rows = await listAgreementRows(db, { kind: 'platform' });
  const providerNames = await organisationNames(db, [...new Set(rows.map((r) => r.providerId))]);
  const parties = await partiesOf(db, rows.map((r) => r.id));
  const at = deps.clock.now();
  let sent = 0;
  for (const row of rows) {
    const horizon = addDays(asOf, Math.max(...leadDays));
    const entries = agreementTimeline(row, providerNames.get(row.providerId) ?? '', asOf, horizon).filter((e) => REMINDED_KINDS.has(e.kind));
    const memberIds = parties.filter((p) => p.agreementId === row.id && p.role === 'member').map((p) => p.organisationId);
    for (const entry of entries) {
      // The shortest lead time already reached: one reminder for it (a 30-day reminder missed is not sent at 7 days).
      const due = leadDays.filter((days) => compareCivilDates(addDays(parseCivilDate(entry.date), -days), asOf) <= 0).sort((a, b) => a - b)[0];
      if (due === undefined) continue;
      for (const recipient of await recipientsOf(db, row.providerId, memberIds, entry)) {
        const claimed = await db
          .insert(remindersSent)
          .values({ agreementId: row.id, entryKey: entryKey(entry), daysBefore: due, accountId: recipient.id, sentAt: at.toISOString() })
          .onConflictDoNothing()
          .returning({ id: remindersSent.id });
        if (!claimed.length) continue;
        await mailer.send(
          db,
          {
            to: recipient.email,
            kind: 'reminder',
            subject: `[Mutualis] ${formatCivilDateFr(parseCivilDate(entry.date))} — ${entry.label}`,
            text: [
              `Bonjour,`,
              ``,
              `Échéance du ${formatCivilDateFr(parseCivilDate(entry.date))}${entry.until ? ` au ${formatCivilDateFr(parseCivilDate(entry.until))}` : ''} : ${entry.label}.`,
              `Convention : ${entry.agreementTitle} (${entry.providerName}).`,
              ``,
              `Ce rappel est envoyé ${due} jour(s) avant l'échéance par Mutualis.`,
            ].join('\n'),
          },
          at,
        );
        sent++;
      }
    }
  }
  return sent;
}

export async function reminderCount(db: Db): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(remindersSent);
  return Number(rows[0]?.n ?? 0);
}
