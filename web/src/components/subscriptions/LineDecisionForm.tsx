import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { ErrorSummary, RadioGroup, splitIssues, type FieldErrors } from '../forms.tsx';
import { errorMessage } from '../ui.tsx';
import { useFocusOnMount } from '../../lib/focus.ts';
import { formatCivilDate } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/form-errors.ts';
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

type Prepared = { issues: z.core.$ZodIssue[] } | { send(): Promise<SubscriptionRequest> };

/** The body checked with the contract, and the call that sends it. */
function prepare(lineId: string, action: LineAction, draft: DecisionDraft): Prepared {
  if (action === 'quantity') {
    const parsed = quantityInputSchema.safeParse(bodyOf(action, draft));
    return parsed.success ? { send: () => api.subscriptions.quantity(lineId, parsed.data) } : { issues: parsed.error.issues };
  }
  const parsed = lineEventInputSchema.safeParse(bodyOf(action, draft));
  return parsed.success ? { send: () => api.subscriptions.event(lineId, parsed.data) } : { issues: parsed.error.issues };
}

/** What the provider decides for one line: accept, refuse (one of the three reasons), postpone, open by record… */
export function LineDecisionForm({ line, label, onDone, onCancel }: { line: SubscriptionLine; label: string; onDone(request: SubscriptionRequest, message: string): void; onCancel(): void }) {
  const idOf = (field: string) => `decision-${line.id}-${field}`;
  const actions = actionsFor(line.status);
  const [action, setAction] = useState<LineAction>(actions[0] ?? 'accept');
  const today = todayInParis();
  const [draft, setDraft] = useState<DecisionDraft>({ on: today, reason: '', plannedFrom: '', plannedUntil: '', openingRecord: '', openedOn: '', quantity: '', effectiveFrom: '', note: '' });
  const { errors, general, attempt, fail } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: FieldErrors = {};
    for (const field of fieldsOf(action)) if (field !== 'note' && !draft[field].trim()) found[field] = field === 'reason' ? 'choisissez le motif du refus' : 'à renseigner';
    const prepared = prepare(line.id, action, draft);
    if ('issues' in prepared) for (const [k, v] of Object.entries(splitIssues(prepared.issues, FIELDS).fields)) found[k] ??= v;
    if (Object.keys(found).length || !('send' in prepared)) return fail(found);
    setBusy(true);
    try {
      const request = await prepared.send();
      setBusy(false);
      const updated = request.lines.find((l) => l.id === line.id);
      onDone(request, `${label} : ${action === 'quantity' ? `volume ${draft.quantity.trim()} à partir du ${formatCivilDate(draft.effectiveFrom)}` : (updated?.statusLabel.toLowerCase() ?? 'enregistré')}.`);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.isValidation) {
        // A transition the workflow refuses comes back on « kind », with its reason in French.
        const split = splitIssues(error.issues.map((i) => (i.path === 'kind' ? { ...i, path: '' } : i)), FIELDS);
        return fail(split.fields, split.general.length || Object.keys(split.fields).length ? split.general : [error.message]);
      }
      fail({}, [errorMessage(error)]);
    }
  }

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
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Enregistrement…' : 'Enregistrer la décision'}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            Annuler
          </button>
        </div>
      </form>
    </section>
  );
}
