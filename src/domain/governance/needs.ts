import type { CivilDate } from '../civil-date.ts';

/**
 * A member's needs register (seed 004 art. 3.2: the CLI "recense annuellement les besoins de sa collectivité"
 * and "valide auprès de la DMSI les demandes d'acquisition"). Two kinds:
 * - a need, gathered by the operational committee and prioritised by the strategic committee into the roadmap
 *   with its budget and resources (seed 004 art. 4);
 * - an acquisition request, on the member's budget (seed 004 art. 9.2.2: workstations, specific software),
 *   submitted for the provider's advice and validation before the member orders.
 */
export const NEED_KINDS = { need: 'Besoin', acquisition: "Demande d'acquisition" } as const;
export type NeedKind = keyof typeof NEED_KINDS;
export const NEED_KIND_VALUES = Object.keys(NEED_KINDS) as [NeedKind, ...NeedKind[]];

export const NEED_STATUSES = {
  draft: 'Brouillon',
  submitted: 'Transmis',
  advised: 'Avis rendu',
  validated: 'Validée',
  refused: 'Refusée',
  gathered: 'Retenu par le comité opérationnel',
  prioritised: 'Inscrit à la feuille de route',
  declined: 'Non retenu',
  done: 'Réalisé',
} as const;
export type NeedStatus = keyof typeof NEED_STATUSES;
export const NEED_STATUS_VALUES = Object.keys(NEED_STATUSES) as [NeedStatus, ...NeedStatus[]];

export type NeedEvent =
  | { kind: 'submit'; on: CivilDate }
  | { kind: 'advise'; on: CivilDate; favourable: boolean; text: string }
  | { kind: 'validate'; on: CivilDate }
  | { kind: 'refuse'; on: CivilDate; reason: string }
  | { kind: 'gather'; on: CivilDate }
  | { kind: 'prioritise'; on: CivilDate; priority: number; roadmapYear: number; budgetCents?: number | undefined; resources?: string | undefined }
  | { kind: 'decline'; on: CivilDate; reason: string }
  | { kind: 'complete'; on: CivilDate };
export type NeedEventKind = NeedEvent['kind'];
/** Events only the provider (its staff or its committees) may record; the member submits its own. */
export const PROVIDER_NEED_EVENTS: readonly NeedEventKind[] = ['advise', 'validate', 'refuse', 'gather', 'prioritise', 'decline', 'complete'];

export interface NeedState {
  kind: NeedKind;
  status: NeedStatus;
  advice?: { favourable: boolean; text: string; on: CivilDate } | undefined;
  roadmap?: { priority: number; year: number; budgetCents?: number | undefined; resources?: string | undefined } | undefined;
  reason?: string | undefined;
}

export type NeedResult = { ok: true; state: NeedState } | { ok: false; reason: string };

const EVENT_LABELS: Record<NeedEventKind, string> = {
  submit: 'transmettre',
  advise: 'rendre un avis sur',
  validate: 'valider',
  refuse: 'refuser',
  gather: 'retenir',
  prioritise: 'inscrire à la feuille de route',
  decline: 'écarter',
  complete: 'marquer réalisé',
};

/** Which statuses each event leaves from, per kind of entry. */
const FROM: Record<NeedKind, Partial<Record<NeedEventKind, NeedStatus[]>>> = {
  acquisition: { submit: ['draft'], advise: ['submitted', 'advised'], validate: ['advised'], refuse: ['submitted', 'advised'], complete: ['validated'] },
  need: { submit: ['draft'], gather: ['submitted'], prioritise: ['submitted', 'gathered'], decline: ['submitted', 'gathered'], complete: ['prioritised'] },
};

export function needTransition(state: NeedState, event: NeedEvent): NeedResult {
  const allowed = FROM[state.kind][event.kind];
  if (!allowed) return { ok: false, reason: `On ne peut pas ${EVENT_LABELS[event.kind]} ${state.kind === 'need' ? 'un besoin' : 'une demande d’acquisition'}.` };
  if (!allowed.includes(state.status)) return { ok: false, reason: `Impossible ${/^[aeiou]/.test(EVENT_LABELS[event.kind]) ? 'd’' : 'de '}${EVENT_LABELS[event.kind]} : statut « ${NEED_STATUSES[state.status]} ».` };
  switch (event.kind) {
    case 'submit':
      return { ok: true, state: { ...state, status: 'submitted' } };
    case 'advise':
      if (!event.text.trim()) return { ok: false, reason: "L'avis est motivé." };
      return { ok: true, state: { ...state, status: 'advised', advice: { favourable: event.favourable, text: event.text, on: event.on } } };
    case 'validate':
      // The provider validates what it advised favourably; an unfavourable advice is refused, not validated.
      if (!state.advice?.favourable) return { ok: false, reason: "L'avis rendu est défavorable : la demande se refuse ou reçoit un nouvel avis." };
      return { ok: true, state: { ...state, status: 'validated' } };
    case 'refuse':
    case 'decline':
      if (!event.reason.trim()) return { ok: false, reason: 'Le motif est obligatoire.' };
      return { ok: true, state: { ...state, status: event.kind === 'refuse' ? 'refused' : 'declined', reason: event.reason } };
    case 'gather':
      return { ok: true, state: { ...state, status: 'gathered' } };
    case 'prioritise':
      if (!Number.isInteger(event.priority) || event.priority < 1) return { ok: false, reason: 'Le rang de priorité est un entier à partir de 1.' };
      if (event.budgetCents !== undefined && event.budgetCents < 0) return { ok: false, reason: 'Le budget ne peut pas être négatif.' };
      return { ok: true, state: { ...state, status: 'prioritised', roadmap: { priority: event.priority, year: event.roadmapYear, budgetCents: event.budgetCents, resources: event.resources } } };
    case 'complete':
      return { ok: true, state: { ...state, status: 'done' } };
  }
}

/** Needs a committee puts on its agenda: transmitted ones for the operational committee, gathered ones for the strategic. */
export function awaitsCommittee(state: Pick<NeedState, 'kind' | 'status'>): boolean {
  return state.kind === 'need' && (state.status === 'submitted' || state.status === 'gathered');
}
