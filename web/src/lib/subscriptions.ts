import type { z } from 'zod';
import { LINE_STATUS_LABELS, REFUSAL_REASONS, TASK_KINDS, type CatalogueView, type findingSchema, type SubscriptionRequestView } from '../shared.ts';
import { formatCivilDate } from './format.ts';
import { optionValuesText } from './price-labels.ts';

export type SubscriptionRequest = SubscriptionRequestView;
export type SubscriptionLine = SubscriptionRequest['lines'][number];
export type SubscriptionTask = SubscriptionRequest['tasks'][number];
export type ChecklistItem = SubscriptionRequest['checklist'][number];
export type Finding = z.infer<typeof findingSchema>;
export type SubscriptionStatus = SubscriptionLine['status'];
export type TaskKind = keyof typeof TASK_KINDS;

export const SUBSCRIPTION_STATUSES = LINE_STATUS_LABELS as Record<SubscriptionStatus, string>;
export const SUBSCRIPTION_STATUS_VALUES = Object.keys(SUBSCRIPTION_STATUSES) as SubscriptionStatus[];
export const REFUSAL_REASON_VALUES = Object.keys(REFUSAL_REASONS) as (keyof typeof REFUSAL_REASONS)[];
export const TASK_OWNERS = { member: 'Adhérent', provider: 'Fournisseur' } as const;

/** Statuses are words on a badge; the tone only repeats them. */
export function subscriptionTone(status: SubscriptionStatus): 'success' | 'info' | 'warning' | 'muted' | 'neutral' {
  if (status === 'opened') return 'success';
  if (status === 'accepted') return 'info';
  if (status === 'submitted') return 'neutral';
  if (status === 'postponed') return 'warning';
  return 'muted';
}

export function refusalReasonLabel(reason: string | null): string | null {
  return reason ? (REFUSAL_REASONS[reason as keyof typeof REFUSAL_REASONS] ?? reason) : null;
}

/** « Messagerie collaborative (Messagerie pro… · 25 giga-octets) »: options as their labels when the catalogue is known. */
export function lineLabel(line: Pick<SubscriptionLine, 'line' | 'lineName' | 'options'>, catalogue?: CatalogueView): string {
  if (Object.keys(line.options).length === 0) return line.lineName;
  const options = catalogue ? optionValuesText(catalogue, line.line, line.options) : Object.values(line.options).join(' · ');
  return `${line.lineName} (${options})`;
}

export function requestTitle(request: Pick<SubscriptionRequest, 'receivedOn' | 'organisationName'>, withMember = false): string {
  return `Demande ${withMember ? `de ${request.organisationName} ` : ''}du ${formatCivilDate(request.receivedOn)}`;
}

/** A finding's path (« lines[2].options.stockage ») as the row it concerns and the field in that row. */
export function findingPlace(path: string): { index: number; field: string } | null {
  const match = /^lines(?:\[|\.)(\d+)\]?\.(line|quantity|wishedOn|options|nature|unitPrice)(?:\.(.+))?$/.exec(path);
  if (!match) return null;
  const field = match[2] === 'options' && match[3] ? `options.${match[3]}` : match[2]!;
  return { index: Number(match[1]), field };
}

export function isLate(request: SubscriptionRequest): boolean {
  return request.warnings.some((w) => w.code === 'late');
}

/** The first wished opening date among the lines still waiting for a decision or an opening. */
export function earliestWish(request: SubscriptionRequest): string | null {
  const pending = request.lines.filter((l) => l.status === 'submitted' || l.status === 'postponed' || l.status === 'accepted');
  return pending.map((l) => l.plannedFrom ?? l.wishedOn).sort()[0] ?? null;
}

/** The next task to do (the earliest due), overdue or not. */
export function nextTask(request: SubscriptionRequest): SubscriptionTask | null {
  return request.tasks.filter((t) => !t.doneOn).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] ?? null;
}

export type LineAction = 'accept' | 'refuse' | 'postpone' | 'cancel' | 'open' | 'withdraw' | 'quantity';
export const LINE_ACTIONS: Record<LineAction, string> = {
  accept: 'Accepter',
  refuse: 'Refuser',
  postpone: 'Reporter à une période envisagée',
  cancel: 'Annuler la demande de cette ligne',
  open: "Ouvrir par procès-verbal d'ouverture",
  withdraw: 'Retirer la ligne',
  quantity: "Changer le volume à partir d'une date",
};

/** What the provider may do with a line in its status (the workflow refuses the rest anyway, with its reason). */
export function actionsFor(status: SubscriptionStatus): LineAction[] {
  if (status === 'submitted' || status === 'postponed') return ['accept', 'refuse', 'postpone', 'cancel'];
  if (status === 'accepted') return ['open', 'cancel'];
  if (status === 'opened') return ['quantity', 'withdraw'];
  return [];
}
