import { compareCivilDates, formatCivilDateFr, type CivilDate } from '../civil-date.ts';
import type { RefusalReason } from '../subscriptions/workflow.ts';

/**
 * A committee meeting: planned, then held (attendance and decisions recorded), then its minutes made final —
 * after which nothing changes (the minutes are what the parties rely on). A planned meeting may be cancelled.
 */
export const MEETING_STATUSES = { planned: 'Prévue', held: 'Tenue', final: 'Compte rendu définitif', cancelled: 'Annulée' } as const;
export type MeetingStatus = keyof typeof MEETING_STATUSES;
export const MEETING_STATUS_VALUES = Object.keys(MEETING_STATUSES) as [MeetingStatus, ...MeetingStatus[]];

export type MeetingEvent = { kind: 'hold'; on: CivilDate } | { kind: 'finalise'; on: CivilDate } | { kind: 'cancel'; on: CivilDate } | { kind: 'reschedule'; on: CivilDate };

export interface MeetingFacts {
  status: MeetingStatus;
  scheduledOn: CivilDate;
  heldOn: CivilDate | null;
  minutes: string | null;
}

export type MeetingResult = { ok: true; meeting: MeetingFacts } | { ok: false; reason: string };

export function meetingTransition(meeting: MeetingFacts, event: MeetingEvent, today: CivilDate): MeetingResult {
  const status = MEETING_STATUSES[meeting.status].toLowerCase();
  switch (event.kind) {
    case 'reschedule':
      if (meeting.status !== 'planned') return { ok: false, reason: `Une réunion ${status} ne se reporte plus.` };
      return { ok: true, meeting: { ...meeting, scheduledOn: event.on } };
    case 'cancel':
      if (meeting.status !== 'planned') return { ok: false, reason: `Seule une réunion prévue s'annule ; celle-ci est ${status}.` };
      return { ok: true, meeting: { ...meeting, status: 'cancelled' } };
    case 'hold':
      if (meeting.status !== 'planned') return { ok: false, reason: `Seule une réunion prévue peut être tenue ; celle-ci est ${status}.` };
      if (compareCivilDates(event.on, today) > 0) return { ok: false, reason: `La réunion ne peut être tenue le ${formatCivilDateFr(event.on)}, date à venir.` };
      return { ok: true, meeting: { ...meeting, status: 'held', heldOn: event.on } };
    case 'finalise':
      if (meeting.status !== 'held') return { ok: false, reason: `Seul le compte rendu d'une réunion tenue se rend définitif ; celle-ci est ${status}.` };
      if (!meeting.minutes?.trim()) return { ok: false, reason: 'Le compte rendu est vide : rédigez-le avant de le rendre définitif.' };
      return { ok: true, meeting: { ...meeting, status: 'final' } };
  }
}

/** Minutes, attendance and decisions are written while the meeting is held and its minutes not yet final. */
export function recordingIssue(status: MeetingStatus): string | null {
  if (status === 'held') return null;
  if (status === 'final') return 'Le compte rendu est définitif : il ne se modifie plus.';
  if (status === 'cancelled') return 'La réunion a été annulée.';
  return "La réunion n'est pas encore tenue : indiquez d'abord qu'elle s'est tenue.";
}

/** What a committee decides on, and what the decision does to it. */
export type Decision =
  /** Seed 004 art. 10.1.3: the strategic committee studies each subscription request; the decision goes through the workflow. */
  | { kind: 'subscription'; requestId: string; outcome: 'accept' | 'refuse' | 'postpone'; reason?: RefusalReason | undefined; plannedFrom?: CivilDate | undefined; plannedUntil?: CivilDate | undefined }
  /** Seed 004 art. 4 and 3.2: needs gathered by the operational committee, prioritised into a roadmap by the strategic one. */
  | { kind: 'need'; needId: string; outcome: 'gather' | 'prioritise' | 'decline'; priority?: number | undefined; roadmapYear?: number | undefined; budgetCents?: number | undefined; resources?: string | undefined; reason?: string | undefined }
  /** Seed 004 art. 12: the steering of the agreement rules on proposed changes, which become amendments. */
  | { kind: 'amendment'; subject: string }
  /** A catalogue or tariff grid adopted (seed 004 art. 9.1: the budget set by the strategic committee). */
  | { kind: 'grid'; gridCode: string }
  | { kind: 'catalogue'; subject: string }
  | { kind: 'other'; subject: string };
export type DecisionKind = Decision['kind'];
export const DECISION_KINDS: Record<DecisionKind, string> = {
  subscription: 'Demande de souscription',
  need: 'Besoin ou demande d’acquisition',
  amendment: 'Proposition d’avenant',
  grid: 'Grille tarifaire adoptée',
  catalogue: 'Catalogue adopté',
  other: 'Autre décision',
};
export const DECISION_KIND_VALUES = Object.keys(DECISION_KINDS) as [DecisionKind, ...DecisionKind[]];

/** Whether this committee may take this decision: its powers are data (each committee lists what it decides). */
export function decisionIssue(powers: DecisionKind[], committeeName: string, decision: Decision): string | null {
  if (decision.kind !== 'other' && !powers.includes(decision.kind)) return `${committeeName} ne statue pas sur : ${DECISION_KINDS[decision.kind].toLowerCase()}.`;
  if (decision.kind === 'subscription' && decision.outcome === 'refuse' && !decision.reason) return 'Un refus donne son motif (seed 004 art. 5.2).';
  if (decision.kind === 'subscription' && decision.outcome === 'postpone' && (!decision.plannedFrom || !decision.plannedUntil)) return 'Un report donne la période envisagée.';
  if (decision.kind === 'need' && decision.outcome === 'prioritise' && (decision.priority === undefined || decision.roadmapYear === undefined)) return "Une priorisation donne le rang et l'année de la feuille de route.";
  return null;
}
