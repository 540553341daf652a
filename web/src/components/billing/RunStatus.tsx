import { Link } from 'react-router';
import type { RunPreview } from '../../api/billing.ts';
import { frenchText } from '../../lib/agreements.ts';
import { formatCivilDate, plural } from '../../lib/format.ts';
import { Alert } from '../ui.tsx';
import { PesExportButton } from './PesExport.tsx';

/** Why the run cannot be issued (the server's blockers) or what to know before issuing it (its warnings), or that it was issued already, with a link to its titles and its PES file. */
export function RunStatus({ preview, blockersId }: { preview: RunPreview; blockersId: string }) {
  if (preview.issued) {
    const issued = preview.issued;
    return (
      <Alert tone="info" title={`${preview.periodLabel} : déjà émise`}>
        <p>
          Émise le {formatCivilDate(issued.issuedOn)} par <span className="break-word">{issued.actorLabel}</span> : {plural(issued.documents, 'document', 'documents')}. Les titres émis ne se modifient plus ; le détail
          ci-dessous est celui des titres émis.
        </p>
        <p>
          <Link to={`/titres?${new URLSearchParams({ emission: issued.runId })}`}>Voir les titres de cette émission</Link>
        </p>
        <PesExportButton runId={issued.runId} providerId={preview.providerId} />
      </Alert>
    );
  }
  // Blockers stop the run; warnings (a title issued after its window) are to be known before issuing.
  const blocked = preview.blockers.length > 0;
  const reasons = blocked ? preview.blockers : preview.warnings;
  if (!reasons.length) return null;
  return (
    <Alert tone={blocked ? 'warning' : 'info'} id={blockersId} title={blocked ? 'Émission impossible pour l’instant' : 'À savoir avant d’émettre'}>
      <ul>
        {reasons.map((r) => (
          <li key={r}>{frenchText(r)}</li>
        ))}
      </ul>
    </Alert>
  );
}
