import type { ReactNode } from 'react';
import { api } from '../../api/endpoints.ts';
import { Badge, TableScroll } from '../ui.tsx';
import { formatCivilDate, formatInteger, plural } from '../../lib/format.ts';
import { lineLabel, refusalReasonLabel, subscriptionTone, type SubscriptionLine, type SubscriptionRequest } from '../../lib/subscriptions.ts';
import type { CatalogueView } from '../../shared.ts';

function Volume({ line }: { line: SubscriptionLine }) {
  if (line.quantities.length <= 1) return <>{formatInteger(line.quantities[0]?.quantity ?? line.quantity)}</>;
  return (
    <ul className="plain-list">
      {line.quantities.map((q) => (
        <li key={q.effectiveFrom}>
          {formatInteger(q.quantity)} <span className="muted">depuis le {formatCivilDate(q.effectiveFrom)}</span>
        </li>
      ))}
    </ul>
  );
}

function StatusCell({ line }: { line: SubscriptionLine }) {
  const reason = refusalReasonLabel(line.refusalReason);
  return (
    <>
      <Badge tone={subscriptionTone(line.status)}>{line.statusLabel}</Badge>
      {line.status === 'refused' && reason ? <p className="small">Motif : {reason}</p> : null}
      {line.status === 'postponed' && line.plannedFrom ? (
        <p className="small">
          Période envisagée : du {formatCivilDate(line.plannedFrom)} au {formatCivilDate(line.plannedUntil)}
        </p>
      ) : null}
      {line.withdrawnOn ? <p className="small">Retirée le {formatCivilDate(line.withdrawnOn)}</p> : null}
    </>
  );
}

/** The opening record: its reference and date, and the document (PDF or Word) generated from the record. */
function OpeningRecord({ line, label }: { line: SubscriptionLine; label: string }) {
  if (!line.openingRecord) return <span className="muted">—</span>;
  return (
    <>
      <p className="nowrap">
        <span className="mono">{line.openingRecord}</span>
        {line.openedOn ? <>, le {formatCivilDate(line.openedOn)}</> : null}
      </p>
      <ul className="export-list">
        {(['pdf', 'docx'] as const).map((format) => (
          <li key={format}>
            <a className="btn btn-secondary btn-small" href={api.subscriptions.openingRecordUrl(line.id, format)} download>
              {format === 'pdf' ? 'PDF' : 'Word (.docx)'}
              <span className="sr-only"> : procès-verbal d'ouverture, {label}</span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The lines of a request: volume, wished date, status in words, billable-from date and opening record. */
export function LinesTable({ request, catalogue, action }: { request: SubscriptionRequest; catalogue?: CatalogueView | undefined; action?: (line: SubscriptionLine, label: string) => ReactNode }) {
  return (
    <TableScroll label={`Services de la demande du ${formatCivilDate(request.receivedOn)}`}>
      <table className="table">
        <caption>
          Services demandés ({plural(request.lines.length, 'ligne', 'lignes')}) : statut, date de facturation et procès-verbal d'ouverture
        </caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col" className="num">
              Volume
            </th>
            <th scope="col">Ouverture souhaitée</th>
            <th scope="col">Statut</th>
            <th scope="col">Facturée à partir du</th>
            <th scope="col">Procès-verbal d'ouverture</th>
            {action ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {request.lines.map((line) => {
            const label = lineLabel(line, catalogue);
            return (
              <tr key={line.id}>
                <th scope="row">{label}</th>
                <td className="num">
                  <Volume line={line} />
                </td>
                <td className="nowrap">{formatCivilDate(line.wishedOn)}</td>
                <td>
                  <StatusCell line={line} />
                </td>
                <td className="nowrap">{line.billableFrom ? formatCivilDate(line.billableFrom) : <span className="muted">Pas encore facturée</span>}</td>
                <td>
                  <OpeningRecord line={line} label={label} />
                </td>
                {action ? <td>{action(line, label)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
