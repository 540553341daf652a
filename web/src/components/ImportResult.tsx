import type { ReactNode, Ref } from 'react';
import { formatInteger, plural } from '../lib/format.ts';
import { Alert, TableScroll } from './ui.tsx';

/** One count of an import's result: its column's heading, its value, the cell's class (`num` when absent). */
export interface ImportCount {
  label: string;
  value: ReactNode;
  className?: string;
}

/** The counts of an import that creates, updates or leaves records unchanged. */
/** What a created / updated / unchanged import did, said once for the live region. */
export function changeAnnouncement(r: { dryRun: boolean; rows: number; created: number; updated: number; unchanged: number }): string {
  return `${r.dryRun ? 'Vérification terminée' : 'Import terminé'} : ${plural(r.rows, 'ligne lue', 'lignes lues')}, ${plural(r.created, 'créé', 'créés')}, ${plural(r.updated, 'mis à jour', 'mis à jour')}, ${plural(r.unchanged, 'inchangé', 'inchangés')}.`;
}

export function changeCounts(result: { created: number; updated: number; unchanged: number }): ImportCount[] {
  return [
    { label: 'Créés', value: formatInteger(result.created) },
    { label: 'Mis à jour', value: formatInteger(result.updated) },
    { label: 'Inchangés', value: formatInteger(result.unchanged) },
  ];
}

/**
 * What an import did (or would do, when only checked): the rows read, then its own counts. `details` follows the
 * rows read in the summary (e.g. «, 2 factures pour 10 € HT»); `caption` is the table's, checked or imported.
 */
export function ImportResult({
  result,
  fileName,
  focusRef,
  caption,
  counts,
  details,
}: {
  result: { rows: number; dryRun: boolean };
  fileName: string;
  focusRef: Ref<HTMLDivElement>;
  caption: { dryRun: string; done: string };
  counts: ImportCount[];
  details?: ReactNode;
}) {
  return (
    <>
      <Alert tone="success" title={result.dryRun ? 'Fichier vérifié : aucune erreur, rien n’a été enregistré' : 'Import terminé'} focusRef={focusRef}>
        <p>
          {fileName} : {plural(result.rows, 'ligne lue', 'lignes lues')}
          {details}.{result.dryRun ? ' Décochez « Vérifier seulement » pour l’importer.' : ''}
        </p>
      </Alert>
      <TableScroll label="Résultat de l'import" compact>
        <table className="table table-compact">
          <caption>{result.dryRun ? caption.dryRun : caption.done}</caption>
          <thead>
            <tr>
              <th scope="col">Lignes lues</th>
              {counts.map((c) => (
                <th key={c.label} scope="col" className="num">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{formatInteger(result.rows)}</th>
              {counts.map((c) => (
                <td key={c.label} className={c.className ?? 'num'}>
                  {c.value}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
