import { useState, type ReactNode } from 'react';
import { api } from '../../api/endpoints.ts';
import type { BudgetDocument, BudgetView } from '../../api/costs.ts';
import { fieldId, newId, NATURE_LABELS, optionsText, parseOptionsText, parseShares, pathLabel, ROLE_LABELS, sharesText, targetOf, targetValue, type Target } from '../../lib/cost-budget-draft.ts';
import { useFormSubmit } from '../../lib/form-submit.ts';
import { ErrorSummary, SelectField, TextField } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';

interface Props {
  providerId: string;
  year: number;
  view: BudgetView;
  lines: { code: string; name: string; categoryCode: string; categoryName: string }[];
  onSaved(view: BudgetView): void;
}

function TargetSelect({ id, label, value, onChange, lines, keys, error }: { id: string; label: string; value: Target; onChange(t: Target): void; lines: Props['lines']; keys: BudgetDocument['keys']; error?: string | undefined }) {
  const categories = [...new Map(lines.map((l) => [l.categoryCode, l.categoryName])).entries()];
  return (
    <SelectField id={id} label={label} value={targetValue(value)} onChange={(e) => onChange(targetOf(e.target.value))} error={error}>
      <option value="provider">Portée par la structure seule (hors répartition)</option>
      <optgroup label="Ligne de service">
        {lines.map((l) => (
          <option key={l.code} value={`line:${l.code}`}>
            {l.name}
          </option>
        ))}
      </optgroup>
      <optgroup label="Catégorie (au prorata des unités)">
        {categories.map(([code, name]) => (
          <option key={code} value={`category:${code}`}>
            {name}
          </option>
        ))}
      </optgroup>
      {keys.length ? (
        <optgroup label="Clé de répartition">
          {keys.map((k) => (
            <option key={k.code} value={`key:${k.code}`}>
              {k.label}
            </option>
          ))}
        </optgroup>
      ) : null}
    </SelectField>
  );
}

function Row({ legend, onRemove, children }: { legend: string; onRemove(): void; children: ReactNode }) {
  return (
    <fieldset className="fieldset panel">
      <legend>{legend}</legend>
      <div className="inline-form">
        {children}
        <div className="form-actions">
          <button type="button" className="btn btn-small" onClick={onRemove}>
            Retirer<span className="sr-only"> : {legend}</span>
          </button>
        </div>
      </div>
    </fieldset>
  );
}

/**
 * The budget editor: operating charges, staff with their share of time per line, investments depreciated
 * straight line, forecast units. Saved whole; the server's refusals are placed on the fields they name.
 */
export function BudgetEditor({ providerId, year, view, lines, onSaved }: Props) {
  const [doc, setDoc] = useState<BudgetDocument>(view.document);
  const [shares, setShares] = useState(view.document.staff.map((s) => sharesText(s.shares)));
  const [options, setOptions] = useState(view.document.forecastUnits.map((u) => optionsText(u.options)));
  const [units, setUnits] = useState(view.document.forecastUnits.map((u) => String(u.units)));
  const form = useFormSubmit((issues) => {
    const fields: Record<string, string> = {};
    for (const i of issues) fields[typeof i.path === 'string' ? i.path : i.path.join('.')] ??= i.message;
    return { fields, general: [] };
  });
  const labels = Object.fromEntries(Object.keys(form.errors).map((p) => [p, pathLabel(p)]));
  const err = (path: string) => form.errors[path];
  const set = <K extends keyof BudgetDocument>(key: K, list: BudgetDocument[K]) => setDoc((d) => ({ ...d, [key]: list }));
  const lineOptions = lines.map((l) => (
    <option key={l.code} value={l.code}>
      {l.name}
    </option>
  ));

  const submit = form.handle(() => {
    const found: Record<string, string> = {};
    const staff = doc.staff.map((s, i) => {
      const parsed = parseShares(shares[i] ?? '');
      if (!parsed) found[`staff.${i}.shares`] = 'parts attendues sous la forme « ligne pourcentage ; ligne pourcentage » (ex. « socle-reseau 60 ; hebergement-n1 40 »)';
      return { ...s, shares: parsed ?? [] };
    });
    const forecastUnits = doc.forecastUnits.map((u, i) => {
      const parsed = parseOptionsText(options[i] ?? '');
      if (!parsed) found[`forecastUnits.${i}.options`] = 'options attendues sous la forme « niveau=pro&stockage=25 »';
      const n = Number((units[i] ?? '').trim());
      if (!Number.isInteger(n) || n < 0) found[`forecastUnits.${i}.units`] = 'nombre entier d’unités attendu';
      return { ...u, options: parsed ?? {}, units: Number.isInteger(n) && n >= 0 ? n : 0 };
    });
    if (Object.keys(found).length) return form.fail(found);
    const body = { ...doc, staff, forecastUnits, charges: doc.charges.map((c) => ({ ...c, forecast: c.forecast.replace(',', '.'), actual: c.actual ? c.actual.replace(',', '.') : null })) };
    return form.send(
      () => api.costs.save(providerId, year, body),
      (saved) => {
        form.clear();
        onSaved(saved);
      },
    );
  });

  const amount = (v: string) => v.replace('.', ',');
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="budget-editeur-titre">
      <h2 id="budget-editeur-titre">Modifier le budget {year}</h2>
      <ErrorSummary fields={form.errors} labels={labels} idOf={fieldId} general={form.general} attempt={form.attempt} />

      <h3>Charges de fonctionnement</h3>
      {doc.charges.map((c, i) => (
        <Row key={c.id} legend={`Charge ${i + 1} : ${c.label || 'sans libellé'}`} onRemove={() => set('charges', doc.charges.filter((_, j) => j !== i))}>
          <TextField id={fieldId(`charges.${i}.label`)} label="Libellé" value={c.label} error={err(`charges.${i}.label`)} onChange={(e) => set('charges', doc.charges.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))} />
          <SelectField id={fieldId(`charges.${i}.nature`)} label="Nature" value={c.nature} onChange={(e) => set('charges', doc.charges.map((x, j) => (j === i ? { ...x, nature: e.target.value as typeof c.nature } : x)))}>
            {Object.entries(NATURE_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </SelectField>
          <TextField id={fieldId(`charges.${i}.forecast`)} label="Prévu (€)" inputMode="decimal" value={amount(c.forecast)} error={err(`charges.${i}.forecast`)} onChange={(e) => set('charges', doc.charges.map((x, j) => (j === i ? { ...x, forecast: e.target.value } : x)))} />
          <TextField id={fieldId(`charges.${i}.actual`)} label="Réalisé (€)" inputMode="decimal" value={c.actual ? amount(c.actual) : ''} error={err(`charges.${i}.actual`)} onChange={(e) => set('charges', doc.charges.map((x, j) => (j === i ? { ...x, actual: e.target.value.trim() || null } : x)))} />
          <TargetSelect id={fieldId(`charges.${i}.target`)} label="Affectation" value={c.target} lines={lines} keys={doc.keys} error={err(`charges.${i}.target`)} onChange={(t) => set('charges', doc.charges.map((x, j) => (j === i ? { ...x, target: t } : x)))} />
        </Row>
      ))}
      <p>
        <button type="button" className="btn" onClick={() => set('charges', [...doc.charges, { id: newId('charge', doc.charges.map((c) => c.id)), label: '', nature: 'licences', forecast: '0', actual: null, target: { kind: 'provider' } }])}>
          Ajouter une charge
        </button>
      </p>

      <h3>Personnel (par agent ou par poste)</h3>
      <p className="field-hint">Le management et le personnel administratif restent à la charge de la structure (convention 004 art. 9.2.1) ; le temps d’un agent technique non attribué à une ligne reste aussi à sa charge.</p>
      {doc.staff.map((s, i) => (
        <Row key={s.id} legend={`Personnel ${i + 1} : ${s.label || 'sans libellé'}`} onRemove={() => { set('staff', doc.staff.filter((_, j) => j !== i)); setShares(shares.filter((_, j) => j !== i)); }}>
          <TextField id={fieldId(`staff.${i}.label`)} label="Agent ou poste" value={s.label} error={err(`staff.${i}.label`)} onChange={(e) => set('staff', doc.staff.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))} />
          <SelectField id={fieldId(`staff.${i}.role`)} label="Fonction" value={s.role} onChange={(e) => set('staff', doc.staff.map((x, j) => (j === i ? { ...x, role: e.target.value as typeof s.role } : x)))}>
            {Object.entries(ROLE_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </SelectField>
          <TextField id={fieldId(`staff.${i}.forecast`)} label="Coût annuel prévu (€)" inputMode="decimal" value={amount(s.forecast)} error={err(`staff.${i}.forecast`)} onChange={(e) => set('staff', doc.staff.map((x, j) => (j === i ? { ...x, forecast: e.target.value.replace(',', '.') } : x)))} />
          <TextField id={fieldId(`staff.${i}.actual`)} label="Coût réalisé (€)" inputMode="decimal" value={s.actual ? amount(s.actual) : ''} error={err(`staff.${i}.actual`)} onChange={(e) => set('staff', doc.staff.map((x, j) => (j === i ? { ...x, actual: e.target.value.trim() ? e.target.value.replace(',', '.') : null } : x)))} />
          <TextField id={fieldId(`staff.${i}.shares`)} label="Parts de temps (%)" hint="ligne pourcentage ; …" value={shares[i] ?? ''} error={err(`staff.${i}.shares`)} onChange={(e) => setShares(shares.map((x, j) => (j === i ? e.target.value : x)))} />
        </Row>
      ))}
      <p>
        <button type="button" className="btn" onClick={() => { set('staff', [...doc.staff, { id: newId('agent', doc.staff.map((s) => s.id)), label: '', role: 'technical', forecast: '0', actual: null, shares: [] }]); setShares([...shares, '']); }}>
          Ajouter un agent ou un poste
        </button>
      </p>

      <h3>Investissements amortis</h3>
      <p className="field-hint">Amortissement linéaire ; l’annuité de l’exercice entre dans les charges de fonctionnement (convention 004 art. 9.2.1).</p>
      {doc.investments.map((inv, i) => (
        <Row key={inv.id} legend={`Investissement ${i + 1} : ${inv.label || 'sans libellé'}`} onRemove={() => set('investments', doc.investments.filter((_, j) => j !== i))}>
          <TextField id={fieldId(`investments.${i}.label`)} label="Libellé" value={inv.label} error={err(`investments.${i}.label`)} onChange={(e) => set('investments', doc.investments.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))} />
          <TextField id={fieldId(`investments.${i}.amount`)} label="Montant (€)" inputMode="decimal" value={amount(inv.amount)} error={err(`investments.${i}.amount`)} onChange={(e) => set('investments', doc.investments.map((x, j) => (j === i ? { ...x, amount: e.target.value.replace(',', '.') } : x)))} />
          <TextField id={fieldId(`investments.${i}.firstYear`)} label="Première annuité" inputMode="numeric" value={String(inv.firstYear)} error={err(`investments.${i}.firstYear`)} onChange={(e) => set('investments', doc.investments.map((x, j) => (j === i ? { ...x, firstYear: Number(e.target.value) || 0 } : x)))} />
          <TextField id={fieldId(`investments.${i}.years`)} label="Durée (ans)" inputMode="numeric" value={String(inv.years)} error={err(`investments.${i}.years`)} onChange={(e) => set('investments', doc.investments.map((x, j) => (j === i ? { ...x, years: Number(e.target.value) || 0 } : x)))} />
          <TargetSelect id={fieldId(`investments.${i}.target`)} label="Affectation" value={inv.target} lines={lines} keys={doc.keys} error={err(`investments.${i}.target`)} onChange={(t) => set('investments', doc.investments.map((x, j) => (j === i ? { ...x, target: t } : x)))} />
        </Row>
      ))}
      <p>
        <button type="button" className="btn" onClick={() => set('investments', [...doc.investments, { id: newId('investissement', doc.investments.map((x) => x.id)), label: '', amount: '0', firstYear: year, years: 5, target: { kind: 'provider' } }])}>
          Ajouter un investissement
        </button>
      </p>

      <h3>Unités prévues</h3>
      {doc.forecastUnits.map((u, i) => (
        <Row key={`${i}-${u.line}`} legend={`Unités prévues ${i + 1}`} onRemove={() => { set('forecastUnits', doc.forecastUnits.filter((_, j) => j !== i)); setOptions(options.filter((_, j) => j !== i)); setUnits(units.filter((_, j) => j !== i)); }}>
          <SelectField id={fieldId(`forecastUnits.${i}.line`)} label="Ligne de service" value={u.line} error={err(`forecastUnits.${i}.line`)} onChange={(e) => set('forecastUnits', doc.forecastUnits.map((x, j) => (j === i ? { ...x, line: e.target.value } : x)))}>
            {lineOptions}
          </SelectField>
          <TextField id={fieldId(`forecastUnits.${i}.options`)} label="Options" hint="ex. niveau=pro&stockage=25" value={options[i] ?? ''} error={err(`forecastUnits.${i}.options`)} onChange={(e) => setOptions(options.map((x, j) => (j === i ? e.target.value : x)))} />
          <TextField id={fieldId(`forecastUnits.${i}.units`)} label="Unités" inputMode="numeric" value={units[i] ?? ''} error={err(`forecastUnits.${i}.units`)} onChange={(e) => setUnits(units.map((x, j) => (j === i ? e.target.value : x)))} />
        </Row>
      ))}
      <p>
        <button type="button" className="btn" onClick={() => { set('forecastUnits', [...doc.forecastUnits, { line: lines[0]?.code ?? '', options: {}, units: 0 }]); setOptions([...options, '']); setUnits([...units, '0']); }}>
          Ajouter des unités prévues
        </button>
      </p>
      {doc.keys.length ? (
        <>
          <h3>Clés de répartition</h3>
          <ul className="plain-list">
            {doc.keys.map((k) => (
              <li key={k.code}>
                {k.label} : {k.weights.map((w) => `${lines.find((l) => l.code === w.line)?.name ?? w.line} ${w.weight}`).join(' ; ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <FormActions busy={form.busy} label="Enregistrer le budget" />
    </form>
  );
}
