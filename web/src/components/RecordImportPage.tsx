import { useTitle } from '../lib/hooks.ts';
import { FileColumns, type FileColumn } from './FileColumns.tsx';
import { RecordFileImport, type RecordFileImportProps } from './RecordFileImport.tsx';
import { PageHeader } from './ui.tsx';

/**
 * A page importing records from a file (CSV or XLSX): its header, the columns expected (`columnsId` names the
 * section's heading), then the import form and its result (`RecordFileImport`).
 */
export function RecordImportPage<R extends { dryRun: boolean }>({
  title,
  breadcrumb,
  lead,
  columnsId,
  columnsCaption,
  columns,
  ...importProps
}: RecordFileImportProps<R> & {
  title: string;
  breadcrumb: { to: string; label: string }[];
  lead: string;
  columnsId: string;
  columnsCaption: string;
  columns: readonly FileColumn[];
}) {
  useTitle(title);
  return (
    <>
      <PageHeader title={title} breadcrumb={breadcrumb} lead={lead} />
      <section className="section" aria-labelledby={columnsId}>
        <h2 id={columnsId}>Colonnes attendues</h2>
        <p>
          En-têtes : {columns.map((c) => c.headers[0]).join(', ')}. L'ordre des colonnes est libre ; les autres noms d'en-tête usuels sont reconnus.
        </p>
        <FileColumns caption={columnsCaption} columns={columns} />
      </section>
      <RecordFileImport {...importProps} />
    </>
  );
}
