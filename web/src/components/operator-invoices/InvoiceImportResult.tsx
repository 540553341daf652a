import type { Ref } from 'react';
import type { InvoiceImportResult as Result } from '../../api/consumption-records.ts';
import { euros } from '../../lib/catalogue.ts';
import { formatInteger, plural } from '../../lib/format.ts';
import { Alert, TableScroll } from '../ui.tsx';

/** What an invoice import did (or would do): rows read, invoices found, created, already there, their amount excl. VAT. */
export function InvoiceImportResult({ result, fileName, focusRef }: { result: Result; fileName: string; focusRef: Ref<HTMLDivElement> }) {
  return (
    <>
      <Alert tone="success" title={result.dryRun ? 'Fichier vérifié : aucune erreur, rien n’a été enregistré' : 'Import terminé'} focusRef={focusRef}>
        <p>
          {fileName} : {plural(result.rows, 'ligne lue', 'lignes lues')}, {plural(result.invoices, 'facture', 'factures')} pour {euros(result.amount)} HT.
          {result.dryRun ? ' Décochez « Vérifier seulement » pour l’importer.' : ''}
        </p>
      </Alert>
      <TableScroll label="Résultat de l'import" compact>
        <table className="table table-compact">
          <caption>{result.dryRun ? 'Factures que l’import créerait ou laisserait inchangées' : 'Factures créées et inchangées'}</caption>
          <thead>
            <tr>
              <th scope="col">Lignes lues</th>
              <th scope="col" className="num">
                Factures
              </th>
              <th scope="col" className="num">
                Créées
              </th>
              <th scope="col" className="num">
                Inchangées
              </th>
              <th scope="col" className="num">
                Montant HT
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{formatInteger(result.rows)}</th>
              <td className="num">{formatInteger(result.invoices)}</td>
              <td className="num">{formatInteger(result.created)}</td>
              <td className="num">{formatInteger(result.unchanged)}</td>
              <td className="num nowrap">{euros(result.amount)}</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
