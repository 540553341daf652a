import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { useAnnounce } from '../../lib/announcer.tsx';
import { euros, vatLabel } from '../../lib/catalogue.ts';
import { linesOf } from '../../lib/catalogue-order.ts';
import { useFocusWhen } from '../../lib/focus.ts';
import { useFormErrors } from '../../lib/form-errors.ts';
import { formatCivilDate } from '../../lib/format.ts';
import { todayInParis, type GridSummary } from '../../lib/grids.ts';
import type { CatalogueView, priceLookupSchema } from '../../shared.ts';
import { ErrorSummary, SelectField, splitIssues, TextField, type FieldErrors } from '../forms.tsx';
import { DescriptionList, errorMessage } from '../ui.tsx';

type Lookup = z.infer<typeof priceLookupSchema>;

/** Which price applies to a line, with its options, on a date. */
export function PriceLookup({ view, grids }: { view: CatalogueView; grids: GridSummary[] }) {
  const announce = useAnnounce();
  const [line, setLine] = useState('');
  const [options, setOptions] = useState<Record<string, string>>({});
  const [date, setDate] = useState(todayInParis);
  const { errors, general, attempt, fail, clear } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ lookup: Lookup; date: string; optionsText: string } | null>(null);
  const resultRef = useFocusWhen<HTMLElement>(result !== null, result);
  const chosen = view.lines.find((l) => l.code === line);
  const idOf = (field: string) => (field.startsWith('option.') ? `prix-option-${field.slice(7)}` : field === 'options' ? `prix-option-${chosen?.options[0]?.code ?? ''}` : `prix-${field}`);
  const labels: Record<string, string> = { line: 'Ligne de service', date: 'Date', options: 'Options' };
  for (const o of chosen?.options ?? []) labels[`option.${o.code}`] = o.label;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const fields: FieldErrors = {};
    if (!chosen) fields.line = 'choisissez une ligne';
    for (const o of chosen?.options ?? []) if (!options[o.code]) fields[`option.${o.code}`] = 'choisissez une valeur';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fields.date = 'date attendue (jj/mm/aaaa)';
    if (Object.keys(fields).length) return fail(fields);
    const chosenOptions = Object.fromEntries((chosen?.options ?? []).map((o) => [o.code, options[o.code]!]));
    setBusy(true);
    setResult(null);
    try {
      const lookup = await api.grids.lookup(view.providerId, { line, date, options: chosenOptions });
      clear();
      const optionsText = (chosen?.options ?? []).map((o) => o.values.find((v) => v.code === chosenOptions[o.code])?.label ?? '').join(', ');
      setResult({ lookup, date, optionsText });
      announce(`Prix trouvé : ${euros(lookup.annual ?? lookup.monthly ?? lookup.perUnit)}.`);
    } catch (error) {
      if (error instanceof ApiError && error.isValidation) {
        const split = splitIssues(error.issues, ['line', 'date', 'options']);
        return fail(split.fields, split.general.length || Object.keys(split.fields).length ? split.general : [error.message]);
      }
      fail({}, [errorMessage(error)]);
    } finally {
      setBusy(false);
    }
  }

  const gridLabel = (code: string) => grids.find((g) => g.code === code)?.label ?? code;
  return (
    <section className="section" aria-labelledby="prix-titre">
      <h2 id="prix-titre">Rechercher un prix</h2>
      <p>Le prix d'une ligne à une date est celui de la grille en vigueur ce jour-là.</p>
      <ErrorSummary fields={errors} labels={labels} idOf={idOf} general={general} attempt={attempt} title="Le prix n'a pas été trouvé" />
      <form className="panel" onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form-grid">
          <SelectField
            id={idOf('line')}
            label={labels.line}
            value={line}
            error={errors.line}
            onChange={(e) => {
              setLine(e.target.value);
              setOptions({});
            }}
          >
            <option value="">Choisir…</option>
            {view.categories.map((c) => (
              <optgroup key={c.code} label={c.name}>
                {linesOf(view, c.code).map((l) => (
                  <option key={l.code} value={l.code}>
                    {l.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <TextField id={idOf('date')} label={labels.date} type="date" required value={date} error={errors.date} onChange={(e) => setDate(e.target.value)} />
          {chosen?.options.map((o) => (
            <SelectField
              key={o.code}
              id={idOf(`option.${o.code}`)}
              label={o.label}
              value={options[o.code] ?? ''}
              error={errors[`option.${o.code}`] ?? (o === chosen.options[0] ? errors.options : undefined)}
              onChange={(e) => setOptions({ ...options, [o.code]: e.target.value })}
            >
              <option value="">Choisir…</option>
              {o.values.map((v) => (
                <option key={v.code} value={v.code}>
                  {v.label}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Recherche…' : 'Rechercher le prix'}
          </button>
        </div>
      </form>
      {result ? (
        <section className="panel lookup-result" tabIndex={-1} ref={resultRef} aria-labelledby="prix-resultat">
          <h3 id="prix-resultat">
            {chosen?.name ?? result.lookup.line}
            {result.optionsText ? ` (${result.optionsText})` : ''} le {formatCivilDate(result.date)}
          </h3>
          <DescriptionList
            items={[
              ...(result.lookup.monthly !== null ? [{ term: 'Tarif mensuel', value: euros(result.lookup.monthly) }] : []),
              ...(result.lookup.annual !== null ? [{ term: 'Tarif annuel', value: euros(result.lookup.annual) }] : []),
              ...(result.lookup.perUnit !== null ? [{ term: 'Prix unitaire', value: euros(result.lookup.perUnit) }] : []),
              { term: 'TVA', value: vatLabel({ vat: result.lookup.vat as 'not_subject', vatRate: null }) },
              {
                term: 'Grille appliquée',
                value: <Link to={`/fournisseurs/${view.providerId}/tarifs/grilles/${encodeURIComponent(result.lookup.grid)}`}>{gridLabel(result.lookup.grid)}</Link>,
              },
            ]}
          />
        </section>
      ) : null}
    </section>
  );
}
