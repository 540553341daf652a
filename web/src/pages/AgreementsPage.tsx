import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/endpoints.ts';
import { AgreementsTable } from '../components/AgreementBits.tsx';
import { SelectField } from '../components/forms.tsx';
import { LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { plural } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount, useCan } from '../lib/session.tsx';

/** Every agreement the account may see, with its status and next deadline; filtered by provider in the address. */
export function AgreementsPage() {
  useTitle('Conventions');
  const account = useAccount();
  const allowed = useCan();
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const providerId = params.get('providerId') ?? '';
  const [draft, setDraft] = useState(providerId);
  useEffect(() => setDraft(providerId), [providerId]);
  const providers = useResource(() => api.providers.list(), 'providers');
  const list = useResource((signal) => api.agreements.list(providerId || undefined, signal), `agreements-${providerId}`);
  const providerName = providers.data?.find((p) => p.id === providerId)?.name;

  useEffect(() => {
    if (list.data && !list.loading) announce(`${plural(list.data.length, 'convention affichée', 'conventions affichées')}.`);
  }, [list.data, list.loading]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams(draft ? new URLSearchParams({ providerId: draft }) : new URLSearchParams());
  }

  const member = account.side === 'member';
  return (
    <>
      <PageHeader
        title="Conventions"
        lead={
          member
            ? `Les conventions que ${account.organisationName ?? 'votre organisation'} a passées avec ses fournisseurs, leurs règles et leurs échéances.`
            : 'Les conventions entre les fournisseurs et leurs adhérents : parties, règles de durée et de sortie, échéances calculées.'
        }
        actions={
          <>
            {account.side === 'provider' && allowed('agreement:write') ? (
              <Link className="btn btn-primary" to="/conventions/nouvelle">
                Nouvelle convention
              </Link>
            ) : null}
            <Link className="btn btn-secondary" to="/calendrier">
              Calendrier des échéances
            </Link>
          </>
        }
      />
      {providers.data && providers.data.length > 1 ? (
        <div className="panel filters" role="search" aria-label="Filtrer les conventions">
          <form className="inline-form" onSubmit={submit} noValidate>
            <SelectField id="conventions-fournisseur" label="Fournisseur" value={draft} onChange={(e) => setDraft(e.target.value)}>
              <option value="">Tous les fournisseurs</option>
              {providers.data.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
            <div className="form-actions">
              <button type="submit" className="btn btn-primary">
                Filtrer
              </button>
              {providerId ? (
                <Link className="btn btn-secondary" to="/conventions">
                  Tout afficher
                </Link>
              ) : null}
            </div>
          </form>
        </div>
      ) : null}
      <section className="section" aria-labelledby="liste-conventions" aria-busy={list.loading}>
        <h2 id="liste-conventions" className="sr-only">
          Liste des conventions
        </h2>
        {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
        {list.loading && !list.data ? <Loading /> : null}
        {list.data ? (
          list.data.length === 0 ? (
            <p className="empty">{providerId ? 'Aucune convention pour ce fournisseur.' : 'Aucune convention visible.'}</p>
          ) : (
            <AgreementsTable
              agreements={list.data}
              label="Tableau des conventions"
              caption={`${plural(list.data.length, 'convention', 'conventions')}${providerName ? ` de ${providerName}` : ''}, par titre ; le statut est écrit en toutes lettres`}
            />
          )
        ) : null}
      </section>
    </>
  );
}
