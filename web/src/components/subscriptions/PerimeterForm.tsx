import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { CheckboxGroup, ErrorSummary, splitIssues, TextField, type FieldErrors } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { useFocusOnMount } from '../../lib/focus.ts';
import { useFormSubmit, type IssueLike } from '../../lib/form-submit.ts';
import { perimeterInputSchema, type CatalogueView } from '../../shared.ts';

const LABELS = { organ: 'Organe délibérant', number: 'Numéro de la délibération', date: 'Date de la délibération', representative: 'Représentant autorisé', lines: 'Services que le représentant peut ouvrir' };
const FIELDS = Object.keys(LABELS);
const idOf = (field: string) => `perimetre-${field}`;

/** The server names the deliberation's fields under « deliberation. »: they are this form's own. */
const place = (issues: readonly IssueLike[]) =>
  splitIssues(
    issues.map((i) => ({ ...i, path: (typeof i.path === 'string' ? i.path : i.path.join('.')).replace(/^deliberation\./, '') })),
    FIELDS,
  );

/** Records a new deliberation fixing the perimeter the member's representative may open (seed 004 annex 6). */
export function PerimeterForm({
  organisationId,
  catalogue,
  current,
  onRecorded,
  onCancel,
}: {
  organisationId: string;
  catalogue: CatalogueView;
  current: string[];
  onRecorded(message: string): void;
  onCancel(): void;
}) {
  const [organ, setOrgan] = useState('Conseil municipal');
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [representative, setRepresentative] = useState('');
  const [lines, setLines] = useState<string[]>(current);
  const { errors, general, attempt, busy, handle, check, send } = useFormSubmit(place);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  const submit = handle(() => {
    const found: FieldErrors = {};
    if (!organ.trim()) found.organ = "indiquez l'organe qui a délibéré";
    if (!date) found.date = 'indiquez la date de la délibération';
    if (lines.length === 0) found.lines = 'cochez au moins un service';
    const body = {
      providerId: catalogue.providerId,
      lines,
      ...(representative.trim() ? { representative: representative.trim() } : {}),
      deliberation: { organ: organ.trim(), ...(number.trim() ? { number: number.trim() } : {}), date },
    };
    const checked = check(found, perimeterInputSchema.safeParse(body));
    const plural = lines.length > 1 ? 's' : '';
    if (checked) return send(() => api.subscriptions.recordPerimeter(organisationId, checked), () => onRecorded(`Délibération de périmètre enregistrée : ${lines.length} service${plural} autorisé${plural}.`));
  });

  return (
    <section className="panel form-panel" aria-labelledby={idOf('titre')}>
      <h3 id={idOf('titre')} tabIndex={-1} ref={headingRef}>
        Enregistrer une délibération de périmètre
      </h3>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="La délibération n'a pas été enregistrée" />
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form-grid">
          <TextField id={idOf('organ')} label={LABELS.organ} required value={organ} error={errors.organ} onChange={(e) => setOrgan(e.target.value)} />
          <TextField id={idOf('number')} label={LABELS.number} hint="Facultatif" value={number} error={errors.number} onChange={(e) => setNumber(e.target.value)} />
          <TextField id={idOf('date')} label={LABELS.date} type="date" required value={date} error={errors.date} onChange={(e) => setDate(e.target.value)} />
          <TextField id={idOf('representative')} label={LABELS.representative} hint="Facultatif : nom et qualité" value={representative} error={errors.representative} onChange={(e) => setRepresentative(e.target.value)} />
        </div>
        <CheckboxGroup id={idOf('lines')} legend={LABELS.lines} error={errors.lines} options={catalogue.lines.map((l) => ({ value: l.code, label: l.name }))} value={lines} onChange={setLines} />
        <FormActions busy={busy} label="Enregistrer la délibération" onCancel={onCancel} />
      </form>
    </section>
  );
}
