import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { ORGANISATION_LABELS, OrganisationForm } from '../components/OrganisationForm.tsx';
import { LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useResource, useTitle } from '../lib/hooks.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

export function OrganisationEditPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const detail = useResource(() => api.organisations.get(id), `edit-${id}`);
  const org = detail.data;
  useTitle(org ? `Modifier ${org.name}` : "Modifier une organisation");
  if (detail.error instanceof ApiError && detail.error.status === 404) {
    return <NotFoundPage title="Organisation introuvable" message="Cette organisation n'existe pas, ou vous n'avez pas accès à sa fiche." />;
  }
  return (
    <>
      <PageHeader
        title={org ? `Modifier ${org.name}` : 'Modifier une organisation'}
        breadcrumb={org ? [{ to: '/organisations', label: 'Registre' }, { to: `/organisations/${org.id}`, label: org.name }] : undefined}
        lead="Les champs laissés vides sont effacés. Si quelqu'un a modifié la fiche entre-temps, l'enregistrement est refusé pour ne rien écraser."
      />
      {detail.error ? <LoadError error={detail.error} retry={detail.reload} /> : null}
      {!org && !detail.error ? <Loading /> : null}
      {org ? (
        <OrganisationForm
          key={org.version}
          organisation={org}
          submitLabel="Enregistrer les modifications"
          cancel={
            <Link className="btn btn-secondary" to={`/organisations/${org.id}`}>
              Annuler
            </Link>
          }
          onSaved={(saved, changed) =>
            navigate(`/organisations/${saved.id}`, {
              state: { flash: `Modifications enregistrées (${changed.map((f) => ORGANISATION_LABELS[f as keyof typeof ORGANISATION_LABELS] ?? f).join(', ')}).` },
            })
          }
        />
      ) : null}
    </>
  );
}

export function OrganisationCreatePage() {
  useTitle('Nouvelle organisation');
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Nouvelle organisation"
        breadcrumb={[{ to: '/organisations', label: 'Registre' }]}
        lead="Pour les communes et EPCI, préférez l'import du référentiel officiel : il remplit SIREN, code INSEE, population et rattachement."
      />
      <OrganisationForm
        organisation={null}
        submitLabel="Créer l'organisation"
        cancel={
          <Link className="btn btn-secondary" to="/organisations">
            Annuler
          </Link>
        }
        onSaved={(saved) => navigate(`/organisations/${saved.id}`, { state: { flash: `Organisation créée : ${saved.name}.` } })}
      />
    </>
  );
}
