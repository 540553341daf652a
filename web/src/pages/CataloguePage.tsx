import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { CatalogueDiagram } from '../components/catalogue/CatalogueDiagram.tsx';
import { CategorySection } from '../components/catalogue/CategorySection.tsx';
import type { Flash } from '../components/catalogue/FlashMessage.tsx';
import { MissingChecker } from '../components/catalogue/MissingChecker.tsx';
import { Prerequisites } from '../components/catalogue/Prerequisites.tsx';
import { SharedCharges } from '../components/catalogue/SharedCharges.tsx';
import { Alert, LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { actsForProvider } from '../lib/catalogue.ts';
import { issueText } from '../lib/catalogue-issues.ts';
import { plural } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount, useCan } from '../lib/session.tsx';
import type { CatalogueView } from '../shared.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

export function CataloguePage() {
  const { id = '' } = useParams();
  return <CatalogueScreen id={id} key={id} />;
}

function CatalogueScreen({ id }: { id: string }) {
  const account = useAccount();
  const allowed = useCan();
  const announce = useAnnounce();
  const loaded = useResource((signal) => api.catalogue.get(id, signal), `catalogue-${id}`);
  const [saved, setSaved] = useState<CatalogueView | null>(null);
  const [flash, setFlash] = useState<Flash>(null);
  const view = saved ?? loaded.data;
  useTitle(view ? `Catalogue : ${view.providerName}` : loaded.error ? 'Catalogue introuvable' : 'Catalogue');
  const editable = allowed('catalogue:write') && actsForProvider(account, id);

  if (loaded.error instanceof ApiError && loaded.error.status === 404) {
    return <NotFoundPage title="Catalogue introuvable" message="Ce fournisseur n'existe pas, ou vous n'avez pas accès à son catalogue." />;
  }
  if (!view) {
    return (
      <>
        <PageHeader title="Catalogue" />
        {loaded.error ? <LoadError error={loaded.error} retry={loaded.reload} /> : <Loading />}
      </>
    );
  }

  function onSaved(next: CatalogueView, where: string, text: string) {
    setSaved(next);
    setFlash({ where, text });
    announce(text);
  }

  const member = account.side === 'member';
  return (
    <>
      <PageHeader
        title={`Catalogue : ${view.providerName}`}
        breadcrumb={[
          { to: '/catalogues', label: 'Catalogues' },
          ...(member ? [] : [{ to: `/organisations/${id}`, label: view.providerName }]),
        ]}
        lead={
          <>
            {plural(view.categories.length, 'catégorie', 'catégories')} de services, {plural(view.lines.length, 'ligne', 'lignes')}. Un service ne se souscrit
            qu'avec ses prérequis, placés en dessous dans le schéma.
          </>
        }
        actions={
          <Link className="btn btn-secondary" to={`/fournisseurs/${id}/tarifs`}>
            Grilles tarifaires<span className="sr-only"> de {view.providerName}</span>
          </Link>
        }
      />
      {editable ? null : member ? (
        <p className="muted">Consultation seule : le catalogue est tenu par le personnel de {view.providerName}.</p>
      ) : null}
      {view.issues.length ? (
        <Alert tone="warning" title="Incohérences dans ce catalogue">
          <ul>
            {view.issues.map((issue, i) => (
              <li key={i}>{issueText(view, issue)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Contents sharedCharges={view.sharedCharges.length > 0} />

      <section className="section" aria-labelledby="schema">
        <h2 id="schema">Schéma du catalogue</h2>
        {view.categories.length ? <CatalogueDiagram view={view} /> : <p className="empty">Ce catalogue ne contient encore aucune catégorie.</p>}
      </section>

      <Prerequisites view={view} editable={editable} flash={flash} onSaved={(next, text) => onSaved(next, 'prerequis', text)} />
      <SharedCharges view={view} />
      <MissingChecker view={view} />

      <section className="section" aria-labelledby="categories">
        <h2 id="categories">Catégories et lignes de service</h2>
        {view.categories.map((category) => (
          <CategorySection key={category.code} view={view} code={category.code} editable={editable} flash={flash} onSaved={onSaved} />
        ))}
      </section>
    </>
  );
}

/** The page's table of contents; the shared charges have a section only when the catalogue has some. */
function Contents({ sharedCharges }: { sharedCharges: boolean }) {
  return (
    <nav className="toc" aria-label="Sommaire de la page">
      <h2 className="toc-title">Sur cette page</h2>
      <ul>
        <li>
          <a href="#schema">Schéma du catalogue</a>
        </li>
        <li>
          <a href="#prerequis">Liste des prérequis</a>
        </li>
        {sharedCharges ? (
          <li>
            <a href="#facturation-partagee">Facturation partagée</a>
          </li>
        ) : null}
        <li>
          <a href="#verifier">Vérifier une sélection de services</a>
        </li>
        <li>
          <a href="#categories">Catégories et lignes de service</a>
        </li>
      </ul>
    </nav>
  );
}
