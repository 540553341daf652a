import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { ErrorSummary, splitIssues, TextField, type FieldErrors } from '../components/forms.tsx';
import { Alert, errorMessage, PageHeader } from '../components/ui.tsx';
import { useTitle } from '../lib/hooks.ts';
import { useSession } from '../lib/session.tsx';
import { loginSchema } from '../shared.ts';
import { useFormErrors } from '../lib/form-errors.ts';

const LABELS = { email: 'Adresse électronique', password: 'Mot de passe' };
const idOf = (field: string) => `login-${field}`;

export function LoginPage() {
  useTitle('Connexion');
  const { signedIn, notice } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { errors, attempt, fail, clear } = useFormErrors();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const failureRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const parsed = loginSchema.safeParse({ email: email.trim(), password });
    if (!parsed.success) return fail(splitIssues(parsed.error.issues, Object.keys(LABELS)).fields);
    clear();
    setBusy(true);
    try {
      const account = await api.auth.login(parsed.data.email, parsed.data.password);
      // The application then leaves the login page for the address in `retour` (see App).
      signedIn(account);
    } catch (error) {
      setBusy(false);
      setFailure(
        error instanceof ApiError && error.status === 401
          ? 'Adresse électronique ou mot de passe incorrect. Vérifiez votre saisie puis réessayez.'
          : errorMessage(error),
      );
      setPassword('');
      setTimeout(() => failureRef.current?.focus(), 0);
    }
  }

  return (
    <>
      <PageHeader title="Connexion" lead="Connectez-vous avec le compte que votre service informatique mutualisé vous a remis." />
      {notice && !failure ? (
        <Alert tone="info" role="status">
          <p>{notice}</p>
        </Alert>
      ) : null}
      {failure ? (
        <Alert tone="error" role="alert" title="Connexion refusée" focusRef={failureRef}>
          <p>{failure}</p>
        </Alert>
      ) : null}
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} attempt={attempt} />
      <form className="form panel" onSubmit={submit} noValidate aria-busy={busy}>
        <TextField
          id={idOf('email')}
          label={LABELS.email}
          hint="Par exemple : prenom.nom@mairie.fr"
          type="email"
          autoComplete="username"
          spellCheck={false}
          required
          value={email}
          error={errors.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          id={idOf('password')}
          label={LABELS.password}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          error={errors.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Connexion…' : 'Se connecter'}
          </button>
        </div>
      </form>
    </>
  );
}
