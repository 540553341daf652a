import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { useResource } from '../lib/hooks.ts';
import {
  departementOfInseeCode,
  EPCI_KINDS,
  inseeCodeError,
  ORGANISATION_KINDS,
  ORGANISATION_KIND_VALUES,
  organisationCreateSchema,
  organisationRuleIssues,
  organisationUpdateSchema,
  type Organisation,
  type OrganisationCreate,
  type OrganisationKind,
} from '../shared.ts';
import { ErrorSummary, SelectField, splitIssues, TextField, type FieldErrors } from './forms.tsx';
import { errorMessage } from './ui.tsx';
import { useFormErrors } from '../lib/form-errors.ts';

export const ORGANISATION_LABELS = {
  kind: 'Type',
  name: 'Nom',
  siren: 'SIREN',
  siret: 'SIRET',
  inseeCode: 'Code INSEE',
  addressLine1: 'Adresse',
  addressLine2: "Complément d'adresse",
  postalCode: 'Code postal',
  city: 'Ville',
  population: 'Population',
  parentEpciId: 'EPCI de rattachement',
  representativeName: 'Nom du représentant',
  representativeTitle: 'Qualité du représentant',
};
type Field = keyof typeof ORGANISATION_LABELS;
const FIELDS = Object.keys(ORGANISATION_LABELS) as Field[];
const idOf = (field: string) => `organisation-${field}`;

type Draft = Record<Field, string>;
type Values = { kind: OrganisationKind; name: string; population: number | null } & Record<Exclude<Field, 'kind' | 'name' | 'population'>, string | null>;

function draftOf(org: Organisation | null): Draft {
  const draft = {} as Draft;
  for (const field of FIELDS) {
    const value = org?.[field];
    draft[field] = value === null || value === undefined ? '' : String(value);
  }
  if (!org) draft.kind = 'commune';
  return draft;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

function valuesOf(draft: Draft): { values: Values; populationError: string | null } {
  const population = draft.population.replace(/[\s\u202f\u00a0]/g, '');
  const populationError = population && !/^\d+$/.test(population) ? 'la population est un nombre entier, sans signe ni décimale' : null;
  return {
    populationError,
    values: {
      kind: draft.kind as OrganisationKind,
      name: draft.name.trim(),
      siren: orNull(draft.siren.replace(/\s/g, '')),
      siret: orNull(draft.siret.replace(/\s/g, '')),
      inseeCode: orNull(draft.inseeCode.toUpperCase()),
      addressLine1: orNull(draft.addressLine1),
      addressLine2: orNull(draft.addressLine2),
      postalCode: orNull(draft.postalCode),
      city: orNull(draft.city),
      population: population && !populationError ? Number(population) : null,
      parentEpciId: orNull(draft.parentEpciId),
      representativeName: orNull(draft.representativeName),
      representativeTitle: orNull(draft.representativeTitle),
    },
  };
}

/** EPCI a commune can be attached to: those of its département (all when it has none), and its current one. */
function useEpciOptions(departement: string | null, current: Organisation | null) {
  return useResource(async () => {
    const pages = await Promise.all(EPCI_KINDS.map((kind) => api.organisations.list({ kind, ...(departement ? { departement } : {}), limit: 500, sort: 'name' })));
    const options = pages.flatMap((p) => p.items).map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
    if (current?.parentEpciId && !options.some((o) => o.id === current.parentEpciId)) {
      const parent = await api.organisations.get(current.parentEpciId).catch(() => null);
      options.push({ id: current.parentEpciId, name: parent?.name ?? current.parentEpciName ?? current.parentEpciId, kind: parent?.kind ?? 'communaute_communes' });
    }
    return options.filter((o) => o.id !== current?.id).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }, `epci-${departement ?? 'all'}`);
}

/**
 * All fields of an organisation. With `organisation`, sends only what changed with the version read
 * (optimistic locking); without, creates one. Rules are the contract's and the domain's, as on the server.
 */
export function OrganisationForm({
  organisation,
  submitLabel,
  onSaved,
  cancel,
}: {
  organisation: Organisation | null;
  submitLabel: string;
  onSaved(saved: Organisation, changed: string[]): void;
  cancel: ReactNode;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(organisation));
  const { errors, general, attempt, fail } = useFormErrors();
  const [busy, setBusy] = useState(false);
  // EPCI are offered for the département of the commune: from its INSEE code as typed, else as recorded.
  const typedInsee = draft.inseeCode.trim().toUpperCase();
  const departement = typedInsee && !inseeCodeError(typedInsee) ? departementOfInseeCode(typedInsee) : (organisation?.departement ?? null);
  const epci = useEpciOptions(departement, organisation);

  const set = (field: Field) => (e: { target: { value: string } }) => setDraft({ ...draft, [field]: e.target.value });
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const { values, populationError } = valuesOf(draft);
    const fields: FieldErrors = {};
    let changed: Field[] = FIELDS;
    let body: Record<string, unknown> = values;
    if (organisation) {
      changed = FIELDS.filter((f) => (values[f] ?? null) !== (organisation[f] ?? null));
      if (changed.length === 0 && !populationError) return fail({}, ['Aucune modification à enregistrer : changez au moins un champ.']);
      body = { ...Object.fromEntries(changed.map((f) => [f, values[f]])), version: organisation.version };
    }
    const parsed = organisation ? organisationUpdateSchema.safeParse(body) : organisationCreateSchema.safeParse(body);
    if (!parsed.success) Object.assign(fields, splitIssues(parsed.error.issues, FIELDS).fields);
    if (populationError) fields.population = populationError;
    const parentKind = values.parentEpciId ? (epci.data?.find((o) => o.id === values.parentEpciId)?.kind as OrganisationKind | undefined) : null;
    for (const issue of organisationRuleIssues({ ...values, parentEpciKind: parentKind })) fields[issue.path] ??= issue.message;
    if (Object.keys(fields).length || !parsed.success) return fail(fields);
    setBusy(true);
    try {
      const saved = organisation
        ? await api.organisations.update(organisation.id, parsed.data as Parameters<typeof api.organisations.update>[1])
        : await api.organisations.create(parsed.data as OrganisationCreate);
      onSaved(saved, changed);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.isValidation) {
        const split = splitIssues(error.issues, FIELDS);
        return fail(split.fields, split.general.length || Object.keys(split.fields).length ? split.general : [error.message]);
      }
      if (error instanceof ApiError && error.status === 409) {
        return fail({}, [`${error.message}. Vos saisies n'ont pas été enregistrées.`]);
      }
      fail({}, [errorMessage(error)]);
    }
  }

  return (
    <>
      <ErrorSummary fields={errors} labels={ORGANISATION_LABELS} idOf={idOf} general={general} attempt={attempt} title="L'organisation n'a pas été enregistrée" />
      <form onSubmit={submit} noValidate aria-busy={busy} className="form">
        <fieldset className="panel fieldset-panel">
          <legend>Identification</legend>
          <div className="form-grid">
            <TextField id={idOf('name')} label={ORGANISATION_LABELS.name} required autoComplete="organization" value={draft.name} error={errors.name} onChange={set('name')} className="span-2" />
            <SelectField id={idOf('kind')} label={ORGANISATION_LABELS.kind} required value={draft.kind} error={errors.kind} onChange={set('kind')}>
              {ORGANISATION_KIND_VALUES.map((k) => (
                <option key={k} value={k}>
                  {ORGANISATION_KINDS[k]}
                </option>
              ))}
            </SelectField>
            <TextField id={idOf('population')} label={ORGANISATION_LABELS.population} hint="Nombre d'habitants" inputMode="numeric" autoComplete="off" value={draft.population} error={errors.population} onChange={set('population')} />
            <TextField id={idOf('siren')} label={ORGANISATION_LABELS.siren} hint="9 chiffres" inputMode="numeric" autoComplete="off" value={draft.siren} error={errors.siren} onChange={set('siren')} />
            <TextField id={idOf('siret')} label={ORGANISATION_LABELS.siret} hint="14 chiffres, commençant par le SIREN" inputMode="numeric" autoComplete="off" value={draft.siret} error={errors.siret} onChange={set('siret')} />
            <TextField id={idOf('inseeCode')} label={ORGANISATION_LABELS.inseeCode} hint="Communes seulement : 5 caractères (ex. 62498, 2A004)" autoComplete="off" value={draft.inseeCode} error={errors.inseeCode} onChange={set('inseeCode')} />
            <SelectField
              id={idOf('parentEpciId')}
              label={ORGANISATION_LABELS.parentEpciId}
              hint={
                epci.loading
                  ? 'Chargement de la liste des EPCI…'
                  : `Communes et établissements publics ; ${departement ? `EPCI du département ${departement}` : 'EPCI de toute la France (indiquez le code INSEE pour restreindre la liste)'}`
              }
              value={draft.parentEpciId}
              error={errors.parentEpciId}
              onChange={set('parentEpciId')}
            >
              <option value="">Aucun</option>
              {epci.data?.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
              {!epci.data && draft.parentEpciId ? <option value={draft.parentEpciId}>{organisation?.parentEpciName ?? draft.parentEpciId}</option> : null}
            </SelectField>
          </div>
        </fieldset>
        <fieldset className="panel fieldset-panel">
          <legend>Adresse</legend>
          <div className="form-grid">
            <TextField id={idOf('addressLine1')} label={ORGANISATION_LABELS.addressLine1} autoComplete="address-line1" value={draft.addressLine1} error={errors.addressLine1} onChange={set('addressLine1')} />
            <TextField id={idOf('addressLine2')} label={ORGANISATION_LABELS.addressLine2} hint="Boîte postale, bâtiment…" autoComplete="address-line2" value={draft.addressLine2} error={errors.addressLine2} onChange={set('addressLine2')} />
            <TextField id={idOf('postalCode')} label={ORGANISATION_LABELS.postalCode} hint="5 chiffres" inputMode="numeric" autoComplete="postal-code" value={draft.postalCode} error={errors.postalCode} onChange={set('postalCode')} />
            <TextField id={idOf('city')} label={ORGANISATION_LABELS.city} autoComplete="address-level2" value={draft.city} error={errors.city} onChange={set('city')} />
          </div>
        </fieldset>
        <fieldset className="panel fieldset-panel">
          <legend>Représentant légal</legend>
          <div className="form-grid">
            <TextField id={idOf('representativeName')} label={ORGANISATION_LABELS.representativeName} hint="Par exemple : Sylvain ROBERT" autoComplete="off" value={draft.representativeName} error={errors.representativeName} onChange={set('representativeName')} />
            <TextField id={idOf('representativeTitle')} label={ORGANISATION_LABELS.representativeTitle} hint="Par exemple : Maire, Président" autoComplete="off" value={draft.representativeTitle} error={errors.representativeTitle} onChange={set('representativeTitle')} />
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Enregistrement…' : submitLabel}
          </button>
          {cancel}
        </div>
      </form>
    </>
  );
}
