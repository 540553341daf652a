import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { ErrorSummary, splitIssues, TextField } from '../forms.tsx';
import { errorMessage } from '../ui.tsx';
import { useFormErrors } from '../../lib/form-errors.ts';
import { renewalLetterInputSchema, type renewalLetterSchema } from '../../shared.ts';
import type { z } from 'zod';

const LABELS = { receivedOn: 'Date de réception du courrier' };
const idOf = (field: string) => `renouvellement-${field}`;
export type RenewalLetter = z.infer<typeof renewalLetterSchema>;

/** Staff record the signatory's renewal letter; a letter that comes too late is refused with the server's reason. */
export function RenewalLetterForm({ agreementId, onRecorded }: { agreementId: string; onRecorded(letter: RenewalLetter): void }) {
  const [receivedOn, setReceivedOn] = useState('');
  const { errors, general, attempt, fail, clear } = useFormErrors();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!receivedOn) return fail({ receivedOn: 'indiquez la date de réception du courrier' });
    const parsed = renewalLetterInputSchema.safeParse({ receivedOn });
    if (!parsed.success) return fail(splitIssues(parsed.error.issues, ['receivedOn']).fields);
    setBusy(true);
    try {
      const letter = await api.agreements.recordRenewalLetter(agreementId, parsed.data.receivedOn);
      setBusy(false);
      setReceivedOn('');
      clear();
      onRecorded(letter);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.isValidation) {
        const split = splitIssues(error.issues, ['receivedOn']);
        return fail(split.fields, split.general.length || Object.keys(split.fields).length ? split.general : [error.message]);
      }
      fail({}, [errorMessage(error)]);
    }
  }

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
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Enregistrement…' : 'Enregistrer le courrier'}
          </button>
        </div>
      </form>
    </>
  );
}
