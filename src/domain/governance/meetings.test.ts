import { describe, expect, it } from 'vitest';
import { parseCivilDate as d } from '../civil-date.ts';
import { decisionIssue, meetingTransition, recordingIssue, type Decision, type DecisionKind, type MeetingEvent, type MeetingFacts } from './meetings.ts';

const planned: MeetingFacts = { status: 'planned', scheduledOn: d('2026-03-10'), heldOn: null, minutes: null };
const today = d('2026-03-15');

describe('meeting lifecycle: planned → held → minutes final', () => {
  it.each<[string, MeetingFacts, MeetingEvent, string | null]>([
    ['a planned meeting is held', planned, { kind: 'hold', on: d('2026-03-10') }, 'held'],
    ['a meeting cannot be held on a future date', planned, { kind: 'hold', on: d('2026-04-01') }, 'La réunion ne peut être tenue le 01/04/2026, date à venir.'],
    ['minutes of a held meeting become final', { ...planned, status: 'held', heldOn: d('2026-03-10'), minutes: 'Relevé de décisions' }, { kind: 'finalise', on: today }, 'final'],
    ['empty minutes cannot become final', { ...planned, status: 'held', heldOn: d('2026-03-10'), minutes: ' ' }, { kind: 'finalise', on: today }, 'Le compte rendu est vide : rédigez-le avant de le rendre définitif.'],
    ['a planned meeting cannot be finalised', planned, { kind: 'finalise', on: today }, "Seul le compte rendu d'une réunion tenue se rend définitif ; celle-ci est prévue."],
    ['a planned meeting is cancelled', planned, { kind: 'cancel', on: today }, 'cancelled'],
    ['a final meeting is not cancelled', { ...planned, status: 'final' }, { kind: 'cancel', on: today }, "Seule une réunion prévue s'annule ; celle-ci est compte rendu définitif."],
    ['a planned meeting is rescheduled', planned, { kind: 'reschedule', on: d('2026-04-02') }, 'planned'],
  ])('%s', (_label, meeting, event, expected) => {
    const result = meetingTransition(meeting, event, today);
    expect(result.ok ? result.meeting.status : result.reason).toBe(expected);
  });

  it.each([
    ['held', null],
    ['planned', "La réunion n'est pas encore tenue : indiquez d'abord qu'elle s'est tenue."],
    ['final', 'Le compte rendu est définitif : il ne se modifie plus.'],
  ] as const)('records minutes and decisions only while %s is held', (status, expected) => expect(recordingIssue(status)).toBe(expected));
});

// Seed 004 art. 4 and 10.1.3: the strategic committee decides subscription requests and prioritises needs;
// art. 12: the steering of the agreement rules on proposed amendments. Powers are data per committee.
const STRATEGIC: DecisionKind[] = ['subscription', 'need', 'grid', 'catalogue'];
const OPERATIONAL: DecisionKind[] = ['need'];

describe('what a committee may decide', () => {
  it.each<[string, DecisionKind[], Decision, string | null]>([
    ['strategic accepts a subscription request (seed 004 art. 10.1.3)', STRATEGIC, { kind: 'subscription', requestId: 'r', outcome: 'accept' }, null],
    ['a refusal gives its reason (seed 004 art. 5.2)', STRATEGIC, { kind: 'subscription', requestId: 'r', outcome: 'refuse' }, 'Un refus donne son motif (seed 004 art. 5.2).'],
    ['operational does not decide subscriptions', OPERATIONAL, { kind: 'subscription', requestId: 'r', outcome: 'accept' }, 'Comité ne statue pas sur : demande de souscription.'],
    ['operational gathers a need', OPERATIONAL, { kind: 'need', needId: 'n', outcome: 'gather' }, null],
    ['prioritising gives rank and year', STRATEGIC, { kind: 'need', needId: 'n', outcome: 'prioritise', priority: 1 }, "Une priorisation donne le rang et l'année de la feuille de route."],
    ['strategic does not rule on amendments (seed 004 art. 12)', STRATEGIC, { kind: 'amendment', subject: 'x' }, 'Comité ne statue pas sur : proposition d’avenant.'],
    ['any committee records another decision', OPERATIONAL, { kind: 'other', subject: 'x' }, null],
  ])('%s', (_label, powers, decision, expected) => expect(decisionIssue(powers, 'Comité', decision)).toBe(expected));
});
