import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import type { DecisionInput } from '../../api/governance.ts';
import { ErrorSummary } from '../error-summary.tsx';
import { RadioGroup, SelectField, splitIssues, TextAreaField, TextField, type FieldErrors } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { useFormSubmit } from '../../lib/form-submit.ts';
import { OUTCOMES } from '../../lib/governance.ts';
import { DECISION_KINDS, REFUSAL_REASONS, decisionInputSchema, type MeetingView, type RefusalReason } from '../../shared.ts';

const LABELS = { subject: 'Objet de la décision', outcome: 'Décision', reason: 'Motif du refus', plannedFrom: 'Période envisagée : du', plannedUntil: 'au', priority: 'Rang de priorité', roadmapYear: 'Année de la feuille de route', budget: 'Budget (euros)', resources: 'Moyens', text: 'Texte de la décision' };
const FIELDS = [...Object.keys(LABELS), 'kind', 'requestId', 'needId', 'gridCode'];
const idOf = (field: string) => `decision-${field}`;
type Outcome = 'accept' | 'refuse' | 'postpone' | 'gather' | 'prioritise' | 'decline';

/**
 * A decision recorded in the minutes: on a request or a need of the agenda (applied through its own workflow: the
 * request's status follows), or another decision in the committee's powers (an amendment proposed, a grid adopted…).
 */
export function DecisionForm({ meeting, onDone }: { meeting: MeetingView; onDone(meeting: MeetingView, message: string): void }) {
  const items = meeting.agenda.filter((e) => (e.kind === 'subscription_request' && meeting.powers.includes('subscription')) || (e.kind === 'need' && meeting.powers.includes('need')));
  const others = (['amendment', 'grid', 'catalogue', 'other'] as const).filter((k) => k === 'other' || meeting.powers.includes(k));
  const [subject, setSubject] = useState(items[0] ? `item:${items[0].id}` : `kind:${others[0]}`);
  const item = items.find((e) => `item:${e.id}` === subject);
  const outcomes = item ? Object.entries(OUTCOMES[item.kind as 'subscription_request' | 'need']) : [];
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [d, setD] = useState({ reason: '', plannedFrom: '', plannedUntil: '', priority: '', roadmapYear: '', budget: '', resources: '', text: '', title: '' });
  const { errors, general, attempt, busy, handle, check, send } = useFormSubmit((issues) => splitIssues(issues, FIELDS));
  const set = (field: keyof typeof d) => (e: { target: { value: string } }) => setD({ ...d, [field]: e.target.value });
  const kindOf = subject.startsWith('kind:') ? (subject.slice(5) as (typeof others)[number]) : null;

  function bodyOf(): DecisionInput {
    const text = d.text.trim();
    if (item?.kind === 'subscription_request') {
      return { kind: 'subscription', requestId: item.id!, outcome: outcome as 'accept', ...(d.reason ? { reason: d.reason as RefusalReason } : {}), ...(d.plannedFrom ? { plannedFrom: d.plannedFrom, plannedUntil: d.plannedUntil } : {}), text };
    }
    if (item?.kind === 'need') {
      const number = (v: string) => (v.trim() ? Number(v) : undefined);
      return { kind: 'need', needId: item.id!, outcome: outcome as 'gather', priority: number(d.priority), roadmapYear: number(d.roadmapYear), ...(d.budget.trim() ? { budget: d.budget.trim() } : {}), ...(d.resources.trim() ? { resources: d.resources.trim() } : {}), ...(d.reason.trim() ? { reason: d.reason.trim() } : {}), text };
    }
    if (kindOf === 'grid') return { kind: 'grid', gridCode: d.title.trim(), text };
    return { kind: kindOf ?? 'other', subject: d.title.trim(), text };
  }

  const submit = handle(() => {
    const found: FieldErrors = {};
    if (item && !outcome) found.outcome = 'choisissez la décision';
    if (!item && !d.title.trim()) found.subject = 'indiquez ce qui est décidé';
    const body = check(found, decisionInputSchema.safeParse(bodyOf()));
    if (body) return send(() => api.governance.decide(meeting.id, body), (next) => onDone(next, `Décision inscrite au compte rendu : ${next.decisions.at(-1)?.summary ?? ''}.`));
  });

  return (
    <form onSubmit={submit} noValidate aria-busy={busy} aria-labelledby={idOf('titre')}>
      <h3 id={idOf('titre')}>Inscrire une décision</h3>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="La décision n'a pas été enregistrée" />
      <SelectField id={idOf('subject')} label={LABELS.subject} required value={subject} onChange={(e) => { setSubject(e.target.value); setOutcome(''); }}>
        {items.map((e) => (
          <option key={e.id} value={`item:${e.id}`}>
            {e.title}
          </option>
        ))}
        {others.map((k) => (
          <option key={k} value={`kind:${k}`}>
            {DECISION_KINDS[k]}
          </option>
        ))}
      </SelectField>
      {item ? <RadioGroup<Outcome> id={idOf('outcome')} legend={LABELS.outcome} required value={outcome} error={errors.outcome} onChange={setOutcome} options={outcomes.map(([value, label]) => ({ value: value as Outcome, label }))} /> : null}
      {!item ? <TextField id={idOf('subject-text')} label={kindOf === 'grid' ? 'Code de la grille adoptée' : 'Ce qui est décidé'} required value={d.title} error={errors.subject} onChange={set('title')} /> : null}
      {outcome === 'refuse' ? (
        <SelectField id={idOf('reason')} label={LABELS.reason} required value={d.reason} error={errors.reason} onChange={set('reason')}>
          <option value="">Choisir…</option>
          {Object.entries(REFUSAL_REASONS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      ) : null}
      {outcome === 'postpone' ? (
        <div className="form-grid">
          <TextField id={idOf('plannedFrom')} label={LABELS.plannedFrom} type="date" required value={d.plannedFrom} error={errors.plannedFrom} onChange={set('plannedFrom')} />
          <TextField id={idOf('plannedUntil')} label={LABELS.plannedUntil} type="date" required value={d.plannedUntil} error={errors.plannedUntil} onChange={set('plannedUntil')} />
        </div>
      ) : null}
      {outcome === 'prioritise' ? (
        <div className="form-grid">
          <TextField id={idOf('priority')} label={LABELS.priority} inputMode="numeric" required value={d.priority} error={errors.priority} onChange={set('priority')} />
          <TextField id={idOf('roadmapYear')} label={LABELS.roadmapYear} inputMode="numeric" required value={d.roadmapYear} error={errors.roadmapYear} onChange={set('roadmapYear')} />
          <TextField id={idOf('budget')} label={LABELS.budget} inputMode="decimal" value={d.budget} error={errors.budget} onChange={set('budget')} />
          <TextField id={idOf('resources')} label={LABELS.resources} value={d.resources} error={errors.resources} onChange={set('resources')} />
        </div>
      ) : null}
      {outcome === 'decline' ? <TextField id={idOf('reason')} label="Motif" required value={d.reason} error={errors.reason} onChange={set('reason')} /> : null}
      <TextAreaField id={idOf('text')} label={LABELS.text} rows={3} value={d.text} error={errors.text} onChange={set('text')} />
      <FormActions busy={busy} label="Inscrire la décision" />
    </form>
  );
}
