import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import type { SimulationView } from '../../api/costs.ts';
import { useFormSubmit } from '../../lib/form-submit.ts';
import { CheckboxField, ErrorSummary, TextField } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';

interface Commune {
  name: string;
  units: Record<string, string>;
}

/**
 * A scenario: communes that would join (their volumes per service) and members that would leave. The same costs
 * spread over more or fewer units move the grid (seed 004 art. 9.2.3).
 */
export function SimulationForm({ providerId, year, lines, members, onResult }: { providerId: string; year: number; lines: { code: string; name: string }[]; members: SimulationView['members']; onResult(result: SimulationView, summary: string): void }) {
  const [communes, setCommunes] = useState<Commune[]>([]);
  const [leaving, setLeaving] = useState<string[]>([]);
  const form = useFormSubmit((issues) => ({ fields: {}, general: issues.map((i) => i.message) }));
  const fieldKey = (i: number, what: string) => `commune-${i}-${what}`;

  const submit = form.handle(() => {
    const found: Record<string, string> = {};
    const joining = communes.map((c, i) => {
      if (!c.name.trim()) found[fieldKey(i, 'nom')] = 'nom de la commune attendu';
      const volumes = lines.flatMap((l) => {
        const text = (c.units[l.code] ?? '').trim();
        if (!text) return [];
        const n = Number(text);
        if (!Number.isInteger(n) || n < 0) {
          found[fieldKey(i, l.code)] = 'nombre entier d’unités attendu';
          return [];
        }
        return [{ line: l.code, units: n }];
      });
      return { name: c.name.trim(), volumes };
    });
    if (Object.keys(found).length) return form.fail(found);
    return form.send(
      () => api.costs.simulate(providerId, year, { joining, leaving }),
      (result) => {
        form.clear();
        onResult(result, `Simulation calculée : ${joining.length} commune(s) en plus, ${leaving.length} départ(s).`);
      },
    );
  });

  const labels = Object.fromEntries(Object.keys(form.errors).map((k) => [k, k.replace(/-/g, ' ')]));
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="scenario-titre">
      <h3 id="scenario-titre">Scénario</h3>
      <ErrorSummary fields={form.errors} labels={labels} idOf={(k) => k} general={form.general} attempt={form.attempt} />
      {communes.map((c, i) => (
        <fieldset key={i} className="fieldset panel">
          <legend>Commune qui adhère n° {i + 1}</legend>
          <div className="inline-form">
            <TextField id={fieldKey(i, 'nom')} label="Nom" value={c.name} error={form.errors[fieldKey(i, 'nom')]} onChange={(e) => setCommunes(communes.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
            {lines.map((l) => (
              <TextField
                key={l.code}
                id={fieldKey(i, l.code)}
                label={l.name}
                inputMode="numeric"
                value={c.units[l.code] ?? ''}
                error={form.errors[fieldKey(i, l.code)]}
                onChange={(e) => setCommunes(communes.map((x, j) => (j === i ? { ...x, units: { ...x.units, [l.code]: e.target.value } } : x)))}
              />
            ))}
            <div className="form-actions">
              <button type="button" className="btn btn-small" onClick={() => setCommunes(communes.filter((_, j) => j !== i))}>
                Retirer<span className="sr-only"> la commune n° {i + 1}</span>
              </button>
            </div>
          </div>
        </fieldset>
      ))}
      <p>
        <button type="button" className="btn" onClick={() => setCommunes([...communes, { name: '', units: {} }])}>
          Ajouter une commune qui adhère
        </button>
      </p>
      {members.filter((m) => m.status !== 'joining').length ? (
        <fieldset className="fieldset">
          <legend>Adhérents qui quittent le service</legend>
          {members
            .filter((m) => m.status !== 'joining')
            .map((m) => (
              <CheckboxField key={m.memberId} id={`depart-${m.memberId}`} label={m.name} checked={leaving.includes(m.memberId)} onChange={(on) => setLeaving(on ? [...leaving, m.memberId] : leaving.filter((x) => x !== m.memberId))} />
            ))}
        </fieldset>
      ) : null}
      <FormActions busy={form.busy} label="Simuler" busyLabel="Calcul…" />
    </form>
  );
}
