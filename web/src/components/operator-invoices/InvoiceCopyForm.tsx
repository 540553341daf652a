import { useState } from 'react';
import type { InvoiceCopy, OperatorInvoice } from '../../api/consumption-records.ts';
import { api } from '../../api/endpoints.ts';
import { fileToBase64 } from '../../lib/files.ts';
import { useFormSubmit, type IssueLike } from '../../lib/form-submit.ts';
import { FileField } from '../FileField.tsx';
import { ErrorSummary, splitIssues } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';

const LABELS = { file: 'Double de la facture (PDF, PNG ou JPEG)' };
const idOf = (field: string) => `double-${field}`;
const MAX_BYTES = 20 * 1024 * 1024;
const TYPES: Record<string, InvoiceCopy['contentType']> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };

/** The server names the body's fields: all are the form's one file. */
const place = (issues: readonly IssueLike[]) =>
  splitIssues(
    issues.map((i) => ({ ...i, path: (typeof i.path === 'string' ? i.path : i.path.join('.')).replace(/^(fileName|contentType|contentBase64)$/, 'file') })),
    ['file'],
  );

/** Uploads the copy of the invoice (a PDF or a scan), read in the browser and sent as base64; it replaces the previous one. */
export function InvoiceCopyForm({ invoice, onUploaded }: { invoice: OperatorInvoice; onUploaded(invoice: OperatorInvoice, fileName: string): void }) {
  const [file, setFile] = useState<File | null>(null);
  const { errors, general, attempt, fail, clear, busy, handle, send } = useFormSubmit(place);

  const submit = handle(async () => {
    const contentType = file ? TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''] : undefined;
    if (!file) return fail({ file: 'choisissez le fichier du double' });
    if (!contentType) return fail({ file: 'un fichier .pdf, .png ou .jpg est attendu' });
    if (file.size === 0) return fail({ file: 'le fichier est vide' });
    if (file.size > MAX_BYTES) return fail({ file: 'fichier trop lourd : 20 Mo au plus' });
    const fileName = file.name.slice(-200);
    return send(
      async () => api.operatorInvoices.attachCopy(invoice.id, { fileName, contentType, contentBase64: await fileToBase64(file) }),
      (updated) => {
        clear();
        onUploaded(updated, fileName);
      },
    );
  });

  return (
    <>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="Le double n'a pas été déposé" />
      <form className="panel form" onSubmit={submit} noValidate aria-busy={busy} aria-label="Déposer le double de la facture">
        <FileField
          id={idOf('file')}
          label={LABELS.file}
          hint={`20 Mo au plus.${invoice.copyFileName ? ' Il remplace le double déjà déposé.' : ''}`}
          accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          required
          error={errors.file}
          onFile={setFile}
        />
        <FormActions busy={busy} label={invoice.copyFileName ? 'Remplacer le double' : 'Déposer le double'} busyLabel="Envoi…" />
      </form>
    </>
  );
}
