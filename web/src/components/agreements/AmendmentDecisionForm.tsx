import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { ErrorSummary, RadioGroup, SelectField, splitIssues, TextField, type FieldErrors } from '../forms.tsx';
import { errorMessage } from '../ui.tsx';
import { missingApprovals } from '../../lib/amendments.ts';
import { useFocusOnMount } from '../../lib/focus.ts';
import { useFormErrors } from '../../lib/form-errors.ts';
import { todayInParis } from '../../lib/grids.ts';
import { approvalInputSchema, rejectionInputSchema, type AmendmentView } from '../../shared.ts';

type Decision = 'approve' | 'reject';
const LABELS = { decision: 'Décision', organisationId: 'Partie', date: 'Date de la délibération', deliberationNumber: 'Numéro de la délibération' };
const FIELDS = Object.keys(LABELS);

/** The server names the date after the decision: both are the form's one date field. */
function place(issues: readonly { path: string | readonly PropertyKey[]; message: string }[]) {
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
  const { errors, general, attempt, fail } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: FieldErrors = {};
    if (!organisationId) found.organisationId = 'choisissez la partie qui a délibéré';
    if (!date) found.date = 'indiquez la date de la délibération';
    const number = deliberationNumber.trim();
    const approval = { organisationId, approvedOn: date, ...(number ? { deliberationNumber: number } : {}) };
    const rejection = { organisationId, rejectedOn: date };
    const parsed = decision === 'approve' ? approvalInputSchema.safeParse(approval) : rejectionInputSchema.safeParse(rejection);
    const placed = parsed.success ? { fields: {}, general: [] } : place(parsed.error.issues);
    for (const [k, v] of Object.entries(placed.fields)) found[k] ??= v;
    if (!parsed.success || Object.keys(found).length) return fail(found, placed.general);
    setBusy(true);
    try {
      const updated =
        decision === 'approve' ? await api.agreements.approveAmendment(agreementId, amendment.id, approval) : await api.agreements.rejectAmendment(agreementId, amendment.id, rejection);
      setBusy(false);
      onDecided(updated, decision);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.isValidation) {
        const split = place(error.issues);
        return fail(split.fields, split.general.length || Object.keys(split.fields).length ? split.general : [error.message]);
      }
      fail({}, [errorMessage(error)]);
    }
  }

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
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Enregistrement…' : decision === 'approve' ? "Enregistrer l'approbation" : 'Enregistrer le rejet'}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            Annuler
          </button>
        </div>
      </form>
    </section>
  );
}
