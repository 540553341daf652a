import { useState } from 'react';
import type { OperatorInvoice } from '../../api/consumption-records.ts';
import { api } from '../../api/endpoints.ts';
import { formatCivilDate } from '../../lib/format.ts';
import { useFormSubmit } from '../../lib/form-submit.ts';
import { todayInParis } from '../../lib/grids.ts';
import { invoicePaymentSchema } from '../../shared.ts';
import { ErrorSummary, splitIssues, TextField } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';

const LABELS = { paidOn: 'Date du règlement' };
const idOf = (field: string) => `reglement-${field}`;

/** Records the day the provider paid the invoice (or corrects it): not before the invoice's date. */
export function InvoicePaymentForm({ invoice, onPaid }: { invoice: OperatorInvoice; onPaid(invoice: OperatorInvoice): void }) {
  const [paidOn, setPaidOn] = useState(invoice.paidOn ?? todayInParis());
  const { errors, general, attempt, fail, clear, busy, handle, check, send } = useFormSubmit((issues) => splitIssues(issues, ['paidOn']));

  const submit = handle(() => {
    if (!paidOn) return fail({ paidOn: 'indiquez la date du règlement' });
    if (paidOn < invoice.issuedOn) return fail({ paidOn: `antérieure à la facture (${formatCivilDate(invoice.issuedOn)})` });
    const body = check({}, invoicePaymentSchema.safeParse({ paidOn }));
    if (!body) return;
    return send(
      () => api.operatorInvoices.pay(invoice.id, body.paidOn),
      (updated) => {
        clear();
        onPaid(updated);
      },
    );
  });

  return (
    <>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="Le règlement n'a pas été enregistré" />
      <form className="panel inline-form" onSubmit={submit} noValidate aria-busy={busy} aria-label="Enregistrer le règlement de la facture">
        <TextField id={idOf('paidOn')} label={LABELS.paidOn} hint={`Le jour où le fournisseur a payé l'opérateur ; au plus tôt le ${formatCivilDate(invoice.issuedOn)}`} type="date" min={invoice.issuedOn} required value={paidOn} error={errors.paidOn} onChange={(e) => setPaidOn(e.target.value)} />
        <FormActions busy={busy} label={invoice.paidOn ? 'Corriger la date du règlement' : 'Enregistrer le règlement'} />
      </form>
    </>
  );
}
