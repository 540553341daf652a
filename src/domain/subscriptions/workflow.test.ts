import { describe, expect, it } from 'vitest';
import { parseCivilDate as d } from '../civil-date.ts';
import { billableBefore, billableFrom, replay, transition, type LineEvent, type LineState, type LineStatus } from './workflow.ts';

const STATES: Record<LineStatus, LineState> = {
  submitted: { status: 'submitted' },
  postponed: { status: 'postponed', plannedFrom: d('2026-01-01'), plannedUntil: d('2026-06-30') },
  accepted: { status: 'accepted', decidedOn: d('2025-09-15') },
  refused: { status: 'refused', decidedOn: d('2025-09-15'), reason: 'late' },
  cancelled: { status: 'cancelled', on: d('2025-09-01') },
  opened: { status: 'opened', openedOn: d('2026-01-05') },
  withdrawn: { status: 'withdrawn', openedOn: d('2026-01-05'), withdrawnOn: d('2027-01-01') },
};
const EVENTS: Record<LineEvent['kind'], LineEvent> = {
  accept: { kind: 'accept', on: d('2025-10-01') },
  refuse: { kind: 'refuse', on: d('2025-10-01'), reason: 'resources' },
  postpone: { kind: 'postpone', on: d('2025-10-01'), plannedFrom: d('2026-03-01'), plannedUntil: d('2026-06-30') },
  cancel: { kind: 'cancel', on: d('2025-10-01') },
  open: { kind: 'open', openedOn: d('2026-02-01') },
  withdraw: { kind: 'withdraw', on: d('2027-01-01') },
};

/** Every (state, event) pair: the resulting status, or null when the transition is refused. */
const TABLE: Record<LineStatus, Record<LineEvent['kind'], LineStatus | null>> = {
  submitted: { accept: 'accepted', refuse: 'refused', postpone: 'postponed', cancel: 'cancelled', open: null, withdraw: null },
  postponed: { accept: 'accepted', refuse: 'refused', postpone: 'postponed', cancel: 'cancelled', open: null, withdraw: null },
  accepted: { accept: null, refuse: null, postpone: null, cancel: 'cancelled', open: 'opened', withdraw: null },
  refused: { accept: null, refuse: null, postpone: null, cancel: null, open: null, withdraw: null },
  cancelled: { accept: null, refuse: null, postpone: null, cancel: null, open: null, withdraw: null },
  opened: { accept: null, refuse: null, postpone: null, cancel: null, open: null, withdraw: 'withdrawn' },
  withdrawn: { accept: null, refuse: null, postpone: null, cancel: null, open: null, withdraw: null },
};

describe('subscription line workflow', () => {
  const pairs = Object.entries(TABLE).flatMap(([status, row]) => Object.entries(row).map(([event, to]) => [status, event, to] as const));
  it.each(pairs)('%s + %s → %s', (status, event, to) => {
    const result = transition(STATES[status as LineStatus], EVENTS[event as LineEvent['kind']]);
    if (to === null) {
      expect(result.ok).toBe(false);
      // A refusal names what was attempted and the state it was attempted on, in French.
      if (!result.ok) expect(result.reason).toMatch(/^Impossible de (accepter|refuser|reporter|annuler|ouvrir|retirer) une ligne /);
    } else {
      expect(result).toMatchObject({ ok: true, state: { status: to } });
    }
  });

  it('explains why an open line cannot be cancelled', () => {
    const result = transition(STATES.opened, EVENTS.cancel);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('une ligne ouverte se retire') });
  });

  it('refuses a planned period that ends before it starts, and a withdrawal before opening', () => {
    expect(transition(STATES.submitted, { kind: 'postpone', on: d('2025-10-01'), plannedFrom: d('2026-06-01'), plannedUntil: d('2026-01-01') }).ok).toBe(false);
    expect(transition(STATES.opened, { kind: 'withdraw', on: d('2026-01-05') }).ok).toBe(false);
  });

  it('replays a history and stops at the first impossible step', () => {
    expect(replay([EVENTS.postpone, EVENTS.accept, EVENTS.open])).toMatchObject({ ok: true, state: { status: 'opened', openedOn: '2026-02-01' } });
    expect(replay([EVENTS.open])).toMatchObject({ ok: false });
  });
});

describe('billable dates (seed 004 art. 10.1.3–10.1.4)', () => {
  it.each([
    ['a line opened by record is billable from its opening', STATES.opened, null, false, '2026-01-05'],
    ['an accepted line is not billable before its opening record', STATES.accepted, null, false, null],
    ['the membership base is billable from the date the request sets, before opening', STATES.accepted, '2025-10-01', true, '2025-10-01'],
    ['…or from its opening if that comes first', STATES.opened, '2026-03-01', true, '2026-01-05'],
    ['a refused base is never billable', STATES.refused, '2025-10-01', true, null],
  ] as const)('%s', (_label, state, baseFrom, isBase, expected) => {
    expect(billableFrom(state, baseFrom ? d(baseFrom) : null, isBase)).toBe(expected);
  });

  it('a withdrawn line stops being billable on the withdrawal date', () => {
    expect(billableBefore(STATES.withdrawn)).toBe('2027-01-01');
    expect(billableBefore(STATES.opened)).toBeNull();
  });
});
