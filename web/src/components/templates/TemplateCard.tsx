import { useState } from 'react';
import { api, type TemplateInfo } from '../../api/endpoints.ts';
import { Badge, errorMessage, TableScroll } from '../ui.tsx';
import { formatDateTime, plural } from '../../lib/format.ts';
import { TemplateUploadForm } from './TemplateUploadForm.tsx';

/** One kind of document: the template in force, its download, an upload, the way back to the built-in one, its tags. */
export function TemplateCard({ providerId, template, onChanged }: { providerId: string; template: TemplateInfo; onChanged(message: string): void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const headingId = `modele-${template.kind}`;

  async function reset() {
    setBusy(true);
    setFailure(null);
    try {
      await api.templates.reset(providerId, template.kind);
      onChanged(`Modèle « ${template.label} » : retour au modèle intégré.`);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section panel template-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{template.label}</h2>
      <p>
        {template.custom ? (
          <>
            <Badge tone="info">Modèle du fournisseur</Badge> {template.custom.fileName}, déposé le {formatDateTime(template.custom.uploadedAt)}
          </>
        ) : (
          <>
            <Badge tone="neutral">Modèle intégré</Badge> celui de Mutualis, tant qu'aucun modèle n'est déposé
          </>
        )}
      </p>
      <ul className="export-list">
        <li>
          <a className="btn btn-secondary btn-small" href={api.templates.downloadUrl(providerId, template.kind)} download>
            Télécharger le modèle en vigueur<span className="sr-only"> : {template.label}</span>
          </a>
        </li>
        {template.custom ? (
          <li>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => void reset()} disabled={busy}>
              {busy ? 'Retour…' : 'Revenir au modèle intégré'}
              <span className="sr-only"> : {template.label}</span>
            </button>
          </li>
        ) : null}
      </ul>
      {failure ? (
        <p className="field-error" role="alert">
          {failure}
        </p>
      ) : null}
      <h3>Déposer un modèle</h3>
      <TemplateUploadForm providerId={providerId} template={template} onUploaded={(fileName) => onChanged(`Modèle « ${template.label} » déposé : ${fileName}. Les documents Word le suivent désormais.`)} />
      <details className="template-tags">
        <summary>Balises disponibles ({plural(template.tags.length, 'balise', 'balises')})</summary>
        <TableScroll label={`Balises du modèle : ${template.label}`}>
          <table className="table table-compact">
            <caption className="sr-only">Balises utilisables dans le modèle « {template.label} », à écrire entre accolades</caption>
            <thead>
              <tr>
                <th scope="col">Balise</th>
                <th scope="col">Ce qu'elle affiche</th>
              </tr>
            </thead>
            <tbody>
              {template.tags.map((t) => (
                <tr key={t.tag}>
                  <th scope="row" className="mono">{`{${t.tag}}`}</th>
                  <td>{t.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </section>
  );
}
