import { Link } from 'react-router';
import { DescriptionList } from '../ui.tsx';
import { formatDateTime, formatInteger, kindLabel } from '../../lib/format.ts';
import type { OrganisationDetail } from '../../shared.ts';

export function OrganisationIdentity({ org }: { org: OrganisationDetail }) {
  const address = [org.addressLine1, org.addressLine2, [org.postalCode, org.city].filter(Boolean).join(' ')].filter(Boolean);
  return (
    <section className="section" aria-labelledby="identite-titre">
      <h2 id="identite-titre">Identité</h2>
      <DescriptionList
        items={[
          { term: 'Type', value: kindLabel(org.kind) },
          { term: 'SIREN', value: org.siren ? <span className="mono">{org.siren}</span> : null },
          { term: 'SIRET', value: org.siret ? <span className="mono">{org.siret}</span> : null },
          { term: 'Code INSEE', value: org.inseeCode ? <span className="mono">{org.inseeCode}</span> : null },
          { term: 'Département', value: org.departement },
          {
            term: 'Adresse',
            value: address.length ? (
              <address>
                {address.map((line, i) => (
                  <span key={i} className="block">
                    {line}
                  </span>
                ))}
              </address>
            ) : null,
          },
          { term: 'Population', value: org.population === null ? null : `${formatInteger(org.population)} habitants` },
          { term: 'EPCI de rattachement', value: org.parentEpciId ? <Link to={`/organisations/${org.parentEpciId}`}>{org.parentEpciName}</Link> : null },
          {
            term: 'Représentant',
            value: org.representativeName ? `${org.representativeName}${org.representativeTitle ? `, ${org.representativeTitle}` : ''}` : null,
          },
          ...(org.isProvider ? [{ term: 'Fournisseur de services', value: `Oui${org.providerShortName ? ` (sigle : ${org.providerShortName})` : ''}` }] : []),
          { term: 'Dernière mise à jour', value: <time dateTime={org.updatedAt}>{formatDateTime(org.updatedAt)}</time> },
        ]}
      />
    </section>
  );
}
