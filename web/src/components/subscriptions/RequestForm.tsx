import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { ErrorSummary, TextAreaField } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { useAnnounce } from '../../lib/announcer.tsx';
import { useFormSubmit } from '../../lib/form-submit.ts';
import { todayInParis } from '../../lib/grids.ts';
import { checkRows, fieldId, fieldLabels, newRow, placeIssues, requestBody, type DraftRow } from '../../lib/request-draft.ts';
import type { SubscriptionRequest } from '../../lib/subscriptions.ts';
import type { CatalogueView } from '../../shared.ts';
import { PreviewSummary, previewSentence } from './PreviewSummary.tsx';
import { RequestRowFields } from './RequestRowFields.tsx';
import { useRequestPreview } from './useRequestPreview.ts';

/**
 * The subscription request (seed 004 annex 7): one row per service, checked live by the server as it is typed
 * (refusals on the fields, warnings under the row, the year's estimate), then sent.
 */
export function RequestForm({ organisationId, catalogue, onSubmitted }: { organisationId: string; catalogue: CatalogueView; onSubmitted(request: SubscriptionRequest): void }) {
  const providerId = catalogue.providerId;
  const announce = useAnnounce();
  const [rows, setRows] = useState<DraftRow[]>(() => [newRow()]);
  const [note, setNote] = useState('');
  const [year, setYear] = useState('');
  const { errors, general, attempt, fail, clear, busy, handle, send } = useFormSubmit((issues) => placeIssues(issues, rows));
  const preview = useRequestPreview(providerId, organisationId, rows, year ? Number(year) : undefined);
  const sentence = previewSentence(preview);
  const thisYear = Number(todayInParis().slice(0, 4));

  useEffect(() => {
    if (sentence) announce(sentence);
  }, [sentence]);

  /** Rows change: the errors of the last submit are stale, the live check says what holds now. */
  function edit(next: (current: DraftRow[]) => DraftRow[]) {
    setRows(next);
    if (Object.keys(errors).length || general.length) clear();
  }

  function change(row: DraftRow) {
    edit((current) => current.map((r) => (r.key === row.key ? row : r)));
  }

  const submit = handle(() => {
    const found = checkRows(rows, catalogue);
    if (Object.keys(found).length) return fail(found);
    return send(
      () => api.subscriptions.submit(requestBody(providerId, organisationId, rows, note)),
      (request) => {
        clear();
        setRows([newRow()]);
        setNote('');
        onSubmitted(request);
      },
    );
  });

  return (
    <>
      <ErrorSummary fields={errors} labels={fieldLabels(rows, catalogue)} idOf={fieldId} general={general} attempt={attempt} title="La demande n'a pas été envoyée" />
      <form onSubmit={submit} noValidate aria-busy={busy} aria-label={`Demande de souscription à ${catalogue.providerName}`}>
        {rows.map((row, index) => (
          <RequestRowFields
            key={row.key}
            row={row}
            index={index}
            count={rows.length}
            catalogue={catalogue}
            errors={errors}
            preview={preview.rows[row.key]}
            onChange={change}
            onRemove={() => edit((current) => current.filter((r) => r.key !== row.key))}
          />
        ))}
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            const row = newRow();
            edit((current) => [...current, row]);
            // The new row's first field takes the focus once it is drawn.
            window.setTimeout(() => document.getElementById(fieldId(`${row.key}.line`))?.focus(), 0);
          }}
        >
          Ajouter un service
        </button>
        <TextAreaField id="demande-note" label="Commentaire" hint="Facultatif : contexte, contraintes de calendrier…" value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
        <PreviewSummary preview={preview} rows={rows} catalogue={catalogue} year={year} years={[thisYear, thisYear + 1, thisYear + 2]} onYear={setYear} />
        <FormActions busy={busy} label="Envoyer la demande" busyLabel="Envoi…" />
      </form>
    </>
  );
}
