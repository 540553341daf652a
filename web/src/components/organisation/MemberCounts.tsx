import { Link } from 'react-router';
import { formatInteger, plural, statusLabel } from '../../lib/format.ts';
import { MEMBERSHIP_STATUS_VALUES, type OrganisationDetail } from '../../shared.ts';

export function MemberCounts({ org }: { org: OrganisationDetail }) {
  if (!org.isProvider || !org.memberCounts) return null;
  const counts = org.memberCounts as Partial<Record<string, number>>;
  const link = (status?: string) => `/organisations?${new URLSearchParams({ providerId: org.id, ...(status ? { membershipStatus: status } : {}) })}`;
  const total = MEMBERSHIP_STATUS_VALUES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  return (
    <section className="section" aria-labelledby="adherents-titre">
      <h2 id="adherents-titre">Organisations liées à ce fournisseur</h2>
      <ul className="stats">
        {MEMBERSHIP_STATUS_VALUES.map((s) => (
          <li className="stat" key={s}>
            <span className="stat-value">{formatInteger(counts[s] ?? 0)}</span>
            <Link className="stat-label" to={link(s)}>
              {statusLabel(s)}
              <span className="sr-only"> : voir la liste</span>
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to={link()}>Voir les {plural(total, 'organisation liée', 'organisations liées')} dans le registre</Link>
      </p>
    </section>
  );
}
