import type { Title } from '../../api/billing.ts';
import { formatInteger, plural } from '../../lib/format.ts';
import { balanceOf, eurosOfCents } from '../../lib/titles.ts';

/**
 * A member's account: what its titles of every year add up to — issued, paid, still to collect and how much of it
 * is overdue — summed in integer cents.
 */
export function MemberAccount({ titles, headingId, heading }: { titles: readonly Title[]; headingId: string; heading: string }) {
  const b = balanceOf(titles);
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <ul className="stats" aria-label={`Solde — ${heading}`}>
        <li className="stat">
          <span className="stat-value">{eurosOfCents(b.outstandingCents)}</span>
          <span className="stat-label">reste à recouvrer sur {plural(b.open, 'titre', 'titres')}</span>
        </li>
        <li className="stat">
          <span className="stat-value">{eurosOfCents(b.overdueCents)}</span>
          <span className="stat-label">en retard ({formatInteger(b.overdue)} {b.overdue > 1 ? 'titres' : 'titre'})</span>
        </li>
        <li className="stat">
          <span className="stat-value">{eurosOfCents(b.issuedCents)}</span>
          <span className="stat-label">titres de recette émis (TTC)</span>
        </li>
        <li className="stat">
          <span className="stat-value">{eurosOfCents(b.paidCents)}</span>
          <span className="stat-label">payé</span>
        </li>
      </ul>
    </section>
  );
}
