import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { ErrorSummary, splitIssues, TextField, type FieldErrors } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { fileToBase64 } from '../../lib/files.ts';
import { useFocusOnMount } from '../../lib/focus.ts';
import { useFormSubmit, type IssueLike } from '../../lib/form-submit.ts';
import { todayInParis } from '../../lib/grids.ts';
import type { QuoteView } from '../../shared.ts';
import { FileField } from '../FileField.tsx';

export type QuoteAction = 'send' | 'accept' | 'decline';
const TITLES: Record<QuoteAction, string> = { send: "Enregistrer l'envoi", accept: "Enregistrer l'acceptation", decline: 'Enregistrer le refus' };
const DATE_LABELS: Record<QuoteAction, string> = { send: "Date d'envoi", accept: 'Date de signature', decline: 'Date du refus' };
const LABELS = { date: 'Date', acceptedBy: 'Signataire (nom et qualité)', file: 'Devis signé (PDF ou image)' };
const FIELDS = Object.keys(LABELS);
const MAX_BYTES = 10 * 1024 * 1024;

/** The server names the date after the action: all are the form's one date field. */
const place = (issues: readonly IssueLike[]) =>
  splitIssues(
    issues.map((i) => ({ ...i, path: (typeof i.path === 'string' ? i.path : i.path.join('.')).replace(/^(sentOn|acceptedOn|declinedOn)$/, 'date').replace(/^(signedDocumentBase64|signedFileName)$/, 'file') })),
    FIELDS,
  );

/** Records the sending of a quote, its signature (with the signed copy, optional) or its refusal. */
export function QuoteActionForm({ quote, action, onDone, onCancel }: { quote: QuoteView; action: QuoteAction; onDone(quote: QuoteView, message: string): void; onCancel(): void }) {
  const idOf = (field: string) => `devis-${quote.id}-${field}`;
  const [date, setDate] = useState(todayInParis());
  const [acceptedBy, setAcceptedBy] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const { errors, general, attempt, fail, busy, handle, send } = useFormSubmit(place);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  async function run(): Promise<QuoteView> {
    if (action === 'send') return api.quotes.send(quote.id, date);
    if (action === 'decline') return api.quotes.decline(quote.id, date);
    const document = file ? { signedFileName: file.name.slice(-200), signedDocumentBase64: await fileToBase64(file) } : {};
    return api.quotes.accept(quote.id, { acceptedOn: date, acceptedBy: acceptedBy.trim(), ...document });
  }

  const submit = handle(() => {
    const found: FieldErrors = {};
    if (!date) found.date = 'indiquez la date';
    if (action === 'accept' && !acceptedBy.trim()) found.acceptedBy = 'indiquez le nom et la qualité du signataire';
    if (file && file.size > MAX_BYTES) found.file = 'fichier trop lourd : 10 Mo au plus';
    if (Object.keys(found).length) return fail(found);
    return send(run, (updated) => onDone(updated, `Devis ${quote.number} : ${updated.statusLabel.toLowerCase()}.`));
  });

  return (
    <section className="panel form-panel" aria-labelledby={idOf('titre')}>
      <h4 id={idOf('titre')} tabIndex={-1} ref={headingRef}>
        {TITLES[action]} du devis {quote.number}
      </h4>
      <ErrorSummary fields={errors} labels={{ ...LABELS, date: DATE_LABELS[action] }} idOf={idOf} general={general} attempt={attempt} title="Le devis n'a pas été mis à jour" />
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form-grid">
          <TextField id={idOf('date')} label={DATE_LABELS[action]} type="date" required value={date} error={errors.date} onChange={(e) => setDate(e.target.value)} />
          {action === 'accept' ? (
            <TextField id={idOf('acceptedBy')} label={LABELS.acceptedBy} required value={acceptedBy} error={errors.acceptedBy} onChange={(e) => setAcceptedBy(e.target.value)} />
          ) : null}
        </div>
        {action === 'accept' ? <FileField id={idOf('file')} label={LABELS.file} hint="Facultatif : la copie signée, 10 Mo au plus" accept=".pdf,image/*" error={errors.file} onFile={setFile} /> : null}
        <FormActions busy={busy} label={TITLES[action]} onCancel={onCancel} />
      </form>
    </section>
  );
}
