import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { StatusBadge } from '../components/AgreementBits.tsx';
import { AgreementAmendments } from '../components/agreements/AgreementAmendments.tsx';
import { AgreementDocuments } from '../components/agreements/AgreementDocuments.tsx';
import { AgreementIdentity } from '../components/agreements/AgreementIdentity.tsx';
import { AgreementParties } from '../components/agreements/AgreementParties.tsx';
import { AgreementRules } from '../components/agreements/AgreementRules.tsx';
import { AgreementStateOnDate } from '../components/agreements/AgreementStateOnDate.tsx';
import { AgreementTimeline } from '../components/agreements/AgreementTimeline.tsx';
import { AgreementToc } from '../components/agreements/AgreementToc.tsx';
import { ExitRequestsTable } from '../components/agreements/ExitRequestsTable.tsx';
import { ExitSimulator } from '../components/agreements/ExitSimulator.tsx';
import { RecordExitAction } from '../components/agreements/RecordExitAction.tsx';
import type { ExitRequest } from '../components/agreements/RecordExitForm.tsx';
import { RenewalLetters } from '../components/agreements/RenewalLetters.tsx';
import { useCategories } from '../components/agreements/useCategories.ts';
import { Alert, LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { todayInParis } from '../lib/grids.ts';
import { useAnnounce } from '../lib/announcer.tsx';
import { agreementTypeLabel, frenchText } from '../lib/agreements.ts';
import { actsForProvider } from '../lib/catalogue.ts';
import { useFlashFromNavigation } from '../lib/flash.ts';
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
  const flashFromNavigation = useFlashFromNavigation();
  const [flash, setFlash] = useState<string | null>(flashFromNavigation);
  const flashRef = useRef<HTMLDivElement>(null);
  const hasPartial = agreement?.exitRequests.some((e) => e.scope === 'partial') ?? false;
  const writer = agreement ? allowed('membership:write') && actsForProvider(account, agreement.providerId) : false;
  const [recording, setRecording] = useState(false);
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

  /** A change was saved: the message is shown and announced, and the agreement reloaded. */
  function changed(text: string) {
    setFlash(text);
    announce(text);
    setGeneration((g) => g + 1);
  }

  function recorded(request: ExitRequest) {
    setRecording(false);
    changed(`Dénonciation enregistrée : ${request.scope === 'partial' ? 'sortie partielle' : 'sortie'} de ${request.organisationName}, effet au ${formatCivilDate(request.effectiveOn)}.`);
  }

  const member = account.side === 'member';
  const editor = allowed('agreement:write') && actsForProvider(account, agreement.providerId);
  const express = agreement.rules.duration.kind === 'fixed' && agreement.rules.duration.renewal.kind === 'express';
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
        actions={
          <>
            <StatusBadge status={agreement.status} />
            <Link className="btn btn-secondary" to={`/conventions/${agreement.id}/rapport-annuel/${Number(todayInParis().slice(0, 4)) - 1}`}>
              Rapport annuel
            </Link>
            {editor ? (
              <Link className="btn btn-secondary" to={`/conventions/${agreement.id}/modifier`}>
                Corriger la fiche
              </Link>
            ) : null}
          </>
        }
      />
      {flash ? (
        <Alert tone="success" focusRef={flashRef}>
          <p>{flash}</p>
        </Alert>
      ) : null}
      <AgreementToc
        items={[
          { id: 'identite', label: 'Identité' },
          { id: 'parties', label: 'Parties' },
          { id: 'regles', label: 'Règles' },
          { id: 'chronologie', label: 'Chronologie' },
          { id: 'avenants', label: 'Avenants' },
          ...(express ? [{ id: 'renouvellement', label: 'Renouvellement exprès' }] : []),
          { id: 'denonciations', label: 'Dénonciations' },
          { id: 'documents', label: 'Documents' },
          { id: 'a-une-date', label: 'La convention à une date' },
          { id: 'simuler', label: 'Simuler une sortie' },
        ]}
      />
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
      <AgreementAmendments agreement={agreement} writer={editor} onChanged={changed} />
      <RenewalLetters agreement={agreement} writer={editor} onRecorded={(letter) => changed(frenchText(letter.explanation))} />
      <ExitRequestsTable agreement={agreement} categoryName={categories.name}>
        {writer ? (
          <RecordExitAction
            agreement={agreement}
            open={recording}
            onOpenChange={(open) => {
              if (open) setFlash(null);
              setRecording(open);
            }}
            categories={categories}
            onRecorded={recorded}
          />
        ) : null}
      </ExitRequestsTable>
      <AgreementDocuments agreement={agreement} />
      <AgreementStateOnDate agreement={agreement} />
      <ExitSimulator agreement={agreement} />
    </>
  );
}
