import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { ErrorSummary, RadioGroup, splitIssues, type FieldErrors } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { useFocusOnMount } from '../../lib/focus.ts';
import { formatCivilDate } from '../../lib/format.ts';
import { useFormSubmit, type Checked, type IssueLike } from '../../lib/form-submit.ts';
import { todayInParis } from '../../lib/grids.ts';
import { actionsFor, LINE_ACTIONS, type LineAction, type SubscriptionLine, type SubscriptionRequest } from '../../lib/subscriptions.ts';
import { lineEventInputSchema, quantityInputSchema } from '../../shared.ts';
import { DECISION_LABELS, fieldsOf, LineDecisionFields, type DecisionDraft } from './LineDecisionFields.tsx';

const FIELDS = Object.keys(DECISION_LABELS);

function bodyOf(action: LineAction, d: DecisionDraft) {
  const note = d.note.trim() ? { note: d.note.trim() } : {};
  switch (action) {
    case 'quantity':
      return { effectiveFrom: d.effectiveFrom, quantity: /^\d+$/.test(d.quantity.trim()) ? Number(d.quantity) : Number.NaN };
    case 'refuse':
      return { kind: action, on: d.on, reason: d.reason, ...note };
    case 'postpone':
      return { kind: action, on: d.on, plannedFrom: d.plannedFrom, plannedUntil: d.plannedUntil, ...note };
    case 'open':
      return { kind: action, openedOn: d.openedOn, openingRecord: d.openingRecord.trim(), ...note };
    default:
      return { kind: action, on: d.on, ...note };
  }
}

/** The body checked with the contract, and the call that sends it. */
function prepare(lineId: string, action: LineAction, draft: DecisionDraft): Checked<() => Promise<SubscriptionRequest>> {
  if (action === 'quantity') {
    const parsed = quantityInputSchema.safeParse(bodyOf(action, draft));
    return parsed.success ? { success: true, data: () => api.subscriptions.quantity(lineId, parsed.data) } : parsed;
  }
  const parsed = lineEventInputSchema.safeParse(bodyOf(action, draft));
  return parsed.success ? { success: true, data: () => api.subscriptions.event(lineId, parsed.data) } : parsed;
}

/** A transition the workflow refuses comes back on « kind », with its reason in French. */
const place = (issues: readonly IssueLike[]) => splitIssues(issues.map((i) => (i.path === 'kind' ? { ...i, path: '' } : i)), FIELDS);

/** What the provider decides for one line: accept, refuse (one of the three reasons), postpone, open by record… */
export function LineDecisionForm({ line, label, onDone, onCancel }: { line: SubscriptionLine; label: string; onDone(request: SubscriptionRequest, message: string): void; onCancel(): void }) {
  const idOf = (field: string) => `decision-${line.id}-${field}`;
  const actions = actionsFor(line.status);
  const [action, setAction] = useState<LineAction>(actions[0] ?? 'accept');
  const today = todayInParis();
  const [draft, setDraft] = useState<DecisionDraft>({ on: today, reason: '', plannedFrom: '', plannedUntil: '', openingRecord: '', openedOn: '', quantity: '', effectiveFrom: '', note: '' });
  const { errors, general, attempt, busy, handle, check, send } = useFormSubmit(place);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  const submit = handle(() => {
    const found: FieldErrors = {};
    for (const field of fieldsOf(action)) if (field !== 'note' && !draft[field].trim()) found[field] = field === 'reason' ? 'choisissez le motif du refus' : 'à renseigner';
    const call = check(found, prepare(line.id, action, draft));
    if (!call) return;
    return send(call, (request) => {
      const updated = request.lines.find((l) => l.id === line.id);
      onDone(request, `${label} : ${action === 'quantity' ? `volume ${draft.quantity.trim()} à partir du ${formatCivilDate(draft.effectiveFrom)}` : (updated?.statusLabel.toLowerCase() ?? 'enregistré')}.`);
    });
  });

  return (
    <section className="panel form-panel" aria-labelledby={idOf('titre')}>
      <h3 id={idOf('titre')} tabIndex={-1} ref={headingRef}>
        Décision : {label}
      </h3>
      <p className="muted">Statut actuel : {line.statusLabel}.</p>
      <ErrorSummary fields={errors} labels={DECISION_LABELS} idOf={idOf} general={general} attempt={attempt} title="La décision n'a pas été enregistrée" />
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <RadioGroup<LineAction> id={idOf('action')} legend="Action" value={action} onChange={setAction} options={actions.map((a) => ({ value: a, label: LINE_ACTIONS[a] }))} />
        <LineDecisionFields action={action} draft={draft} errors={errors} idOf={idOf} onChange={setDraft} />
        <FormActions busy={busy} label="Enregistrer la décision" onCancel={onCancel} />
      </form>
    </section>
  );
}
