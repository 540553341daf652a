import { useEffect, useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { useAnnounce } from '../lib/announcer.tsx';
import { useFormErrors } from '../lib/form-errors.ts';
import { plural } from '../lib/format.ts';
import { useResource } from '../lib/hooks.ts';
import { isPlatformStaff, useAccount } from '../lib/session.tsx';
import { ImportErrorsTable } from './consumption/ImportErrorsTable.tsx';
import { FileField } from './FileField.tsx';
import { CheckboxField, ErrorSummary, SelectField, type FieldErrors } from './forms.tsx';
import { errorMessage } from './ui.tsx';

export interface RecordFileImportProps<R> {
  /** Prefix of the fields' ids. */
  prefix: string;
  fileLabel: string;
  fileMissing: string;
  run(providerId: string, file: File, fileName: string, dryRun: boolean): Promise<R>;
  announceOf(result: R): string;
  renderResult(result: R, fileName: string, focusRef: Ref<HTMLDivElement>): ReactNode;
}

type Outcome<R> = { kind: 'done'; result: R; fileName: string } | { kind: 'refused'; message: string; issues: { path: string; message: string }[] };

/**
 * A CSV or XLSX file of records imported all or nothing, or only checked (« Vérifier seulement »): platform staff
 * choose the provider (`?fournisseur=` preselects it); the result, or every error with its row and column.
 */
export function RecordFileImport<R extends { dryRun: boolean }>({ prefix, fileLabel, fileMissing, run, announceOf, renderResult }: RecordFileImportProps<R>) {
  const account = useAccount();
  const announce = useAnnounce();
  const platform = isPlatformStaff(account);
  const [params] = useSearchParams();
  const providers = useResource(() => (platform ? api.providers.list() : Promise.resolve(null)), `providers-${platform}`);
  const [providerId, setProviderId] = useState(platform ? (params.get('fournisseur') ?? '') : (account.organisationId ?? ''));
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const { errors, general, attempt, fail, clear } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome<R> | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const labels = { providerId: 'Fournisseur', file: fileLabel };
  const idOf = (field: string) => `${prefix}-${field}`;

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: FieldErrors = {};
    if (!providerId) found.providerId = 'choisissez le fournisseur';
    if (!file) found.file = fileMissing;
    else if (!/\.(csv|xlsx)$/i.test(file.name)) found.file = 'un fichier .csv ou .xlsx est attendu';
    if (Object.keys(found).length || !file) return fail(found);
    clear();
    setOutcome(null);
    setBusy(true);
    try {
      const result = await run(providerId, file, file.name.slice(-200), dryRun);
      setOutcome({ kind: 'done', result, fileName: file.name });
      announce(announceOf(result));
    } catch (error) {
      if (error instanceof ApiError && error.isValidation) {
        setOutcome({ kind: 'refused', message: error.message, issues: error.issues });
        announce(`Import refusé : ${plural(error.issues.length, 'erreur', 'erreurs')}.`);
      } else {
        fail({}, [errorMessage(error)]);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary fields={errors} labels={labels} idOf={idOf} general={general} attempt={attempt} title="L'import n'a pas été lancé" />
      <form className="panel form" onSubmit={submit} noValidate aria-busy={busy} aria-label="Importer un fichier">
        {platform ? (
          <SelectField id={idOf('providerId')} label={labels.providerId} required value={providerId} error={errors.providerId} onChange={(e) => setProviderId(e.target.value)}>
            <option value="">Choisir…</option>
            {providers.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <FileField id={idOf('file')} label={fileLabel} hint="Première ligne : les en-têtes des colonnes. CSV séparé par des points-virgules, des virgules ou des tabulations ; ou la première feuille d’un classeur XLSX." accept=".csv,.xlsx,text/csv" required error={errors.file} onFile={setFile} />
        <CheckboxField id={idOf('dryRun')} label="Vérifier seulement" hint="Le fichier est contrôlé en entier, mais rien n'est enregistré." checked={dryRun} onChange={setDryRun} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Traitement…' : dryRun ? 'Vérifier le fichier' : 'Importer le fichier'}
          </button>
        </div>
      </form>
      <section className="section" aria-labelledby={idOf('resultat')} aria-busy={busy}>
        <h2 id={idOf('resultat')}>Résultat</h2>
        {busy ? (
          <p className="loading">
            <span className="spinner" aria-hidden="true" /> Lecture et contrôle du fichier…
          </p>
        ) : null}
        {!busy && !outcome ? <p className="muted">Aucun fichier traité depuis l'ouverture de cette page.</p> : null}
        {outcome?.kind === 'done' ? renderResult(outcome.result, outcome.fileName, outcomeRef) : null}
        {outcome?.kind === 'refused' ? <ImportErrorsTable message={outcome.message} issues={outcome.issues} focusRef={outcomeRef} /> : null}
      </section>
    </>
  );
}
