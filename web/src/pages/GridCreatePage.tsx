import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { ErrorSummary, SelectField, TextField } from '../components/forms.tsx';
import { PriceEditTable } from '../components/grids/PriceEditTable.tsx';
import { errorMessage, LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { actsForProvider } from '../lib/catalogue.ts';
import { useFormErrors } from '../lib/form-errors.ts';
import { formatCivilDate } from '../lib/format.ts';
import { changedCount, checkDraft, draftLabels, FIELD_LABELS, fieldId, placeIssues, pricesOf, type AmountField, type GridDraft } from '../lib/grid-draft.ts';
import { useGrids } from '../lib/grids.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount, useCan } from '../lib/session.tsx';
import type { GridInput } from '../shared.ts';
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
  const [draft, setDraft] = useState<GridDraft | null>(null);
  const { errors, general, attempt, fail } = useFormErrors();
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
  const labels = draftLabels(current.prices);
  const set = (field: keyof Omit<GridDraft, 'prices'>) => (event: { target: { value: string } }) => setDraft({ ...current, [field]: event.target.value });
  const setAmount = (index: number, field: AmountField, value: string) =>
    setDraft({ ...current, prices: current.prices.map((p, i) => (i === index ? { ...p, [field]: value } : p)) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const { fields, messages, input } = checkDraft(current, list);
    if (Object.keys(fields).length || messages.length) return fail(fields, messages);
    setBusy(true);
    try {
      const created = await api.grids.create(id, input as GridInput);
      navigate(`/fournisseurs/${id}/tarifs/grilles/${encodeURIComponent(created.code)}`, {
        state: { flash: `Nouvelle version enregistrée : « ${created.label} », en vigueur à compter du ${formatCivilDate(created.effectiveFrom)}.` },
      });
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.isValidation) {
        const placed = placeIssues(e.issues, current.prices);
        return fail(placed.fields, placed.messages.length || Object.keys(placed.fields).length ? placed.messages : [e.message]);
      }
      fail({}, [errorMessage(e)]);
    }
  }

  const changed = changedCount(current.prices);
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
          <PriceEditTable view={view} prices={current.prices} sourceLabel={source.data.label} errors={errors} setAmount={setAmount} />
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
