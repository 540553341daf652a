import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/endpoints.ts';
import { QuotesSection } from '../components/quotes/QuotesSection.tsx';
import { LineDecisionForm } from '../components/subscriptions/LineDecisionForm.tsx';
import { LineHistory } from '../components/subscriptions/LineHistory.tsx';
import { LinesTable } from '../components/subscriptions/LinesTable.tsx';
import { PerimeterSection } from '../components/subscriptions/PerimeterSection.tsx';
import { PrerequisiteChecklist } from '../components/subscriptions/PrerequisiteChecklist.tsx';
import { RequestTasks } from '../components/subscriptions/RequestTasks.tsx';
import { RequestWarnings } from '../components/subscriptions/RequestWarnings.tsx';
import { Alert, DescriptionList, LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { actsForProvider } from '../lib/catalogue.ts';
import { formatCivilDate } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount, useCan } from '../lib/session.tsx';
import { actionsFor, requestTitle, type SubscriptionLine, type SubscriptionRequest } from '../lib/subscriptions.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

const BREADCRUMB = [{ to: '/demandes', label: 'Demandes de souscription' }];

export function SubscriptionRequestPage() {
  const { id = '' } = useParams();
  return <RequestScreen id={id} key={id} />;
}

/** One request for the provider: decisions line by line, tasks, prerequisites, the member's perimeter and quotes. */
function RequestScreen({ id }: { id: string }) {
  const account = useAccount();
  const allowed = useCan();
  const announce = useAnnounce();
  const list = useResource((signal) => api.subscriptions.list({}, signal), `requests-${id}`);
  const [updated, setUpdated] = useState<SubscriptionRequest | null>(null);
  const request = updated ?? list.data?.find((r) => r.id === id);
  const catalogue = useResource((signal) => (request ? api.catalogue.get(request.providerId, signal) : Promise.resolve(undefined)), `catalogue-${request?.providerId}`);
  const [deciding, setDeciding] = useState<{ line: SubscriptionLine; label: string } | null>(null);
  const [flash, setFlash] = useState<{ text: string; at: number } | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);
  useTitle(request ? requestTitle(request, true) : list.data ? 'Demande introuvable' : 'Demande de souscription');

  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash]);

  if (list.data && !request) return <NotFoundPage title="Demande introuvable" message="Cette demande n'existe pas, ou vous n'y avez pas accès." />;
  if (!request) {
    return (
      <>
        <PageHeader title="Demande de souscription" breadcrumb={BREADCRUMB} />
        {list.error ? <LoadError error={list.error} retry={list.reload} /> : <Loading />}
      </>
    );
  }

  function changed(next: SubscriptionRequest | null, text: string) {
    if (next) setUpdated(next);
    setDeciding(null);
    setFlash({ text, at: Date.now() });
    announce(text);
  }

  const writer = allowed('subscription:decide') && actsForProvider(account, request.providerId);
  const title = requestTitle(request, true);
  return (
    <>
      <PageHeader title={title} breadcrumb={BREADCRUMB} lead={`Reçue le ${formatCivilDate(request.receivedOn)}, déposée par ${request.submittedBy}.`} />
      {flash ? (
        <Alert tone="success" focusRef={flashRef}>
          <p>{flash.text}</p>
        </Alert>
      ) : null}
      <section className="section" aria-labelledby="demande">
        <h2 id="demande">La demande</h2>
        <DescriptionList
          items={[
            { term: 'Adhérent', value: <Link to={`/organisations/${request.organisationId}`}>{request.organisationName}</Link> },
            { term: 'Reçue le', value: formatCivilDate(request.receivedOn) },
            { term: 'Socle facturé à partir du', value: request.baseBillableFrom ? formatCivilDate(request.baseBillableFrom) : null },
            { term: 'Commentaire', value: request.note },
          ]}
        />
        <RequestWarnings request={request} />
      </section>
      <section className="section" aria-labelledby="services">
        <h2 id="services">Services demandés</h2>
        <LinesTable
          request={request}
          catalogue={catalogue.data}
          action={
            writer
              ? (line, label) =>
                  actionsFor(line.status).length ? (
                    <button type="button" className="btn btn-secondary btn-small" onClick={() => setDeciding({ line, label })}>
                      Décider<span className="sr-only"> : {label}</span>
                    </button>
                  ) : (
                    <span className="muted">—</span>
                  )
              : undefined
          }
        />
        {deciding ? <LineDecisionForm key={deciding.line.id} line={deciding.line} label={deciding.label} onCancel={() => setDeciding(null)} onDone={changed} /> : null}
        <LineHistory request={request} catalogue={catalogue.data} />
      </section>
      <section className="section" aria-labelledby="suivi">
        <h2 id="suivi">Suivi</h2>
        <RequestTasks request={request} canAdd={writer} closes={() => writer} onChanged={changed} />
        <PrerequisiteChecklist
          request={request}
          canCheck={writer}
          verb="Vérifier"
          onChanged={(next, text) => {
            // An answer on the checklist leaves the focus on its button: announced, not flashed.
            setUpdated(next);
            announce(text);
          }}
        />
      </section>
      {catalogue.error ? <LoadError error={catalogue.error} retry={catalogue.reload} /> : null}
      {catalogue.data ? (
        <>
          <PerimeterSection organisationId={request.organisationId} organisationName={request.organisationName} catalogue={catalogue.data} canWrite={writer} onChanged={(text) => changed(null, text)} />
          <QuotesSection
            organisationId={request.organisationId}
            organisationName={request.organisationName}
            catalogue={catalogue.data}
            request={{ id: request.id, title: requestTitle(request) }}
            canWrite={writer}
            onChanged={(text) => changed(null, text)}
          />
        </>
      ) : null}
    </>
  );
}
