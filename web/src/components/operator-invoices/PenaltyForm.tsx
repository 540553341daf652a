import { useState } from 'react';
import type { OperatorInvoiceSummary, Penalty } from '../../api/consumption-records.ts';
import { api } from '../../api/endpoints.ts';
import { normaliseEuros } from '../../lib/catalogue.ts';
import { useFormSubmit } from '../../lib/form-submit.ts';
import { todayInParis } from '../../lib/grids.ts';
import { useProviderMembers } from '../../lib/provider-members.ts';
import { penaltyInputSchema } from '../../shared.ts';
import { ErrorSummary, SelectField, splitIssues, TextAreaField, TextField, type FieldErrors } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { MemberSelect } from '../MemberSelect.tsx';

const LABELS = { organisationId: 'Adhérent', operator: 'Opérateur', marketLot: 'Lot du marché', receivedOn: 'Reçue le', amount: 'Montant (euros)', reason: 'Motif', invoiceId: 'Facture concernée' };
const FIELDS = Object.keys(LABELS);
const idOf = (field: string) => `penalite-${field}`;

/** A penalty received from an operator for a member's services: paid back to the member at the end of the year. */
export function PenaltyForm({ providerId, invoices, onRecorded }: { providerId: string; invoices: readonly OperatorInvoiceSummary[]; onRecorded(penalty: Penalty): void }) {
  const today = todayInParis();
  const members = useProviderMembers(providerId);
  const [draft, setDraft] = useState({ organisationId: '', operator: '', marketLot: '', receivedOn: today, amount: '', reason: '', invoiceId: '' });
  const set = (key: keyof typeof draft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const { errors, general, attempt, clear, busy, handle, check, send } = useFormSubmit((issues) => splitIssues(issues, FIELDS));

  const submit = handle(() => {
    const found: FieldErrors = {};
    if (!draft.organisationId) found.organisationId = "choisissez l'adhérent";
    if (!draft.operator.trim()) found.operator = "indiquez l'opérateur qui a payé la pénalité";
    if (!draft.receivedOn) found.receivedOn = 'indiquez la date de réception';
    else if (draft.receivedOn > today) found.receivedOn = 'date dans le futur';
    const amount = normaliseEuros(draft.amount);
    if (!draft.amount.trim()) found.amount = 'indiquez le montant';
    else if (amount === null || amount === '0.00') found.amount = 'un montant positif en euros est attendu, ex. 150,00';
    if (!draft.reason.trim()) found.reason = 'indiquez le motif de la pénalité';
    const { invoiceId, ...rest } = draft;
    const body = check(found, penaltyInputSchema.safeParse({ ...rest, amount: draft.amount.trim(), ...(invoiceId ? { invoiceId } : {}) }));
    if (!body) return;
    return send(
      () => api.penalties.create(providerId, body),
      (penalty) => {
        clear();
        setDraft((d) => ({ ...d, amount: '', reason: '', invoiceId: '' }));
        onRecorded(penalty);
      },
    );
  });

  return (
    <>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="La pénalité n'a pas été enregistrée" />
      <form className="panel form" onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="penalite-titre">
        <div className="form-grid">
          <MemberSelect id={idOf('organisationId')} label={LABELS.organisationId} required members={members.data ?? []} value={draft.organisationId} error={errors.organisationId} empty={members.loading ? 'Chargement des adhérents…' : 'Choisir…'} onChange={(v) => set('organisationId', v)} />
          <TextField id={idOf('operator')} label={LABELS.operator} required value={draft.operator} error={errors.operator} onChange={(e) => set('operator', e.target.value)} />
          <TextField id={idOf('marketLot')} label={LABELS.marketLot} hint="Facultatif" value={draft.marketLot} error={errors.marketLot} onChange={(e) => set('marketLot', e.target.value)} />
          <TextField id={idOf('receivedOn')} label={LABELS.receivedOn} type="date" required max={today} value={draft.receivedOn} error={errors.receivedOn} onChange={(e) => set('receivedOn', e.target.value)} />
          <TextField id={idOf('amount')} label={LABELS.amount} hint="Ex. 150,00" required inputMode="decimal" className="field-narrow" value={draft.amount} error={errors.amount} onChange={(e) => set('amount', e.target.value)} />
          <SelectField id={idOf('invoiceId')} label={LABELS.invoiceId} hint="Facultatif : parmi les factures affichées ci-dessus" value={draft.invoiceId} error={errors.invoiceId} onChange={(e) => set('invoiceId', e.target.value)}>
            <option value="">Aucune</option>
            {invoices.map((i) => (
              <option key={i.id} value={i.id}>
                {i.number} — {i.operator}
              </option>
            ))}
          </SelectField>
        </div>
        <TextAreaField id={idOf('reason')} label={LABELS.reason} hint="Ex. rétablissement du service au-delà du délai contractuel" required rows={3} value={draft.reason} error={errors.reason} onChange={(e) => set('reason', e.target.value)} />
        <FormActions busy={busy} label="Enregistrer la pénalité" />
      </form>
    </>
  );
}
