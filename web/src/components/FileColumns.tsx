import { TableScroll } from './ui.tsx';

export interface FileColumn {
  /** The header to write first, then the other names the server accepts (any case). */
  headers: readonly string[];
  required: boolean;
  content: string;
}

/** The columns an import file may have: their header, the other names accepted, what goes in. */
export function FileColumns({ caption, columns }: { caption: string; columns: readonly FileColumn[] }) {
  return (
    <TableScroll label={caption} compact>
      <table className="table table-compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Colonne</th>
            <th scope="col">Obligatoire</th>
            <th scope="col">Contenu</th>
            <th scope="col">Autres en-têtes acceptés</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.headers[0]}>
              <th scope="row" className="mono">
                {c.headers[0]}
              </th>
              <td>{c.required ? 'oui' : 'non'}</td>
              <td>{c.content}</td>
              <td>{c.headers.slice(1).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
