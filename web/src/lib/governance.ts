import type { AgendaEntry } from '../shared.ts';
import type { MeetingUpdate } from '../api/governance.ts';

/** An agenda entry as shown, back to the item the API stores. */
export function agendaItemOf(entry: AgendaEntry): NonNullable<MeetingUpdate['agenda']>[number] {
  if (entry.kind === 'subscription_request') return { kind: 'subscription_request', requestId: entry.id! };
  if (entry.kind === 'need') return { kind: 'need', needId: entry.id! };
  return { kind: 'text', title: entry.title };
}

export const OUTCOMES = {
  subscription_request: { accept: 'Accepter la demande', refuse: 'Refuser la demande', postpone: 'Reporter la demande' },
  need: { gather: 'Retenir le besoin (comité opérationnel)', prioritise: 'Inscrire à la feuille de route', decline: 'Ne pas retenir' },
} as const;
