import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { ErrorSummary, RadioGroup, SelectField, splitIssues, TextField, type FieldErrors } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { missingApprovals } from '../../lib/amendments.ts';
import { useFocusOnMount } from '../../lib/focus.ts';
import { useFormSubmit, type IssueLike } from '../../lib/form-submit.ts';
import { todayInParis } from '../../lib/grids.ts';
import { approvalInputSchema, rejectionInputSchema, type AmendmentView } from '../../shared.ts';

type Decision = 'approve' | 'reject';
const LABELS = { decision: 'Décision', organisationId: 'Partie', date: 'Date de la délibération', deliberationNumber: 'Numéro de la délibération' };
const FIELDS = Object.keys(LABELS);

/** The server names the date after the decision: both are the form's one date field. */
function place(issues: readonly IssueLike[]) {
  return splitIssues(
    issues.map((i) => ({ ...i, path: typeof i.path === 'string' ? i.path.replace(/^(approvedOn|rejectedOn)$/, 'date') : i.path.map((k) => (k === 'approvedOn' || k === 'rejectedOn' ? 'date' : k)) })),
    FIELDS,
  );
}

/** Records one party's deliberation on a pending amendment: its approval, or its rejection. */
export function AmendmentDecisionForm({ agreementId, amendment, onDecided, onCancel }: { agreementId: string; amendment: AmendmentView; onDecided(amendment: AmendmentView, decision: Decision): void; onCancel(): void }) {
  const idOf = (field: string) => `avenant-${amendment.number}-decision-${field}`;
  const missing = missingApprovals(amendment);
  const [decision, setDecision] = useState<Decision>('approve');
  const [organisationId, setOrganisationId] = useState(missing.length === 1 ? missing[0]!.organisationId : '');
  const [date, setDate] = useState(todayInParis());
  const [deliberationNumber, setDeliberationNumber] = useState('');
  const { errors, general, attempt, busy, handle, check, send } = useFormSubmit(place);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  const submit = handle(() => {
    const found: FieldErrors = {};
    if (!organisationId) found.organisationId = 'choisissez la partie qui a délibéré';
    if (!date) found.date = 'indiquez la date de la délibération';
    const number = deliberationNumber.trim();
    const approval = { organisationId, approvedOn: date, ...(number ? { deliberationNumber: number } : {}) };
    const rejection = { organisationId, rejectedOn: date };
    const parsed = decision === 'approve' ? approvalInputSchema.safeParse(approval) : rejectionInputSchema.safeParse(rejection);
    if (!check<object>(found, parsed)) return;
    return send(
      () => (decision === 'approve' ? api.agreements.approveAmendment(agreementId, amendment.id, approval) : api.agreements.rejectAmendment(agreementId, amendment.id, rejection)),
      (updated) => onDecided(updated, decision),
    );
  });

  const titleId = idOf('titre');
  return (
    <section className="panel form-panel" aria-labelledby={titleId}>
      <h3 id={titleId} tabIndex={-1} ref={headingRef}>
        Avenant n° {amendment.number} : délibération d'une partie
      </h3>
      <p className="muted">{amendment.subject}</p>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="La délibération n'a pas été enregistrée" />
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <RadioGroup<Decision>
          id={idOf('decision')}
          legend={LABELS.decision}
          value={decision}
          onChange={setDecision}
          options={[
            { value: 'approve', label: 'Approbation' },
            { value: 'reject', label: 'Rejet' },
          ]}
        />
        <div className="form-grid">
          <SelectField id={idOf('organisationId')} label={LABELS.organisationId} hint="Parmi les approbations requises pas encore données" required value={organisationId} error={errors.organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
            {missing.length !== 1 ? <option value="">Choisir…</option> : null}
            {missing.map((p) => (
              <option key={p.organisationId} value={p.organisationId}>
                {p.organisationName}
              </option>
            ))}
          </SelectField>
          <TextField id={idOf('date')} label={LABELS.date} type="date" required value={date} error={errors.date} onChange={(e) => setDate(e.target.value)} />
          {decision === 'approve' ? (
            <TextField id={idOf('deliberationNumber')} label={LABELS.deliberationNumber} hint="Facultatif" value={deliberationNumber} error={errors.deliberationNumber} onChange={(e) => setDeliberationNumber(e.target.value)} />
          ) : null}
        </div>
        <FormActions busy={busy} label={decision === 'approve' ? "Enregistrer l'approbation" : 'Enregistrer le rejet'} onCancel={onCancel} />
      </form>
    </section>
  );
}
