import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.ts';
import type { NeedEventInput } from '../../api/governance.ts';
import { ApiError } from '../../api/client.ts';
import { TextField } from '../forms.tsx';
import { errorMessage } from '../ui.tsx';
import type { NeedView } from '../../shared.ts';

type Action = 'submit' | 'advise_yes' | 'advise_no' | 'validate' | 'refuse' | 'complete';
const LABELS: Record<Action, string> = {
  submit: 'Transmettre',
  advise_yes: 'Avis favorable',
  advise_no: 'Avis défavorable',
  validate: 'Valider',
  refuse: 'Refuser',
  complete: 'Marquer réalisé',
};
const NEEDS_TEXT: Action[] = ['advise_yes', 'advise_no', 'refuse'];

/** What each side may do next: the member transmits; the provider advises, validates or refuses, and closes. */
export function actionsOf(need: NeedView, provider: boolean): Action[] {
  if (!provider) return need.status === 'draft' ? ['submit'] : [];
  if (need.kind === 'acquisition') {
    if (need.status === 'submitted') return ['advise_yes', 'advise_no', 'refuse'];
    if (need.status === 'advised') return need.advice?.favourable ? ['validate', 'refuse'] : ['advise_yes', 'refuse'];
    if (need.status === 'validated') return ['complete'];
  }
  return need.kind === 'need' && need.status === 'prioritised' ? ['complete'] : [];
}

function bodyOf(action: Action, text: string): NeedEventInput {
  if (action === 'advise_yes' || action === 'advise_no') return { kind: 'advise', favourable: action === 'advise_yes', text };
  if (action === 'refuse') return { kind: 'refuse', reason: text };
  return { kind: action };
}

/** The buttons of one row of the register, with the reason or advice asked for when the action needs one. */
export function NeedActions({ need, provider, onDone, onError }: { need: NeedView; provider: boolean; onDone(need: NeedView, message: string): void; onError(message: string): void }) {
  const [asking, setAsking] = useState<Action | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const actions = actionsOf(need, provider);
  if (!actions.length) return <span className="muted">—</span>;

  async function run(action: Action) {
    setBusy(true);
    try {
      const next = await api.governance.needEvent(need.id, bodyOf(action, text.trim()));
      setAsking(null);
      setText('');
      onDone(next, `${need.title} : ${next.statusLabel.toLowerCase()}.`);
    } catch (e) {
      onError(e instanceof ApiError && e.issues.length ? e.issues.map((i) => i.message).join(' ') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (asking) {
    const submit = (event: FormEvent) => {
      event.preventDefault();
      void run(asking);
    };
    return (
      <form className="inline-form" onSubmit={submit} noValidate aria-label={`${LABELS[asking]} : ${need.title}`}>
        <TextField id={`besoin-${need.id}-texte`} label={asking === 'refuse' ? 'Motif' : 'Avis motivé'} required value={text} onChange={(e) => setText(e.target.value)} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary btn-small" disabled={busy}>
            {LABELS[asking]}
          </button>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setAsking(null)}>
            Annuler
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="button-row">
      {actions.map((a) => (
        <button key={a} type="button" className="btn btn-secondary btn-small" disabled={busy} onClick={() => (NEEDS_TEXT.includes(a) ? setAsking(a) : void run(a))}>
          {LABELS[a]}
          <span className="sr-only"> : {need.title}</span>
        </button>
      ))}
    </div>
  );
}
