import { describe, expect, it } from 'vitest';
import { parseCivilDate as d } from '../civil-date.ts';
import { compositionIssues, nextMeetingDue, rhythmDates, rhythmText, type Party, type Rhythm, type Seat, type SeatRule } from './committees.ts';

// Seed 001 art. 6.3: "un représentant parmi les élus et un parmi les agents pour chacune des parties".
const STEERING_001: SeatRule[] = [
  { roles: ['elected'], scope: 'each_party', min: 1, max: 1 },
  { roles: ['agent', 'director', 'executive'], scope: 'each_party', min: 1, max: 1 },
];
const PARTIES_001: Party[] = [
  { organisationId: 'sn', name: 'Somme Numérique', role: 'provider' },
  { organisationId: 'lfn', name: 'La Fibre Numérique 59 62', role: 'member' },
];
// Seed 004 art. 4: the operational committee gathers the DMSI director, its service heads and the members' CLIs.
const OPERATIONAL_004: SeatRule[] = [
  { roles: ['director'], scope: 'provider', min: 1, max: 1 },
  { roles: ['service_head'], scope: 'provider', min: 1 },
  { roles: ['cli'], scope: 'each_member', min: 1 },
];
const PARTIES_004: Party[] = [
  { organisationId: 'call', name: 'CALL', role: 'provider' },
  { organisationId: 'lens', name: 'Lens', role: 'member' },
];
const seat = (organisationId: string, role: Seat['role'], name = `${role} ${organisationId}`): Seat => ({ organisationId, role, name });

describe('committee composition (seed 001 art. 6.3, seed 004 art. 4)', () => {
  it.each<[string, SeatRule[], Party[], Seat[], string[]]>([
    ['seed 001: one elected official and one agent per party', STEERING_001, PARTIES_001, [seat('sn', 'elected'), seat('sn', 'agent'), seat('lfn', 'elected'), seat('lfn', 'director')], []],
    ['seed 001: La Fibre Numérique has no elected official', STEERING_001, PARTIES_001, [seat('sn', 'elected'), seat('sn', 'agent'), seat('lfn', 'agent')], ['La Fibre Numérique 59 62 : un siège élu attendu, 0 désigné']],
    ['seed 001: two elected officials for one party', STEERING_001, PARTIES_001, [seat('sn', 'elected'), seat('sn', 'elected', 'Autre élu'), seat('sn', 'agent'), seat('lfn', 'elected'), seat('lfn', 'agent')], ['Somme Numérique : au plus 1 élu, 2 désignés']],
    ['seed 004: director, service heads and each CLI', OPERATIONAL_004, PARTIES_004, [seat('call', 'director'), seat('call', 'service_head'), seat('call', 'service_head', 'Chef 2'), seat('lens', 'cli')], []],
    ['seed 004: Lens has no CLI on the operational committee', OPERATIONAL_004, PARTIES_004, [seat('call', 'director'), seat('call', 'service_head')], ['Lens : un siège correspondant informatique local (cli) attendu, 0 désigné']],
  ])('%s', (_label, rules, parties, seats, expected) => {
    expect(compositionIssues(rules, seats, parties).map((i) => i.message)).toEqual(expected);
  });

  it('refuses a seat held by an organisation that is not a party', () => {
    const issues = compositionIssues(STEERING_001, [seat('sn', 'elected'), seat('sn', 'agent'), seat('lfn', 'elected'), seat('lfn', 'agent'), seat('ailleurs', 'agent', 'Intrus')], PARTIES_001);
    expect(issues).toEqual([{ path: 'members[4].organisationId', message: "Intrus représente une organisation qui n'est pas partie à la convention" }]);
  });
});

// Seed 004 art. 4 rhythms; seed 001 art. 6.3 yearly minimum.
const STRATEGIC: Rhythm = { kind: 'periodic', months: 6, from: d('2025-01-15') };
const OPERATIONAL: Rhythm = { kind: 'periodic', months: 1, from: d('2025-01-20'), then: { months: 3, from: d('2025-07-20') } };
const STEERING: Rhythm = { kind: 'periodic', months: 12, from: d('2025-06-15'), atLeast: true };

describe('rhythms place the next meetings', () => {
  it.each<[string, Rhythm, string, string, string[]]>([
    ['strategic: every half-year', STRATEGIC, '2026-03-15', '2027-03-15', ['2026-07-15', '2027-01-15']],
    ['operational: monthly at first, then quarterly', OPERATIONAL, '2025-04-01', '2026-01-01', ['2025-04-20', '2025-05-20', '2025-06-20', '2025-07-20', '2025-10-20']],
    ['steering: yearly', STEERING, '2025-01-01', '2027-01-01', ['2025-06-15', '2026-06-15']],
    ['follow-up: on demand, nothing placed', { kind: 'on_demand' }, '2025-01-01', '2030-01-01', []],
  ])('%s', (_label, rhythm, asOf, until, expected) => {
    expect(rhythmDates(rhythm, d(asOf), d(until))).toEqual(expected);
  });

  it.each<[string, Rhythm, string | null, string | null]>([
    ['strategic: the next half-year date', STRATEGIC, null, '2026-07-15'],
    ['steering: a year after the last meeting held (a minima une fois par an)', STEERING, '2025-09-30', '2026-09-30'],
    ['follow-up: none', { kind: 'on_demand' }, null, null],
  ])('%s', (_label, rhythm, lastHeld, expected) => {
    expect(nextMeetingDue(rhythm, d('2026-03-15'), lastHeld ? d(lastHeld) : null)).toBe(expected);
  });

  it.each<[Rhythm, string]>([
    [STRATEGIC, 'Semestriel'],
    [OPERATIONAL, 'Mensuel, puis trimestriel'],
    [STEERING, 'Au moins une fois par an'],
    [{ kind: 'on_demand' }, 'À la demande'],
  ])('describes %j as %s', (rhythm, text) => expect(rhythmText(rhythm)).toBe(text));
});
