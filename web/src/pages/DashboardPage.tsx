import { Link } from 'react-router';
import { api } from '../api/endpoints.ts';
import { EntryLabel } from '../components/AgreementBits.tsx';
import { LoadError, Loading, PageHeader, TableScroll } from '../components/ui.tsx';
import { entryDateText } from '../lib/agreements.ts';
import { formatInteger, kindLabel, plural } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { isPlatformStaff, useAccount, useCan } from '../lib/session.tsx';

function registryLink(providerId: string, status: 'member' | 'prospect'): string {
  return `/organisations?${new URLSearchParams({ providerId, membershipStatus: status })}`;
}

export function DashboardPage() {
  useTitle('Tableau de bord');
  const account = useAccount();
  const allowed = useCan();
  const providers = useResource(() => api.providers.list(), 'providers');
  const totals = providers.data?.reduce((t, p) => ({ members: t.members + p.members, prospects: t.prospects + p.prospects }), { members: 0, prospects: 0 });

  return (
    <>
      <PageHeader
        title="Tableau de bord"
        lead={
          isPlatformStaff(account)
            ? 'Les fournisseurs de la plateforme et leurs adhérents.'
            : `Votre fournisseur, ${account.organisationName ?? ''}, et ses adhérents.`
        }
      />
      {totals ? (
        <ul className="stats" aria-label="Chiffres clés">
          <li className="stat">
            <span className="stat-value">{formatInteger(providers.data!.length)}</span>
            <span className="stat-label">{providers.data!.length > 1 ? 'fournisseurs' : 'fournisseur'}</span>
          </li>
          <li className="stat">
            <span className="stat-value">{formatInteger(totals.members)}</span>
            <span className="stat-label">{totals.members > 1 ? 'adhésions' : 'adhésion'}</span>
          </li>
          <li className="stat">
            <span className="stat-value">{formatInteger(totals.prospects)}</span>
            <span className="stat-label">{totals.prospects > 1 ? 'prospects' : 'prospect'}</span>
          </li>
        </ul>
      ) : null}

      <NextDeadlines />

      <section aria-labelledby="fournisseurs-titre" className="section">
        <h2 id="fournisseurs-titre">Fournisseurs</h2>
        {providers.error ? <LoadError error={providers.error} retry={providers.reload} /> : null}
        {providers.loading && !providers.data ? <Loading /> : null}
        {providers.data ? (
          providers.data.length === 0 ? (
            <p>Aucun fournisseur visible.</p>
          ) : (
            <TableScroll label="Tableau des fournisseurs">
              <table className="table">
                <caption>
                  Fournisseurs de services ({plural(providers.data.length, 'fournisseur', 'fournisseurs')}), avec le nombre d'adhérents et de prospects
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Fournisseur</th>
                    <th scope="col">Sigle</th>
                    <th scope="col">Type</th>
                    <th scope="col" className="num">
                      Adhérents
                    </th>
                    <th scope="col" className="num">
                      Prospects
                    </th>
                    <th scope="col">Catalogue et tarifs</th>
                  </tr>
                </thead>
                <tbody>
                  {providers.data.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        <Link to={`/organisations/${p.id}`}>{p.name}</Link>
                      </th>
                      <td>{p.shortName}</td>
                      <td>{kindLabel(p.kind)}</td>
                      <td className="num">
                        <Link to={registryLink(p.id, 'member')} aria-label={`${plural(p.members, 'adhérent', 'adhérents')} de ${p.shortName}`}>
                          {formatInteger(p.members)}
                        </Link>
                      </td>
                      <td className="num">
                        <Link to={registryLink(p.id, 'prospect')} aria-label={`${plural(p.prospects, 'prospect', 'prospects')} de ${p.shortName}`}>
                          {formatInteger(p.prospects)}
                        </Link>
                      </td>
                      <td>
                        <ul className="inline-links">
                          <li>
                            <Link to={`/fournisseurs/${p.id}/catalogue`}>
                              Catalogue<span className="sr-only"> de {p.shortName}</span>
                            </Link>
                          </li>
                          <li>
                            <Link to={`/fournisseurs/${p.id}/tarifs`}>
                              Tarifs<span className="sr-only"> de {p.shortName}</span>
                            </Link>
                          </li>
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        ) : null}
      </section>

      <section aria-labelledby="raccourcis-titre" className="section">
        <h2 id="raccourcis-titre">Raccourcis</h2>
        <ul className="shortcut-list">
          <li>
            <Link to="/organisations">Rechercher dans le registre</Link>
          </li>
          <li>
            <Link to="/catalogues">Consulter les catalogues de services et leurs tarifs</Link>
          </li>
          <li>
            <Link to="/conventions">Consulter les conventions et leurs règles</Link>
          </li>
          <li>
            <Link to="/calendrier">Voir le calendrier des échéances</Link>
          </li>
          {allowed('organisation:write') ? (
            <li>
              <Link to="/organisations/nouvelle">Créer une organisation</Link>
            </li>
          ) : null}
          {allowed('registry:import') ? (
            <li>
              <Link to="/import">Importer les communes d'un département</Link>
            </li>
          ) : null}
          {allowed('audit:read') ? (
            <li>
              <Link to="/journal">Consulter le journal des modifications</Link>
            </li>
          ) : null}
        </ul>
      </section>
    </>
  );
}

const NEXT = 5;

/** The next deadlines of every visible agreement (the calendar's first entries), each linked to its agreement. */
function NextDeadlines() {
  const calendar = useResource((signal) => api.calendar.list({}, signal), 'calendar-next');
  const next = calendar.data?.slice(0, NEXT);
  return (
    <section aria-labelledby="echeances-titre" className="section" aria-busy={calendar.loading}>
      <div className="section-header">
        <h2 id="echeances-titre">Prochaines échéances</h2>
        <Link to="/calendrier">Tout le calendrier</Link>
      </div>
      {calendar.error ? <LoadError error={calendar.error} retry={calendar.reload} /> : null}
      {calendar.loading && !calendar.data ? <Loading /> : null}
      {next ? (
        next.length === 0 ? (
          <p className="empty">Aucune échéance dans les dix-huit prochains mois.</p>
        ) : (
          <TableScroll label="Tableau des prochaines échéances">
            <table className="table">
              <caption>
                {next.length < NEXT ? plural(next.length, 'prochaine échéance', 'prochaines échéances') : `Les ${NEXT} prochaines échéances`} des conventions, la plus
                proche en premier
              </caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Échéance</th>
                  <th scope="col">Convention</th>
                </tr>
              </thead>
              <tbody>
                {next.map((entry, i) => (
                  <tr key={`${entry.agreementId}-${entry.kind}-${entry.date}-${i}`}>
                    <td className="nowrap">
                      <time dateTime={entry.date}>{entryDateText(entry)}</time>
                    </td>
                    <td>
                      <EntryLabel entry={entry} />
                    </td>
                    <td>
                      <Link to={`/conventions/${entry.agreementId}`}>{entry.agreementTitle}</Link>
                      <span className="block small">{entry.providerName}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )
      ) : null}
    </section>
  );
}
