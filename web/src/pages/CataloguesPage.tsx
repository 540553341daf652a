import { Link } from 'react-router';
import { api } from '../api/endpoints.ts';
import { Badge, LoadError, Loading, PageHeader, TableScroll } from '../components/ui.tsx';
import { plural, statusLabel } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount } from '../lib/session.tsx';

interface Entry {
  id: string;
  name: string;
  /** The member's link to the provider, on the member side. */
  status?: string;
}

/**
 * The catalogues an account may read: every visible provider for the provider side, and for a member the
 * providers their organisation is linked to (its record's list of providers).
 */
export function CataloguesPage() {
  useTitle('Catalogues de services');
  const account = useAccount();
  const member = account.side === 'member';
  const entries = useResource<Entry[]>(async () => {
    if (member) {
      if (!account.organisationId) return [];
      const detail = await api.organisations.get(account.organisationId);
      return detail.providers.map((m) => ({ id: m.providerId, name: m.providerName, status: m.status }));
    }
    return (await api.providers.list()).map((p) => ({ id: p.id, name: p.name }));
  }, `catalogues-${account.id}`);

  return (
    <>
      <PageHeader
        title="Catalogues de services"
        lead={
          member
            ? `Les services proposés par les fournisseurs auxquels ${account.organisationName ?? 'votre organisation'} est liée, et leurs tarifs.`
            : 'Les services proposés par chaque fournisseur, leurs prérequis et leurs grilles tarifaires.'
        }
      />
      <section className="section" aria-busy={entries.loading}>
        {entries.error ? <LoadError error={entries.error} retry={entries.reload} /> : null}
        {entries.loading && !entries.data ? <Loading /> : null}
        {entries.data ? (
          entries.data.length === 0 ? (
            <p className="empty">{member ? "Votre organisation n'est liée à aucun fournisseur." : 'Aucun fournisseur visible.'}</p>
          ) : (
            <TableScroll label="Catalogues disponibles">
              <table className="table">
                <caption>{plural(entries.data.length, 'fournisseur', 'fournisseurs')}, avec leur catalogue et leurs grilles tarifaires</caption>
                <thead>
                  <tr>
                    <th scope="col">Fournisseur</th>
                    {member ? <th scope="col">Lien de votre organisation</th> : null}
                    <th scope="col">Catalogue</th>
                    <th scope="col">Tarifs</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.data.map((e) => (
                    <tr key={e.id}>
                      <th scope="row">{e.name}</th>
                      {member ? (
                        <td>
                          <Badge tone={e.status === 'member' ? 'success' : e.status === 'prospect' ? 'info' : 'muted'}>{statusLabel(e.status ?? '')}</Badge>
                        </td>
                      ) : null}
                      <td>
                        <Link to={`/fournisseurs/${e.id}/catalogue`}>
                          Catalogue<span className="sr-only"> de {e.name}</span>
                        </Link>
                      </td>
                      <td>
                        <Link to={`/fournisseurs/${e.id}/tarifs`}>
                          Grilles tarifaires<span className="sr-only"> de {e.name}</span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        ) : null}
      </section>
    </>
  );
}
