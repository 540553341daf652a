import { Link } from 'react-router';
import { sourceTexts } from '../../lib/bill-sources.ts';
import { plural } from '../../lib/format.ts';

/** A bill line's sources, folded under its explanation: snapshot months, time entries, operator invoice lines… */
export function BillSources({ sources, lineLabel, linkInvoices }: { sources: readonly Record<string, unknown>[]; lineLabel: string; linkInvoices: boolean }) {
  const items = sourceTexts(sources);
  if (!items.length) return null;
  return (
    <details className="history-details bill-sources">
      <summary>
        {plural(items.length, 'source', 'sources')}
        <span className="sr-only"> de la ligne « {lineLabel} »</span>
      </summary>
      <ul className="small">
        {items.map(({ text, invoiceId }, i) => (
          <li key={i}>{invoiceId && linkInvoices ? <Link to={`/factures-operateurs/${invoiceId}`}>{text}</Link> : text}</li>
        ))}
      </ul>
    </details>
  );
}
