import { useState } from 'react';
import type { TitleDetail } from '../../api/billing.ts';
import { api } from '../../api/endpoints.ts';
import { frenchText } from '../../lib/agreements.ts';
import { euros, normaliseEuros } from '../../lib/catalogue.ts';
import { formatCivilDate } from '../../lib/format.ts';
import { useFormSubmit, type IssueLike } from '../../lib/form-submit.ts';
import { todayInParis } from '../../lib/grids.ts';
import { parseEuros } from '../../shared.ts';
import { ErrorSummary, splitIssues, TextField, type FieldErrors } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';

const LABELS = { paidOn: 'Date du paiement', amount: 'Montant (euros)', reference: 'Référence' };
const FIELDS = Object.keys(LABELS);
const idOf = (field: string) => `paiement-${field}`;

/** The server writes dates in its messages as YYYY-MM-DD: shown the French way, on the fields they concern. */
const place = (issues: readonly IssueLike[]) => splitIssues(issues.map((i) => ({ ...i, message: frenchText(i.message) })), FIELDS);

/**
 * Records a payment of a title, whole or partial (`billing:run`): the date (not before the title, not in the
 * future), the amount (« 1 234,56 », never more than what remains, compared in cents) and a reference.
 */
export function TitlePaymentForm({ title, onPaid }: { title: TitleDetail; onPaid(title: TitleDetail, amount: string): void }) {
  const today = todayInParis();
  const [draft, setDraft] = useState({ paidOn: today, amount: '', reference: '' });
  const set = (key: keyof typeof draft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const { errors, general, attempt, fail, clear, busy, handle, send } = useFormSubmit(place);

  const submit = handle(() => {
    const found: FieldErrors = {};
    if (!draft.paidOn) found.paidOn = 'indiquez la date du paiement';
    else if (draft.paidOn < title.issuedOn) found.paidOn = `antérieure à l’émission du titre (${formatCivilDate(title.issuedOn)})`;
    else if (draft.paidOn > today) found.paidOn = 'date dans le futur';
    const amount = normaliseEuros(draft.amount);
    if (!draft.amount.trim()) found.amount = 'indiquez le montant payé';
    else if (amount === null || amount === '0.00') found.amount = 'un montant positif en euros est attendu, ex. 1 234,56';
    else if (parseEuros(amount) > parseEuros(title.outstanding)) found.amount = `plus que le reste à recouvrer (${euros(title.outstanding)})`;
    if (draft.reference.length > 200) found.reference = '200 caractères au plus';
    if (Object.keys(found).length || amount === null) return fail(found);
    return send(
      () => api.titles.pay(title.id, { paidOn: draft.paidOn, amount, reference: draft.reference.trim() }),
      (updated) => {
        clear();
        setDraft({ paidOn: today, amount: '', reference: '' });
        onPaid(updated, amount);
      },
    );
  });

  return (
    <>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="Le paiement n’a pas été enregistré" />
      <form className="panel form" onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="paiement-titre">
        <div className="form-grid">
          <TextField id={idOf('paidOn')} label={LABELS.paidOn} type="date" required min={title.issuedOn} max={today} value={draft.paidOn} error={errors.paidOn} onChange={(e) => set('paidOn', e.target.value)} />
          <TextField
            id={idOf('amount')}
            label={LABELS.amount}
            hint={`Ex. 1 234,56 ; au plus ${euros(title.outstanding)}`}
            required
            inputMode="decimal"
            className="field-narrow"
            value={draft.amount}
            error={errors.amount}
            onChange={(e) => set('amount', e.target.value)}
          />
          <TextField id={idOf('reference')} label={LABELS.reference} hint="Facultatif : bordereau, virement, P503…" value={draft.reference} error={errors.reference} onChange={(e) => set('reference', e.target.value)} />
        </div>
        <FormActions busy={busy} label="Enregistrer le paiement" />
      </form>
    </>
  );
}
