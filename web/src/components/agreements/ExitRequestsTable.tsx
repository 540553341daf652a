import type { ReactNode } from 'react';
import { Badge, TableScroll } from '../ui.tsx';
import type { AgreementDetail } from '../../lib/agreements.ts';
import { formatCivilDate, plural } from '../../lib/format.ts';

/** The exits recorded on the agreement; `children` is the recording action, for staff of the provider. */
export function ExitRequestsTable({ agreement, categoryName, children }: { agreement: AgreementDetail; categoryName(code: string): string; children: ReactNode }) {
  return (
    <section className="section" aria-labelledby="denonciations">
      <h2 id="denonciations">Dénonciations enregistrées</h2>
      {agreement.exitRequests.length === 0 ? (
        <p className="empty">Aucune dénonciation enregistrée.</p>
      ) : (
        <TableScroll label="Dénonciations enregistrées">
          <table className="table">
            <caption>
              {plural(agreement.exitRequests.length, 'dénonciation', 'dénonciations')}, avec la date d'effet fixée par les règles de la convention
            </caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Sortie</th>
                <th scope="col">Reçue le</th>
                <th scope="col">Délai</th>
                <th scope="col">Prise d'effet</th>
              </tr>
            </thead>
            <tbody>
              {agreement.exitRequests.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{e.organisationName}</th>
                  <td>
                    {e.scope === 'partial' ? (
                      <>
                        Partielle : {e.categories.map(categoryName).join(', ')}
                        {e.amendmentRequired ? <span className="block small">Avenant nécessaire (le socle est conservé)</span> : null}
                      </>
                    ) : (
                      'Totale'
                    )}
                  </td>
                  <td className="nowrap">{formatCivilDate(e.receivedOn)}</td>
                  <td>
                    {e.late ? <Badge tone="warning">Hors délai</Badge> : <Badge tone="success">Dans les délais</Badge>}
                    <span className="block small">au plus tard le {formatCivilDate(e.noticeDeadline)}</span>
                  </td>
                  <td>
                    <span className="nowrap">{formatCivilDate(e.effectiveOn)}</span>
                    {e.mayBeHeldUntil ? <span className="block small">maintien possible jusqu'au {formatCivilDate(e.mayBeHeldUntil)}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {children}
    </section>
  );
}
