import { addMonths, compareCivilDates, type CivilDate } from '../civil-date.ts';

/**
 * The bodies that run a shared service (seed 004 art. 4: follow-up, strategic and operational committees;
 * seed 001 art. 6.3: a steering committee). What differs between agreements — who sits, how often, what the
 * committee decides — is data attached to each committee, never a test on the provider.
 */
export const COMMITTEE_KINDS = {
  follow_up: 'Comité de suivi',
  strategic: 'Comité stratégique',
  operational: 'Comité opérationnel',
  steering: 'Comité de pilotage',
} as const;
export type CommitteeKind = keyof typeof COMMITTEE_KINDS;
export const COMMITTEE_KIND_VALUES = Object.keys(COMMITTEE_KINDS) as [CommitteeKind, ...CommitteeKind[]];

/** Who may sit: the seeds name elected officials, agents, local IT correspondents (CLI), directors and service heads. */
export const SEAT_ROLES = {
  elected: 'Élu',
  executive: 'Direction générale (DGS, DGA)',
  director: 'Directeur du service',
  service_head: 'Chef de service',
  agent: 'Agent',
  cli: 'Correspondant informatique local (CLI)',
} as const;
export type SeatRole = keyof typeof SEAT_ROLES;
export const SEAT_ROLE_VALUES = Object.keys(SEAT_ROLES) as [SeatRole, ...SeatRole[]];

/** Whose seats a rule counts: the provider's, each member's, or each party's (provider and members alike). */
export type SeatScope = 'provider' | 'each_member' | 'each_party';
export const SEAT_SCOPE_LABELS: Record<SeatScope, string> = { provider: 'pour le fournisseur', each_member: 'pour chaque adhérent', each_party: 'pour chaque partie' };

export interface SeatRule {
  /** Any of these roles fills the seat (seed 004 art. 4: "un DGS ou un élu par commune adhérente"). */
  roles: SeatRole[];
  scope: SeatScope;
  min: number;
  max?: number | undefined;
}

export interface Seat {
  organisationId: string;
  role: SeatRole;
  name: string;
  title?: string | undefined;
}

export interface Party {
  organisationId: string;
  name: string;
  role: 'provider' | 'member';
}

export interface CompositionIssue {
  path: string;
  message: string;
}

const rolesText = (roles: SeatRole[]) => roles.map((r) => SEAT_ROLES[r].toLowerCase()).join(' ou ');

/**
 * Checks who sits against the committee's rules: each rule is counted for every organisation it covers
 * (seed 001 art. 6.3: "un représentant parmi les élus et un parmi les agents pour chacune des parties").
 * A seat held by an organisation that is not a party is refused too.
 */
export function compositionIssues(rules: SeatRule[], seats: Seat[], parties: Party[]): CompositionIssue[] {
  const issues: CompositionIssue[] = [];
  const partyIds = new Set(parties.map((p) => p.organisationId));
  seats.forEach((seat, i) => {
    if (!partyIds.has(seat.organisationId)) issues.push({ path: `members[${i}].organisationId`, message: `${seat.name} représente une organisation qui n'est pas partie à la convention` });
  });
  rules.forEach((rule, r) => {
    const covered = parties.filter((p) => rule.scope === 'each_party' || (rule.scope === 'provider' ? p.role === 'provider' : p.role === 'member'));
    for (const party of covered) {
      const count = seats.filter((s) => s.organisationId === party.organisationId && rule.roles.includes(s.role)).length;
      if (count < rule.min) {
        issues.push({ path: `composition[${r}]`, message: `${party.name} : ${rule.min === 1 ? 'un siège' : `${rule.min} sièges`} ${rolesText(rule.roles)} attendu${rule.min > 1 ? 's' : ''}, ${count} désigné${count > 1 ? 's' : ''}` });
      }
      if (rule.max !== undefined && count > rule.max) {
        issues.push({ path: `composition[${r}]`, message: `${party.name} : au plus ${rule.max} ${rolesText(rule.roles)}, ${count} désignés` });
      }
    }
  });
  return issues;
}

/**
 * How often a committee meets. `periodic`: every `months` from `from`; `then` switches to another rhythm from
 * a date (seed 004 art. 4: the operational committee is monthly "au départ" then quarterly). `on_demand`: only
 * when a party asks (seed 004 art. 4, follow-up committee). `atLeast` marks a minimum rather than a fixed
 * rhythm (seed 001 art. 6.3: "a minima une fois par an").
 */
export type Rhythm =
  | { kind: 'on_demand' }
  | { kind: 'periodic'; months: number; from: CivilDate; then?: { months: number; from: CivilDate } | undefined; atLeast?: boolean | undefined };

export function rhythmText(rhythm: Rhythm): string {
  if (rhythm.kind === 'on_demand') return 'À la demande';
  const every = (months: number) => (months === 1 ? 'mensuel' : months === 3 ? 'trimestriel' : months === 6 ? 'semestriel' : months === 12 ? 'annuel' : `tous les ${months} mois`);
  const base = rhythm.atLeast ? `au moins ${every(rhythm.months) === 'annuel' ? 'une fois par an' : every(rhythm.months)}` : every(rhythm.months);
  return rhythm.then ? `${base[0]!.toUpperCase()}${base.slice(1)}, puis ${every(rhythm.then.months)}` : `${base[0]!.toUpperCase()}${base.slice(1)}`;
}

/** The dates the rhythm places between `asOf` (included) and `until` (excluded); none for an on-demand committee. */
export function rhythmDates(rhythm: Rhythm, asOf: CivilDate, until: CivilDate): CivilDate[] {
  if (rhythm.kind === 'on_demand') return [];
  const dates: CivilDate[] = [];
  const phases = rhythm.then ? [{ months: rhythm.months, from: rhythm.from, before: rhythm.then.from }, { months: rhythm.then.months, from: rhythm.then.from, before: until }] : [{ months: rhythm.months, from: rhythm.from, before: until }];
  for (const phase of phases) {
    for (let k = 0; ; k++) {
      const date = addMonths(phase.from, k * phase.months);
      if (compareCivilDates(date, phase.before) >= 0 || compareCivilDates(date, until) >= 0) break;
      if (compareCivilDates(date, asOf) >= 0) dates.push(date);
    }
  }
  return dates;
}

/**
 * The date by which the next meeting is due. A rhythm "at least every N months" counts from the last meeting
 * held (seed 001 art. 6.3); a fixed rhythm gives its next date. Null for an on-demand committee.
 */
export function nextMeetingDue(rhythm: Rhythm, asOf: CivilDate, lastHeldOn: CivilDate | null): CivilDate | null {
  if (rhythm.kind === 'on_demand') return null;
  if (rhythm.atLeast && lastHeldOn) return addMonths(lastHeldOn, rhythm.then && compareCivilDates(lastHeldOn, rhythm.then.from) >= 0 ? rhythm.then.months : rhythm.months);
  return rhythmDates(rhythm, asOf, addMonths(asOf, 24))[0] ?? null;
}
