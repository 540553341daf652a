import { Link } from 'react-router';
import { TableScroll } from '../ui.tsx';
import { partyRoleLabel, type AgreementDetail } from '../../lib/agreements.ts';
import { formatCivilDate, plural } from '../../lib/format.ts';
import { useAccount } from '../../lib/session.tsx';

export function AgreementParties({ agreement }: { agreement: AgreementDetail }) {
  const account = useAccount();
  // A member's people read their own organisation's record only: the other parties are named without a link.
  const readable = (organisationId: string) => account.side === 'provider' || organisationId === account.organisationId;
  return (
    <section className="section" aria-labelledby="parties">
      <h2 id="parties">Parties</h2>
      <TableScroll label="Parties à la convention">
        <table className="table">
          <caption>
            {plural(agreement.parties.length, 'partie', 'parties')} à la convention, avec leur signataire et la délibération qui l'habilite
          </caption>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Rôle</th>
              <th scope="col">Signataire</th>
              <th scope="col">Délibération</th>
              <th scope="col">Signée le</th>
            </tr>
          </thead>
          <tbody>
            {agreement.parties.map((p) => (
              <tr key={`${p.organisationId}-${p.role}`}>
                <th scope="row">{readable(p.organisationId) ? <Link to={`/organisations/${p.organisationId}`}>{p.organisationName}</Link> : p.organisationName}</th>
                <td>{partyRoleLabel(p.role)}</td>
                <td>
                  {p.signatory ? (
                    <>
                      {p.signatory.name}
                      <span className="block small">{p.signatory.title}</span>
                    </>
                  ) : (
                    <span className="muted">Non renseigné</span>
                  )}
                </td>
                <td>
                  {p.deliberation ? (
                    <>
                      {p.deliberation.organ}
                      <span className="block small">
                        {p.deliberation.number ? `n° ${p.deliberation.number}, ` : ''}du {formatCivilDate(p.deliberation.date)}
                      </span>
                    </>
                  ) : (
                    <span className="muted">Non renseignée</span>
                  )}
                </td>
                <td className="nowrap">{p.signedOn ? formatCivilDate(p.signedOn) : <span className="muted">Non renseignée</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
