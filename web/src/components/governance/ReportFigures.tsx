import { DescriptionList, TableScroll } from '../ui.tsx';
import { formatCivilDate, formatInteger, plural } from '../../lib/format.ts';
import { formatEurosFr, parseEuros, type AnnualReportView } from '../../shared.ts';

const euros = (amount: string) => formatEurosFr(parseEuros(amount));

/** The year's figures of an annual report: services and units, amounts billed and collected, costs, meetings. */
export function ReportFigures({ report }: { report: AnnualReportView }) {
  const f = report.figures;
  return (
    <section className="section" aria-labelledby="rapport-chiffres">
      <h2 id="rapport-chiffres">Chiffres de l'année {report.year}</h2>
      <h3>Services rendus</h3>
      {f.services.length ? (
        <TableScroll label="Services rendus" compact>
          <table className="table table-compact">
            <caption>{plural(f.services.length, 'service ouvert', 'services ouverts')} pendant l'année</caption>
            <thead>
              <tr>
                <th scope="col">Adhérent</th>
                <th scope="col">Service</th>
                <th scope="col" className="num">
                  Volume
                </th>
                <th scope="col">Ouvert le</th>
              </tr>
            </thead>
            <tbody>
              {f.services.map((s, i) => (
                <tr key={i}>
                  <td>{s.organisationName}</td>
                  <th scope="row">{s.lineName}</th>
                  <td className="num">{formatInteger(s.quantity)}</td>
                  <td>{formatCivilDate(s.openedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="empty">Aucun service ouvert sous cette convention pendant l'année.</p>
      )}
      <h3>Montants</h3>
      <DescriptionList
        items={(
          [
            ['Titres émis', f.billed],
            ['Réductions et annulations', f.reduced],
            ['Net facturé', f.netBilled],
            ['Encaissé', f.collected],
            ['Restant à recouvrer', f.outstanding],
            ['Mandats (remboursements)', f.paymentOrders],
            ['Charges du fournisseur', f.costsTotal],
          ] as const
        ).map(([term, amount]) => ({ term, value: euros(amount) }))}
      />
      <h3>Réunions et décisions</h3>
      {f.meetings.length ? (
        <ul>
          {f.meetings.map((m, i) => (
            <li key={i}>
              {m.committeeName} du {formatCivilDate(m.heldOn)} : {m.decisions.join(' ; ') || 'aucune décision'}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">Aucune réunion tenue dans l'année.</p>
      )}
    </section>
  );
}
