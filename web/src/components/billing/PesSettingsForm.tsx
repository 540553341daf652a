import { useState } from 'react';
import type { PesSettings } from '../../api/billing.ts';
import { api } from '../../api/endpoints.ts';
import { useFormSubmit } from '../../lib/form-submit.ts';
import {
  IMPUTATION_LABELS,
  imputationKey,
  PES_LABELS,
  pesBodyOf,
  pesDraftOf,
  pesErrors,
  pesFieldId,
  pesLabels,
  placePesIssues,
  type ImputationDraft,
  type ImputationField,
  type PesDraft,
  type PesField,
} from '../../lib/pes-settings.ts';
import { ErrorSummary, TextField, type FieldErrors } from '../forms.tsx';
import { FormActions } from '../FormActions.tsx';
import { TableScroll } from '../ui.tsx';

const HINTS: Partial<Record<PesField, string>> = {
  idPost: '6 ou 7 chiffres, ex. 062044 (donné par le comptable public)',
  codCol: '3 chiffres',
  codBud: '2 caractères ; 00 = budget principal',
  budgetLabel: '38 caractères au plus, ex. « CALL – DMSI »',
  defaultNature: 'Compte M57 des lignes sans imputation propre, ex. 70848',
  defaultProductCode: 'Code produit local, 1 à 4 lettres ou chiffres, ex. SNUM',
  xsdPath: 'Facultatif : le fichier est alors aussi validé par le schéma officiel PES_Aller',
};

/** One value of an imputation row: its input named after the service line, its error above it. */
function ImputationCell({ row, index, field, errors, onChange }: { row: ImputationDraft; index: number; field: ImputationField; errors: FieldErrors; onChange(value: string): void }) {
  const key = imputationKey(index, field);
  const id = pesFieldId(key);
  const error = errors[key];
  return (
    <td className={error ? 'field-invalid' : undefined}>
      <label className="sr-only" htmlFor={id}>
        {IMPUTATION_LABELS[field]} : {row.name}
      </label>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="sr-only">Erreur : </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        className="input input-code"
        autoComplete="off"
        spellCheck={false}
        value={row[field]}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </td>
  );
}

/**
 * A provider's PES settings (`billing:run`): the accountant's post, the collectivity and budget codes, the default
 * imputation and one per service line of the catalogue (empty rows are not sent), checked with the contract the
 * server applies; the server's refusals are placed on the fields.
 */
export function PesSettingsForm({
  providerId,
  saved,
  lines,
  onSaved,
}: {
  providerId: string;
  saved: PesSettings | null;
  lines: readonly { code: string; name: string }[];
  onSaved(settings: PesSettings): void;
}) {
  const [draft, setDraft] = useState<PesDraft>(() => pesDraftOf(saved, lines));
  const { rows } = pesBodyOf(draft);
  const { errors, general, attempt, fail, clear, busy, handle, send } = useFormSubmit((issues) => placePesIssues(issues, rows));
  const set = (field: PesField) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: e.target.value }));
  const setCell = (index: number, field: ImputationField, value: string) =>
    setDraft((d) => ({ ...d, imputations: d.imputations.map((r, i) => (i === index ? { ...r, [field]: value } : r)) }));

  const submit = handle(() => {
    const found = pesErrors(draft);
    if (Object.keys(found.fields).length || found.general.length) return fail(found.fields, found.general);
    return send(
      () => api.billing.savePesSettings(providerId, pesBodyOf(draft).body),
      (settings) => {
        clear();
        setDraft(pesDraftOf(settings, lines));
        onSaved(settings);
      },
    );
  });

  const field = (name: PesField, extra: { required?: boolean; className?: string; inputMode?: 'numeric' } = {}) => (
    <TextField id={pesFieldId(name)} label={PES_LABELS[name]} hint={HINTS[name]} autoComplete="off" spellCheck={false} value={draft[name]} error={errors[name]} onChange={set(name)} {...extra} />
  );

  return (
    <>
      <ErrorSummary fields={errors} labels={pesLabels(draft)} idOf={pesFieldId} general={general} attempt={attempt} title="Les paramètres PES n’ont pas été enregistrés" />
      <form className="panel form" onSubmit={submit} noValidate aria-busy={busy} aria-label="Paramètres PES">
        <fieldset className="fieldset fieldset-panel">
          <legend>Poste comptable et budget</legend>
          <div className="form-grid">
            {field('idPost', { required: true, inputMode: 'numeric', className: 'field-narrow' })}
            {field('codCol', { required: true, inputMode: 'numeric', className: 'field-narrow' })}
            {field('codBud', { required: true, className: 'field-narrow' })}
            {field('budgetLabel', { required: true })}
          </div>
        </fieldset>
        <fieldset className="fieldset fieldset-panel">
          <legend>Imputation par défaut</legend>
          <div className="form-grid">
            {field('defaultNature', { required: true, inputMode: 'numeric', className: 'field-narrow' })}
            {field('defaultProductCode', { required: true, className: 'field-narrow' })}
          </div>
        </fieldset>
        <fieldset className="fieldset fieldset-panel">
          <legend>Imputation par ligne de service</legend>
          <p className="field-hint" id="pes-imputations-hint">
            Une ligne laissée vide prend l’imputation par défaut. Le compte de nature et le code produit sont requis dès qu’une valeur est saisie ; la fonction est facultative.
          </p>
          {draft.imputations.length ? (
            <TableScroll label="Imputations par ligne de service">
              <table className="table pes-imputations" aria-describedby="pes-imputations-hint">
                <caption>{draft.imputations.length === 1 ? '1 ligne de service' : `${draft.imputations.length} lignes de service`} du catalogue</caption>
                <thead>
                  <tr>
                    <th scope="col">Ligne de service</th>
                    <th scope="col">{IMPUTATION_LABELS.nature}</th>
                    <th scope="col">{IMPUTATION_LABELS.fonction} (facultatif)</th>
                    <th scope="col">{IMPUTATION_LABELS.productCode}</th>
                  </tr>
                </thead>
                <tbody>
                  {draft.imputations.map((row, index) => (
                    <tr key={row.line}>
                      <th scope="row">
                        {row.name}
                        <span className="block small mono">{row.line}</span>
                        {row.inCatalogue ? null : <span className="block small">n’est plus au catalogue</span>}
                      </th>
                      {(['nature', 'fonction', 'productCode'] as const).map((f) => (
                        <ImputationCell key={f} row={row} index={index} field={f} errors={errors} onChange={(value) => setCell(index, f, value)} />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <p className="empty">Le catalogue du fournisseur ne compte aucune ligne de service : l’imputation par défaut s’applique à tout.</p>
          )}
        </fieldset>
        <fieldset className="fieldset fieldset-panel">
          <legend>Validation supplémentaire</legend>
          {field('xsdPath', { className: 'span-2' })}
        </fieldset>
        <FormActions busy={busy} label="Enregistrer les paramètres PES" />
      </form>
    </>
  );
}
