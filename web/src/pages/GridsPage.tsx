import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { GridComparison } from '../components/grids/GridComparison.tsx';
import { GridVersions } from '../components/grids/GridVersions.tsx';
import { PriceLookup } from '../components/grids/PriceLookup.tsx';
import { UnitCosts } from '../components/grids/UnitCosts.tsx';
import { LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { actsForProvider } from '../lib/catalogue.ts';
import { useGrids } from '../lib/grids.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount, useCan } from '../lib/session.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export function GridsPage() {
  const { id = '' } = useParams();
  return <GridsScreen id={id} key={id} />;
}

function GridsScreen({ id }: { id: string }) {
  const account = useAccount();
  const allowed = useCan();
  const catalogue = useResource((signal) => api.catalogue.get(id, signal), `catalogue-${id}`);
  const grids = useGrids(id);
  const view = catalogue.data;
  useTitle(view ? `Grilles tarifaires : ${view.providerName}` : catalogue.error ? 'Fournisseur introuvable' : 'Grilles tarifaires');
  const writer = allowed('tariff:write') && actsForProvider(account, id);

  if (catalogue.error instanceof ApiError && catalogue.error.status === 404) {
    return <NotFoundPage title="Fournisseur introuvable" message="Ce fournisseur n'existe pas, ou vous n'avez pas accès à ses tarifs." />;
  }
  if (!view) {
    return (
      <>
        <PageHeader title="Grilles tarifaires" />
        {catalogue.error ? <LoadError error={catalogue.error} retry={catalogue.reload} /> : <Loading />}
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={`Grilles tarifaires : ${view.providerName}`}
        breadcrumb={[
          { to: '/catalogues', label: 'Catalogues' },
          { to: `/fournisseurs/${id}/catalogue`, label: `Catalogue : ${view.providerName}` },
        ]}
        lead="Chaque version de la grille est votée puis ne change plus : une évolution des prix est une nouvelle version, avec sa date d'effet."
        actions={
          writer && grids.data?.length ? (
            <Link className="btn btn-primary" to={`/fournisseurs/${id}/tarifs/nouvelle-version`}>
              Nouvelle version<span className="sr-only"> de la grille tarifaire</span>
            </Link>
          ) : null
        }
      />
      <section className="section" aria-labelledby="versions-titre" aria-busy={grids.loading}>
        <h2 id="versions-titre">Versions de la grille</h2>
        {grids.error ? <LoadError error={grids.error} retry={grids.reload} /> : null}
        {grids.loading && !grids.data ? <Loading /> : null}
        {grids.data ? <GridVersions providerId={id} providerName={view.providerName} grids={grids.data} /> : null}
      </section>
      {grids.data && grids.data.length > 1 ? <GridComparison view={view} grids={grids.data} /> : null}
      {grids.data && grids.data.length ? <PriceLookup view={view} grids={grids.data} /> : null}
      <UnitCosts providerId={id} />
    </>
  );
}
