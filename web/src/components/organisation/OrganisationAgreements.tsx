import { Link } from 'react-router';
import { api } from '../../api/endpoints.ts';
import { AgreementsTable } from '../AgreementBits.tsx';
import { LoadError, Loading } from '../ui.tsx';
import { plural } from '../../lib/format.ts';
import { useResource } from '../../lib/hooks.ts';
import type { OrganisationDetail } from '../../shared.ts';

/** The agreements this organisation is party to, as provider, second provider or member. */
export function OrganisationAgreements({ org }: { org: OrganisationDetail }) {
  const agreements = useResource((signal) => api.agreements.ofOrganisation(org.id, signal), `agreements-of-${org.id}`);
  const mine = agreements.data;
  return (
    <section className="section" aria-labelledby="conventions-titre" aria-busy={agreements.loading}>
      <div className="section-header">
        <h2 id="conventions-titre">Conventions</h2>
        {org.isProvider ? <Link to={`/calendrier?${new URLSearchParams({ providerId: org.id })}`}>Calendrier des échéances<span className="sr-only"> de {org.name}</span></Link> : null}
      </div>
      {agreements.error ? <LoadError error={agreements.error} retry={agreements.reload} /> : null}
      {agreements.loading && !agreements.data ? <Loading /> : null}
      {mine ? (
        mine.length === 0 ? (
          <p className="empty">Aucune convention {org.isProvider ? 'de ce fournisseur' : 'ne nomme cette organisation'}.</p>
        ) : (
          <AgreementsTable
            agreements={mine}
            label={`Conventions de ${org.name}`}
            caption={`${org.isProvider ? 'Conventions du fournisseur' : 'Conventions dont'} ${org.name}${org.isProvider ? '' : ' est partie'} (${plural(mine.length, 'convention', 'conventions')})`}
            showProvider={!org.isProvider || mine.some((a) => a.providerId !== org.id)}
          />
        )
      ) : null}
    </section>
  );
}
