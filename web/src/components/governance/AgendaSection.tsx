import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/endpoints.ts';
import { TextField } from '../forms.tsx';
import { Alert, errorMessage } from '../ui.tsx';
import { agendaItemOf } from '../../lib/governance.ts';
import type { AgendaEntry, MeetingView } from '../../shared.ts';

function EntryTitle({ entry }: { entry: AgendaEntry }) {
  if (entry.kind === 'subscription_request' && entry.id) return <Link to={`/demandes/${entry.id}`}>{entry.title}</Link>;
  return <>{entry.title}</>;
}

/**
 * The agenda: pending subscription requests and needs awaiting a committee are proposed (seed 004 art. 10.1.3 and 4),
 * free items are typed; nothing changes once the minutes are final.
 */
export function AgendaSection({ meeting, writer, onChanged }: { meeting: MeetingView; writer: boolean; onChanged(meeting: MeetingView, message: string): void }) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = writer && (meeting.status === 'planned' || meeting.status === 'held');

  async function save(agenda: AgendaEntry[], message: string) {
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.governance.editMeeting(meeting.id, { agenda: agenda.map(agendaItemOf), expectedUpdatedAt: meeting.updatedAt }), message);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function addText(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return setError("Indiquez l'intitulé du point à ajouter.");
    void save([...meeting.agenda, { kind: 'text', id: null, title: title.trim(), organisationName: null, status: null }], `Point ajouté à l'ordre du jour : ${title.trim()}.`).then(() => setTitle(''));
  }

  return (
    <section className="section" aria-labelledby="ordre-du-jour" aria-busy={busy}>
      <h2 id="ordre-du-jour">Ordre du jour</h2>
      {error ? (
        <Alert tone="error" role="alert">
          <p>{error}</p>
        </Alert>
      ) : null}
      {meeting.agenda.length ? (
        <ol className="agenda">
          {meeting.agenda.map((entry, i) => (
            <li key={`${entry.kind}-${entry.id ?? entry.title}-${i}`}>
              <EntryTitle entry={entry} />
              {entry.status ? <span className="muted"> — statut : {entry.status}</span> : null}
              {open ? (
                <button type="button" className="btn btn-link btn-small" disabled={busy} onClick={() => void save(meeting.agenda.filter((_, j) => j !== i), `Point retiré de l'ordre du jour : ${entry.title}.`)}>
                  Retirer<span className="sr-only"> : {entry.title}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">L'ordre du jour est vide.</p>
      )}
      {open && meeting.proposals.length ? (
        <>
          <h3>À inscrire</h3>
          <ul className="proposals">
            {meeting.proposals.map((p) => (
              <li key={p.id}>
                <EntryTitle entry={p} />
                {p.status ? <span className="muted"> — statut : {p.status}</span> : null}{' '}
                <button type="button" className="btn btn-secondary btn-small" disabled={busy} onClick={() => void save([...meeting.agenda, p], `Inscrit à l'ordre du jour : ${p.title}.`)}>
                  Inscrire à l'ordre du jour<span className="sr-only"> : {p.title}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {open ? (
        <form className="inline-form" onSubmit={addText} noValidate aria-label="Ajouter un point à l'ordre du jour">
          <TextField id="point-ordre-du-jour" label="Autre point" value={title} onChange={(e) => setTitle(e.target.value)} />
          <div className="form-actions">
            <button type="submit" className="btn btn-secondary" disabled={busy}>
              Ajouter le point
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
