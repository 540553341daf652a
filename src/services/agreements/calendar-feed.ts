import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { scopeOf } from '../../domain/access/roles.ts';
import { calendarFeedTokens } from '../../db/schema/index.ts';
import { getAccountView } from '../../repositories/account-repository.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { tokenHashOf } from '../auth-service.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { Deps, Principal } from '../context.ts';
import { calendarFor } from './agreement-service.ts';
import { calendarIcs } from './calendar-ics.ts';

/** Issues (or replaces) the caller's secret calendar address; the previous one stops working. */
export async function issueFeedToken(deps: Deps, principal: Principal): Promise<string> {
  if (!principal.accountId) throw new ForbiddenError();
  const token = randomBytes(24).toString('base64url');
  const at = deps.clock.now();
  await deps.database.transaction(async ({ db }) => {
    await db
      .insert(calendarFeedTokens)
      .values({ accountId: principal.accountId!, tokenHash: tokenHashOf(token), createdAt: at.toISOString() })
      .onConflictDoUpdate({ target: calendarFeedTokens.accountId, set: { tokenHash: tokenHashOf(token), createdAt: at.toISOString() } });
    await recordAudit(db, principal, at, { action: 'calendar_feed', entityType: 'account', entityId: principal.accountId!, organisationId: null });
  });
  return token;
}

/** The feed of the account holding this token, with exactly what that account may see. */
export async function feedByToken(deps: Deps, token: string): Promise<string> {
  const db = deps.database.db;
  const rows = await db.select().from(calendarFeedTokens).where(eq(calendarFeedTokens.tokenHash, tokenHashOf(token)));
  const account = rows[0] ? await getAccountView(db, rows[0].accountId) : null;
  if (!account || !account.active) throw new NotFoundError('Calendrier');
  const principal: Principal = { accountId: account.id, label: account.email, role: account.role, scope: scopeOf(account) };
  const today = deps.clock.today();
  const entries = await calendarFor(deps, principal, { from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}` });
  return calendarIcs(entries, `Mutualis — échéances des conventions${account.organisationName ? ` (${account.organisationName})` : ''}`);
}
