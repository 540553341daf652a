import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.ts';
import type { MeetingEvent } from '../../api/governance.ts';
import { ApiError } from '../../api/client.ts';
import { TextField } from '../forms.tsx';
import { Alert, errorMessage } from '../ui.tsx';
import { formatCivilDate } from '../../lib/format.ts';
import { todayInParis } from '../../lib/grids.ts';
import type { MeetingView } from '../../shared.ts';

const ACTIONS: Record<MeetingEvent['kind'], { label: string; done: string; date: string }> = {
  hold: { label: 'Indiquer que la réunion s’est tenue', done: 'Réunion tenue le', date: 'Date de tenue' },
  reschedule: { label: 'Reporter la réunion', done: 'Réunion reportée au', date: 'Nouvelle date' },
  cancel: { label: 'Annuler la réunion', done: 'Réunion annulée le', date: "Date de l'annulation" },
  finalise: { label: 'Rendre le compte rendu définitif', done: 'Compte rendu définitif le', date: 'Date' },
};

/** Planned → held → minutes final (or cancelled, rescheduled): each step with its date, refused with the reason. */
export function MeetingLifecycle({ meeting, onChanged }: { meeting: MeetingView; onChanged(meeting: MeetingView, message: string): void }) {
  const kinds: MeetingEvent['kind'][] = meeting.status === 'planned' ? ['hold', 'reschedule', 'cancel'] : meeting.status === 'held' ? ['finalise'] : [];
  const [kind, setKind] = useState<MeetingEvent['kind'] | null>(null);
  const [on, setOn] = useState(todayInParis());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!kinds.length) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!kind) return;
    setBusy(true);
    setError(null);
    try {
      const next = await api.governance.meetingEvent(meeting.id, { kind, on });
      setKind(null);
      onChanged(next, `${ACTIONS[kind].done} ${formatCivilDate(on)}.`);
    } catch (e) {
      setError(e instanceof ApiError && e.issues.length ? e.issues.map((i) => i.message).join(' ') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="panel" role="group" aria-label="Étapes de la réunion">
      {error ? (
        <Alert tone="error" role="alert">
          <p>{error}</p>
        </Alert>
      ) : null}
      {kind ? (
        <form className="inline-form" onSubmit={submit} noValidate aria-label={ACTIONS[kind].label}>
          <TextField id="reunion-etape-date" label={ACTIONS[kind].date} type="date" required value={on} onChange={(e) => setOn(e.target.value)} />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {ACTIONS[kind].label}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setKind(null)}>
              Annuler
            </button>
          </div>
        </form>
      ) : (
        <div className="form-actions">
          {kinds.map((k) => (
            <button
              key={k}
              type="button"
              className={k === 'hold' || k === 'finalise' ? 'btn btn-primary' : 'btn btn-secondary'}
              onClick={() => {
                setOn(k === 'reschedule' ? meeting.scheduledOn : todayInParis());
                setKind(k);
              }}
            >
              {ACTIONS[k].label}…
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
