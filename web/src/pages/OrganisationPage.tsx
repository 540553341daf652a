import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { MemberCounts } from '../components/organisation/MemberCounts.tsx';
import { OrganisationAgreements } from '../components/organisation/OrganisationAgreements.tsx';
import { OrganisationAuditTrail } from '../components/organisation/OrganisationAuditTrail.tsx';
import { OrganisationContacts } from '../components/organisation/OrganisationContacts.tsx';
import { OrganisationIdentity } from '../components/organisation/OrganisationIdentity.tsx';
import { OrganisationProviders } from '../components/organisation/OrganisationProviders.tsx';
import { Alert, LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { kindLabel } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount, useCan } from '../lib/session.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export function OrganisationPage() {
  const { id = '' } = useParams();
  return <OrganisationView id={id} key={id} />;
}

/** The member portal: the account's own organisation. */
export function MyOrganisationPage() {
  const account = useAccount();
  if (!account.organisationId) return <NotFoundPage title="Organisation introuvable" message="Votre compte n'est rattaché à aucune organisation." />;
  return <OrganisationView id={account.organisationId} portal />;
}

function OrganisationView({ id, portal = false }: { id: string; portal?: boolean }) {
  const allowed = useCan();
  const account = useAccount();
  const location = useLocation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [generation, setGeneration] = useState(0);
  const detail = useResource(() => api.organisations.get(id), `org-${id}-${generation}`);
  const flashFromNavigation = (location.state as { flash?: string } | null)?.flash ?? null;
  const [flash, setFlash] = useState<string | null>(flashFromNavigation);
  const flashRef = useRef<HTMLDivElement>(null);
  const org = detail.data;
  useTitle(org ? (portal ? `Mon organisation : ${org.name}` : org.name) : detail.error ? 'Organisation introuvable' : 'Organisation');

  useEffect(() => {
    if (flashFromNavigation) {
      announce(flashFromNavigation);
      // The message is shown once: going back to this page later does not repeat it.
      navigate(location.pathname, { replace: true, state: null });
    }
  }, []);
  useEffect(() => {
    if (flash && generation > 0) flashRef.current?.focus();
  }, [flash, generation]);

  if (detail.error instanceof ApiError && detail.error.status === 404) {
    return <NotFoundPage title="Organisation introuvable" message="Cette organisation n'existe pas, ou vous n'avez pas accès à sa fiche." />;
  }
  if (!org) {
    return (
      <>
        <PageHeader title={portal ? 'Mon organisation' : 'Organisation'} />
        {detail.error ? <LoadError error={detail.error} retry={detail.reload} /> : <Loading />}
      </>
    );
  }

  const refresh = () => setGeneration((g) => g + 1);
  const member = account.side === 'member';
  return (
    <>
      <PageHeader
        title={portal ? `Mon organisation : ${org.name}` : org.name}
        breadcrumb={member ? undefined : [{ to: '/organisations', label: 'Registre' }]}
        lead={
          <>
            {kindLabel(org.kind)}
            {org.departement ? ` · département ${org.departement}` : ''}
            {org.isProvider ? ' · fournisseur de services' : ''}
          </>
        }
        actions={
          allowed('organisation:write') || org.isProvider || !member ? (
            <>
              {!member && !org.isProvider ? (
                <>
                  <Link className="btn btn-secondary" to={`/demandes?${new URLSearchParams({ membre: org.id })}`}>
                    Demandes de souscription<span className="sr-only"> de {org.name}</span>
                  </Link>
                  <Link className="btn btn-secondary" to={`/organisations/${org.id}/consommations`}>
                    Consommations<span className="sr-only"> de {org.name}</span>
                  </Link>
                  <Link className="btn btn-secondary" to={`/titres?${new URLSearchParams({ exercice: 'tous', membre: org.id })}`}>
                    Titres de recette<span className="sr-only"> de {org.name}</span>
                  </Link>
                </>
              ) : null}
              {org.isProvider ? (
                <>
                  <Link className="btn btn-secondary" to={`/fournisseurs/${org.id}/catalogue`}>
                    Catalogue<span className="sr-only"> de {org.name}</span>
                  </Link>
                  <Link className="btn btn-secondary" to={`/fournisseurs/${org.id}/tarifs`}>
                    Tarifs<span className="sr-only"> de {org.name}</span>
                  </Link>
                </>
              ) : null}
              {allowed('organisation:write') ? (
                <Link className="btn btn-primary" to={`/organisations/${org.id}/modifier`}>
                  Modifier<span className="sr-only"> l'organisation {org.name}</span>
                </Link>
              ) : null}
            </>
          ) : null
        }
      />
      {flash ? (
        <Alert tone="success" focusRef={flashRef}>
          <p>{flash}</p>
        </Alert>
      ) : null}
      {org.missingCli ? (
        <Alert tone="warning" title="Aucun correspondant local informatique (CLI) actif">
          <p>
            La convention demande à chaque adhérent de désigner un CLI, interlocuteur unique du service.
            {allowed('contact:write') ? ' Ajoutez un contact avec le rôle « Correspondant local informatique (CLI) ».' : ''}
          </p>
        </Alert>
      ) : null}
      <div className="two-columns">
        <OrganisationIdentity org={org} />
        <div>
          <OrganisationProviders
            org={org}
            canWrite={!member && allowed('membership:write')}
            onSaved={(message) => {
              setFlash(message);
              announce(message);
              refresh();
            }}
          />
          <MemberCounts org={org} />
        </div>
      </div>
      <OrganisationAgreements org={org} />
      <OrganisationContacts org={org} canWrite={allowed('contact:write')} onChanged={refresh} />
      {allowed('audit:read') ? <OrganisationAuditTrail org={org} generation={generation} /> : null}
    </>
  );
}
