import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.ts';
import { CheckboxField, TextAreaField } from '../forms.tsx';
import { Alert, errorMessage } from '../ui.tsx';
import { SEAT_ROLES, type CommitteeView, type MeetingView } from '../../shared.ts';

/** Attendance (from the committee's members) and the minutes, written while the meeting is held. */
export function MinutesForm({ meeting, committee, onChanged }: { meeting: MeetingView; committee: CommitteeView | undefined; onChanged(meeting: MeetingView, message: string): void }) {
  const people = committee?.members ?? [];
  const present = new Set(meeting.attendance.filter((a) => a.present).map((a) => a.name));
  const [checked, setChecked] = useState<Record<string, boolean>>(Object.fromEntries(people.map((m) => [m.name, meeting.attendance.length ? present.has(m.name) : true])));
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const attendance = people.map((m) => ({ name: m.name, organisationId: m.organisationId, role: m.role, present: checked[m.name] ?? false }));
      onChanged(await api.governance.editMeeting(meeting.id, { attendance, minutes, expectedUpdatedAt: meeting.updatedAt }), 'Présences et compte rendu enregistrés.');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="compte-rendu-titre">
      <h3 id="compte-rendu-titre">Présences et compte rendu</h3>
      {error ? (
        <Alert tone="error" role="alert">
          <p>{error}</p>
        </Alert>
      ) : null}
      {people.length ? (
        <fieldset className="fieldset">
          <legend>Présents</legend>
          {people.map((m, i) => (
            <CheckboxField key={m.name} id={`present-${i}`} label={`${m.name} (${m.title ?? SEAT_ROLES[m.role]}, ${m.organisationName})`} checked={checked[m.name] ?? false} onChange={(value) => setChecked({ ...checked, [m.name]: value })} />
          ))}
        </fieldset>
      ) : null}
      <TextAreaField id="compte-rendu" label="Compte rendu" rows={8} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Enregistrer le compte rendu
        </button>
      </div>
    </form>
  );
}
