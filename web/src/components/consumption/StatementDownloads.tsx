import type { StatementFormat } from '../../api/statements.ts';

const FORMATS: { format: StatementFormat; label: string }[] = [
  { format: 'pdf', label: 'Télécharger en PDF' },
  { format: 'xlsx', label: 'Télécharger en tableur (.xlsx)' },
];

/** The statement as PDF and XLSX: plain links; the hidden part of each name says which statement, for links read out of context. */
export function StatementDownloads({ name, urlOf }: { name: string; urlOf(format: StatementFormat): string }) {
  return (
    <ul className="export-list statement-downloads">
      {FORMATS.map((f) => (
        <li key={f.format}>
          <a className="btn btn-secondary btn-small" href={urlOf(f.format)} download>
            {f.label}
            <span className="sr-only"> : {name}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
