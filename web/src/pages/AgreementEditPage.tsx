import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { AgreementForm } from '../components/agreements/AgreementForm.tsx';
import { LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { draftOf } from '../lib/agreement-draft.ts';
import type { AgreementDetail } from '../lib/agreements.ts';
import { actsForProvider } from '../lib/catalogue.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { isPlatformStaff, useAccount } from '../lib/session.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

/** The day before a civil date (YYYY-MM-DD), computed in UTC so no time zone shifts it. */
function dayBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/**
 * The record as signed: the detail shows title, annexes and rules as amended today, so when an amendment
 * is in effect they are read on the day before the first one took effect.
 */
async function loadSigned(id: string): Promise<{ detail: AgreementDetail; signed: Pick<AgreementDetail, 'title' | 'annexes' | 'rules'> }> {
  const detail = await api.agreements.get(id);
  const first = detail.amendments
    .filter((a) => a.status === 'in_effect' && a.takesEffectOn)
    .map((a) => a.takesEffectOn!)
    .sort()[0];
  return { detail, signed: first ? await api.agreements.stateOn(id, dayBefore(first)) : detail };
}

export function AgreementEditPage() {
  const { id = '' } = useParams();
  const account = useAccount();
  const navigate = useNavigate();
  const loaded = useResource(() => loadSigned(id), `agreement-edit-${id}`);
  const detail = loaded.data?.detail;
  useTitle(detail ? `Corriger ${detail.title}` : 'Corriger une convention');
  if (loaded.error instanceof ApiError && loaded.error.status === 404) {
    return <NotFoundPage title="Convention introuvable" message="Cette convention n'existe pas, ou vous n'y avez pas accès." />;
  }
  if (detail && !actsForProvider(account, detail.providerId)) {
    return <NotFoundPage title="Page introuvable" message="Seul le personnel de ce fournisseur corrige ses conventions." />;
  }
  return (
    <>
      <PageHeader
        title={detail ? `Corriger ${detail.title}` : 'Corriger une convention'}
        breadcrumb={detail ? [{ to: '/conventions', label: 'Conventions' }, { to: `/conventions/${detail.id}`, label: detail.title }] : [{ to: '/conventions', label: 'Conventions' }]}
        lead="Corrige la fiche telle que signée : signatures, contrôle de légalité, délibérations, règles. Ce qui change la convention après sa signature passe par un avenant. Si quelqu'un a enregistré la fiche entre-temps, l'enregistrement est refusé pour ne rien écraser."
      />
      {loaded.error ? <LoadError error={loaded.error} retry={loaded.reload} /> : null}
      {!detail && !loaded.error ? <Loading /> : null}
      {detail && loaded.data ? (
        <AgreementForm
          key={detail.updatedAt}
          initial={draftOf(detail, undefined, loaded.data.signed)}
          submitLabel="Enregistrer les corrections"
          cancel={
            <Link className="btn btn-secondary" to={`/conventions/${detail.id}`}>
              Annuler
            </Link>
          }
          save={(input) => api.agreements.update(detail.id, { ...input, expectedUpdatedAt: detail.updatedAt })}
          onSaved={(saved) => navigate(`/conventions/${saved.id}`, { state: { flash: `Corrections enregistrées : ${saved.title}.` } })}
          onReload={loaded.reload}
        />
      ) : null}
    </>
  );
}

export function AgreementCreatePage() {
  useTitle('Nouvelle convention');
  const account = useAccount();
  const navigate = useNavigate();
  const platform = isPlatformStaff(account);
  const providers = useResource(() => (platform ? api.providers.list() : Promise.resolve(null)), `providers-${platform}`);
  const own = account.organisationId ? { id: account.organisationId, name: account.organisationName ?? '' } : undefined;
  return (
    <>
      <PageHeader
        title="Nouvelle convention"
        breadcrumb={[{ to: '/conventions', label: 'Conventions' }]}
        lead="La fiche d'une convention, telle que signée ou en projet : ses parties, ses annexes et les règles dont découlent ses échéances."
      />
      {providers.error ? <LoadError error={providers.error} retry={providers.reload} /> : null}
      {platform && !providers.data && !providers.error ? <Loading /> : null}
      {!platform || providers.data ? (
        <AgreementForm
          initial={draftOf(null, own)}
          providers={providers.data?.map((p) => ({ id: p.id, name: p.name }))}
          submitLabel="Créer la convention"
          cancel={
            <Link className="btn btn-secondary" to="/conventions">
              Annuler
            </Link>
          }
          save={(input, providerId) => api.agreements.create({ ...input, providerId })}
          onSaved={(saved) => navigate(`/conventions/${saved.id}`, { state: { flash: `Convention créée : ${saved.title}.` } })}
        />
      ) : null}
    </>
  );
}
