import type { z } from 'zod';
import type { SubscriptionRequestView, findingSchema, subscriptionLineSchema } from '../../contracts/subscriptions.ts';
import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import { parseCivilDate } from '../../domain/civil-date.ts';
import { billableFrom, LINE_STATUS_LABELS, REFUSAL_REASONS, type LineEvent, type LineState } from '../../domain/subscriptions/workflow.ts';
import type { Db } from '../../db/database.ts';
import { checksOfRequests, eventsOfLines, linesOfRequests, quantitiesOfLines, tasksOfRequests, type LineRow, type RequestRow } from '../../repositories/subscription-repository.ts';
import { TASK_KINDS } from '../../contracts/subscriptions.ts';

type LineView = z.infer<typeof subscriptionLineSchema>;

const EVENT_LABELS: Record<LineEvent['kind'] | 'submit', string> = {
  submit: 'Demande déposée',
  accept: 'Acceptée',
  refuse: 'Refusée',
  postpone: 'Reportée',
  cancel: 'Annulée',
  open: 'Ouverte par procès-verbal',
  withdraw: 'Retirée',
};

/** A provider's catalogue with what requests need beyond the graph: the base line and technical prerequisites. */
export type ProviderCatalogue = Catalogue & { sharedCharges: { chargeLine: string; triggeredBy: string[] }[]; technicalPrerequisites: Record<string, string[]> };

/** The membership base: the line of a shared charge (seed 004 "socle"), billable before opening. */
export function baseLines(catalogue: ProviderCatalogue): Set<string> {
  return new Set(catalogue.sharedCharges.map((s) => s.chargeLine));
}

/** Requests with their lines, each line with its history, volumes and the date from which it is billable. */
export async function requestViews(db: Db, requests: RequestRow[], catalogues: Map<string, ProviderCatalogue>, today: string): Promise<SubscriptionRequestView[]> {
  const lines = await linesOfRequests(db, requests.map((r) => r.id));
  const events = await eventsOfLines(db, lines.map((l) => l.id));
  const quantities = await quantitiesOfLines(db, lines.map((l) => l.id));
  const tasks = await tasksOfRequests(db, requests.map((r) => r.id));
  const checks = await checksOfRequests(db, requests.map((r) => r.id));
  const byRequest = new Map<string, LineRow[]>();
  for (const line of lines) byRequest.set(line.requestId, [...(byRequest.get(line.requestId) ?? []), line]);
  return requests.map((request) => {
    const catalogue = catalogues.get(request.providerId);
    const bases = catalogue ? baseLines(catalogue) : new Set<string>();
    return {
      id: request.id,
      providerId: request.providerId,
      organisationId: request.organisationId,
      organisationName: request.organisationName,
      agreementId: request.agreementId,
      receivedOn: request.receivedOn,
      baseBillableFrom: request.baseBillableFrom,
      submittedBy: request.submittedBy,
      warnings: request.warnings as z.infer<typeof findingSchema>[],
      note: request.note,
      checklist: [...new Set((byRequest.get(request.id) ?? []).map((l) => l.line))].flatMap((code) =>
        (catalogue?.technicalPrerequisites[code] ?? []).map((item) => {
          const check = checks.find((c) => c.requestId === request.id && c.line === code && c.item === item);
          return {
            line: code,
            lineName: catalogue?.lines.find((l) => l.code === code)?.name ?? code,
            item,
            met: check ? check.met : null,
            checkedOn: check?.checkedOn ?? null,
            checkedBy: check?.checkedBy ?? null,
            note: check?.note ?? null,
          };
        }),
      ),
      tasks: tasks
        .filter((t) => t.requestId === request.id)
        .map((t) => ({
          id: t.id,
          kind: t.kind as keyof typeof TASK_KINDS,
          kindLabel: TASK_KINDS[t.kind as keyof typeof TASK_KINDS],
          owner: t.owner as 'member' | 'provider',
          title: t.title,
          dueOn: t.dueOn,
          doneOn: t.doneOn,
          note: t.note,
          overdue: !t.doneOn && t.dueOn < today,
        })),
      lines: (byRequest.get(request.id) ?? []).map((line): LineView => {
        const state = line.state as LineState;
        return {
          id: line.id,
          requestId: line.requestId,
          organisationId: line.organisationId,
          line: line.line,
          lineName: catalogue?.lines.find((l) => l.code === line.line)?.name ?? line.line,
          options: line.options as Record<string, string>,
          quantity: line.quantity,
          wishedOn: line.wishedOn,
          status: state.status,
          statusLabel: LINE_STATUS_LABELS[state.status],
          plannedFrom: state.status === 'postponed' ? state.plannedFrom : null,
          plannedUntil: state.status === 'postponed' ? state.plannedUntil : null,
          refusalReason: state.status === 'refused' ? REFUSAL_REASONS[state.reason] : null,
          openedOn: state.status === 'opened' || state.status === 'withdrawn' ? state.openedOn : null,
          withdrawnOn: state.status === 'withdrawn' ? state.withdrawnOn : null,
          openingRecord: line.openingRecord,
          billableFrom: billableFrom(state, request.baseBillableFrom ? parseCivilDate(request.baseBillableFrom) : null, bases.has(line.line)),
          history: events
            .filter((e) => e.lineId === line.id)
            .map((e) => {
              const kind = (e.event as { kind: LineEvent['kind'] | 'submit' }).kind;
              return { sequence: e.sequence, event: kind, label: EVENT_LABELS[kind], note: e.note, actor: e.actorLabel, recordedAt: e.recordedAt };
            }),
          quantities: quantities.filter((q) => q.lineId === line.id).map((q) => ({ effectiveFrom: q.effectiveFrom, quantity: q.quantity })),
        };
      }),
    };
  });
}
