import type { Ref } from 'react';
import type { TimeImportResult as Result } from '../../api/consumption-records.ts';
import { formatInteger, plural } from '../../lib/format.ts';
import { Alert, TableScroll } from '../ui.tsx';

/** What a time import did (or would do, when only checked): rows read, entries created, updated, unchanged. */
export function TimeImportResult({ result, fileName, focusRef }: { result: Result; fileName: string; focusRef: Ref<HTMLDivElement> }) {
  return (
    <>
      <Alert tone="success" title={result.dryRun ? 'Fichier vérifié : aucune erreur, rien n’a été enregistré' : 'Import terminé'} focusRef={focusRef}>
        <p>
          {fileName} : {plural(result.rows, 'ligne lue', 'lignes lues')}.{result.dryRun ? ' Décochez « Vérifier seulement » pour l’importer.' : ''}
        </p>
      </Alert>
      <TableScroll label="Résultat de l'import" compact>
        <table className="table table-compact">
          <caption>{result.dryRun ? 'Temps que l’import créerait, mettrait à jour ou laisserait inchangés' : 'Temps créés, mis à jour et inchangés'}</caption>
          <thead>
            <tr>
              <th scope="col">Lignes lues</th>
              <th scope="col" className="num">
                Créés
              </th>
              <th scope="col" className="num">
                Mis à jour
              </th>
              <th scope="col" className="num">
                Inchangés
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{formatInteger(result.rows)}</th>
              <td className="num">{formatInteger(result.created)}</td>
              <td className="num">{formatInteger(result.updated)}</td>
              <td className="num">{formatInteger(result.unchanged)}</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
