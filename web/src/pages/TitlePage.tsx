import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import type { TitleDetail } from '../api/billing.ts';
import { api } from '../api/endpoints.ts';
import { BillLinesTable } from '../components/billing/BillLinesTable.tsx';
import { LateInterest } from '../components/billing/LateInterest.tsx';
import { TitlePaymentForm } from '../components/billing/TitlePaymentForm.tsx';
import { TitlePayments } from '../components/billing/TitlePayments.tsx';
import { TitleReductions } from '../components/billing/TitleReductions.tsx';
import { TitleSummary } from '../components/billing/TitleSummary.tsx';
import { Alert, LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { euros } from '../lib/catalogue.ts';
import { plural } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount, useCan } from '../lib/session.tsx';
import { DOCUMENT_KINDS_FR, titlePeriod } from '../lib/titles.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

/**
 * One title — staff at `/titres/:id`, a member at `/mes-factures/:id` (read-only) —: its identity and amounts, its
 * lines each explained with their sources, the payments, the reductions against it, the late interest; staff with
 * `billing:run` record a payment.
 */
export function TitlePage() {
  const { id = '' } = useParams();
  return <TitleView key={id} id={id} />;
}

function TitleView({ id }: { id: string }) {
  const account = useAccount();
  const can = useCan();
  const announce = useAnnounce();
  const staff = account.side === 'provider';
  const detailPath = staff ? '/titres' : '/mes-factures';
  const breadcrumb = [staff ? { to: '/titres', label: 'Titres de recette' } : { to: '/mes-factures', label: 'Mes factures' }];
  const loaded = useResource((signal) => api.titles.get(id, signal), `title-${id}`);
  const [updated, setUpdated] = useState<TitleDetail | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);
  const title = updated ?? loaded.data;
  useTitle(title ? `${DOCUMENT_KINDS_FR[title.kind]} ${title.number}` : 'Titre de recette');

  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash, updated]);

  if (loaded.error instanceof ApiError && loaded.error.status === 404) {
    return <NotFoundPage title="Titre introuvable" message="Ce titre n’existe pas, ou vous n’avez pas accès à ses détails." />;
  }
  if (!title) {
    return (
      <>
        <PageHeader title="Titre de recette" breadcrumb={breadcrumb} />
        {loaded.error ? <LoadError error={loaded.error} retry={loaded.reload} /> : <Loading />}
      </>
    );
  }
  const pays = staff && can('billing:run') && title.kind === 'title' && title.outstanding !== '0.00';
  return (
    <>
      <PageHeader
        title={`${DOCUMENT_KINDS_FR[title.kind]} ${title.number}`}
        breadcrumb={breadcrumb}
        lead={`${title.organisationName} — ${title.subject}, ${titlePeriod(title)}.`}
        actions={
          <a className="btn btn-secondary" href={api.titles.documentUrl(title.id)} download={`${title.number}.pdf`}>
            Télécharger en PDF<span className="sr-only"> : {DOCUMENT_KINDS_FR[title.kind].toLowerCase()} {title.number}</span>
          </a>
        }
      />
      {flash ? (
        <Alert tone="success" focusRef={flashRef}>
          <p>{flash}</p>
        </Alert>
      ) : null}
      <section className="section" aria-labelledby="titre-identite">
        <h2 id="titre-identite">Le titre</h2>
        <TitleSummary title={title} detailPath={detailPath} />
      </section>
      <section className="section" aria-labelledby="titre-lignes">
        <h2 id="titre-lignes">Lignes</h2>
        {title.lines.length ? <BillLinesTable lines={title.lines} caption={`${plural(title.lines.length, 'ligne', 'lignes')} du titre ${title.number}`} linkInvoices={staff} /> : <p className="empty">Aucune ligne.</p>}
      </section>
      {title.kind === 'title' ? (
        <>
          <section className="section" aria-labelledby="titre-paiements">
            <h2 id="titre-paiements">Paiements</h2>
            <TitlePayments title={title} />
            {pays ? (
              <>
                <h3 id="paiement-titre">Enregistrer un paiement</h3>
                <TitlePaymentForm
                  title={title}
                  onPaid={(next, amount) => {
                    const message = `Paiement de ${euros(amount)} enregistré sur le titre ${next.number} : reste à recouvrer ${euros(next.outstanding)}.`;
                    setUpdated(next);
                    setFlash(message);
                    announce(message);
                  }}
                />
              </>
            ) : null}
          </section>
          <section className="section" aria-labelledby="titre-reductions">
            <h2 id="titre-reductions">Réductions</h2>
            <TitleReductions title={title} detailPath={detailPath} />
          </section>
          <section className="section" aria-labelledby="titre-interets">
            <h2 id="titre-interets">Intérêts de retard</h2>
            <LateInterest title={title} />
          </section>
        </>
      ) : null}
    </>
  );
}
