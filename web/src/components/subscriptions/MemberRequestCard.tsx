import { DescriptionList } from '../ui.tsx';
import { formatCivilDate } from '../../lib/format.ts';
import { requestTitle, type SubscriptionRequest } from '../../lib/subscriptions.ts';
import type { CatalogueView } from '../../shared.ts';
import { LineHistory } from './LineHistory.tsx';
import { LinesTable } from './LinesTable.tsx';
import { PrerequisiteChecklist } from './PrerequisiteChecklist.tsx';
import { RequestTasks } from './RequestTasks.tsx';
import { RequestWarnings } from './RequestWarnings.tsx';

/** One of the member's requests: its lines and their follow-up, its tasks and the prerequisites it declares. */
export function MemberRequestCard({
  request,
  catalogue,
  providerName,
  canRequest,
  onChanged,
}: {
  request: SubscriptionRequest;
  catalogue: CatalogueView | undefined;
  providerName: string;
  canRequest: boolean;
  /** `focus`: the message takes the focus (a form closed); a checklist answer leaves it on its button. */
  onChanged(request: SubscriptionRequest, message: string, focus: boolean): void;
}) {
  const titleId = `demande-${request.id}`;
  return (
    <article className="panel request-card" aria-labelledby={titleId}>
      <h3 id={titleId}>{requestTitle(request)}</h3>
      <DescriptionList
        items={[
          { term: 'Fournisseur', value: providerName },
          { term: 'Déposée par', value: request.submittedBy },
          { term: 'Socle facturé à partir du', value: request.baseBillableFrom ? formatCivilDate(request.baseBillableFrom) : null },
          { term: 'Commentaire', value: request.note },
        ]}
      />
      <RequestWarnings request={request} />
      <LinesTable request={request} catalogue={catalogue} />
      <LineHistory request={request} catalogue={catalogue} level={4} />
      <RequestTasks request={request} level={4} canAdd={false} closes={(task) => canRequest && task.owner === 'member'} onChanged={(r, m) => onChanged(r, m, true)} />
      <PrerequisiteChecklist request={request} level={4} canCheck={canRequest} verb="Déclarer" onChanged={(r, m) => onChanged(r, m, false)} />
    </article>
  );
}
