import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, type Issue } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { useAnnounce } from '../../lib/announcer.tsx';
import { plural } from '../../lib/format.ts';
import { Alert, errorMessage } from '../ui.tsx';

/** Saves a fetched file under its name: an object address, a temporary link with `download`, clicked then removed. */
function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Outcome = { kind: 'saved'; fileName: string } | { kind: 'refused'; message: string; issues: Issue[]; settings: boolean };

/**
 * « Fichier PES (XML) »: the run's receivable titles for the public accountant. Fetched rather than linked since the
 * server refuses a file that fails its validation (422) with every element at fault: then its message and issues
 * (path and message) are shown under the button, and announced; a file that passes is downloaded.
 */
export function PesExportButton({ runId, providerId }: { runId: string; providerId: string }) {
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const alertId = `pes-${runId}`;
  useEffect(() => {
    if (outcome?.kind === 'refused') alertRef.current?.focus();
  }, [outcome]);

  async function run() {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    try {
      const { blob, fileName } = await api.billing.pesFile(runId);
      const name = fileName ?? `PES-${runId.slice(0, 8)}.xml`;
      saveFile(blob, name);
      setOutcome({ kind: 'saved', fileName: name });
      announce(`Fichier PES téléchargé : ${name}.`);
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues : [];
      const said = errorMessage(error);
      // « Fichier PES refusé par la validation : … » says it already; « Paramètres PES manquants » does not.
      const message = /^Fichier PES/.test(said) ? said : `Fichier PES refusé : ${said}`;
      setOutcome({ kind: 'refused', message, issues, settings: issues.some((i) => i.path === 'pes-settings') });
      announce(`${message}${issues.length ? ` (${plural(issues.length, 'point à corriger', 'points à corriger')})` : ''}.`);
    } finally {
      setBusy(false);
    }
  }

  // The button stays enabled (and focused) while the file is prepared: a second press does nothing.
  return (
    <div className="pes-export">
      <button type="button" className="btn btn-secondary" onClick={() => void run()} aria-disabled={busy || undefined} aria-describedby={outcome?.kind === 'refused' ? alertId : undefined}>
        {busy ? 'Préparation du fichier PES…' : 'Fichier PES (XML)'}
      </button>
      {outcome?.kind === 'saved' ? (
        <p className="small">
          Fichier PES téléchargé : <span className="mono break-word">{outcome.fileName}</span>.
        </p>
      ) : null}
      {outcome?.kind === 'refused' ? (
        <Alert tone="error" id={alertId} focusRef={alertRef} title={outcome.message}>
          {outcome.issues.length ? (
            <ul className="pes-issues">
              {outcome.issues.map((issue, i) => (
                <li key={i}>
                  <code>{issue.path}</code> : {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
          {outcome.settings ? (
            <p>
              <Link to={`/facturation/pes/${providerId}`}>Renseigner les paramètres PES du fournisseur</Link>
            </p>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}
