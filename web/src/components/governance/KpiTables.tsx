import { Link } from 'react-router';
import { TableScroll } from '../ui.tsx';
import { MONTHS_SHORT } from '../../lib/consumption-chart.ts';
import { formatCivilDate, formatInteger, plural } from '../../lib/format.ts';
import { formatEurosFr, parseEuros, type KpiView } from '../../shared.ts';

const euros = (amount: string) => formatEurosFr(parseEuros(amount));

/** Every figure of the dashboard as tables: the monthly series, the requests waiting, overdue titles, deadlines. */
export function KpiTables({ kpis: k }: { kpis: KpiView }) {
  const series: { label: string; values: string[] }[] = [
    { label: 'Adhérents ayant une ligne ouverte', values: k.members.map(formatInteger) },
    ...k.units.map((u) => ({ label: `Unités — ${u.categoryName}`, values: u.months.map(formatInteger) })),
    { label: `Ouvertures ${k.year}`, values: k.openings.map(formatInteger) },
    { label: `Facturé ${k.year}`, values: k.billed.map(euros) },
    { label: `Encaissé ${k.year}`, values: k.collected.map(euros) },
  ];
  return (
    <>
      <h3>Mois par mois</h3>
      <TableScroll label={`Indicateurs ${k.year} mois par mois`} compact>
        <table className="table table-compact">
          <caption>Indicateurs {k.year} mois par mois (adhérents et unités en fin de mois)</caption>
          <thead>
            <tr>
              <th scope="col">Indicateur</th>
              {MONTHS_SHORT.map((m) => (
                <th key={m} scope="col" className="num">
                  {m}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.label}>
                <th scope="row">{s.label}</th>
                {s.values.map((v, i) => (
                  <td key={i} className="num">
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h3>Demandes en attente de décision</h3>
      <p>
        {plural(k.pipeline.requests, 'demande', 'demandes')} ({plural(k.pipeline.lines, 'ligne', 'lignes')}) en attente ; délai moyen {plural(k.pipeline.averageDays, 'jour', 'jours')}, la plus ancienne depuis {plural(k.pipeline.oldestDays, 'jour', 'jours')}.
      </p>
      {k.pipeline.oldest.length ? (
        <ul>
          {k.pipeline.oldest.map((r) => (
            <li key={r.requestId}>
              <Link to={`/demandes/${r.requestId}`}>
                {r.organisationName}, reçue le {formatCivilDate(r.receivedOn)}
              </Link>{' '}
              ({plural(r.days, 'jour', 'jours')}) : {r.lines.join(', ')}
            </li>
          ))}
        </ul>
      ) : null}
      <h3>Titres en retard</h3>
      <p>
        {plural(k.overdue.count, 'titre échu non soldé', 'titres échus non soldés')}, {euros(k.overdue.amount)} à recouvrer.
      </p>
      {k.overdue.titles.length ? (
        <ul>
          {k.overdue.titles.map((t) => (
            <li key={t.id}>
              <Link to={`/titres/${t.id}`}>{t.number}</Link> — {t.organisationName}, échu le {formatCivilDate(t.dueOn)} : {euros(t.outstanding)}
            </li>
          ))}
        </ul>
      ) : null}
      <h3>Échéances des trois prochains mois</h3>
      {k.deadlines.length ? (
        <ul>
          {k.deadlines.map((d, i) => (
            <li key={i}>
              {formatCivilDate(d.date)} — {d.label} ({d.agreementTitle})
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">Aucune échéance dans les trois prochains mois.</p>
      )}
    </>
  );
}
