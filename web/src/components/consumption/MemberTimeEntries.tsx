import { api } from '../../api/endpoints.ts';
import { formatCivilDate, plural } from '../../lib/format.ts';
import { useResource } from '../../lib/hooks.ts';
import { decimalHoursText, hoursText } from '../../lib/statements.ts';
import { LoadError, TableScroll } from '../ui.tsx';

/** The interventions recorded for the member over the year (seed 002 art. 4.2, seed 004 art. 9.2.3), and their total in hours; hidden when there are none. */
export function MemberTimeEntries({ organisationId, year }: { organisationId: string; year: number }) {
  const key = `time-${organisationId}-${year}`;
  const data = useResource((signal) => api.memberTimeEntries(organisationId, year, signal), key);
  const entries = data.dataKey === key ? data.data : undefined;
  if (data.error) return <LoadError error={data.error} retry={data.reload} />;
  if (!entries || entries.length === 0) return <div aria-busy={data.loading} />;
  const sorted = [...entries].sort((a, b) => a.workedOn.localeCompare(b.workedOn) || a.person.localeCompare(b.person));
  const minutes = entries.reduce((sum, e) => sum + e.minutes, 0);
  const providers = new Set(entries.map((e) => e.providerId)).size;
  return (
    <section className="section" aria-labelledby="temps-passes" aria-busy={data.loading}>
      <h2 id="temps-passes">
        Temps passés en {year} <span className="count">({plural(entries.length, 'intervention', 'interventions')})</span>
      </h2>
      <p>
        Total : <strong>{hoursText(minutes)}</strong>
        {providers > 1 ? ` (${plural(providers, 'fournisseur', 'fournisseurs')})` : ''}.
      </p>
      <TableScroll label={`Temps passés en ${year}`}>
        <table className="table">
          <caption>
            {plural(entries.length, 'intervention', 'interventions')} en {year}, par date, {hoursText(minutes)} au total
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Service</th>
              <th scope="col">Intervenant</th>
              <th scope="col" className="num">
                Durée
              </th>
              <th scope="col">Déplacement compris</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((e) => (
              <tr key={e.id}>
                <th scope="row" className="nowrap">
                  {formatCivilDate(e.workedOn)}
                </th>
                <td>
                  {e.lineName}
                  {providers > 1 ? <span className="row-detail">{e.providerName}</span> : null}
                </td>
                <td>{e.person}</td>
                <td className="num nowrap">{decimalHoursText(e.hours)}</td>
                <td>{e.travelIncluded ? 'oui' : 'non'}</td>
                <td>{e.description || <span className="muted">—</span>}</td>
              </tr>
            ))}
            <tr className="total-row">
              <th scope="row">Total</th>
              <td colSpan={2} />
              <td className="num nowrap">{hoursText(minutes)}</td>
              <td colSpan={2} />
            </tr>
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
