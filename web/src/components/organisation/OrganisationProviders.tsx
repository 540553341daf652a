import { Link } from 'react-router';
import { api } from '../../api/endpoints.ts';
import { MembershipForm } from '../MembershipForm.tsx';
import { Badge, TableScroll } from '../ui.tsx';
import { actsForProvider } from '../../lib/catalogue.ts';
import { formatCivilDate, statusLabel } from '../../lib/format.ts';
import { useResource } from '../../lib/hooks.ts';
import { useAccount } from '../../lib/session.tsx';
import type { OrganisationDetail } from '../../shared.ts';

/** The providers this organisation is linked to, and the membership form for staff allowed to change a link. */
export function OrganisationProviders({ org, canWrite, onSaved }: { org: OrganisationDetail; canWrite: boolean; onSaved(message: string): void }) {
  const account = useAccount();
  const providers = useResource(() => (canWrite ? api.providers.list() : Promise.resolve([])), `providers-${canWrite}`);
  // A member reads the catalogues of its providers; provider staff, the catalogue of their own provider.
  const catalogueVisible = (providerId: string) => account.side === 'member' || actsForProvider(account, providerId);
  const withCatalogue = org.providers.some((m) => catalogueVisible(m.providerId));
  return (
    <section className="section" aria-labelledby="fournisseurs-titre">
      <h2 id="fournisseurs-titre">Fournisseurs</h2>
      {org.providers.length === 0 ? (
        <p>Cette organisation n'est liée à aucun fournisseur{canWrite ? '' : ' visible'}.</p>
      ) : (
        <TableScroll label="Liens avec les fournisseurs">
          <table className="table">
            <caption>Fournisseurs auxquels {org.name} est liée</caption>
            <thead>
              <tr>
                <th scope="col">Fournisseur</th>
                <th scope="col">Statut</th>
                <th scope="col">Depuis le</th>
                <th scope="col">Jusqu'au</th>
                {withCatalogue ? <th scope="col">Catalogue et tarifs</th> : null}
              </tr>
            </thead>
            <tbody>
              {org.providers.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link to={`/organisations/${m.providerId}`}>{m.providerName}</Link>
                  </th>
                  <td>
                    <Badge tone={m.status === 'member' ? 'success' : m.status === 'prospect' ? 'info' : 'muted'}>{statusLabel(m.status)}</Badge>
                  </td>
                  <td>{formatCivilDate(m.since)}</td>
                  <td>{formatCivilDate(m.until)}</td>
                  {withCatalogue ? (
                    <td>
                      {catalogueVisible(m.providerId) ? (
                        <ul className="inline-links">
                          <li>
                            <Link to={`/fournisseurs/${m.providerId}/catalogue`}>
                              Catalogue<span className="sr-only"> de {m.providerName}</span>
                            </Link>
                          </li>
                          <li>
                            <Link to={`/fournisseurs/${m.providerId}/tarifs`}>
                              Tarifs<span className="sr-only"> de {m.providerName}</span>
                            </Link>
                          </li>
                        </ul>
                      ) : (
                        '—'
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canWrite && providers.data ? (
        <MembershipForm
          memberId={org.id}
          providers={providers.data}
          links={org.providers}
          onSaved={(saved) => onSaved(`Lien enregistré : ${statusLabel(saved.status).toLowerCase()} de ${saved.providerName}.`)}
        />
      ) : null}
    </section>
  );
}
