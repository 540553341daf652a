import { Fragment, useState } from 'react';
import type { MemberBill, RunPreview } from '../../api/billing.ts';
import { documentLabel, signedAmountCents } from '../../lib/billing-run.ts';
import { euros, signedEuros } from '../../lib/catalogue.ts';
import { plural } from '../../lib/format.ts';
import { decimalOfCents } from '../../lib/titles.ts';
import { Alert, TableScroll } from '../ui.tsx';
import { BillLinesTable } from './BillLinesTable.tsx';

/** The previous period's amounts incl. VAT per member (signed cents), to compare with; null while unknown. */
export interface PreviousAmounts {
  label: string;
  cents: ReadonlyMap<string, number> | null;
  failed: boolean;
}

const COLUMNS = 8;

/**
 * Every member's document for the period: kind, amounts, the previous period's amount and the difference
 * (in integer cents), and a button unfolding its lines — each explained — and what could not be priced.
 */
export function RunMembersTable({ preview, previous, linkInvoices }: { preview: RunPreview; previous: PreviousAmounts; linkInvoices: boolean }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => setOpen((current) => (current.has(id) ? new Set([...current].filter((x) => x !== id)) : new Set([...current, id])));
  const before = (m: MemberBill) => (previous.cents ? (previous.cents.get(m.organisationId) ?? null) : null);
  const unknown = previous.failed ? 'indisponible' : previous.cents ? '—' : '…';

  return (
    <TableScroll label="Adhérents de la facturation">
      <table className="table table-compact run-members">
        <caption>
          {plural(preview.members.length, 'adhérent', 'adhérents')} — {preview.periodLabel} : document, montants et écart avec le {previous.label}
        </caption>
        <thead>
          <tr>
            <th scope="col">Adhérent</th>
            <th scope="col">Document</th>
            <th scope="col" className="num">
              Montant HT
            </th>
            <th scope="col" className="num">
              TVA
            </th>
            <th scope="col" className="num">
              Montant TTC
            </th>
            <th scope="col" className="num">
              {previous.label} (TTC)
            </th>
            <th scope="col" className="num">
              Écart
            </th>
            <th scope="col">Lignes</th>
          </tr>
        </thead>
        <tbody>
          {preview.members.map((m) => {
            const detailId = `facturation-lignes-${m.organisationId}`;
            const expanded = open.has(m.organisationId);
            const previousCents = before(m);
            const now = signedAmountCents(m);
            return (
              <Fragment key={m.organisationId}>
                <tr>
                  <th scope="row">{m.organisationName}</th>
                  <td>
                    {documentLabel(m)}
                    {m.issues.length ? <span className="field-error small"> — {plural(m.issues.length, 'ligne non chiffrable', 'lignes non chiffrables')}</span> : null}
                  </td>
                  <td className="num nowrap">{euros(m.amountExcl)}</td>
                  <td className="num nowrap">{euros(m.vat)}</td>
                  <td className="num nowrap">{m.document === 'reduction' ? signedEuros(decimalOfCents(now)) : euros(m.amountIncl)}</td>
                  <td className="num nowrap">{previousCents === null ? <span className="muted">{unknown}</span> : euros(decimalOfCents(previousCents))}</td>
                  <td className="num nowrap">{previousCents === null ? <span className="muted">{unknown}</span> : signedEuros(decimalOfCents(now - previousCents))}</td>
                  <td>
                    {m.lines.length || m.issues.length ? (
                      <button type="button" className="btn btn-link" aria-expanded={expanded} aria-controls={detailId} onClick={() => toggle(m.organisationId)}>
                        {expanded ? 'Masquer' : 'Voir'} {plural(m.lines.length, 'ligne', 'lignes')}
                        <span className="sr-only"> de {m.organisationName}</span>
                      </button>
                    ) : (
                      <span className="muted">aucune</span>
                    )}
                  </td>
                </tr>
                <tr id={detailId} hidden={!expanded} className="run-member-detail">
                  <td colSpan={COLUMNS}>
                    {expanded ? <MemberDetail bill={m} periodLabel={preview.periodLabel} linkInvoices={linkInvoices} /> : null}
                  </td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Kept within the visible width of the scrolling table (sticky on its left), its own lines table scrolling inside it. */
function MemberDetail({ bill, periodLabel, linkInvoices }: { bill: MemberBill; periodLabel: string; linkInvoices: boolean }) {
  return (
    <div className="run-member-detail-body">
      {bill.issues.length ? (
        <Alert tone="warning" title={`${plural(bill.issues.length, 'ligne ne peut', 'lignes ne peuvent')} pas être chiffrée${bill.issues.length > 1 ? 's' : ''}`}>
          <ul>
            {bill.issues.map((i, n) => (
              <li key={n}>
                {i.line} : {i.message}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {bill.lines.length ? <BillLinesTable lines={bill.lines} caption={`Lignes de ${bill.organisationName} — ${periodLabel}`} linkInvoices={linkInvoices} /> : null}
    </div>
  );
}
