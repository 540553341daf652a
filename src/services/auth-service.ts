import { createHash, randomBytes } from 'node:crypto';
import type { Account, AccountCreate } from '../contracts/auth.ts';
import { isMemberRole, scopeOf, type AccountRole } from '../domain/access/roles.ts';
import { uniqueViolation } from '../db/errors.ts';
import {
  deleteSession,
  deleteSessionsOf,
  findAccountByEmail,
  findAccountById,
  findLiveSession,
  getAccountView,
  insertAccount,
  insertSession,
  listAccounts,
  setPasswordHash,
} from '../repositories/account-repository.ts';
import { recordAudit } from '../repositories/audit-repository.ts';
import { isProvider } from '../repositories/membership-repository.ts';
import { findOrganisation } from '../repositories/organisation-repository.ts';
import { require, type Deps, type Principal } from './context.ts';
import { AuthenticationError, ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import { hashPassword, verifyPassword } from './password.ts';

export function tokenHashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// A real hash to verify against when the e-mail is unknown, so both paths take the same time.
let decoyHash: Promise<string> | undefined;

export async function login(deps: Deps, email: string, password: string, ttlHours: number): Promise<{ token: string; account: Account; expiresAt: Date }> {
  const db = deps.database.db;
  const row = await findAccountByEmail(db, email);
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const ok = await verifyPassword(row?.passwordHash ?? (await decoyHash), password);
  if (!row || !ok || !row.active) throw new AuthenticationError();
  const token = randomBytes(32).toString('base64url');
  const at = deps.clock.now();
  const expiresAt = new Date(at.getTime() + ttlHours * 3_600_000);
  await deps.database.transaction(async ({ db: tx }) => {
    await insertSession(tx, tokenHashOf(token), row.id, at, expiresAt);
    await recordAudit(tx, { accountId: row.id, label: row.email }, at, {
      action: 'login',
      entityType: 'account',
      entityId: row.id,
      organisationId: row.organisationId,
    });
  });
  return { token, account: (await getAccountView(db, row.id))!, expiresAt };
}

export async function principalOfSession(deps: Deps, token: string): Promise<{ principal: Principal; account: Account } | null> {
  const db = deps.database.db;
  const session = await findLiveSession(db, tokenHashOf(token), deps.clock.now());
  if (!session) return null;
  const account = await getAccountView(db, session.accountId);
  if (!account) return null;
  return { account, principal: { accountId: account.id, label: account.email, role: account.role, scope: scopeOf(account) } };
}

export async function logout(deps: Deps, token: string): Promise<void> {
  await deleteSession(deps.database.db, tokenHashOf(token));
}

export async function changePassword(deps: Deps, principal: Principal, token: string, currentPassword: string, newPassword: string): Promise<void> {
  if (!principal.accountId) throw new ForbiddenError();
  const db = deps.database.db;
  const row = await findAccountById(db, principal.accountId);
  if (!row) throw new NotFoundError('Compte');
  if (!(await verifyPassword(row.passwordHash, currentPassword))) {
    throw new ValidationError('Mot de passe actuel incorrect', [{ path: 'currentPassword', message: 'mot de passe incorrect' }]);
  }
  if (currentPassword === newPassword) {
    throw new ValidationError('Mot de passe inchangé', [{ path: 'newPassword', message: "le nouveau mot de passe doit différer de l'actuel" }]);
  }
  const at = deps.clock.now();
  const passwordHash = await hashPassword(newPassword);
  await deps.database.transaction(async ({ db: tx }) => {
    await setPasswordHash(tx, row.id, passwordHash, at);
    // Other sessions are closed: a changed password must lock out whoever else held the old one.
    await deleteSessionsOf(tx, row.id, tokenHashOf(token));
    await recordAudit(tx, principal, at, { action: 'password_change', entityType: 'account', entityId: row.id, organisationId: row.organisationId });
  });
}

export async function listAccountsFor(deps: Deps, principal: Principal): Promise<Account[]> {
  require(principal, 'account:manage');
  return listAccounts(deps.database.db, principal.scope);
}

/** Creates an account. Provider administrators create accounts for their provider and its members only. */
export async function createAccount(deps: Deps, principal: Principal, input: AccountCreate): Promise<Account> {
  require(principal, 'account:manage');
  const at = deps.clock.now();
  const passwordHash = await hashPassword(input.password);
  return deps.database.transaction(async ({ db }) => {
    await checkAccountOrganisation(db, principal, input.role, input.organisationId);
    const id = await insertAccount(db, { email: input.email.trim(), displayName: input.displayName, passwordHash, role: input.role, organisationId: input.organisationId }, at).catch(
      (error: unknown) => {
        if (uniqueViolation(error)) throw new ValidationError('Compte en double', [{ path: 'email', message: 'un compte existe déjà avec cette adresse' }]);
        throw error;
      },
    );
    const account = (await getAccountView(db, id))!;
    await recordAudit(db, principal, at, { action: 'create', entityType: 'account', entityId: id, organisationId: input.organisationId, after: account });
    return account;
  });
}

async function checkAccountOrganisation(db: Deps['database']['db'], principal: Principal, role: AccountRole, organisationId: string | null): Promise<void> {
  if (isMemberRole(role)) {
    if (!organisationId) throw new ValidationError('Compte invalide', [{ path: 'organisationId', message: "un compte d'adhérent est rattaché à son organisation" }]);
    if (!(await findOrganisation(db, principal.scope, organisationId))) throw new ValidationError('Compte invalide', [{ path: 'organisationId', message: 'organisation introuvable' }]);
    return;
  }
  if (organisationId === null) {
    if (principal.scope.kind !== 'platform') throw new ForbiddenError('Seul un administrateur de la plateforme crée des comptes sans fournisseur');
    return;
  }
  if (principal.scope.kind === 'provider' && principal.scope.providerId !== organisationId) throw new ForbiddenError();
  if (!(await isProvider(db, organisationId))) throw new ValidationError('Compte invalide', [{ path: 'organisationId', message: "le personnel est rattaché à un fournisseur" }]);
}
