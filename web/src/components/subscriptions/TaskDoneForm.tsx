import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { ErrorSummary, splitIssues, TextAreaField, TextField } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { useFocusOnMount } from '../../lib/focus.ts';
import { useFormSubmit } from '../../lib/form-submit.ts';
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
  const { errors, general, attempt, fail, busy, handle, check, send } = useFormSubmit((issues) => splitIssues(issues, FIELDS));
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  const submit = handle(() => {
    if (!doneOn) return fail({ doneOn: 'indiquez la date à laquelle la tâche a été faite' });
    const body = check({}, taskDoneSchema.safeParse({ doneOn, ...(note.trim() ? { note: note.trim() } : {}) }));
    if (body) return send(() => api.subscriptions.taskDone(task.id, body), onDone);
  });

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
        <FormActions busy={busy} label="Enregistrer" onCancel={onCancel} />
      </form>
    </section>
  );
}
