import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.ts';
import { billingText, PERIOD_FIELD_LABEL, periodChoices, periodKindOf, RUN_KIND_LABELS, runKindsOf, type RunChoice } from '../../lib/billing-run.ts';
import type { AgreementSummary } from '../../lib/agreements.ts';
import { useResource } from '../../lib/hooks.ts';
import { ErrorSummary, SelectField, type FieldErrors } from '../forms.tsx';

const LABELS = { convention: 'Convention', type: 'Type de titres', annee: 'Année', periode: 'Période' };
const idOf = (field: string) => `facturation-${field}`;

/**
 * The run to preview: an agreement, the kind (provisional titles, true-ups and penalty orders only where its rules
 * pass operators' consumption through), the year and the part of it its rhythm bills. Applied to the address.
 */
export function RunChoiceForm({ applied, agreements, years, onApply }: { applied: RunChoice; agreements: readonly AgreementSummary[]; years: readonly number[]; onApply(choice: RunChoice): void }) {
  const [draft, setDraft] = useState(applied);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const key = Object.values(applied).join('|');
  useEffect(() => setDraft(applied), [key]);
  const detail = useResource(() => (draft.convention ? api.agreements.get(draft.convention) : Promise.resolve(null)), `agreement-${draft.convention}`);
  const policy = detail.data?.id === draft.convention ? detail.data.rules.billing : undefined;
  const kinds = runKindsOf(policy);
  const periodKind = periodKindOf(policy, draft.type);
  const periods = periodChoices(periodKind, draft.annee);
  const providers = [...new Set(agreements.map((a) => a.providerName))];

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!draft.convention) found.convention = 'choisissez la convention à facturer';
    setErrors(found);
    if (Object.keys(found).length) return setAttempt((a) => a + 1);
    onApply({ ...draft, type: kinds.includes(draft.type) || !policy ? draft.type : 'regular', periode: periods.length ? Math.min(draft.periode, periods.length) : 1 });
  }

  const option = (a: AgreementSummary) => (
    <option key={a.id} value={a.id}>
      {a.code} — {a.title}
    </option>
  );
  return (
    <>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} attempt={attempt} title="Choisissez la facturation à préparer" />
      <div className="panel filters">
        <form onSubmit={submit} noValidate aria-label="Choisir la facturation">
          <SelectField
            id={idOf('convention')}
            label={LABELS.convention}
            className="run-agreement"
            required
            hint={policy ? billingText(policy) : detail.data && !policy ? 'Cette convention n’a pas de règle de facturation.' : undefined}
            value={draft.convention}
            error={errors.convention}
            onChange={(e) => setDraft({ ...draft, convention: e.target.value, type: 'regular' })}
          >
            <option value="">Choisir une convention…</option>
            {providers.length > 1
              ? providers.map((name) => (
                  <optgroup key={name} label={name}>
                    {agreements.filter((a) => a.providerName === name).map(option)}
                  </optgroup>
                ))
              : agreements.map(option)}
          </SelectField>
          <div className="filters-grid">
            <SelectField id={idOf('type')} label={LABELS.type} value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value as RunChoice['type'] })}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {RUN_KIND_LABELS[k]}
                </option>
              ))}
            </SelectField>
            <SelectField id={idOf('annee')} label={LABELS.annee} value={String(draft.annee)} onChange={(e) => setDraft({ ...draft, annee: Number(e.target.value) })}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </SelectField>
            {periods.length ? (
              <SelectField id={idOf('periode')} label={PERIOD_FIELD_LABEL[periodKind]} value={String(Math.min(draft.periode, periods.length))} onChange={(e) => setDraft({ ...draft, periode: Number(e.target.value) })}>
                {periods.map((p) => (
                  <option key={p.index} value={p.index}>
                    {p.label}
                  </option>
                ))}
              </SelectField>
            ) : null}
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              Afficher l’aperçu
            </button>
          </div>
        </form>
      </div>
    </>
  );
}
