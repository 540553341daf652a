/**
 * Who may do what. Provider staff work for one provider (or, with no provider, for the whole
 * platform); a member's people see their own organisation only (DOMAIN.md, last rule).
 */
export const ACCOUNT_ROLES = {
  admin: 'Administrateur',
  finance: 'Responsable financier',
  technician: 'Technicien',
  readonly: 'Lecture seule',
  member_cli: 'Adhérent — correspondant informatique (CLI)',
  member_elected: 'Adhérent — élu',
  member_finance: 'Adhérent — finances',
} as const;

export type AccountRole = keyof typeof ACCOUNT_ROLES;
export const ACCOUNT_ROLE_VALUES = Object.keys(ACCOUNT_ROLES) as [AccountRole, ...AccountRole[]];
export const MEMBER_ROLES: readonly AccountRole[] = ['member_cli', 'member_elected', 'member_finance'];

export function isMemberRole(role: AccountRole): boolean {
  return MEMBER_ROLES.includes(role);
}

export type Permission =
  | 'organisation:read'
  | 'organisation:write'
  | 'contact:write'
  | 'membership:write'
  | 'registry:import'
  | 'setup:load'
  | 'audit:read'
  | 'account:manage'
  | 'catalogue:write'
  | 'tariff:write'
  | 'agreement:write'
  /** Ask for services for one's own organisation (a member's CLI, seed 004 art. 3.2) or for a member (staff). */
  | 'subscription:request'
  /** Decide on requests, open lines by record, record changes and withdrawals. */
  | 'subscription:decide'
  /** Record consumption: monthly snapshots, time spent, operator invoices. */
  | 'consumption:write'
  /** Preview and issue billing runs, record payments. */
  | 'billing:run'
  /** Run committees: meetings, minutes, decisions, advice on needs, annual reports (seed 004 art. 4, seed 001 art. 6.3). */
  | 'governance:manage'
  /** Record the member's needs and acquisition requests (seed 004 art. 3.2: the CLI), or staff for a member. */
  | 'need:record';

const PERMISSIONS: Record<AccountRole, readonly Permission[]> = {
  admin: [
    'organisation:read',
    'organisation:write',
    'contact:write',
    'membership:write',
    'registry:import',
    'setup:load',
    'audit:read',
    'account:manage',
    'catalogue:write',
    'tariff:write',
    'agreement:write',
    'subscription:request',
    'subscription:decide',
    'consumption:write',
    'billing:run',
    'governance:manage',
    'need:record',
  ],
  finance: ['organisation:read', 'organisation:write', 'contact:write', 'membership:write', 'audit:read', 'tariff:write', 'agreement:write', 'subscription:request', 'subscription:decide', 'consumption:write', 'billing:run', 'governance:manage', 'need:record'],
  technician: ['organisation:read', 'contact:write', 'audit:read', 'catalogue:write', 'subscription:request', 'subscription:decide', 'consumption:write', 'governance:manage', 'need:record'],
  readonly: ['organisation:read', 'audit:read'],
  // The CLI keeps the member's own list of contacts up to date (seed 004 art. 3.2: the provider's privileged contact).
  // Seed 004 art. 3.2: the CLI records the member's needs yearly and submits its acquisition requests.
  member_cli: ['organisation:read', 'contact:write', 'subscription:request', 'need:record'],
  member_elected: ['organisation:read'],
  member_finance: ['organisation:read'],
};

export function can(role: AccountRole, permission: Permission): boolean {
  return PERMISSIONS[role].includes(permission);
}

/**
 * The data an account may see. `platform`: every organisation; `provider`: the provider itself and
 * the organisations linked to it as prospects, members or former members; `member`: one organisation.
 */
export type Scope =
  | { kind: 'platform' }
  | { kind: 'provider'; providerId: string }
  | { kind: 'member'; organisationId: string };

export function scopeOf(account: { role: AccountRole; organisationId: string | null }): Scope {
  if (isMemberRole(account.role)) {
    if (!account.organisationId) throw new Error('Un compte adhérent doit être rattaché à une organisation');
    return { kind: 'member', organisationId: account.organisationId };
  }
  return account.organisationId ? { kind: 'provider', providerId: account.organisationId } : { kind: 'platform' };
}
