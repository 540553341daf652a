import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { ErrorSummary, splitIssues, TextField, type FieldErrors } from '../components/forms.tsx';
import { Alert, DescriptionList, errorMessage, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { useTitle } from '../lib/hooks.ts';
import { useAccount } from '../lib/session.tsx';
import { ACCOUNT_ROLES, passwordChangeSchema } from '../shared.ts';
import { useFormErrors } from '../lib/form-errors.ts';

const LABELS = { currentPassword: 'Mot de passe actuel', newPassword: 'Nouveau mot de passe', confirmation: 'Confirmation du nouveau mot de passe' };
const idOf = (field: string) => `mot-de-passe-${field}`;

function PasswordChange({ email }: { email: string }) {
  const announce = useAnnounce();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { errors, general, attempt, fail, clear } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setDone(false);
    const parsed = passwordChangeSchema.safeParse({ currentPassword, newPassword });
    const fields: FieldErrors = parsed.success ? {} : splitIssues(parsed.error.issues, Object.keys(LABELS)).fields;
    if (!fields.newPassword && newPassword !== confirmation) fields.confirmation = 'les deux saisies du nouveau mot de passe diffèrent';
    if (!fields.newPassword && currentPassword && newPassword === currentPassword) fields.newPassword = "le nouveau mot de passe doit différer de l'actuel";
    if (!parsed.success || Object.keys(fields).length) return fail(fields);
    setBusy(true);
    try {
      await api.auth.changePassword(parsed.data.currentPassword, parsed.data.newPassword);
      setCurrent('');
      setNew('');
      setConfirmation('');
      clear();
      setDone(true);
      announce('Mot de passe modifié.');
      setTimeout(() => doneRef.current?.focus(), 0);
    } catch (error) {
      if (error instanceof ApiError && error.isValidation) {
        const split = splitIssues(error.issues, Object.keys(LABELS));
        fail(split.fields, split.general.length || Object.keys(split.fields).length ? split.general : [error.message]);
      } else {
        fail({}, [errorMessage(error)]);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="mot-de-passe-titre">
      <h2 id="mot-de-passe-titre">Changer de mot de passe</h2>
      {done ? (
        <Alert tone="success" focusRef={doneRef} title="Mot de passe modifié">
          <p>Vos autres sessions ouvertes ont été fermées ; celle-ci reste active.</p>
        </Alert>
      ) : null}
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="Le mot de passe n'a pas été changé" />
      <form className="panel form" onSubmit={submit} noValidate aria-busy={busy}>
        {/* A hidden user name lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField id={idOf('currentPassword')} label={LABELS.currentPassword} type="password" required autoComplete="current-password" value={currentPassword} error={errors.currentPassword} onChange={(e) => setCurrent(e.target.value)} />
        <TextField
          id={idOf('newPassword')}
          label={LABELS.newPassword}
          type="password"
          required
          autoComplete="new-password"
          hint="Au moins 12 caractères. Une phrase de passe de plusieurs mots est plus facile à retenir et plus sûre."
          value={newPassword}
          error={errors.newPassword}
          onChange={(e) => setNew(e.target.value)}
        />
        <TextField id={idOf('confirmation')} label={LABELS.confirmation} type="password" required autoComplete="new-password" value={confirmation} error={errors.confirmation} onChange={(e) => setConfirmation(e.target.value)} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Enregistrement…' : 'Changer le mot de passe'}
          </button>
        </div>
      </form>
    </section>
  );
}

export function MyAccountPage() {
  useTitle('Mon compte');
  const account = useAccount();
  return (
    <>
      <PageHeader title="Mon compte" />
      <section className="section" aria-labelledby="profil-titre">
        <h2 id="profil-titre">Profil</h2>
        <DescriptionList
          items={[
            { term: 'Nom', value: account.displayName },
            { term: 'Adresse électronique', value: account.email },
            { term: 'Rôle', value: ACCOUNT_ROLES[account.role] },
            { term: 'Organisation', value: account.organisationName ?? 'Plateforme (toutes les organisations)' },
          ]}
        />
      </section>
      <PasswordChange email={account.email} />
    </>
  );
}
