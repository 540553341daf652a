import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { Mailer } from './mail/mailer.ts';
import { can, type AccountRole, type Permission, type Scope } from '../domain/access/roles.ts';
import type { Actor } from '../repositories/audit-repository.ts';
import { ForbiddenError } from './errors.ts';

/** What every use case receives: the database and the clock, never globals. */
export interface Deps {
  database: Database;
  clock: Clock;
  /** Outgoing mail; absent, mails are captured in the outbox as without SMTP. */
  mailer?: Mailer | undefined;
}

/** The person (or command) acting, and what they may see. */
export interface Principal extends Actor {
  role: AccountRole;
  scope: Scope;
}

export const SYSTEM_PRINCIPAL: Principal = { accountId: null, label: 'système (ligne de commande)', role: 'admin', scope: { kind: 'platform' } };

export function require(principal: Principal, permission: Permission): void {
  if (!can(principal.role, permission)) throw new ForbiddenError();
}
