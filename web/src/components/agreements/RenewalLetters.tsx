import { TableScroll } from '../ui.tsx';
import type { AgreementDetail } from '../../lib/agreements.ts';
import { formatCivilDate, plural } from '../../lib/format.ts';
import { RenewalLetterForm, type RenewalLetter } from './RenewalLetterForm.tsx';

/** Agreements renewed only by letter (seed 000 art. 5): the letters recorded and, for staff, recording one. */
export function RenewalLetters({ agreement, writer, onRecorded }: { agreement: AgreementDetail; writer: boolean; onRecorded(letter: RenewalLetter): void }) {
  const { duration } = agreement.rules;
  if (duration.kind !== 'fixed' || duration.renewal.kind !== 'express') return null;
  return (
    <section className="section" aria-labelledby="renouvellement">
      <h2 id="renouvellement">Renouvellement exprès</h2>
      <p className="muted">
        La convention se renouvelle seulement par un courrier reçu au moins {plural(duration.renewal.letterMonthsBefore, 'mois', 'mois')} avant son échéance ; sans
        courrier, elle prend fin.
      </p>
      {agreement.renewalLetters.length === 0 ? (
        <p className="empty">Aucun courrier de renouvellement enregistré.</p>
      ) : (
        <TableScroll label="Courriers de renouvellement">
          <table className="table">
            <caption>{plural(agreement.renewalLetters.length, 'courrier de renouvellement', 'courriers de renouvellement')}</caption>
            <thead>
              <tr>
                <th scope="col">Reçu le</th>
                <th scope="col">Convention renouvelée jusqu'au</th>
              </tr>
            </thead>
            <tbody>
              {agreement.renewalLetters.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{formatCivilDate(l.receivedOn)}</th>
                  <td>{formatCivilDate(l.renewedUntil)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {writer ? <RenewalLetterForm agreementId={agreement.id} onRecorded={onRecorded} /> : null}
    </section>
  );
}
