import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { ErrorSummary } from '../error-summary.tsx';
import { CheckboxField, RadioGroup, SelectField, splitIssues, TextAreaField, TextField, type FieldErrors } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { useFormSubmit } from '../../lib/form-submit.ts';
import { NEED_KINDS, needInputSchema, type NeedKind, type NeedView } from '../../shared.ts';

const LABELS = { providerId: 'Fournisseur', kind: 'Nature', year: 'Année', title: 'Intitulé', description: 'Description', estimated: 'Montant estimé (euros)', submit: 'Transmettre' };
const FIELDS = Object.keys(LABELS);
const idOf = (field: string) => `besoin-${field}`;

/** The CLI records a need of the year or an acquisition request (seed 004 art. 3.2), and may transmit it at once. */
export function NeedForm({ organisationId, providers, year, onDone }: { organisationId: string; providers: readonly { id: string; name: string }[]; year: number; onDone(need: NeedView): void }) {
  const [providerId, setProviderId] = useState(providers.length === 1 ? providers[0]!.id : '');
  const [kind, setKind] = useState<NeedKind>('need');
  const [d, setD] = useState({ year: String(year), title: '', description: '', estimated: '' });
  const [submitNow, setSubmitNow] = useState(true);
  const { errors, general, attempt, busy, handle, check, send } = useFormSubmit((issues) => splitIssues(issues, FIELDS));
  const set = (field: keyof typeof d) => (e: { target: { value: string } }) => setD({ ...d, [field]: e.target.value });

  const submit = handle(() => {
    const found: FieldErrors = {};
    if (!providerId) found.providerId = 'choisissez le fournisseur';
    if (!d.title.trim()) found.title = "indiquez l'intitulé";
    const body = check(
      found,
      needInputSchema.safeParse({
        providerId,
        organisationId,
        year: Number(d.year),
        kind,
        title: d.title.trim(),
        ...(d.description.trim() ? { description: d.description.trim() } : {}),
        ...(d.estimated.trim() ? { estimated: d.estimated.trim().replace(/\s/g, '') } : {}),
        submit: submitNow,
      }),
    );
    if (body) return send(() => api.governance.recordNeed(body), onDone);
  });

  return (
    <form onSubmit={submit} noValidate aria-busy={busy} aria-labelledby={idOf('titre')} className="panel form-panel">
      <h2 id={idOf('titre')}>Recenser un besoin</h2>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="Le besoin n'a pas été enregistré" />
      <div className="form-grid">
        {providers.length > 1 ? (
          <SelectField id={idOf('providerId')} label={LABELS.providerId} required value={providerId} error={errors.providerId} onChange={(e) => setProviderId(e.target.value)}>
            <option value="">Choisir…</option>
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <RadioGroup<NeedKind>
          id={idOf('kind')}
          legend={LABELS.kind}
          required
          value={kind}
          onChange={setKind}
          options={[
            { value: 'need', label: `${NEED_KINDS.need} (recensement annuel, porté en comité)` },
            { value: 'acquisition', label: `${NEED_KINDS.acquisition} (à valider par le fournisseur avant de commander)` },
          ]}
        />
        <TextField id={idOf('year')} label={LABELS.year} inputMode="numeric" required value={d.year} error={errors.year} onChange={set('year')} />
        <TextField id={idOf('title')} label={LABELS.title} required value={d.title} error={errors.title} onChange={set('title')} />
        <TextAreaField id={idOf('description')} label={LABELS.description} rows={3} value={d.description} error={errors.description} onChange={set('description')} />
        <TextField id={idOf('estimated')} label={LABELS.estimated} inputMode="decimal" hint="Par exemple 18000 ou 18000,50." value={d.estimated} error={errors.estimated} onChange={set('estimated')} />
        <CheckboxField id={idOf('submit')} label="Transmettre tout de suite au fournisseur" checked={submitNow} onChange={setSubmitNow} />
      </div>
      <FormActions busy={busy} label="Enregistrer le besoin" />
    </form>
  );
}
