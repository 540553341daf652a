import { Link } from 'react-router';
import { api } from '../api/endpoints.ts';
import { Badge, LoadError, Loading, PageHeader, TableScroll } from '../components/ui.tsx';
import { formatCivilDate, plural } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';

/** The provider's committees (seed 004 art. 4, seed 001 art. 6.3): rhythm, last and next meetings, seats to fill. */
export function CommitteesPage() {
  useTitle('Comités');
  const list = useResource((signal) => api.governance.committees({}, signal), 'committees');
  const committees = list.data ?? [];
  return (
    <>
      <PageHeader
        title="Comités"
        lead="Les comités qui pilotent les services partagés : qui y siège, à quel rythme ils se réunissent, et ce qu'ils décident (demandes de souscription, besoins, feuille de route, avenants)."
        actions={
          <Link className="btn btn-secondary" to="/besoins">
            Registre des besoins
          </Link>
        }
      />
      <section className="section" aria-labelledby="liste-comites" aria-busy={list.loading}>
        <h2 id="liste-comites" className="sr-only">
          Liste des comités
        </h2>
        {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
        {list.loading && !list.data ? <Loading /> : null}
        {list.data && committees.length === 0 ? <p className="empty">Aucun comité enregistré.</p> : null}
        {committees.length ? (
          <TableScroll label="Comités">
            <table className="table">
              <caption>{plural(committees.length, 'comité', 'comités')}</caption>
              <thead>
                <tr>
                  <th scope="col">Comité</th>
                  <th scope="col">Fournisseur et convention</th>
                  <th scope="col">Rythme</th>
                  <th scope="col">Dernière réunion</th>
                  <th scope="col">Prochaine réunion</th>
                  <th scope="col">Composition</th>
                </tr>
              </thead>
              <tbody>
                {committees.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/comites/${c.id}`}>{c.name}</Link>
                      <span className="block muted">{c.kindLabel}</span>
                    </th>
                    <td>
                      {c.providerName}
                      {c.agreementTitle ? <span className="block muted">{c.agreementTitle}</span> : null}
                    </td>
                    <td>{c.rhythmText}</td>
                    <td>{c.lastHeldOn ? formatCivilDate(c.lastHeldOn) : '—'}</td>
                    <td>
                      {c.nextPlannedOn ? `prévue le ${formatCivilDate(c.nextPlannedOn)}` : c.nextDueOn ? `à programmer pour le ${formatCivilDate(c.nextDueOn)}` : 'à la demande'}
                    </td>
                    <td>{c.compositionIssues.length ? <Badge tone="warning">{plural(c.compositionIssues.length, 'point à vérifier', 'points à vérifier')}</Badge> : <Badge tone="success">Conforme</Badge>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
    </>
  );
}
