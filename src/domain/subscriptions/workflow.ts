import { compareCivilDates, formatCivilDateFr, type CivilDate } from '../civil-date.ts';

/**
 * The life of one requested service line, from the member's wish to its withdrawal (seed 004 art. 10 and
 * annexes 7–8; seed 003 opening record). Each transition either gives the new state or a reason a person
 * understands; nothing is ever deleted, so the history of states is the subscription's record.
 */
export type LineState =
  | { status: 'submitted' }
  | { status: 'postponed'; plannedFrom: CivilDate; plannedUntil: CivilDate }
  | { status: 'accepted'; decidedOn: CivilDate }
  | { status: 'refused'; decidedOn: CivilDate; reason: RefusalReason }
  | { status: 'cancelled'; on: CivilDate }
  | { status: 'opened'; openedOn: CivilDate }
  | { status: 'withdrawn'; openedOn: CivilDate; withdrawnOn: CivilDate };

export type LineStatus = LineState['status'];
export const LINE_STATUS_LABELS: Record<LineStatus, string> = {
  submitted: 'Demandée',
  postponed: 'Reportée',
  accepted: 'Acceptée',
  refused: 'Refusée',
  cancelled: 'Annulée',
  opened: 'Ouverte',
  withdrawn: 'Retirée',
};

/** Seed 004 art. 5.2: the three grounds on which the provider may refuse. */
export const REFUSAL_REASONS = {
  late: 'Demande hors délai',
  prerequisites: 'Prérequis non remplis',
  resources: 'Ressources insuffisantes',
} as const;
export type RefusalReason = keyof typeof REFUSAL_REASONS;

export type LineEvent =
  | { kind: 'accept'; on: CivilDate }
  | { kind: 'refuse'; on: CivilDate; reason: RefusalReason }
  | { kind: 'postpone'; on: CivilDate; plannedFrom: CivilDate; plannedUntil: CivilDate }
  | { kind: 'cancel'; on: CivilDate }
  /** The opening record (procès-verbal d'ouverture, annex 8) fixes the date the line is delivered and billed. */
  | { kind: 'open'; openedOn: CivilDate }
  | { kind: 'withdraw'; on: CivilDate };
export type LineEventKind = LineEvent['kind'];

export type TransitionResult = { ok: true; state: LineState } | { ok: false; reason: string };

const refuse = (reason: string): TransitionResult => ({ ok: false, reason });
const EVENT_LABELS: Record<LineEventKind, string> = {
  accept: 'accepter',
  refuse: 'refuser',
  postpone: 'reporter',
  cancel: 'annuler',
  open: 'ouvrir',
  withdraw: 'retirer',
};

export function transition(state: LineState, event: LineEvent): TransitionResult {
  const cannot = (why: string) => refuse(`Impossible de ${EVENT_LABELS[event.kind]} une ligne ${LINE_STATUS_LABELS[state.status].toLowerCase()} : ${why}.`);
  switch (event.kind) {
    case 'accept':
      if (state.status === 'submitted' || state.status === 'postponed') return { ok: true, state: { status: 'accepted', decidedOn: event.on } };
      return cannot('seule une demande en attente ou reportée se décide');
    case 'refuse':
      if (state.status === 'submitted' || state.status === 'postponed') return { ok: true, state: { status: 'refused', decidedOn: event.on, reason: event.reason } };
      return cannot('seule une demande en attente ou reportée se décide');
    case 'postpone':
      if (state.status !== 'submitted' && state.status !== 'postponed') return cannot('seule une demande en attente peut être reportée');
      if (compareCivilDates(event.plannedUntil, event.plannedFrom) < 0) return refuse('La période envisagée se termine avant de commencer.');
      return { ok: true, state: { status: 'postponed', plannedFrom: event.plannedFrom, plannedUntil: event.plannedUntil } };
    case 'cancel':
      if (state.status === 'submitted' || state.status === 'postponed' || state.status === 'accepted') return { ok: true, state: { status: 'cancelled', on: event.on } };
      return cannot(state.status === 'opened' ? 'une ligne ouverte se retire, elle ne s’annule pas' : 'la demande est déjà close');
    case 'open':
      if (state.status === 'accepted') return { ok: true, state: { status: 'opened', openedOn: event.openedOn } };
      return cannot(state.status === 'submitted' || state.status === 'postponed' ? 'la demande doit d’abord être acceptée' : 'la ligne n’est pas en attente d’ouverture');
    case 'withdraw':
      if (state.status !== 'opened') return cannot('seule une ligne ouverte peut être retirée');
      if (compareCivilDates(event.on, state.openedOn) <= 0) return refuse(`Le retrait doit suivre l'ouverture du ${formatCivilDateFr(state.openedOn)}.`);
      return { ok: true, state: { status: 'withdrawn', openedOn: state.openedOn, withdrawnOn: event.on } };
  }
}

/** Replays a line's events from submission; the first refused event stops the replay with its reason. */
export function replay(events: LineEvent[]): TransitionResult {
  let state: LineState = { status: 'submitted' };
  for (const event of events) {
    const result = transition(state, event);
    if (!result.ok) return result;
    state = result.state;
  }
  return { ok: true, state };
}

/**
 * From when a line is billable: its opening date. The membership base may be billed earlier, from a date
 * the request sets (seed 004 art. 10.1.3: "la date à partir de laquelle l'adhésion au socle sera facturée"),
 * since it finances the studies before opening.
 */
export function billableFrom(state: LineState, baseBillableFrom: CivilDate | null, isMembershipBase: boolean): CivilDate | null {
  const opened = state.status === 'opened' || state.status === 'withdrawn' ? state.openedOn : null;
  if (!isMembershipBase || !baseBillableFrom) return opened;
  if (state.status === 'refused' || state.status === 'cancelled' || state.status === 'submitted' || state.status === 'postponed') return null;
  return opened && compareCivilDates(opened, baseBillableFrom) < 0 ? opened : baseBillableFrom;
}

/** The first day a withdrawn line is no longer billable (the withdrawal's effective date); null while it runs. */
export function billableBefore(state: LineState): CivilDate | null {
  return state.status === 'withdrawn' ? state.withdrawnOn : null;
}
