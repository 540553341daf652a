import { api, type DocumentFormat } from '../../api/endpoints.ts';
import type { AgreementDetail } from '../../lib/agreements.ts';
import { formatCivilDate } from '../../lib/format.ts';

const FORMATS: { format: DocumentFormat; label: string }[] = [
  { format: 'docx', label: 'Word (.docx)' },
  { format: 'pdf', label: 'PDF' },
];

/** Two download links; the hidden part of each name says which document it is, for links read out of context. */
function DocumentLinks({ name, urlOf }: { name: string; urlOf(format: DocumentFormat): string }) {
  return (
    <ul className="export-list">
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

/** The documents generated from the record: the agreement, each amendment, each exit's acknowledgement. */
export function AgreementDocuments({ agreement }: { agreement: AgreementDetail }) {
  return (
    <section className="section" aria-labelledby="documents">
      <h2 id="documents">Documents</h2>
      <p className="muted">
        Produits à la demande à partir de la fiche : en Word, selon le modèle du fournisseur (modifiable avant signature), ou en PDF.
      </p>
      <div className="panel document-list">
        <h3>La convention</h3>
        <DocumentLinks name="la convention" urlOf={(format) => api.documents.agreementUrl(agreement.id, format)} />
        {agreement.amendments.length ? (
          <>
            <h3>Avenants</h3>
            <ul className="plain-list">
              {agreement.amendments.map((a) => (
                <li key={a.id}>
                  <p>
                    Avenant n° {a.number} : {a.subject}
                  </p>
                  <DocumentLinks name={`avenant n° ${a.number}`} urlOf={(format) => api.documents.amendmentUrl(agreement.id, a.id, format)} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {agreement.exitRequests.length ? (
          <>
            <h3>Accusés de réception des dénonciations</h3>
            <ul className="plain-list">
              {agreement.exitRequests.map((e) => (
                <li key={e.id}>
                  <p>
                    {e.organisationName}, dénonciation reçue le {formatCivilDate(e.receivedOn)}
                  </p>
                  <DocumentLinks
                    name={`accusé de réception de la dénonciation de ${e.organisationName} reçue le ${formatCivilDate(e.receivedOn)}`}
                    urlOf={(format) => api.documents.exitAcknowledgementUrl(agreement.id, e.id, format)}
                  />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  );
}
