import type { ReactNode } from 'react';
import { api } from '../../api/endpoints.ts';
import { Badge, TableScroll } from '../ui.tsx';
import { euros } from '../../lib/catalogue.ts';
import { formatCivilDate, plural } from '../../lib/format.ts';
import { quoteTone } from '../../lib/quote-draft.ts';
import type { QuoteView } from '../../shared.ts';

function QuoteState({ quote }: { quote: QuoteView }) {
  return (
    <>
      <Badge tone={quoteTone(quote.status)}>{quote.statusLabel}</Badge>
      {quote.sentOn ? <p className="small">Envoyé le {formatCivilDate(quote.sentOn)}</p> : null}
      {quote.acceptedOn ? (
        <p className="small">
          Signé le {formatCivilDate(quote.acceptedOn)}
          {quote.acceptedBy ? ` par ${quote.acceptedBy}` : ''}
        </p>
      ) : null}
      {quote.declinedOn ? <p className="small">Refusé le {formatCivilDate(quote.declinedOn)}</p> : null}
    </>
  );
}

/** Quotes with their status in words, total, PDF and signed copy; the provider's actions in the last column. */
export function QuotesTable({ quotes, caption, actions }: { quotes: readonly QuoteView[]; caption: string; actions?: (quote: QuoteView) => ReactNode }) {
  return (
    <TableScroll label={caption}>
      <table className="table">
        <caption>
          {caption} ({plural(quotes.length, 'devis', 'devis')}), du plus récent au plus ancien
        </caption>
        <thead>
          <tr>
            <th scope="col">Numéro</th>
            <th scope="col">Objet</th>
            <th scope="col">Émis le</th>
            <th scope="col">Valable jusqu’au</th>
            <th scope="col">Statut</th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col">Documents</th>
            {actions ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {[...quotes]
            .sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || b.number.localeCompare(a.number))
            .map((q) => (
              <tr key={q.id}>
                <th scope="row" className="nowrap">
                  {q.number}
                </th>
                <td>
                  {q.subject}
                  <ul className="small plain-list">
                    {q.lines.map((l) => (
                      <li key={l.position}>
                        {l.nature} : {l.quantity.replace('.', ',')} × {euros(l.unitPrice)} = {euros(l.amount)}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="nowrap">{formatCivilDate(q.issuedOn)}</td>
                <td className="nowrap">{formatCivilDate(q.validUntil)}</td>
                <td>
                  <QuoteState quote={q} />
                </td>
                <td className="num nowrap">
                  {euros(q.total)}
                  <p className="small muted">{q.vatLabel}</p>
                </td>
                <td>
                  <ul className="export-list">
                    <li>
                      <a className="btn btn-secondary btn-small" href={api.quotes.documentUrl(q.id)} download>
                        PDF<span className="sr-only"> : devis {q.number}</span>
                      </a>
                    </li>
                    {q.signedFileName ? (
                      <li>
                        <a className="btn btn-secondary btn-small" href={api.quotes.signedDocumentUrl(q.id)} download>
                          Devis signé<span className="sr-only"> : {q.number}</span>
                        </a>
                      </li>
                    ) : null}
                  </ul>
                </td>
                {actions ? <td>{actions(q)}</td> : null}
              </tr>
            ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
