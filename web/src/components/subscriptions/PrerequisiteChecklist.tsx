import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { Alert, Badge, errorMessage, TableScroll } from '../ui.tsx';
import { formatCivilDate } from '../../lib/format.ts';
import type { ChecklistItem, SubscriptionRequest } from '../../lib/subscriptions.ts';
import { SubHeading } from './SubHeading.tsx';

function State({ item }: { item: ChecklistItem }) {
  if (item.met === null) return <Badge tone="muted">Non renseigné</Badge>;
  return (
    <>
      <Badge tone={item.met ? 'success' : 'warning'}>{item.met ? 'Rempli' : 'Non rempli'}</Badge>
      <p className="small muted">
        le {formatCivilDate(item.checkedOn)}
        {item.checkedBy ? `, par ${item.checkedBy}` : ''}
      </p>
    </>
  );
}

/**
 * The technical prerequisites of the requested lines (seed 004 annex 3): the member declares each one met or
 * not, the provider's audit verifies it; the latest answer stands.
 */
export function PrerequisiteChecklist({
  request,
  canCheck,
  verb,
  level = 3,
  onChanged,
}: {
  request: SubscriptionRequest;
  canCheck: boolean;
  /** « Déclarer » for the member, « Vérifier » for the provider. */
  verb: string;
  level?: 3 | 4;
  onChanged(request: SubscriptionRequest, message: string): void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function check(item: ChecklistItem, met: boolean) {
    const key = `${item.line}|${item.item}`;
    setBusy(key);
    setFailure(null);
    try {
      const updated = await api.subscriptions.checkPrerequisite(request.id, { line: item.line, item: item.item, met });
      onChanged(updated, `Prérequis ${met ? 'rempli' : 'non rempli'} : ${item.item}`);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="request-checklist">
      <SubHeading level={level}>Prérequis techniques</SubHeading>
      {failure ? (
        <Alert tone="error" role="alert" title="Le prérequis n'a pas été enregistré">
          <p>{failure}</p>
        </Alert>
      ) : null}
      {request.checklist.length === 0 ? (
        <p className="empty">Aucun prérequis technique au catalogue pour ces services.</p>
      ) : (
        <TableScroll label={`Prérequis techniques de la demande du ${formatCivilDate(request.receivedOn)}`}>
          <table className="table" aria-busy={busy !== null}>
            <caption>Prérequis techniques des services demandés (annexe 3) : rempli, non rempli ou non renseigné</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Prérequis</th>
                <th scope="col">État</th>
                {canCheck ? <th scope="col">{verb}</th> : null}
              </tr>
            </thead>
            <tbody>
              {request.checklist.map((item) => (
                <tr key={`${item.line}|${item.item}`}>
                  <td>{item.lineName}</td>
                  <th scope="row">{item.item}</th>
                  <td>
                    <State item={item} />
                  </td>
                  {canCheck ? (
                    <td>
                      <div className="button-row">
                        {([true, false] as const).map((met) => (
                          <button key={String(met)} type="button" className="btn btn-secondary btn-small" disabled={busy !== null} aria-pressed={item.met === met} onClick={() => void check(item, met)}>
                            {met ? 'Rempli' : 'Non rempli'}
                            <span className="sr-only"> : {item.item}</span>
                          </button>
                        ))}
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
