import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { CheckboxGroup, ErrorSummary, splitIssues, TextField, type FieldErrors } from '../forms.tsx';
import { errorMessage } from '../ui.tsx';
import { useFocusOnMount } from '../../lib/focus.ts';
import { useFormErrors } from '../../lib/form-errors.ts';
import { perimeterInputSchema, type CatalogueView } from '../../shared.ts';

const LABELS = { organ: 'Organe délibérant', number: 'Numéro de la délibération', date: 'Date de la délibération', representative: 'Représentant autorisé', lines: 'Services que le représentant peut ouvrir' };
const FIELDS = Object.keys(LABELS);
const idOf = (field: string) => `perimetre-${field}`;

/** The server names the deliberation's fields under « deliberation. »: they are this form's own. */
const place = (issues: readonly { path: string | readonly PropertyKey[]; message: string }[]) =>
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
  const { errors, general, attempt, fail } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
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
    const parsed = perimeterInputSchema.safeParse(body);
    if (!parsed.success) for (const [k, v] of Object.entries(place(parsed.error.issues).fields)) found[k] ??= v;
    if (!parsed.success || Object.keys(found).length) return fail(found);
    setBusy(true);
    try {
      await api.subscriptions.recordPerimeter(organisationId, parsed.data);
      setBusy(false);
      onRecorded(`Délibération de périmètre enregistrée : ${lines.length} service${lines.length > 1 ? 's' : ''} autorisé${lines.length > 1 ? 's' : ''}.`);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.isValidation) {
        const split = place(error.issues);
        return fail(split.fields, split.general.length || Object.keys(split.fields).length ? split.general : [error.message]);
      }
      fail({}, [errorMessage(error)]);
    }
  }

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
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Enregistrement…' : 'Enregistrer la délibération'}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            Annuler
          </button>
        </div>
      </form>
    </section>
  );
}
