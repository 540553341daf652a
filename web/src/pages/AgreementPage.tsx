import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { StatusBadge } from '../components/AgreementBits.tsx';
import { AgreementIdentity } from '../components/agreements/AgreementIdentity.tsx';
import { AgreementParties } from '../components/agreements/AgreementParties.tsx';
import { AgreementRules } from '../components/agreements/AgreementRules.tsx';
import { AgreementTimeline } from '../components/agreements/AgreementTimeline.tsx';
import { ExitRequestsTable } from '../components/agreements/ExitRequestsTable.tsx';
import { ExitSimulator } from '../components/agreements/ExitSimulator.tsx';
import { RecordExitForm, type ExitRequest } from '../components/agreements/RecordExitForm.tsx';
import { useCategories } from '../components/agreements/useCategories.ts';
import { Alert, LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { agreementTypeLabel } from '../lib/agreements.ts';
import { actsForProvider } from '../lib/catalogue.ts';
import { formatCivilDate } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount, useCan } from '../lib/session.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export function AgreementPage() {
  const { id = '' } = useParams();
  return <AgreementScreen id={id} key={id} />;
}

function AgreementScreen({ id }: { id: string }) {
  const account = useAccount();
  const allowed = useCan();
  const announce = useAnnounce();
  const [generation, setGeneration] = useState(0);
  const detail = useResource(() => api.agreements.get(id), `agreement-${id}-${generation}`);
  const agreement = detail.data;
  useTitle(agreement ? agreement.title : detail.error ? 'Convention introuvable' : 'Convention');
  const [flash, setFlash] = useState<string | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);
  const hasPartial = agreement?.exitRequests.some((e) => e.scope === 'partial') ?? false;
  const writer = agreement ? allowed('membership:write') && actsForProvider(account, agreement.providerId) : false;
  const [recording, setRecording] = useState(false);
  const recordButton = useRef<HTMLButtonElement>(null);
  const categories = useCategories(agreement?.providerId ?? '', Boolean(agreement) && (hasPartial || recording));

  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash]);

  if (detail.error instanceof ApiError && detail.error.status === 404) {
    return <NotFoundPage title="Convention introuvable" message="Cette convention n'existe pas, ou vous n'y avez pas accès." />;
  }
  if (!agreement) {
    return (
      <>
        <PageHeader title="Convention" breadcrumb={[{ to: '/conventions', label: 'Conventions' }]} />
        {detail.error ? <LoadError error={detail.error} retry={detail.reload} /> : <Loading />}
      </>
    );
  }

  function recorded(request: ExitRequest) {
    const text = `Dénonciation enregistrée : ${request.scope === 'partial' ? 'sortie partielle' : 'sortie'} de ${request.organisationName}, effet au ${formatCivilDate(request.effectiveOn)}.`;
    setRecording(false);
    setFlash(text);
    announce(text);
    setGeneration((g) => g + 1);
  }

  const member = account.side === 'member';
  return (
    <>
      <PageHeader
        title={agreement.title}
        breadcrumb={[{ to: '/conventions', label: 'Conventions' }]}
        lead={
          <>
            {agreementTypeLabel(agreement.type)} · {agreement.providerName}
          </>
        }
        actions={<StatusBadge status={agreement.status} />}
      />
      {flash ? (
        <Alert tone="success" focusRef={flashRef}>
          <p>{flash}</p>
        </Alert>
      ) : null}
      <nav className="toc" aria-label="Sommaire de la page">
        <h2 className="toc-title">Sur cette page</h2>
        <ul>
          <li>
            <a href="#identite">Identité</a>
          </li>
          <li>
            <a href="#parties">Parties</a>
          </li>
          <li>
            <a href="#regles">Règles</a>
          </li>
          <li>
            <a href="#chronologie">Chronologie</a>
          </li>
          <li>
            <a href="#denonciations">Dénonciations</a>
          </li>
          <li>
            <a href="#simuler">Simuler une sortie</a>
          </li>
        </ul>
      </nav>
      <AgreementIdentity agreement={agreement} member={member} />
      <AgreementParties agreement={agreement} />
      <AgreementRules agreement={agreement} />
      {agreement.note ? (
        <section className="section" aria-labelledby="note">
          <h2 id="note">Note</h2>
          <div className="panel note">
            <p>{agreement.note}</p>
          </div>
        </section>
      ) : null}
      <AgreementTimeline agreement={agreement} />
      <ExitRequestsTable agreement={agreement} categoryName={categories.name}>
        {writer ? (
          recording ? (
            <RecordExitForm
              agreement={agreement}
              categories={categories.categories}
              categoriesState={categories.catalogue}
              onRecorded={recorded}
              onCancel={() => {
                setRecording(false);
                setTimeout(() => recordButton.current?.focus(), 0);
              }}
            />
          ) : (
            <p>
              <button
                type="button"
                className="btn btn-secondary"
                ref={recordButton}
                onClick={() => {
                  setFlash(null);
                  setRecording(true);
                }}
              >
                Enregistrer une dénonciation
              </button>
            </p>
          )
        ) : null}
      </ExitRequestsTable>
      <ExitSimulator agreement={agreement} />
    </>
  );
}
