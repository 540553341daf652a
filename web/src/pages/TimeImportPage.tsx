import { api } from '../api/endpoints.ts';
import { changeAnnouncement, changeCounts, ImportResult } from '../components/ImportResult.tsx';
import { RecordImportPage } from '../components/RecordImportPage.tsx';
import { TIME_COLUMNS } from '../lib/time-entries.ts';

/** Time spent imported from a ticketing tool's export (CSV or XLSX): checked whole, all or nothing, or only checked. */
export function TimeImportPage() {
  return (
    <RecordImportPage
      title="Import des temps passés"
      breadcrumb={[{ to: '/temps', label: 'Temps passés' }]}
      lead="Une ligne par intervention, telle que l'exporte un outil de tickets (GLPI…). Une ligne qui porte une référence déjà importée la met à jour ; réimporter le même fichier ne change rien. Un fichier qui contient une erreur est refusé en entier."
      columnsId="temps-colonnes"
      columnsCaption="Colonnes du fichier des temps passés"
      columns={Object.values(TIME_COLUMNS)}
      prefix="temps-import"
      fileLabel="Fichier des temps passés (CSV ou XLSX)"
      fileMissing="choisissez le fichier des temps passés"
      run={(providerId, file, fileName, dryRun) => api.timeEntries.importFile(providerId, file, fileName, dryRun)}
      announceOf={changeAnnouncement}
      renderResult={(result, fileName, focusRef) => (
        <ImportResult
          result={result}
          fileName={fileName}
          focusRef={focusRef}
          caption={{ dryRun: 'Temps que l’import créerait, mettrait à jour ou laisserait inchangés', done: 'Temps créés, mis à jour et inchangés' }}
          counts={changeCounts(result)}
        />
      )}
    />
  );
}
