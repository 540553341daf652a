import { Alert, TableScroll } from '../ui.tsx';
import { plural } from '../../lib/format.ts';

/** « ligne 5, unités » → row 5, column « unités »; a path naming no row (the file itself) keeps its words. */
export function placeOfIssue(path: string): { row: string; column: string } {
  const match = /^ligne (\d+)(?:, (.+))?$/.exec(path);
  if (match) return { row: match[1]!, column: match[2] ?? 'en-tête ou ligne entière' };
  return { row: '—', column: path === 'body' || !path ? 'fichier' : path };
}

/** The errors of a refused import, each with its row and column, as the spreadsheet shows them. */
export function ImportErrorsTable({ message, issues, focusRef }: { message: string; issues: readonly { path: string; message: string }[]; focusRef: React.Ref<HTMLDivElement> }) {
  return (
    <>
      <Alert tone="error" title="Import refusé : rien n'a été enregistré" focusRef={focusRef}>
        <p>{message}</p>
        <p>Corrigez le fichier puis importez-le à nouveau : l'import est tout ou rien.</p>
      </Alert>
      {issues.length ? (
        <TableScroll label="Erreurs du fichier">
          <table className="table">
            <caption>{plural(issues.length, 'erreur', 'erreurs')} du fichier, par ligne (la ligne 1 est l'en-tête)</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Ligne du fichier
                </th>
                <th scope="col">Colonne</th>
                <th scope="col">Erreur</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((issue, i) => {
                const place = placeOfIssue(issue.path);
                return (
                  <tr key={`${issue.path}-${i}`}>
                    <th scope="row" className="num">
                      {place.row}
                    </th>
                    <td>{place.column}</td>
                    <td>{issue.message}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}
