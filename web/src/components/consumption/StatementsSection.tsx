import { TelecomStatement } from './TelecomStatement.tsx';
import { UnitsStatement } from './UnitsStatement.tsx';

/** The statements a member receives, to read on screen and download: telecom by quarter, uses in units by period. */
export function StatementsSection({ organisationId, year }: { organisationId: string; year: number }) {
  return (
    <section className="section" aria-labelledby="etats">
      <h2 id="etats">États {year}</h2>
      <TelecomStatement key={`telecom-${year}`} organisationId={organisationId} year={year} />
      <UnitsStatement key={`units-${year}`} organisationId={organisationId} year={year} />
    </section>
  );
}
