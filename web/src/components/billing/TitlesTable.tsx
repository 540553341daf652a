import { Link } from 'react-router';
import type { Title } from '../../api/billing.ts';
import { euros } from '../../lib/catalogue.ts';
import { formatCivilDate } from '../../lib/format.ts';
import { decimalOfCents, DOCUMENT_KINDS_FR, sumCents, TITLE_STATUSES, TITLE_STATUS_TONES, titlePeriod } from '../../lib/titles.ts';
import { Badge, TableScroll } from '../ui.tsx';

/**
 * Titles, reductions and payment orders: number (to the detail), member, subject, period, dates, amounts and status
 * in words; the totals of the receivable titles shown, summed in integer cents.
 */
export function TitlesTable({
  titles,
  caption,
  detailPath,
  showMember = true,
  providerName,
}: {
  titles: readonly Title[];
  caption: string;
  /** Where a title's detail is: `/titres` for staff, `/mes-factures` for members. */
  detailPath: string;
  showMember?: boolean;
  /** Platform staff see every provider's titles: the provider's name, or null to leave the column out. */
  providerName?: ((id: string) => string) | null;
}) {
  const receivable = titles.filter((t) => t.kind === 'title');
  const others = titles.length - receivable.length;
  const leading = 5 + (showMember ? 1 : 0) + (providerName ? 1 : 0);
  return (
    <TableScroll label="Titres de recette">
      <table className="table table-compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Numéro</th>
            {providerName ? <th scope="col">Fournisseur</th> : null}
            {showMember ? <th scope="col">Adhérent</th> : null}
            <th scope="col">Objet</th>
            <th scope="col">Période</th>
            <th scope="col">Émis le</th>
            <th scope="col">Échéance</th>
            <th scope="col" className="num">
              Montant TTC
            </th>
            <th scope="col" className="num">
              Payé
            </th>
            <th scope="col" className="num">
              Reste à recouvrer
            </th>
            <th scope="col">Statut</th>
          </tr>
        </thead>
        <tbody>
          {titles.map((t) => (
            <tr key={t.id}>
              <th scope="row" className="nowrap">
                <Link className="doc-link" to={`${detailPath}/${t.id}`}>
                  <span className="sr-only">{DOCUMENT_KINDS_FR[t.kind]} </span>
                  {t.number}
                </Link>
              </th>
              {providerName ? <td>{providerName(t.providerId)}</td> : null}
              {showMember ? <td>{t.organisationName}</td> : null}
              <td>{t.subject}</td>
              <td>{titlePeriod(t)}</td>
              <td className="nowrap">{formatCivilDate(t.issuedOn)}</td>
              <td className="nowrap">{t.dueOn ? formatCivilDate(t.dueOn) : <span className="muted">—</span>}</td>
              <td className="num nowrap">{euros(t.amountIncl)}</td>
              <td className="num nowrap">{t.kind === 'title' ? euros(t.paid) : <span className="muted">—</span>}</td>
              <td className="num nowrap">{t.kind === 'title' ? euros(t.outstanding) : <span className="muted">—</span>}</td>
              <td>
                <Badge tone={TITLE_STATUS_TONES[t.status]}>{TITLE_STATUSES[t.status]}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
        {receivable.length ? (
          <tfoot>
            <tr>
              <th scope="row" colSpan={leading}>
                {others ? 'Total des titres de recette affichés (hors réductions et mandats)' : 'Total des titres affichés'}
              </th>
              <td className="num nowrap">{euros(decimalOfCents(sumCents(receivable.map((t) => t.amountIncl))))}</td>
              <td className="num nowrap">{euros(decimalOfCents(sumCents(receivable.map((t) => t.paid))))}</td>
              <td className="num nowrap">{euros(decimalOfCents(sumCents(titles.map((t) => t.outstanding))))}</td>
              <td />
            </tr>
          </tfoot>
        ) : null}
      </table>
    </TableScroll>
  );
}
