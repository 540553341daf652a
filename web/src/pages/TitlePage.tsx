import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import type { TitleDetail } from '../api/billing.ts';
import { api } from '../api/endpoints.ts';
import { BillLinesTable } from '../components/billing/BillLinesTable.tsx';
import { LateInterest } from '../components/billing/LateInterest.tsx';
import { TitlePaymentForm } from '../components/billing/TitlePaymentForm.tsx';
import { TitlePayments } from '../components/billing/TitlePayments.tsx';
import { TitleCorrection } from '../components/billing/TitleCorrection.tsx';
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
 * `billing:run` record a payment and correct the title (reduce it in part or cancel it whole).
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
  const [flash, setFlash] = useState<{ message: string; link?: { to: string; label: string } } | null>(null);
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
  const corrects = staff && can('billing:run') && title.kind === 'title' && title.status !== 'cancelled';

  /** A correction issued: the title read again (its reductions, what remains), the new document linked and announced. */
  async function corrected(document: TitleDetail) {
    const kind = document.kind === 'cancellation' ? 'Annulation' : 'Réduction';
    let fresh: TitleDetail | null = null;
    try {
      fresh = await api.titles.get(id);
    } catch {
      loaded.reload();
    }
    const remaining = fresh ? ` : reste à recouvrer ${euros(fresh.outstanding)}` : '';
    const message = `${kind} ${document.number} de ${euros(document.amountIncl)} émise sur le titre ${fresh?.number ?? document.number}${remaining}.`;
    if (fresh) setUpdated(fresh);
    setFlash({ message, link: { to: `${detailPath}/${document.id}`, label: `Voir ${kind.toLowerCase()} ${document.number}` } });
    announce(message);
  }
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
          <p>{flash.message}</p>
          {flash.link ? (
            <p>
              <Link to={flash.link.to}>{flash.link.label}</Link>
            </p>
          ) : null}
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
                    setFlash({ message });
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
          {corrects ? (
            <section className="section" aria-labelledby="titre-correction">
              <h2 id="titre-correction">Corriger ce titre</h2>
              <p className="muted">Un titre émis ne se modifie pas : il se réduit en partie ou s’annule en entier par un nouveau document numéroté qui s’y réfère.</p>
              <TitleCorrection key={title.reductions.length} title={title} onCorrected={(document) => void corrected(document)} />
            </section>
          ) : null}
          <section className="section" aria-labelledby="titre-interets">
            <h2 id="titre-interets">Intérêts de retard</h2>
            <LateInterest title={title} />
          </section>
        </>
      ) : null}
    </>
  );
}
