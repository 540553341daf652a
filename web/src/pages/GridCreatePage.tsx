import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { ErrorSummary, SelectField, TextField, type FieldErrors } from '../components/forms.tsx';
import { errorMessage, LoadError, Loading, PageHeader, TableScroll } from '../components/ui.tsx';
import { actsForProvider, euros, eurosInput, normaliseEuros, optionValueLabels, sortByCatalogue, vatLabel, type GridPrice } from '../lib/catalogue.ts';
import { formatCivilDate } from '../lib/format.ts';
import { useGrids } from '../lib/grids.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount, useCan } from '../lib/session.tsx';
import { gridInputSchema, multiplyRounded, parseEuros, toDecimalString, type CatalogueView, type GridInput, type GridView } from '../shared.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

export function GridCreatePage() {
  const { id = '' } = useParams();
  const account = useAccount();
  const allowed = useCan();
  if (!allowed('tariff:write') || !actsForProvider(account, id)) {
    return <NotFoundPage title="Page introuvable" message="Seul le personnel financier de ce fournisseur enregistre une nouvelle version de sa grille." />;
  }
  return <GridCreateScreen id={id} key={id} />;
}

interface PriceDraft {
  source: GridPrice;
  monthly: string;
  annual: string;
  perUnit: string;
}

interface Draft {
  code: string;
  label: string;
  effectiveFrom: string;
  organ: string;
  number: string;
  date: string;
  prices: PriceDraft[];
}

const FIELD_LABELS: Record<string, string> = {
  code: 'Code de la version',
  label: 'Intitulé',
  effectiveFrom: "Date d'effet",
  organ: 'Organe délibérant',
  number: 'Numéro de la délibération',
  date: 'Date de la délibération',
};

const AMOUNTS = { monthly: 'Tarif mensuel', annual: 'Tarif annuel', perUnit: 'Prix unitaire' } as const;
type AmountField = keyof typeof AMOUNTS;

const fieldId = (field: string) => {
  const price = /^prices\.(\d+)\.(\w+)$/.exec(field);
  return price ? `nouvelle-grille-prix-${price[1]}-${price[2]}` : `nouvelle-grille-${field}`;
};

function pricesOf(view: CatalogueView, grid: GridView): PriceDraft[] {
  return sortByCatalogue(view, grid.prices).map((p) => ({ source: p, monthly: eurosInput(p.monthly), annual: eurosInput(p.annual), perUnit: eurosInput(p.perUnit) }));
}

/** "12 × monthly" when it differs from the annual amount typed, as a hint next to the row. */
function yearlyCheck(price: PriceDraft): string | null {
  const monthly = normaliseEuros(price.monthly);
  const annual = normaliseEuros(price.annual);
  if (!monthly || !annual) return null;
  const twelve = multiplyRounded(parseEuros(monthly), 12);
  return twelve === parseEuros(annual) ? null : `12 × ${euros(monthly)} = ${euros(toDecimalString(twelve))}, différent du tarif annuel`;
}

function GridCreateScreen({ id }: { id: string }) {
  useTitle('Nouvelle version de la grille tarifaire');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const catalogue = useResource((signal) => api.catalogue.get(id, signal), `catalogue-${id}`);
  const grids = useGrids(id);
  const list = grids.data ?? [];
  const fromCode = params.get('depuis') ?? list.find((g) => g.inForce)?.code ?? list[0]?.code ?? '';
  const source = useResource(() => (fromCode ? api.grids.get(id, fromCode) : Promise.resolve(null)), `grid-${id}-${fromCode}`);
  const view = catalogue.data;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  // The prices start as a copy of the chosen version; choosing another version copies its prices again.
  useEffect(() => {
    if (view && source.data) {
      setDraft((d) => ({ code: d?.code ?? '', label: d?.label ?? '', effectiveFrom: d?.effectiveFrom ?? '', organ: d?.organ ?? '', number: d?.number ?? '', date: d?.date ?? '', prices: pricesOf(view, source.data!) }));
    }
  }, [view, source.data]);

  const error = catalogue.error ?? grids.error ?? source.error;
  if (!view || !draft || !source.data) {
    return (
      <>
        <PageHeader title="Nouvelle version de la grille tarifaire" />
        {error ? (
          <LoadError error={error} />
        ) : grids.data && list.length === 0 ? (
          <p className="empty">Aucune grille existante à copier : la première grille se charge par un fichier de paramétrage.</p>
        ) : (
          <Loading />
        )}
      </>
    );
  }
  const current = draft;
  const withPerUnit = current.prices.some((p) => p.source.perUnit !== null);
  const labels: Record<string, string> = { ...FIELD_LABELS };
  current.prices.forEach((p, i) => {
    const name = `${p.source.lineName}${p.source.optionsLabel ? ` (${p.source.optionsLabel})` : ''}`;
    for (const [field, label] of Object.entries(AMOUNTS)) labels[`prices.${i}.${field}`] = `${label} : ${name}`;
    labels[`prices.${i}`] = name;
  });

  const set = (field: keyof Omit<Draft, 'prices'>) => (event: { target: { value: string } }) => setDraft({ ...current, [field]: event.target.value });
  const setAmount = (index: number, field: AmountField, value: string) =>
    setDraft({ ...current, prices: current.prices.map((p, i) => (i === index ? { ...p, [field]: value } : p)) });

  function fail(fields: FieldErrors, messages: string[] = []) {
    setErrors(fields);
    setGeneral(messages);
    setAttempt((a) => a + 1);
  }

  /** Issues (from the contract or the server) to fields: "prices[3]" or "prices.3.monthly" name a row of the table. */
  function place(issues: readonly { path: string | readonly PropertyKey[]; message: string }[]) {
    const fields: FieldErrors = {};
    const messages: string[] = [];
    for (const issue of issues) {
      const path = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.');
      const normal = path.replace(/\[(\d+)\]/g, '.$1').replace(/^deliberation\./, '');
      const price = /^prices\.(\d+)(?:\.(\w+))?/.exec(normal);
      let key: string | null = null;
      if (price) key = `prices.${price[1]}.${price[2] && price[2] in AMOUNTS ? price[2] : current.prices[Number(price[1])]?.source.monthly !== null ? 'monthly' : 'perUnit'}`;
      else if (normal in FIELD_LABELS) key = normal;
      else if (normal === 'deliberation') key = 'organ';
      if (key && !fields[key]) fields[key] = issue.message;
      else messages.push(issue.message);
    }
    return { fields, messages };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const fields: FieldErrors = {};
    const prices = current.prices.map((p, i) => {
      const amounts: Partial<Record<AmountField, string>> = {};
      for (const field of Object.keys(AMOUNTS) as AmountField[]) {
        if (!p[field].trim()) continue;
        const value = normaliseEuros(p[field]);
        if (value === null) fields[`prices.${i}.${field}`] = 'montant attendu en euros, avec au plus deux décimales (ex. 18,00)';
        else amounts[field] = value;
      }
      const { source: s } = p;
      return {
        line: s.line,
        options: s.options,
        ...amounts,
        vat: s.vat,
        ...(s.vatRate !== null ? { vatRate: s.vatRate } : {}),
        ...(s.minimumQuantity !== null ? { minimumQuantity: s.minimumQuantity } : {}),
      };
    });
    const deliberationGiven = [current.organ, current.number, current.date].some((v) => v.trim());
    if (deliberationGiven && !current.organ.trim()) fields.organ = "indiquez l'organe qui a délibéré";
    if (deliberationGiven && !current.date) fields.date = 'indiquez la date de la délibération';
    if (current.code.trim() && list.some((g) => g.code === current.code.trim())) fields.code = 'ce code est déjà celui d’une version enregistrée : une grille votée ne se modifie pas';
    const input = {
      code: current.code.trim(),
      label: current.label.trim(),
      effectiveFrom: current.effectiveFrom,
      ...(deliberationGiven
        ? { deliberation: { organ: current.organ.trim(), ...(current.number.trim() ? { number: current.number.trim() } : {}), date: current.date } }
        : {}),
      prices,
    };
    const parsed = gridInputSchema.safeParse(input);
    if (!parsed.success) {
      const placed = place(parsed.error.issues);
      for (const [k, v] of Object.entries(placed.fields)) fields[k] ??= v;
      if (Object.keys(fields).length || placed.messages.length) return fail(fields, placed.messages);
    }
    if (Object.keys(fields).length) return fail(fields);
    setBusy(true);
    try {
      const created = await api.grids.create(id, parsed.data as GridInput);
      navigate(`/fournisseurs/${id}/tarifs/grilles/${encodeURIComponent(created.code)}`, {
        state: { flash: `Nouvelle version enregistrée : « ${created.label} », en vigueur à compter du ${formatCivilDate(created.effectiveFrom)}.` },
      });
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.isValidation) {
        const placed = place(e.issues);
        return fail(placed.fields, placed.messages.length || Object.keys(placed.fields).length ? placed.messages : [e.message]);
      }
      fail({}, [errorMessage(e)]);
    }
  }

  const changed = current.prices.filter((p) => (['monthly', 'annual', 'perUnit'] as const).some((f) => normaliseEuros(p[f]) !== p.source[f] && !(p[f] === '' && p.source[f] === null))).length;
  return (
    <>
      <PageHeader
        title="Nouvelle version de la grille tarifaire"
        breadcrumb={[
          { to: '/catalogues', label: 'Catalogues' },
          { to: `/fournisseurs/${id}/catalogue`, label: `Catalogue : ${view.providerName}` },
          { to: `/fournisseurs/${id}/tarifs`, label: 'Grilles tarifaires' },
        ]}
        lead={`${view.providerName}. Une grille enregistrée ne se modifie plus : cette version aura son propre code et sa date d'effet, et les factures antérieures gardent leurs prix.`}
      />
      <ErrorSummary fields={errors} labels={labels} idOf={fieldId} general={general} attempt={attempt} title="La nouvelle version n'a pas été enregistrée" />
      <form className="form form-wide" onSubmit={submit} noValidate aria-busy={busy}>
        <fieldset className="panel fieldset-panel">
          <legend>Version de départ</legend>
          <SelectField
            id="nouvelle-grille-depuis"
            label="Copier les prix de"
            hint="Les montants ci-dessous sont ceux de cette version ; changez ceux qui évoluent."
            value={fromCode}
            onChange={(e) => setParams({ depuis: e.target.value }, { replace: true, preventScrollReset: true })}
          >
            {list.map((g) => (
              <option key={g.code} value={g.code}>
                {g.label} ({formatCivilDate(g.effectiveFrom)}){g.inForce ? ' — en vigueur' : ''}
              </option>
            ))}
          </SelectField>
        </fieldset>
        <fieldset className="panel fieldset-panel">
          <legend>Identification</legend>
          <div className="form-grid">
            <TextField id={fieldId('code')} label={FIELD_LABELS.code} required hint="Minuscules, chiffres et tirets, par exemple « grille-2027 »." autoComplete="off" spellCheck={false} value={current.code} error={errors.code} onChange={set('code')} />
            <TextField id={fieldId('effectiveFrom')} label={FIELD_LABELS.effectiveFrom} required type="date" hint="Premier jour où ces prix s'appliquent." value={current.effectiveFrom} error={errors.effectiveFrom} onChange={set('effectiveFrom')} />
            <TextField id={fieldId('label')} label={FIELD_LABELS.label} required className="span-2" hint="Par exemple : Annexe 5 – grille tarifaire au 1er janvier 2027." value={current.label} error={errors.label} onChange={set('label')} />
          </div>
        </fieldset>
        <fieldset className="panel fieldset-panel">
          <legend>Délibération</legend>
          <p className="field-hint">Facultatif tant que le vote n'a pas eu lieu ; si vous la renseignez, l'organe et la date sont obligatoires.</p>
          <div className="form-grid">
            <TextField id={fieldId('organ')} label={FIELD_LABELS.organ} hint="Par exemple : Conseil communautaire" value={current.organ} error={errors.organ} onChange={set('organ')} />
            <TextField id={fieldId('number')} label={FIELD_LABELS.number} value={current.number} error={errors.number} onChange={set('number')} />
            <TextField id={fieldId('date')} label={FIELD_LABELS.date} type="date" value={current.date} error={errors.date} onChange={set('date')} />
          </div>
        </fieldset>
        <fieldset className="panel fieldset-panel">
          <legend>Prix</legend>
          <p className="field-hint">
            Montants en euros (ex. 18,00). Les montants relevés dans d'autres documents de la version de départ (« points à vérifier ») ne sont pas repris.
            {changed ? <strong> {changed === 1 ? '1 prix modifié' : `${changed} prix modifiés`} par rapport à la version de départ.</strong> : null}
          </p>
          <TableScroll label="Prix de la nouvelle version">
            <table className="table price-edit-table">
              <caption>Prix de la nouvelle version, copiés de « {source.data.label} »</caption>
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col">Tarif mensuel</th>
                  <th scope="col">Tarif annuel</th>
                  {withPerUnit ? <th scope="col">Prix unitaire</th> : null}
                  <th scope="col">TVA</th>
                </tr>
              </thead>
              <tbody>
                {current.prices.map((p, i) => {
                  const check = yearlyCheck(p);
                  const name = `${p.source.lineName}${p.source.optionsLabel ? ` (${p.source.optionsLabel})` : ''}`;
                  const cell = (field: AmountField) => {
                    const key = `prices.${i}.${field}`;
                    const errorId = `${fieldId(key)}-error`;
                    const before = p.source[field];
                    const modified = normaliseEuros(p[field]) !== before && !(p[field] === '' && before === null);
                    return (
                      <td className={errors[key] ? 'field-invalid' : undefined}>
                        <label className="sr-only" htmlFor={fieldId(key)}>
                          {AMOUNTS[field]} : {name}
                        </label>
                        {errors[key] ? (
                          <p className="field-error" id={errorId}>
                            <span className="sr-only">Erreur : </span>
                            {errors[key]}
                          </p>
                        ) : null}
                        <input
                          id={fieldId(key)}
                          className="input input-amount"
                          inputMode="decimal"
                          autoComplete="off"
                          value={p[field]}
                          aria-invalid={errors[key] ? true : undefined}
                          aria-describedby={[errors[key] ? errorId : '', modified ? `${fieldId(key)}-avant` : ''].filter(Boolean).join(' ') || undefined}
                          onChange={(e) => setAmount(i, field, e.target.value)}
                        />
                        {modified ? (
                          <span className="small was" id={`${fieldId(key)}-avant`}>
                            avant : {euros(before)}
                          </span>
                        ) : null}
                      </td>
                    );
                  };
                  return (
                    <tr key={i}>
                      <th scope="row">
                        {p.source.lineName}
                        {Object.keys(p.source.options).length ? (
                          <span className="block small muted-strong">
                            {optionValueLabels(
                              view.lines.find((l) => l.code === p.source.line),
                              p.source.options,
                            )
                              .map((o) => o.value)
                              .join(' · ')}
                          </span>
                        ) : null}
                        {check ? (
                          <span className="block small yearly-check">
                            <span aria-hidden="true">⚠ </span>
                            {check}
                          </span>
                        ) : null}
                      </th>
                      {cell('monthly')}
                      {cell('annual')}
                      {withPerUnit ? cell('perUnit') : null}
                      <td>{vatLabel(p.source)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Enregistrement…' : 'Enregistrer la nouvelle version'}
          </button>
          <Link className="btn btn-secondary" to={`/fournisseurs/${id}/tarifs`}>
            Annuler
          </Link>
        </div>
      </form>
    </>
  );
}
