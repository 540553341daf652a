import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { CheckboxField, ErrorSummary, TextField } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { useFocusOnMount } from '../../lib/focus.ts';
import { useFormSubmit } from '../../lib/form-submit.ts';
import { todayInParis } from '../../lib/grids.ts';
import { checkQuote, newQuoteRow, QUOTE_LABELS, quoteBody, quoteFieldId, quoteLabels, type QuoteHead, type QuoteRow } from '../../lib/quote-draft.ts';
import { placeIssues } from '../../lib/request-draft.ts';
import type { CatalogueView, QuoteView } from '../../shared.ts';
import { QuoteLineFields } from './QuoteLineFields.tsx';

const HEAD_FIELDS = Object.keys(QUOTE_LABELS);

/** A quote for a member: subject, validity, lines priced from the grid or typed; the server numbers and totals it. */
export function QuoteForm({
  organisationId,
  organisationName,
  catalogue,
  request,
  onCreated,
  onCancel,
}: {
  organisationId: string;
  organisationName: string;
  catalogue: CatalogueView;
  request: { id: string; title: string } | null;
  onCreated(quote: QuoteView): void;
  onCancel(): void;
}) {
  const [head, setHead] = useState<QuoteHead>({ subject: '', issuedOn: todayInParis(), validUntil: '' });
  const [rows, setRows] = useState<QuoteRow[]>(() => [newQuoteRow()]);
  const [linked, setLinked] = useState(Boolean(request));
  const { errors, general, attempt, fail, busy, handle, send } = useFormSubmit((issues) => placeIssues(issues, rows, HEAD_FIELDS));
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  const submit = handle(() => {
    const found = checkQuote(head, rows, catalogue);
    if (Object.keys(found).length) return fail(found);
    return send(() => api.quotes.create(quoteBody(catalogue.providerId, organisationId, linked && request ? request.id : null, head, rows)), onCreated);
  });

  return (
    <section className="panel form-panel" aria-labelledby="devis-titre">
      <h3 id="devis-titre" tabIndex={-1} ref={headingRef}>
        Établir un devis pour {organisationName}
      </h3>
      <ErrorSummary fields={errors} labels={quoteLabels(rows)} idOf={quoteFieldId} general={general} attempt={attempt} title="Le devis n'a pas été établi" />
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form-grid">
          <TextField id={quoteFieldId('subject')} label={QUOTE_LABELS.subject} required value={head.subject} error={errors.subject} onChange={(e) => setHead({ ...head, subject: e.target.value })} />
          <TextField id={quoteFieldId('issuedOn')} label={QUOTE_LABELS.issuedOn} type="date" value={head.issuedOn} error={errors.issuedOn} onChange={(e) => setHead({ ...head, issuedOn: e.target.value })} />
          <TextField id={quoteFieldId('validUntil')} label={QUOTE_LABELS.validUntil} hint="Dernier jour de validité" type="date" required value={head.validUntil} error={errors.validUntil} onChange={(e) => setHead({ ...head, validUntil: e.target.value })} />
        </div>
        {request ? <CheckboxField id="devis-demande" label={`Rattacher le devis à la ${request.title.toLowerCase()}`} checked={linked} onChange={setLinked} /> : null}
        {rows.map((row, index) => (
          <QuoteLineFields
            key={row.key}
            row={row}
            index={index}
            count={rows.length}
            catalogue={catalogue}
            errors={errors}
            onChange={(next) => setRows((current) => current.map((r) => (r.key === next.key ? next : r)))}
            onRemove={() => setRows((current) => current.filter((r) => r.key !== row.key))}
          />
        ))}
        <button type="button" className="btn btn-secondary" onClick={() => setRows((current) => [...current, newQuoteRow()])}>
          Ajouter une ligne au devis
        </button>
        <FormActions busy={busy} label="Établir le devis" onCancel={onCancel} />
      </form>
    </section>
  );
}
