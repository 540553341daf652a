import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { ErrorSummary, splitIssues, TextAreaField, TextField } from '../forms.tsx';
import { errorMessage } from '../ui.tsx';
import { useFocusOnMount } from '../../lib/focus.ts';
import { useFormErrors } from '../../lib/form-errors.ts';
import { todayInParis } from '../../lib/grids.ts';
import type { SubscriptionRequest, SubscriptionTask } from '../../lib/subscriptions.ts';
import { taskDoneSchema } from '../../shared.ts';

const LABELS = { doneOn: 'Faite le', note: 'Note' };
const FIELDS = Object.keys(LABELS);

/** Closes a task: the day it was done and an optional note. */
export function TaskDoneForm({ task, onDone, onCancel }: { task: SubscriptionTask; onDone(request: SubscriptionRequest): void; onCancel(): void }) {
  const idOf = (field: string) => `tache-${task.id}-${field}`;
  const [doneOn, setDoneOn] = useState(todayInParis());
  const [note, setNote] = useState('');
  const { errors, general, attempt, fail } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!doneOn) return fail({ doneOn: 'indiquez la date à laquelle la tâche a été faite' });
    const parsed = taskDoneSchema.safeParse({ doneOn, ...(note.trim() ? { note: note.trim() } : {}) });
    if (!parsed.success) return fail(splitIssues(parsed.error.issues, FIELDS).fields);
    setBusy(true);
    try {
      const request = await api.subscriptions.taskDone(task.id, parsed.data);
      setBusy(false);
      onDone(request);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.isValidation) {
        const split = splitIssues(error.issues, FIELDS);
        return fail(split.fields, split.general.length || Object.keys(split.fields).length ? split.general : [error.message]);
      }
      fail({}, [errorMessage(error)]);
    }
  }

  return (
    <section className="panel form-panel" aria-labelledby={idOf('titre')}>
      <h4 id={idOf('titre')} tabIndex={-1} ref={headingRef}>
        Marquer comme faite : {task.title}
      </h4>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="La tâche n'a pas été close" />
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form-grid">
          <TextField id={idOf('doneOn')} label={LABELS.doneOn} type="date" required value={doneOn} error={errors.doneOn} onChange={(e) => setDoneOn(e.target.value)} />
          <TextAreaField id={idOf('note')} label={LABELS.note} hint="Facultatif" rows={2} value={note} error={errors.note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Enregistrement…' : 'Enregistrer'}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            Annuler
          </button>
        </div>
      </form>
    </section>
  );
}
