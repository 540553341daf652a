import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Account } from '../contracts/auth.ts';
import { isMemberRole, type AccountRole, type Scope } from '../domain/access/roles.ts';
import type { Db } from '../db/database.ts';
import { accounts, organisations, sessions } from '../db/schema/index.ts';
import { visibleTo } from '../db/scope.ts';

const accountColumns = {
  id: accounts.id,
  email: accounts.email,
  displayName: accounts.displayName,
  role: accounts.role,
  organisationId: accounts.organisationId,
  organisationName: organisations.name,
  active: accounts.active,
};

type AccountRow = { id: string; email: string; displayName: string; role: string; organisationId: string | null; organisationName: string | null; active: boolean };

function toAccount(row: AccountRow): Account {
  const role = row.role as AccountRole;
  return { ...row, role, side: isMemberRole(role) ? 'member' : 'provider' };
}

export async function findAccountByEmail(db: Db, email: string) {
  const rows = await db
    .select()
    .from(accounts)
    .where(sql`lower(${accounts.email}) = lower(${email})`);
  return rows[0] ?? null;
}

export async function findAccountById(db: Db, id: string) {
  const rows = await db.select().from(accounts).where(eq(accounts.id, id));
  return rows[0] ?? null;
}

export async function listAccounts(db: Db, scope: Scope): Promise<Account[]> {
  // Platform-wide accounts (no organisation) are visible to platform administrators only.
  const scoped = scope.kind === 'platform' ? sql`true` : visibleTo(scope, accounts.organisationId);
  const rows = await db
    .select(accountColumns)
    .from(accounts)
    .leftJoin(organisations, eq(organisations.id, accounts.organisationId))
    .where(scoped)
    .orderBy(asc(accounts.email));
  return rows.map(toAccount);
}

export async function getAccountView(db: Db, id: string): Promise<Account | null> {
  const rows = await db.select(accountColumns).from(accounts).leftJoin(organisations, eq(organisations.id, accounts.organisationId)).where(eq(accounts.id, id));
  return rows[0] ? toAccount(rows[0]) : null;
}

export async function insertAccount(
  db: Db,
  values: { email: string; displayName: string; passwordHash: string; role: AccountRole; organisationId: string | null; contactId?: string | null },
  at: Date,
): Promise<string> {
  const stamp = at.toISOString();
  const [row] = await db
    .insert(accounts)
    .values({ ...values, createdAt: stamp, passwordChangedAt: stamp })
    .returning({ id: accounts.id });
  return row!.id;
}

export async function setPasswordHash(db: Db, id: string, passwordHash: string, at: Date): Promise<void> {
  await db.update(accounts).set({ passwordHash, passwordChangedAt: at.toISOString() }).where(eq(accounts.id, id));
}

export async function insertSession(db: Db, tokenHash: string, accountId: string, at: Date, expiresAt: Date): Promise<void> {
  await db.insert(sessions).values({ tokenHash, accountId, createdAt: at.toISOString(), expiresAt: expiresAt.toISOString() });
}

export async function findLiveSession(db: Db, tokenHash: string, at: Date) {
  const rows = await db
    .select({ accountId: sessions.accountId })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, at.toISOString()), eq(accounts.active, true)));
  return rows[0] ?? null;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOf(db: Db, accountId: string, exceptTokenHash?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.accountId, accountId), exceptTokenHash ? sql`${sessions.tokenHash} <> ${exceptTokenHash}` : undefined));
}

export async function countAccounts(db: Db): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(accounts);
  return Number(rows[0]?.n ?? 0);
}
