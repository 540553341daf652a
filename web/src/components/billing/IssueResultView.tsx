import type { Ref } from 'react';
import { Link } from 'react-router';
import type { IssueResult } from '../../api/billing.ts';
import { euros } from '../../lib/catalogue.ts';
import { plural } from '../../lib/format.ts';
import { DOCUMENT_KINDS_FR } from '../../lib/titles.ts';
import { Alert, TableScroll } from '../ui.tsx';

/** « 1 titre émis : T2026-00001. » — or, when the period had been issued already, that nothing new was created. */
export function issueMessage(result: IssueResult): string {
  const numbers = result.documents.map((d) => d.number).join(', ');
  if (!result.created) return `Cette période avait déjà été émise : rien de nouveau (${plural(result.documents.length, 'document', 'documents')}${numbers ? ` : ${numbers}` : ''}).`;
  return `${plural(result.documents.length, 'document émis', 'documents émis')}${numbers ? ` : ${numbers}` : ''}.`;
}

/** What the run issued: each document's number (to its detail), member, kind and amount. */
export function IssueResultView({ result, periodLabel, focusRef }: { result: IssueResult; periodLabel: string; focusRef: Ref<HTMLDivElement> }) {
  return (
    <Alert tone="success" title={issueMessage(result)} focusRef={focusRef}>
      {result.documents.length ? (
        <TableScroll label="Documents émis">
          <table className="table table-compact">
            <caption>
              {plural(result.documents.length, 'document émis', 'documents émis')} — {periodLabel}
            </caption>
            <thead>
              <tr>
                <th scope="col">Numéro</th>
                <th scope="col">Adhérent</th>
                <th scope="col">Document</th>
                <th scope="col" className="num">
                  Montant TTC
                </th>
              </tr>
            </thead>
            <tbody>
              {result.documents.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <Link className="doc-link" to={`/titres/${d.id}`}>
                      <span className="sr-only">{DOCUMENT_KINDS_FR[d.kind]} </span>
                      {d.number}
                    </Link>
                  </th>
                  <td>{d.organisationName}</td>
                  <td>{DOCUMENT_KINDS_FR[d.kind]}</td>
                  <td className="num nowrap">{euros(d.amountIncl)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <p>
        <Link to={`/titres?${new URLSearchParams({ emission: result.runId })}`}>Voir les titres de cette émission</Link>
      </p>
    </Alert>
  );
}
