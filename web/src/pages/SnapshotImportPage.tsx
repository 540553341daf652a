import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { ImportErrorsTable } from '../components/consumption/ImportErrorsTable.tsx';
import { FileField } from '../components/FileField.tsx';
import { changeCounts, ImportResult } from '../components/ImportResult.tsx';
import { CheckboxField, ErrorSummary, SelectField, type FieldErrors } from '../components/forms.tsx';
import { errorMessage, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { useFormErrors } from '../lib/form-errors.ts';
import { plural } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { isPlatformStaff, useAccount } from '../lib/session.tsx';

const LABELS = { providerId: 'Fournisseur', file: 'Fichier des relevés (CSV ou XLSX)' };
const idOf = (field: string) => `releves-${field}`;
type SnapshotImportResult = Awaited<ReturnType<typeof api.consumption.importFile>>;
type Outcome = { kind: 'done'; result: SnapshotImportResult; fileName: string } | { kind: 'refused'; message: string; issues: { path: string; message: string }[] };

/** Monthly snapshots of units from a CSV or XLSX file: checked whole, imported all or nothing, or only checked. */
export function SnapshotImportPage() {
  useTitle('Import des consommations');
  const account = useAccount();
  const announce = useAnnounce();
  const platform = isPlatformStaff(account);
  const providers = useResource(() => (platform ? api.providers.list() : Promise.resolve(null)), `providers-${platform}`);
  const [providerId, setProviderId] = useState(platform ? '' : (account.organisationId ?? ''));
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const { errors, general, attempt, fail, clear } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: FieldErrors = {};
    if (!providerId) found.providerId = 'choisissez le fournisseur';
    if (!file) found.file = 'choisissez le fichier des relevés';
    else if (!/\.(csv|xlsx)$/i.test(file.name)) found.file = 'un fichier .csv ou .xlsx est attendu';
    if (Object.keys(found).length || !file) return fail(found);
    clear();
    setOutcome(null);
    setBusy(true);
    try {
      const result = await api.consumption.importFile(providerId, file, file.name.slice(-200), dryRun);
      setOutcome({ kind: 'done', result, fileName: file.name });
      announce(`${result.dryRun ? 'Vérification terminée' : 'Import terminé'} : ${plural(result.rows, 'ligne lue', 'lignes lues')}, ${plural(result.created, 'créé', 'créés')}, ${plural(result.updated, 'mis à jour', 'mis à jour')}, ${plural(result.unchanged, 'inchangé', 'inchangés')}.`);
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
      <PageHeader
        title="Import des consommations"
        lead="Les relevés mensuels des unités consommées par les adhérents (postes, boîtes aux lettres, Go…). Colonnes : membre (SIREN ou code INSEE), ligne, options (ex. niveau=pro;stockage=25), mois (AAAA-MM), unités. Un fichier qui contient une erreur est refusé en entier."
      />
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="L'import n'a pas été lancé" />
      <form className="panel form" onSubmit={submit} noValidate aria-busy={busy}>
        {platform ? (
          <SelectField id={idOf('providerId')} label={LABELS.providerId} required value={providerId} error={errors.providerId} onChange={(e) => setProviderId(e.target.value)}>
            <option value="">Choisir…</option>
            {providers.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <FileField id={idOf('file')} label={LABELS.file} hint="Première ligne : les en-têtes des colonnes. CSV séparé par des virgules ou des points-virgules." accept=".csv,.xlsx,text/csv" required error={errors.file} onFile={setFile} />
        <CheckboxField id={idOf('dryRun')} label="Vérifier seulement" hint="Le fichier est contrôlé en entier, mais rien n'est enregistré." checked={dryRun} onChange={setDryRun} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Traitement…' : dryRun ? 'Vérifier le fichier' : 'Importer le fichier'}
          </button>
        </div>
      </form>
      <section className="section" aria-labelledby="releves-resultat" aria-busy={busy}>
        <h2 id="releves-resultat">Résultat</h2>
        {busy ? (
          <p className="loading">
            <span className="spinner" aria-hidden="true" /> Lecture et contrôle du fichier…
          </p>
        ) : null}
        {!busy && !outcome ? <p className="muted">Aucun fichier traité depuis l'ouverture de cette page.</p> : null}
        {outcome?.kind === 'done' ? (
          <ImportResult
            result={outcome.result}
            fileName={outcome.fileName}
            focusRef={outcomeRef}
            caption={{ dryRun: 'Relevés que l’import créerait, mettrait à jour ou laisserait inchangés', done: 'Relevés créés, mis à jour et inchangés' }}
            counts={changeCounts(outcome.result)}
          />
        ) : null}
        {outcome?.kind === 'refused' ? <ImportErrorsTable message={outcome.message} issues={outcome.issues} focusRef={outcomeRef} /> : null}
      </section>
    </>
  );
}
