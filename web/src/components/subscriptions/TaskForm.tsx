import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { ErrorSummary, RadioGroup, SelectField, splitIssues, TextField, type FieldErrors } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { useFocusOnMount } from '../../lib/focus.ts';
import { useFormSubmit } from '../../lib/form-submit.ts';
import { TASK_OWNERS, type SubscriptionRequest, type TaskKind } from '../../lib/subscriptions.ts';
import { TASK_KINDS, taskInputSchema } from '../../shared.ts';

const LABELS = { kind: 'Type de tâche', owner: 'Qui la fait', title: 'Intitulé', dueOn: 'Échéance' };
const FIELDS = Object.keys(LABELS);
const idOf = (field: string) => `nouvelle-tache-${field}`;
type Owner = keyof typeof TASK_OWNERS;

/** A follow-up task of the committee's study (compliance plan, resource study, technical audit) with its due date. */
export function TaskForm({ request, onAdded, onCancel }: { request: SubscriptionRequest; onAdded(request: SubscriptionRequest, title: string): void; onCancel(): void }) {
  const [kind, setKind] = useState<TaskKind>('compliance_plan');
  const [owner, setOwner] = useState<Owner>('member');
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const { errors, general, attempt, busy, handle, check, send } = useFormSubmit((issues) => splitIssues(issues, FIELDS));
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  const submit = handle(() => {
    const found: FieldErrors = {};
    if (!title.trim()) found.title = "indiquez l'intitulé de la tâche";
    if (!dueOn) found.dueOn = "indiquez l'échéance";
    const body = check(found, taskInputSchema.safeParse({ kind, owner, title, dueOn }));
    if (body) return send(() => api.subscriptions.addTask(request.id, body), (updated) => onAdded(updated, body.title));
  });

  return (
    <section className="panel form-panel" aria-labelledby={idOf('titre')}>
      <h4 id={idOf('titre')} tabIndex={-1} ref={headingRef}>
        Ajouter une tâche
      </h4>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="La tâche n'a pas été ajoutée" />
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form-grid">
          <SelectField id={idOf('kind')} label={LABELS.kind} required value={kind} error={errors.kind} onChange={(e) => setKind(e.target.value as TaskKind)}>
            {Object.entries(TASK_KINDS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <RadioGroup<Owner>
            id={idOf('owner')}
            legend={LABELS.owner}
            required
            value={owner}
            error={errors.owner}
            onChange={setOwner}
            options={[
              { value: 'member', label: `L'adhérent (${request.organisationName}) : il peut la marquer faite` },
              { value: 'provider', label: 'Le fournisseur' },
            ]}
          />
          <TextField id={idOf('title')} label={LABELS.title} required value={title} error={errors.title} onChange={(e) => setTitle(e.target.value)} />
          <TextField id={idOf('dueOn')} label={LABELS.dueOn} type="date" required value={dueOn} error={errors.dueOn} onChange={(e) => setDueOn(e.target.value)} />
        </div>
        <FormActions busy={busy} label="Ajouter la tâche" onCancel={onCancel} />
      </form>
    </section>
  );
}
