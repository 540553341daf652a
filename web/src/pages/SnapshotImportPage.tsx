import { api } from '../api/endpoints.ts';
import { changeAnnouncement, changeCounts, ImportResult } from '../components/ImportResult.tsx';
import { RecordFileImport } from '../components/RecordFileImport.tsx';
import { PageHeader } from '../components/ui.tsx';
import { useTitle } from '../lib/hooks.ts';

/** Monthly snapshots of units from a CSV or XLSX file: checked whole, imported all or nothing, or only checked. */
export function SnapshotImportPage() {
  useTitle('Import des consommations');
  return (
    <>
      <PageHeader
        title="Import des consommations"
        lead="Les relevés mensuels des unités consommées par les adhérents (postes, boîtes aux lettres, Go…). Colonnes : membre (SIREN ou code INSEE), ligne, options (ex. niveau=pro;stockage=25), mois (AAAA-MM), unités. Un fichier qui contient une erreur est refusé en entier."
      />
      <RecordFileImport
        prefix="releves"
        fileLabel="Fichier des relevés (CSV ou XLSX)"
        fileMissing="choisissez le fichier des relevés"
        run={(providerId, file, fileName, dryRun) => api.consumption.importFile(providerId, file, fileName, dryRun)}
        announceOf={changeAnnouncement}
        renderResult={(result, fileName, focusRef) => (
          <ImportResult
            result={result}
            fileName={fileName}
            focusRef={focusRef}
            caption={{ dryRun: 'Relevés que l’import créerait, mettrait à jour ou laisserait inchangés', done: 'Relevés créés, mis à jour et inchangés' }}
            counts={changeCounts(result)}
          />
        )}
      />
    </>
  );
}
