import { api } from '../api/endpoints.ts';
import { FileColumns } from '../components/FileColumns.tsx';
import { InvoiceImportResult } from '../components/operator-invoices/InvoiceImportResult.tsx';
import { RecordFileImport } from '../components/RecordFileImport.tsx';
import { PageHeader } from '../components/ui.tsx';
import { euros } from '../lib/catalogue.ts';
import { plural } from '../lib/format.ts';
import { useTitle } from '../lib/hooks.ts';
import { INVOICE_COLUMNS } from '../lib/operator-invoices.ts';

/** The lines of operator invoices from a file (CSV or XLSX): checked whole, all or nothing, or only checked. */
export function OperatorInvoiceImportPage() {
  useTitle('Import des factures d’opérateurs');
  return (
    <>
      <PageHeader
        title="Import des factures d’opérateurs"
        breadcrumb={[{ to: '/factures-operateurs', label: 'Factures d’opérateurs' }]}
        lead="Une ligne par ligne de facture : les lignes d'une même facture répètent son opérateur, son numéro, sa date et sa période. Une facture déjà importée à l'identique reste inchangée ; sous le même numéro avec un autre contenu, elle est refusée (importez l'avoir de l'opérateur). Un fichier qui contient une erreur est refusé en entier."
      />
      <section className="section" aria-labelledby="factures-colonnes">
        <h2 id="factures-colonnes">Colonnes attendues</h2>
        <p>
          En-têtes : {Object.values(INVOICE_COLUMNS).map((c) => c.headers[0]).join(', ')}. L'ordre des colonnes est libre ; les autres noms d'en-tête usuels sont
          reconnus.
        </p>
        <FileColumns caption="Colonnes du fichier des factures d’opérateurs" columns={Object.values(INVOICE_COLUMNS)} />
      </section>
      <RecordFileImport
        prefix="factures-import"
        fileLabel="Fichier des factures (CSV ou XLSX)"
        fileMissing="choisissez le fichier des factures"
        run={(providerId, file, fileName, dryRun) => api.operatorInvoices.importFile(providerId, file, fileName, dryRun)}
        announceOf={(r) =>
          `${r.dryRun ? 'Vérification terminée' : 'Import terminé'} : ${plural(r.rows, 'ligne lue', 'lignes lues')}, ${plural(r.invoices, 'facture', 'factures')}, ${plural(r.created, 'créée', 'créées')}, ${plural(r.unchanged, 'inchangée', 'inchangées')}, ${euros(r.amount)} HT.`
        }
        renderResult={(result, fileName, focusRef) => <InvoiceImportResult result={result} fileName={fileName} focusRef={focusRef} />}
      />
    </>
  );
}
