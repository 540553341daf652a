import { CONTACT_ROLES, MEMBERSHIP_STATUSES, ORGANISATION_KINDS, type ContactRole, type MembershipStatus, type OrganisationKind } from '../shared.ts';

const integer = new Intl.NumberFormat('fr-FR');
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

export function formatInteger(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : integer.format(value);
}

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** Civil dates (YYYY-MM-DD) are legal dates: shown as DD/MM/YYYY without going through a time zone. */
export function formatCivilDate(value: string | null | undefined): string {
  if (!value) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

export function kindLabel(kind: string): string {
  return ORGANISATION_KINDS[kind as OrganisationKind] ?? kind;
}

export function statusLabel(status: string): string {
  return MEMBERSHIP_STATUSES[status as MembershipStatus] ?? status;
}

export function roleLabel(role: string): string {
  return CONTACT_ROLES[role as ContactRole] ?? role;
}

export function plural(n: number, one: string, many: string): string {
  return `${integer.format(n)} ${n === 1 || n === 0 ? one : many}`;
}

export function contactName(c: { civility: string | null; firstName: string | null; lastName: string }): string {
  return [c.civility, c.firstName, c.lastName].filter(Boolean).join(' ');
}
