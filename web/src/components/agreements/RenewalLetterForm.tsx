import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { ErrorSummary, splitIssues, TextField } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { useFormSubmit } from '../../lib/form-submit.ts';
import { renewalLetterInputSchema, type renewalLetterSchema } from '../../shared.ts';
import type { z } from 'zod';

const LABELS = { receivedOn: 'Date de réception du courrier' };
const idOf = (field: string) => `renouvellement-${field}`;
export type RenewalLetter = z.infer<typeof renewalLetterSchema>;

/** Staff record the signatory's renewal letter; a letter that comes too late is refused with the server's reason. */
export function RenewalLetterForm({ agreementId, onRecorded }: { agreementId: string; onRecorded(letter: RenewalLetter): void }) {
  const [receivedOn, setReceivedOn] = useState('');
  const { errors, general, attempt, fail, clear, busy, handle, check, send } = useFormSubmit((issues) => splitIssues(issues, ['receivedOn']));

  const submit = handle(() => {
    if (!receivedOn) return fail({ receivedOn: 'indiquez la date de réception du courrier' });
    const body = check({}, renewalLetterInputSchema.safeParse({ receivedOn }));
    if (!body) return;
    return send(
      () => api.agreements.recordRenewalLetter(agreementId, body.receivedOn),
      (letter) => {
        setReceivedOn('');
        clear();
        onRecorded(letter);
      },
    );
  });

  return (
    <>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="Le courrier n'a pas été enregistré" />
      <form className="panel inline-form" onSubmit={submit} noValidate aria-busy={busy} aria-label="Enregistrer un courrier de renouvellement">
        <TextField
          id={idOf('receivedOn')}
          label={LABELS.receivedOn}
          hint="Le courrier du signataire demandant le renouvellement"
          type="date"
          required
          value={receivedOn}
          error={errors.receivedOn}
          onChange={(e) => setReceivedOn(e.target.value)}
        />
        <FormActions busy={busy} label="Enregistrer le courrier" />
      </form>
    </>
  );
}
