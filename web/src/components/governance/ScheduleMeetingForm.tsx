import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { ErrorSummary } from '../error-summary.tsx';
import { splitIssues, TextField, type FieldErrors } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { useFocusOnMount } from '../../lib/focus.ts';
import { useFormSubmit } from '../../lib/form-submit.ts';
import { todayInParis } from '../../lib/grids.ts';
import { meetingInputSchema, type CommitteeView, type MeetingView } from '../../shared.ts';

const LABELS = { scheduledOn: 'Date de la réunion', place: 'Lieu' };
const FIELDS = Object.keys(LABELS);
const idOf = (field: string) => `nouvelle-reunion-${field}`;

/** Schedules a meeting; the rhythm proposes its date (the next one due), which the person may change. */
export function ScheduleMeetingForm({ committee, onDone, onCancel }: { committee: CommitteeView; onDone(meeting: MeetingView): void; onCancel(): void }) {
  const [scheduledOn, setScheduledOn] = useState(committee.nextDueOn ?? todayInParis());
  const [place, setPlace] = useState('');
  const { errors, general, attempt, busy, handle, check, send } = useFormSubmit((issues) => splitIssues(issues, FIELDS));
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  const submit = handle(() => {
    const found: FieldErrors = {};
    if (!scheduledOn) found.scheduledOn = 'indiquez la date';
    const body = check(found, meetingInputSchema.safeParse({ scheduledOn, ...(place.trim() ? { place: place.trim() } : {}) }));
    if (body) return send(() => api.governance.schedule(committee.id, body), onDone);
  });

  return (
    <section className="panel form-panel" aria-labelledby={idOf('titre')}>
      <h3 id={idOf('titre')} tabIndex={-1} ref={headingRef}>
        Programmer une réunion
      </h3>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="La réunion n'a pas été programmée" />
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form-grid">
          <TextField
            id={idOf('scheduledOn')}
            label={LABELS.scheduledOn}
            type="date"
            required
            hint={committee.nextDueOn ? `Selon le rythme (${committee.rhythmText.toLowerCase()}) : le ${committee.nextDueOn.split('-').reverse().join('/')}.` : undefined}
            value={scheduledOn}
            error={errors.scheduledOn}
            onChange={(e) => setScheduledOn(e.target.value)}
          />
          <TextField id={idOf('place')} label={LABELS.place} value={place} error={errors.place} onChange={(e) => setPlace(e.target.value)} />
        </div>
        <FormActions busy={busy} label="Programmer la réunion" onCancel={onCancel} />
      </form>
    </section>
  );
}
