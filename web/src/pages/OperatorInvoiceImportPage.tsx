import { api } from '../api/endpoints.ts';
import { ImportResult } from '../components/ImportResult.tsx';
import { RecordImportPage } from '../components/RecordImportPage.tsx';
import { euros } from '../lib/catalogue.ts';
import { formatInteger, plural } from '../lib/format.ts';
import { INVOICE_COLUMNS } from '../lib/operator-invoices.ts';

/** The lines of operator invoices from a file (CSV or XLSX): checked whole, all or nothing, or only checked. */
export function OperatorInvoiceImportPage() {
  return (
    <RecordImportPage
      title="Import des factures d’opérateurs"
      breadcrumb={[{ to: '/factures-operateurs', label: 'Factures d’opérateurs' }]}
      lead="Une ligne par ligne de facture : les lignes d'une même facture répètent son opérateur, son numéro, sa date et sa période. Une facture déjà importée à l'identique reste inchangée ; sous le même numéro avec un autre contenu, elle est refusée (importez l'avoir de l'opérateur). Un fichier qui contient une erreur est refusé en entier."
      columnsId="factures-colonnes"
      columnsCaption="Colonnes du fichier des factures d’opérateurs"
      columns={Object.values(INVOICE_COLUMNS)}
      prefix="factures-import"
      fileLabel="Fichier des factures (CSV ou XLSX)"
      fileMissing="choisissez le fichier des factures"
      run={(providerId, file, fileName, dryRun) => api.operatorInvoices.importFile(providerId, file, fileName, dryRun)}
      announceOf={(r) =>
        `${r.dryRun ? 'Vérification terminée' : 'Import terminé'} : ${plural(r.rows, 'ligne lue', 'lignes lues')}, ${plural(r.invoices, 'facture', 'factures')}, ${plural(r.created, 'créée', 'créées')}, ${plural(r.unchanged, 'inchangée', 'inchangées')}, ${euros(r.amount)} HT.`
      }
      renderResult={(r, fileName, focusRef) => (
        <ImportResult
          result={r}
          fileName={fileName}
          focusRef={focusRef}
          details={`, ${plural(r.invoices, 'facture', 'factures')} pour ${euros(r.amount)} HT`}
          caption={{ dryRun: 'Factures que l’import créerait ou laisserait inchangées', done: 'Factures créées et inchangées' }}
          counts={[
            { label: 'Factures', value: formatInteger(r.invoices) },
            { label: 'Créées', value: formatInteger(r.created) },
            { label: 'Inchangées', value: formatInteger(r.unchanged) },
            { label: 'Montant HT', value: euros(r.amount), className: 'num nowrap' },
          ]}
        />
      )}
    />
  );
}
