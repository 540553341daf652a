import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { StatusBadge } from '../AgreementBits.tsx';
import { ErrorSummary, splitIssues, TextField } from '../forms.tsx';
import { DescriptionList, errorMessage, TableScroll } from '../ui.tsx';
import { useAnnounce } from '../../lib/announcer.tsx';
import { AGREEMENT_STATUSES, partyRoleLabel, type AgreementDetail } from '../../lib/agreements.ts';
import { useFormErrors } from '../../lib/form-errors.ts';
import { formatCivilDate, plural } from '../../lib/format.ts';
import { agreementStateQuerySchema } from '../../shared.ts';
import { useCategories } from './useCategories.ts';

type State = Awaited<ReturnType<typeof api.agreements.stateOn>>;
const LABELS = { on: 'Date' };
const idOf = (field: string) => `etat-${field}`;

/** The agreement as it stood (or will stand) on a date: amendments then in effect, parties, perimeters. */
export function AgreementStateOnDate({ agreement }: { agreement: AgreementDetail }) {
  const announce = useAnnounce();
  const [on, setOn] = useState('');
  const [state, setState] = useState<State | null>(null);
  const { errors, general, attempt, fail, clear } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLElement>(null);
  const withdrawn = state?.parties.some((p) => p.withdrawnCategories.length > 0) ?? false;
  const categories = useCategories(agreement.providerId, withdrawn);

  useEffect(() => {
    if (state) resultRef.current?.focus();
  }, [state]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = agreementStateQuerySchema.safeParse({ on });
    if (!on || !parsed.success) {
      setState(null);
      return fail({ on: on ? (parsed.error?.issues[0]?.message ?? 'date invalide') : 'indiquez une date' });
    }
    setBusy(true);
    try {
      const result = await api.agreements.stateOn(agreement.id, parsed.data.on);
      clear();
      setState(result);
      announce(`Convention au ${formatCivilDate(result.on)} : ${AGREEMENT_STATUSES[result.status].label}.`);
    } catch (error) {
      setState(null);
      if (error instanceof ApiError && error.isValidation) {
        const split = splitIssues(error.issues, ['on']);
        return fail(split.fields, split.general.length || Object.keys(split.fields).length ? split.general : [error.message]);
      }
      fail({}, [errorMessage(error)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="a-une-date">
      <h2 id="a-une-date">La convention à une date</h2>
      <p>Le texte en vigueur à une date passée ou à venir : les avenants qui ont pris effet, les parties et leurs périmètres, les sorties effectives.</p>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="La convention n'a pas pu être reconstituée" />
      <form className="panel inline-form" onSubmit={submit} noValidate aria-busy={busy} aria-label="Choisir la date">
        <TextField id={idOf('on')} label={LABELS.on} type="date" required value={on} error={errors.on} onChange={(e) => setOn(e.target.value)} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Calcul…' : 'Afficher'}
          </button>
        </div>
      </form>
      {state ? (
        <section className="panel checker-result" tabIndex={-1} ref={resultRef} aria-labelledby="etat-resultat">
          <h3 id="etat-resultat">La convention au {formatCivilDate(state.on)}</h3>
          <DescriptionList
            items={[
              { term: 'Statut', value: <StatusBadge status={state.status} /> },
              { term: 'Titre', value: state.title },
              { term: 'Avenants appliqués', value: state.amendmentsApplied.length ? state.amendmentsApplied.map((n) => `n° ${n}`).join(', ') : 'Aucun' },
              {
                term: 'Annexes',
                value: state.annexes.length ? (
                  <ul className="plain-list">
                    {state.annexes.map((a) => (
                      <li key={a}>{a}</li>
                    ))}
                  </ul>
                ) : (
                  'Aucune'
                ),
              },
              {
                term: 'Parties sorties',
                value: state.partiesLeft.length ? state.partiesLeft.map((p) => `${p.organisationName} (sortie effective le ${formatCivilDate(p.effectiveOn)})`).join(', ') : 'Aucune',
              },
            ]}
          />
          <TableScroll label={`Parties au ${formatCivilDate(state.on)}`}>
            <table className="table">
              <caption>{plural(state.parties.length, 'partie', 'parties')} à cette date, avec les catégories de services retirées par avenant</caption>
              <thead>
                <tr>
                  <th scope="col">Organisation</th>
                  <th scope="col">Rôle</th>
                  <th scope="col">Catégories retirées</th>
                </tr>
              </thead>
              <tbody>
                {state.parties.map((p) => (
                  <tr key={p.organisationId}>
                    <th scope="row">{p.organisationName}</th>
                    <td>{partyRoleLabel(p.role)}</td>
                    <td>{p.withdrawnCategories.length ? p.withdrawnCategories.map(categories.name).join(', ') : <span className="muted">Aucune</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}
    </section>
  );
}
