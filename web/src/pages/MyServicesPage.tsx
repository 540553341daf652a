import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/endpoints.ts';
import { SelectField } from '../components/forms.tsx';
import { QuotesTable } from '../components/quotes/QuotesTable.tsx';
import { MemberRequestCard } from '../components/subscriptions/MemberRequestCard.tsx';
import { RequestForm } from '../components/subscriptions/RequestForm.tsx';
import { Alert, LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { plural } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount, useCan } from '../lib/session.tsx';
import { lineLabel } from '../lib/subscriptions.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

/** The member portal's services: ask a provider for services (checked live), follow the requests, read the quotes. */
export function MyServicesPage() {
  useTitle('Mes services');
  const account = useAccount();
  const allowed = useCan();
  const announce = useAnnounce();
  const organisationId = account.organisationId ?? '';
  const [params, setParams] = useSearchParams();
  const org = useResource(() => (organisationId ? api.organisations.get(organisationId) : Promise.resolve(null)), `org-${organisationId}`);
  const providers = org.data?.providers.filter((p) => p.status === 'member') ?? [];
  const providerId = params.get('fournisseur') ?? providers[0]?.providerId ?? '';
  const provider = providers.find((p) => p.providerId === providerId);
  const catalogue = useResource((signal) => (providerId ? api.catalogue.get(providerId, signal) : Promise.resolve(undefined)), `catalogue-${providerId}`);
  const [generation, setGeneration] = useState(0);
  const key = `${providerId}-${generation}`;
  const requests = useResource((signal) => (providerId ? api.subscriptions.list({ providerId, organisationId }, signal) : Promise.resolve([])), `requests-${key}`);
  const quotes = useResource((signal) => (providerId ? api.quotes.list({ providerId, organisationId }, signal) : Promise.resolve([])), `quotes-${key}`);
  const [flash, setFlash] = useState<{ text: string; focus: boolean } | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (flash?.focus) flashRef.current?.focus();
  }, [flash]);

  if (!organisationId) return <NotFoundPage title="Organisation introuvable" message="Votre compte n'est rattaché à aucune organisation." />;

  function changed(text: string, focus = true) {
    setFlash({ text, focus });
    announce(text);
    setGeneration((g) => g + 1);
  }

  const canRequest = allowed('subscription:request');
  const name = provider?.providerName ?? 'le fournisseur';
  return (
    <>
      <PageHeader
        title="Mes services"
        lead={`Les services de ${account.organisationName ?? 'votre organisation'} auprès de ses fournisseurs : demandes de souscription, ouvertures, tâches de suivi et devis.`}
        actions={
          <>
            <Link className="btn btn-secondary" to="/consommations">
              Consommations
            </Link>
            {providerId ? (
              <Link className="btn btn-secondary" to={`/fournisseurs/${providerId}/catalogue`}>
                Catalogue<span className="sr-only"> de {name}</span>
              </Link>
            ) : null}
          </>
        }
      />
      {org.error ? <LoadError error={org.error} retry={org.reload} /> : null}
      {org.data && providers.length === 0 ? <p className="empty">Votre organisation n'adhère encore à aucun fournisseur.</p> : null}
      {providers.length > 1 ? (
        <div className="panel filters" role="search" aria-label="Choisir le fournisseur">
          <SelectField id="services-fournisseur" label="Fournisseur" value={providerId} onChange={(e) => setParams(new URLSearchParams({ fournisseur: e.target.value }))}>
            {providers.map((p) => (
              <option key={p.providerId} value={p.providerId}>
                {p.providerName}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      {flash ? (
        <Alert tone="success" focusRef={flashRef}>
          <p>{flash.text}</p>
        </Alert>
      ) : null}
      {canRequest && providerId ? (
        <section className="section" aria-labelledby="nouvelle-demande">
          <h2 id="nouvelle-demande">Nouvelle demande de souscription</h2>
          <p className="muted">
            Une ligne par service : le volume et la date d'ouverture souhaitée. La demande est vérifiée au fil de la saisie ; {name} l'étudie puis ouvre chaque
            service par un procès-verbal d'ouverture, qui fixe la date de facturation.
          </p>
          {catalogue.error ? <LoadError error={catalogue.error} retry={catalogue.reload} /> : null}
          {catalogue.data ? (
            <RequestForm
              organisationId={organisationId}
              catalogue={catalogue.data}
              onSubmitted={(request) => changed(`Demande envoyée : ${request.lines.map((l) => lineLabel(l, catalogue.data)).join(', ')}.`)}
            />
          ) : (
            !catalogue.error && <Loading label="Chargement du catalogue…" />
          )}
        </section>
      ) : null}
      {providerId ? (
        <section className="section" aria-labelledby="mes-demandes" aria-busy={requests.loading}>
          <h2 id="mes-demandes">
            Mes demandes {requests.data ? <span className="count">({plural(requests.data.length, 'demande', 'demandes')})</span> : null}
          </h2>
          {requests.error ? <LoadError error={requests.error} retry={requests.reload} /> : null}
          {requests.loading && !requests.data ? <Loading /> : null}
          {requests.data?.length === 0 ? <p className="empty">Aucune demande auprès de {name}.</p> : null}
          {[...(requests.data ?? [])]
            .sort((a, b) => b.receivedOn.localeCompare(a.receivedOn))
            .map((r) => (
              <MemberRequestCard key={r.id} request={r} catalogue={catalogue.data} providerName={name} canRequest={canRequest} onChanged={(_, message, focus) => changed(message, focus)} />
            ))}
        </section>
      ) : null}
      {providerId ? (
        <section className="section" aria-labelledby="mes-devis" aria-busy={quotes.loading}>
          <h2 id="mes-devis">Devis</h2>
          {quotes.error ? <LoadError error={quotes.error} retry={quotes.reload} /> : null}
          {quotes.data?.length === 0 ? <p className="empty">Aucun devis de {name}.</p> : null}
          {quotes.data?.length ? <QuotesTable quotes={quotes.data} caption={`Devis de ${name}`} /> : null}
        </section>
      ) : null}
    </>
  );
}
