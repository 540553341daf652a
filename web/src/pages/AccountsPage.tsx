import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { ErrorSummary, SelectField, splitIssues, TextField, type FieldErrors } from '../components/forms.tsx';
import { OrganisationPicker } from '../components/OrganisationPicker.tsx';
import { Alert, Badge, errorMessage, LoadError, Loading, PageHeader, TableScroll } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { plural } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { isPlatformStaff, useAccount } from '../lib/session.tsx';
import { ACCOUNT_ROLES, ACCOUNT_ROLE_VALUES, accountCreateSchema, isMemberRole, type Account, type AccountRole } from '../shared.ts';
import { useFormErrors } from '../lib/form-errors.ts';

const LABELS = {
  email: 'Adresse électronique',
  displayName: 'Nom affiché',
  role: 'Rôle',
  organisationId: 'Organisation',
  password: 'Mot de passe initial',
  search: 'Rechercher l’organisation adhérente',
};
const idOf = (field: string) => `compte-${field}`;

function CreateAccount({ me, onCreated }: { me: Account; onCreated(account: Account): void }) {
  const platform = isPlatformStaff(me);
  const providers = useResource(() => api.providers.list(), 'providers');
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<AccountRole>('member_cli');
  const [organisationId, setOrganisationId] = useState('');
  const [password, setPassword] = useState('');
  const { errors, general, attempt, fail, clear } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const member = isMemberRole(role);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    // Staff of a provider belong to it; the platform's own staff belong to no organisation.
    const orgId = member ? organisationId || null : platform ? organisationId || null : me.organisationId;
    const parsed = accountCreateSchema.safeParse({ email: email.trim(), displayName, role, organisationId: orgId, password });
    const fields: FieldErrors = parsed.success ? {} : splitIssues(parsed.error.issues, Object.keys(LABELS)).fields;
    if (member && !orgId) fields.organisationId = "un compte d'adhérent est rattaché à son organisation : cherchez-la puis choisissez-la";
    if (!parsed.success || Object.keys(fields).length) return fail(fields);
    setBusy(true);
    try {
      const created = await api.accounts.create(parsed.data);
      setBusy(false);
      setEmail('');
      setDisplayName('');
      setPassword('');
      clear();
      onCreated(created);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.isValidation) {
        const split = splitIssues(error.issues, Object.keys(LABELS));
        return fail(split.fields, split.general.length || Object.keys(split.fields).length ? split.general : [error.message]);
      }
      fail({}, [errorMessage(error)]);
    }
  }

  return (
    <section className="section" aria-labelledby="creer-compte-titre">
      <h2 id="creer-compte-titre">Créer un compte</h2>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="Le compte n'a pas été créé" />
      <form className="panel form" onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form-grid">
          <TextField id={idOf('email')} label={LABELS.email} type="email" required autoComplete="off" spellCheck={false} value={email} error={errors.email} onChange={(e) => setEmail(e.target.value)} />
          <TextField id={idOf('displayName')} label={LABELS.displayName} required hint="Par exemple : Correspondant informatique de Lens" autoComplete="off" value={displayName} error={errors.displayName} onChange={(e) => setDisplayName(e.target.value)} />
          <SelectField
            id={idOf('role')}
            label={LABELS.role}
            required
            value={role}
            error={errors.role}
            onChange={(e) => {
              setRole(e.target.value as AccountRole);
              setOrganisationId('');
            }}
          >
            {ACCOUNT_ROLE_VALUES.map((r) => (
              <option key={r} value={r}>
                {ACCOUNT_ROLES[r]}
              </option>
            ))}
          </SelectField>
          <TextField
            id={idOf('password')}
            label={LABELS.password}
            type="password"
            required
            autoComplete="new-password"
            hint="Au moins 12 caractères ; à transmettre à la personne, qui le changera dans « Mon compte »."
            value={password}
            error={errors.password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {member ? (
          <OrganisationPicker
            id={idOf('organisationId')}
            searchId={idOf('search')}
            label={LABELS.organisationId}
            searchLabel={LABELS.search}
            value={organisationId}
            onChange={(id) => setOrganisationId(id)}
            error={errors.organisationId}
          />
        ) : platform ? (
          <SelectField
            id={idOf('organisationId')}
            label={LABELS.organisationId}
            hint="Le personnel d'un fournisseur ne voit que ce fournisseur et ses adhérents."
            value={organisationId}
            error={errors.organisationId}
            onChange={(e) => setOrganisationId(e.target.value)}
          >
            <option value="">Aucune : toute la plateforme</option>
            {providers.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.shortName} — {p.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <p className="muted">Le compte sera rattaché à votre fournisseur, {me.organisationName}.</p>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Création…' : 'Créer le compte'}
          </button>
        </div>
      </form>
    </section>
  );
}

export function AccountsPage() {
  useTitle('Comptes');
  const me = useAccount();
  const announce = useAnnounce();
  const accounts = useResource(() => api.accounts.list(), 'accounts');
  const [created, setCreated] = useState<Account | null>(null);
  const createdRef = useRef<HTMLDivElement>(null);

  return (
    <>
      <PageHeader title="Comptes" lead="Les personnes qui peuvent se connecter, leur rôle et leur organisation." />
      {created ? (
        <Alert tone="success" focusRef={createdRef} title="Compte créé">
          <p>
            {created.displayName} ({created.email}) peut se connecter avec le mot de passe initial.
          </p>
        </Alert>
      ) : null}
      <section className="section" aria-labelledby="liste-comptes-titre" aria-busy={accounts.loading}>
        <h2 id="liste-comptes-titre">Comptes existants</h2>
        {accounts.error ? <LoadError error={accounts.error} retry={accounts.reload} /> : null}
        {accounts.loading && !accounts.data ? <Loading /> : null}
        {accounts.data ? (
          <TableScroll label="Liste des comptes">
            <table className="table">
              <caption>Comptes ({plural(accounts.data.length, 'compte', 'comptes')})</caption>
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Adresse électronique</th>
                  <th scope="col">Rôle</th>
                  <th scope="col">Organisation</th>
                  <th scope="col">État</th>
                </tr>
              </thead>
              <tbody>
                {accounts.data.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.displayName}</th>
                    <td>{a.email}</td>
                    <td>{ACCOUNT_ROLES[a.role]}</td>
                    <td>{a.organisationId ? <Link to={`/organisations/${a.organisationId}`}>{a.organisationName}</Link> : 'Plateforme'}</td>
                    <td>{a.active ? <Badge tone="success">Actif</Badge> : <Badge tone="muted">Désactivé</Badge>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
      <CreateAccount
        me={me}
        onCreated={(account) => {
          setCreated(account);
          announce(`Compte créé : ${account.email}.`);
          accounts.reload();
          setTimeout(() => createdRef.current?.focus(), 0);
        }}
      />
    </>
  );
}
