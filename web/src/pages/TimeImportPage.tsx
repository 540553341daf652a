import { api } from '../api/endpoints.ts';
import { FileColumns } from '../components/FileColumns.tsx';
import { RecordFileImport } from '../components/RecordFileImport.tsx';
import { TimeImportResult } from '../components/time/TimeImportResult.tsx';
import { PageHeader } from '../components/ui.tsx';
import { plural } from '../lib/format.ts';
import { useTitle } from '../lib/hooks.ts';
import { TIME_COLUMNS } from '../lib/time-entries.ts';

/** Time spent imported from a ticketing tool's export (CSV or XLSX): checked whole, all or nothing, or only checked. */
export function TimeImportPage() {
  useTitle('Import des temps passés');
  return (
    <>
      <PageHeader
        title="Import des temps passés"
        breadcrumb={[{ to: '/temps', label: 'Temps passés' }]}
        lead="Une ligne par intervention, telle que l'exporte un outil de tickets (GLPI…). Une ligne qui porte une référence déjà importée la met à jour ; réimporter le même fichier ne change rien. Un fichier qui contient une erreur est refusé en entier."
      />
      <section className="section" aria-labelledby="temps-colonnes">
        <h2 id="temps-colonnes">Colonnes attendues</h2>
        <p>
          En-têtes : {Object.values(TIME_COLUMNS).map((c) => c.headers[0]).join(', ')}. L'ordre des colonnes est libre ; les autres noms d'en-tête usuels sont
          reconnus.
        </p>
        <FileColumns caption="Colonnes du fichier des temps passés" columns={Object.values(TIME_COLUMNS)} />
      </section>
      <RecordFileImport
        prefix="temps-import"
        fileLabel="Fichier des temps passés (CSV ou XLSX)"
        fileMissing="choisissez le fichier des temps passés"
        run={(providerId, file, fileName, dryRun) => api.timeEntries.importFile(providerId, file, fileName, dryRun)}
        announceOf={(r) =>
          `${r.dryRun ? 'Vérification terminée' : 'Import terminé'} : ${plural(r.rows, 'ligne lue', 'lignes lues')}, ${plural(r.created, 'créé', 'créés')}, ${plural(r.updated, 'mis à jour', 'mis à jour')}, ${plural(r.unchanged, 'inchangé', 'inchangés')}.`
        }
        renderResult={(result, fileName, focusRef) => <TimeImportResult result={result} fileName={fileName} focusRef={focusRef} />}
      />
    </>
  );
}
