import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/client.ts';
import { ErrorSummary, SelectField, TextAreaField, TextField } from '../forms.tsx';
import { Alert, errorMessage } from '../ui.tsx';
import type { AgreementDetail } from '../../lib/agreements.ts';
import { AGREEMENT_LABELS as L, agreementFieldId as idOf, agreementLabels, checkDraft, emptyParty, placeIssues, type AgreementDraft, type AgreementInput } from '../../lib/agreement-draft.ts';
import { useFormErrors } from '../../lib/form-errors.ts';
import { AGREEMENT_TYPES, AGREEMENT_TYPE_VALUES } from '../../shared.ts';
import { PartiesFieldset } from './PartiesFieldset.tsx';
import { RulesField } from './RulesField.tsx';

/**
 * Every field of an agreement's record. `providers` (platform staff creating one) offers the provider to
 * choose, which becomes the first party; `save` creates or corrects it. A 409 offers to reload the record.
 */
export function AgreementForm({
  initial,
  providers,
  submitLabel,
  cancel,
  save,
  onSaved,
  onReload,
}: {
  initial: AgreementDraft;
  providers?: { id: string; name: string }[] | undefined;
  submitLabel: string;
  cancel: ReactNode;
  save(input: AgreementInput, providerId: string): Promise<AgreementDetail>;
  onSaved(saved: AgreementDetail): void;
  onReload?: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [providerId, setProviderId] = useState(initial.parties[0]?.role === 'provider' ? initial.parties[0].organisationId : '');
  const { errors, general, attempt, fail } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const set = (field: keyof Omit<AgreementDraft, 'parties'>) => (e: { target: { value: string } }) => setDraft({ ...draft, [field]: e.target.value });

  /** The provider chosen becomes the first party when that party is (still) the provider. */
  function chooseProvider(id: string) {
    const provider = providers?.find((p) => p.id === id);
    setProviderId(id);
    const [first, ...rest] = draft.parties;
    if (first?.role === 'provider' && (!first.organisationId || first.organisationId === providerId)) {
      setDraft({ ...draft, parties: [{ ...emptyParty('provider', provider), key: first.key }, ...rest] });
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const { fields, messages, input } = checkDraft(draft);
    if (providers && !providerId) fields.providerId = 'choisissez le fournisseur';
    if (!input || Object.keys(fields).length || messages.length) return fail(fields, messages);
    setBusy(true);
    try {
      const saved = await save(input, providerId);
      onSaved(saved);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.status === 409) {
        setConflict(true);
        return fail({}, [`${error.message}. Vos modifications n'ont pas été enregistrées.`]);
      }
      if (error instanceof ApiError && error.isValidation) {
        const placed = placeIssues(error.issues);
        return fail(placed.fields, placed.messages.length || Object.keys(placed.fields).length ? placed.messages : [error.message]);
      }
      fail({}, [errorMessage(error)]);
    }
  }

  return (
    <>
      <ErrorSummary fields={errors} labels={agreementLabels(draft.parties)} idOf={idOf} general={general} attempt={attempt} title="La convention n'a pas été enregistrée" />
      {conflict && onReload ? (
        <Alert tone="warning" title="Quelqu'un a modifié cette convention entre-temps">
          <p>Rechargez la fiche pour repartir de la version enregistrée, puis refaites vos corrections.</p>
          <button type="button" className="btn btn-secondary btn-small" onClick={onReload}>
            Recharger la fiche
          </button>
        </Alert>
      ) : null}
      <form className="form form-wide" onSubmit={submit} noValidate aria-busy={busy}>
        <fieldset className="panel fieldset-panel">
          <legend>Identification</legend>
          <div className="form-grid">
            {providers ? (
              <SelectField id={idOf('providerId')} label={L.providerId} required className="span-2" value={providerId} error={errors.providerId} onChange={(e) => chooseProvider(e.target.value)}>
                <option value="">Choisir…</option>
                {providers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </SelectField>
            ) : null}
            <TextField id={idOf('code')} label={L.code} required hint="Minuscules, chiffres et tirets, par exemple « dmsi-lens-2024 »" autoComplete="off" spellCheck={false} value={draft.code} error={errors.code} onChange={set('code')} />
            <SelectField id={idOf('type')} label={L.type} required value={draft.type} error={errors.type} onChange={set('type')}>
              {AGREEMENT_TYPE_VALUES.map((t) => (
                <option key={t} value={t}>
                  {AGREEMENT_TYPES[t]}
                </option>
              ))}
            </SelectField>
            <TextField id={idOf('title')} label={L.title} required className="span-2" value={draft.title} error={errors.title} onChange={set('title')} />
          </div>
        </fieldset>
        <fieldset className="panel fieldset-panel">
          <legend>Signature et contrôle de légalité</legend>
          <div className="form-grid">
            <TextField id={idOf('signedOn')} label={L.signedOn} hint="Vide tant que la convention n'est pas signée" type="date" value={draft.signedOn} error={errors.signedOn} onChange={set('signedOn')} />
            <TextField id={idOf('openingRecordSignedOn')} label={L.openingRecordSignedOn} hint="Si la prise d'effet en dépend" type="date" value={draft.openingRecordSignedOn} error={errors.openingRecordSignedOn} onChange={set('openingRecordSignedOn')} />
            <TextField id={idOf('receiptId')} label={L.receiptId} className="span-2" spellCheck={false} value={draft.receiptId} error={errors.receiptId} onChange={set('receiptId')} />
            <TextField id={idOf('receiptTransmittedOn')} label={L.receiptTransmittedOn} type="date" value={draft.receiptTransmittedOn} error={errors.receiptTransmittedOn} onChange={set('receiptTransmittedOn')} />
            <TextField id={idOf('receiptReceivedOn')} label={L.receiptReceivedOn} type="date" value={draft.receiptReceivedOn} error={errors.receiptReceivedOn} onChange={set('receiptReceivedOn')} />
          </div>
        </fieldset>
        <PartiesFieldset parties={draft.parties} errors={errors} onChange={(parties) => setDraft({ ...draft, parties })} />
        <TextAreaField id={idOf('annexes')} label={L.annexes} hint="Une annexe par ligne" rows={6} value={draft.annexes} error={errors.annexes} onChange={set('annexes')} />
        <RulesField id={idOf('rules')} value={draft.rules} error={errors.rules} onChange={(rules) => setDraft({ ...draft, rules })} />
        <TextAreaField id={idOf('note')} label={L.note} hint="Facultatif : ce qu'il faut savoir en lisant la fiche" rows={3} value={draft.note} error={errors.note} onChange={set('note')} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Enregistrement…' : submitLabel}
          </button>
          {cancel}
        </div>
      </form>
    </>
  );
}
