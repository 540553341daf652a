import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { api } from '../../api/endpoints.ts';
import { CheckboxGroup, ErrorSummary, RadioGroup, SelectField, splitIssues, TextField, type FieldErrors } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { LoadError, Loading } from '../ui.tsx';
import type { AgreementDetail } from '../../lib/agreements.ts';
import { useFormSubmit } from '../../lib/form-submit.ts';
import { exitRequestInputSchema } from '../../shared.ts';

export type ExitRequest = AgreementDetail['exitRequests'][number];

const RECORD_LABELS = { organisationId: 'Organisation qui dénonce', scope: 'Étendue', categories: 'Catégories quittées', receivedOn: 'Date de réception du courrier' };
const recordId = (field: string) => `denonciation-${field}`;
const FIELDS = Object.keys(RECORD_LABELS);
type ExitInput = z.input<typeof exitRequestInputSchema>;

/** Staff of the provider record a notice received from a member: whole agreement, or some categories only. */
export function RecordExitForm({
  agreement,
  categories,
  categoriesState,
  onRecorded,
  onCancel,
}: {
  agreement: AgreementDetail;
  categories: { value: string; label: string }[];
  categoriesState: { loading: boolean; error: Error | undefined; reload(): void };
  onRecorded(request: ExitRequest): void;
  onCancel(): void;
}) {
  const members = agreement.parties.filter((p) => p.role === 'member');
  const [organisationId, setOrganisationId] = useState(members.length === 1 ? members[0]!.organisationId : '');
  const [scope, setScope] = useState<'full' | 'partial'>('full');
  const [chosen, setChosen] = useState<string[]>([]);
  const [receivedOn, setReceivedOn] = useState('');
  const { errors, general, attempt, busy, handle, check, send } = useFormSubmit((issues) => splitIssues(issues, FIELDS));
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const submit = handle(() => {
    const found: FieldErrors = {};
    if (!organisationId) found.organisationId = 'choisissez l’organisation qui dénonce';
    if (!receivedOn) found.receivedOn = 'indiquez la date de réception';
    if (scope === 'partial' && chosen.length === 0) found.categories = 'cochez au moins une catégorie quittée';
    const body: ExitInput = { organisationId, scope, categories: scope === 'partial' ? chosen : [], receivedOn };
    const checked = check(found, exitRequestInputSchema.safeParse(body));
    if (checked) return send(() => api.agreements.recordExit(agreement.id, checked), onRecorded);
  });

  return (
    <section className="panel form-panel" aria-labelledby="enregistrer-titre">
      <h3 id="enregistrer-titre" tabIndex={-1} ref={headingRef}>
        Enregistrer une dénonciation
      </h3>
      <p className="muted">
        Le courrier recommandé d'un adhérent : sa date de réception fixe la date d'effet selon les règles de la convention. Une sortie partielle conserve
        le socle et fait l'objet d'un avenant.
      </p>
      <ErrorSummary fields={errors} labels={RECORD_LABELS} idOf={recordId} general={general} attempt={attempt} title="La dénonciation n'a pas été enregistrée" />
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form-grid">
          <SelectField
            id={recordId('organisationId')}
            label={RECORD_LABELS.organisationId}
            required
            value={organisationId}
            error={errors.organisationId}
            onChange={(e) => setOrganisationId(e.target.value)}
          >
            {members.length !== 1 ? <option value="">Choisir…</option> : null}
            {members.map((m) => (
              <option key={m.organisationId} value={m.organisationId}>
                {m.organisationName}
              </option>
            ))}
          </SelectField>
          <TextField
            id={recordId('receivedOn')}
            label={RECORD_LABELS.receivedOn}
            hint="Date de réception du courrier recommandé"
            type="date"
            required
            value={receivedOn}
            error={errors.receivedOn}
            onChange={(e) => setReceivedOn(e.target.value)}
          />
          <RadioGroup<'full' | 'partial'>
            id={recordId('scope')}
            legend={RECORD_LABELS.scope}
            value={scope}
            error={errors.scope}
            onChange={setScope}
            options={[
              { value: 'full', label: 'Sortie totale' },
              { value: 'partial', label: 'Sortie partielle (certaines catégories de services)' },
            ]}
          />
        </div>
        {scope === 'partial' ? (
          categoriesState.error ? (
            <LoadError error={categoriesState.error} retry={categoriesState.reload} />
          ) : categories.length === 0 ? (
            <Loading label="Chargement des catégories du catalogue…" />
          ) : (
            <CheckboxGroup
              id={recordId('categories')}
              legend={RECORD_LABELS.categories}
              hint="Les catégories du catalogue de ce fournisseur que l'adhérent quitte"
              error={errors.categories}
              options={categories}
              value={chosen}
              onChange={setChosen}
            />
          )
        ) : null}
        <FormActions busy={busy} label="Enregistrer la dénonciation" onCancel={onCancel} />
      </form>
    </section>
  );
}
