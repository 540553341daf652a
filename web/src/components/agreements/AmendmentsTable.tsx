import type { ReactNode } from 'react';
import { Badge, TableScroll } from '../ui.tsx';
import { frenchText, type AgreementDetail } from '../../lib/agreements.ts';
import { AMENDMENT_STATUSES, missingApprovals } from '../../lib/amendments.ts';
import { formatCivilDate, plural } from '../../lib/format.ts';
import type { AmendmentView } from '../../shared.ts';

/** What an amendment changes, in a few words (organisations named from the agreement's parties). */
function changesText(amendment: AmendmentView, nameOf: (id: string) => string): string {
  const c = amendment.changes;
  const parts: string[] = [];
  if (c.title) parts.push('nouveau titre');
  if (c.annexes) parts.push(`liste des annexes (${c.annexes.length})`);
  if (c.rules) parts.push('nouvelles règles');
  if (c.addParties?.length) parts.push(`ajout de ${c.addParties.map((p) => nameOf(p.organisationId)).join(', ')}`);
  if (c.removeParties?.length) parts.push(`retrait de ${c.removeParties.map(nameOf).join(', ')}`);
  if (c.withdrawCategories?.length) parts.push(`retrait de catégories : ${c.withdrawCategories.map((w) => nameOf(w.organisationId)).join(', ')}`);
  return parts.length ? `Modifie : ${parts.join(' ; ')}` : '';
}

/** The amendments with their status in words and each party's approval; `actions` adds a cell per row (staff). */
export function AmendmentsTable({ agreement, actions }: { agreement: AgreementDetail; actions?: ((amendment: AmendmentView) => ReactNode) | undefined }) {
  const names = new Map(agreement.parties.map((p) => [p.organisationId, p.organisationName]));
  const nameOf = (id: string) => names.get(id) ?? agreement.amendments.flatMap((a) => a.approvals).find((a) => a.organisationId === id)?.organisationName ?? id;
  return (
    <TableScroll label="Avenants de la convention">
      <table className="table">
        <caption>{plural(agreement.amendments.length, 'avenant', 'avenants')}, par numéro ; le statut est écrit en toutes lettres</caption>
        <thead>
          <tr>
            <th scope="col">N°</th>
            <th scope="col">Objet</th>
            <th scope="col">Proposé le</th>
            <th scope="col">Statut</th>
            <th scope="col">Prise d'effet</th>
            <th scope="col">Approbations</th>
            {actions ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {agreement.amendments.map((a) => {
            const status = AMENDMENT_STATUSES[a.status];
            const given = a.approvals.filter((p) => p.approvedOn);
            const missing = missingApprovals(a);
            return (
              <tr key={a.id}>
                <th scope="row">{a.number}</th>
                <td>
                  {a.subject}
                  <span className="block small">{changesText(a, nameOf)}</span>
                </td>
                <td className="nowrap">{formatCivilDate(a.proposedOn)}</td>
                <td>
                  <Badge tone={status.tone}>{status.label}</Badge>
                  <span className="block small">{frenchText(a.explanation)}</span>
                </td>
                <td className="nowrap">{a.takesEffectOn ? formatCivilDate(a.takesEffectOn) : <span className="muted">Pas encore connue</span>}</td>
                <td>
                  <ul className="plain-list">
                    {given.map((p) => (
                      <li key={p.organisationId}>
                        Donnée : {p.organisationName}, le {formatCivilDate(p.approvedOn)}
                        {p.deliberationNumber ? ` (délibération n° ${p.deliberationNumber})` : ''}
                      </li>
                    ))}
                    {missing.map((p) => (
                      <li key={p.organisationId}>Manquante : {p.organisationName}</li>
                    ))}
                    {given.length + missing.length === 0 ? <li className="muted">Aucune requise</li> : null}
                  </ul>
                </td>
                {actions ? <td>{actions(a)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
