import { useEffect, useRef, useState } from 'react';
import type { IssueResult, RunPreview } from '../../api/billing.ts';
import { api } from '../../api/endpoints.ts';
import { issueRefusal, issueSummary, ofPeriod, periodKindOf, previewQueryOf, previousPeriod, runRequestOf, signedAmountCents, type MemberPage, type RunChoice } from '../../lib/billing-run.ts';
import { useAnnounce } from '../../lib/announcer.tsx';
import { formatCivilDate } from '../../lib/format.ts';
import { useResource } from '../../lib/hooks.ts';
import { LoadError, Loading } from '../ui.tsx';
import { IssueAction } from './IssueAction.tsx';
import { issueMessage, IssueResultView } from './IssueResultView.tsx';
import { RunMembersPager } from './RunMembersPager.tsx';
import { RunMembersTable, type PreviousAmounts } from './RunMembersTable.tsx';
import { RunStatus } from './RunStatus.tsx';
import { RunTotals } from './RunTotals.tsx';

/** What the preview says in one sentence, announced when it arrives. */
function previewSentence(preview: RunPreview): string {
  if (preview.issued) return `${preview.periodLabel} : déjà émise.`;
  const refusal = issueRefusal(preview);
  const summary = issueSummary(preview);
  return `Aperçu ${ofPeriod(preview.periodLabel)} : ${summary || 'rien à facturer'}.${refusal ? ` ${refusal}` : ''}`;
}

/**
 * The preview of the chosen run and the one before it (same kind, previous period) to compare with; then the
 * issue, confirmed in place, and what it issued.
 */
export function RunPreviewSection({ choice, members }: { choice: RunChoice; members: MemberPage }) {
  const announce = useAnnounce();
  const detail = useResource(() => api.agreements.get(choice.convention), `agreement-${choice.convention}`);
  const policy = detail.data?.rules.billing;
  const periodKind = periodKindOf(policy, choice.type);
  const request = runRequestOf(choice, periodKind);
  const before = { kind: request.kind, ...previousPeriod(periodKind, request.year, request.index) };
  const [generation, setGeneration] = useState(0);
  const [result, setResult] = useState<IssueResult | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const ready = Boolean(detail.data);
  // The previous period's same page of members, to compare with (the members of an agreement keep their order).
  const query = previewQueryOf(request, members);
  const previousQuery = previewQueryOf(before, members);
  const preview = useResource((signal) => (ready ? api.billing.preview(choice.convention, query, signal) : Promise.resolve(null)), `preview-${ready}-${choice.convention}-${JSON.stringify(query)}-${generation}`);
  const previous = useResource((signal) => (ready ? api.billing.preview(choice.convention, previousQuery, signal) : Promise.resolve(null)), `previous-${ready}-${choice.convention}-${JSON.stringify(previousQuery)}`);

  useEffect(() => {
    if (preview.data && !preview.loading && generation === 0) announce(previewSentence(preview.data));
  }, [preview.data, preview.loading]);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  if (detail.error) return <LoadError error={detail.error} retry={detail.reload} />;
  const data = preview.data;
  const amounts: PreviousAmounts = {
    label: previous.data?.periodLabel ?? 'période précédente',
    cents: previous.data ? new Map(previous.data.members.map((m) => [m.organisationId, signedAmountCents(m)])) : null,
    failed: Boolean(previous.error),
  };
  return (
    <section className="section" aria-labelledby="apercu-titre" aria-busy={preview.loading || !data}>
      <h2 id="apercu-titre">{data ? `Aperçu — ${data.periodLabel}` : 'Aperçu'}</h2>
      {preview.error ? <LoadError error={preview.error} retry={preview.reload} /> : null}
      {!data && !preview.error ? <Loading label="Calcul de l’aperçu…" /> : null}
      {data ? (
        <>
          <p className="lead">
            {data.agreementCode} — {data.agreementTitle} : du {formatCivilDate(data.from)} au {formatCivilDate(data.to)}.
          </p>
          {result ? <IssueResultView result={result} periodLabel={data.periodLabel} focusRef={resultRef} /> : null}
          <RunStatus preview={data} blockersId="facturation-blocages" />
          <RunTotals preview={data} />
          {data.page.members ? (
            <RunMembersPager preview={data} members={members}>
              {data.members.length ? <RunMembersTable preview={data} previous={amounts} linkInvoices /> : null}
            </RunMembersPager>
          ) : (
            <p className="empty">Cette convention n’a aucun adhérent à facturer.</p>
          )}
          {data.issued ? null : (
            <IssueAction
              preview={data}
              onIssued={(issued) => {
                setResult(issued);
                announce(issueMessage(issued));
                setGeneration((g) => g + 1);
              }}
            />
          )}
        </>
      ) : null}
    </section>
  );
}
