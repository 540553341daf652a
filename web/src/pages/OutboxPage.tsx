import { useEffect, useState } from 'react';
import { api, type OutboxMail } from '../api/endpoints.ts';
import { Alert, Badge, LoadError, Loading, PageHeader, TableScroll } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { formatDateTime, plural } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';

const LIMIT = 100;

const STATUSES: Record<string, { label: string; tone: 'success' | 'info' | 'warning' }> = {
  captured: { label: 'Capturé (non envoyé)', tone: 'info' },
  sent: { label: 'Envoyé', tone: 'success' },
  failed: { label: "Échec de l'envoi", tone: 'warning' },
};

const KINDS: Record<string, string> = { reminder: "Rappel d'échéance", security_withdrawal: 'Retrait d’un service pour raison de sécurité' };

function MailStatus({ mail }: { mail: OutboxMail }) {
  const status = STATUSES[mail.status] ?? { label: mail.status, tone: 'info' as const };
  return (
    <>
      <Badge tone={status.tone}>{status.label}</Badge>
      {mail.error ? <span className="block small">{mail.error}</span> : null}
    </>
  );
}

/** Platform administrators: every mail the application sent, or captured when no SMTP server is configured. */
export function OutboxPage() {
  useTitle("Boîte d'envoi");
  const announce = useAnnounce();
  const [generation, setGeneration] = useState(0);
  const mails = useResource(() => api.outbox.list(LIMIT), `outbox-${generation}`);

  useEffect(() => {
    if (mails.data && !mails.loading && generation > 0) announce(`Boîte d'envoi actualisée : ${plural(mails.data.length, 'courriel', 'courriels')}.`);
  }, [mails.data, mails.loading]);

  return (
    <>
      <PageHeader
        title="Boîte d'envoi"
        lead="Les courriels de la plateforme (rappels d'échéance des conventions, retraits de services pour raison de sécurité), du plus récent au plus ancien."
        actions={
          <button type="button" className="btn btn-secondary" onClick={() => setGeneration((g) => g + 1)} disabled={mails.loading}>
            Actualiser
          </button>
        }
      />
      <Alert tone="info" title="Courriels capturés sans serveur SMTP">
        <p>
          Tant qu'aucun serveur d'envoi n'est configuré (variable d'environnement <code>MUTUALIS_SMTP_URL</code>, par exemple{' '}
          <code>smtp://utilisateur:motdepasse@serveur:587</code>), les courriels ne partent pas : ils sont capturés ici, avec le statut « Capturé ». C'est le
          collecteur de courriels de développement. Avec un serveur configuré, chaque courriel est envoyé puis gardé ici avec son statut.
        </p>
        <p>Les rappels sont préparés au démarrage du serveur puis toutes les heures, 30 et 7 jours avant chaque échéance, et jamais deux fois.</p>
      </Alert>
      <section className="section" aria-labelledby="courriels-titre" aria-busy={mails.loading}>
        <h2 id="courriels-titre">Courriels</h2>
        {mails.error ? <LoadError error={mails.error} retry={mails.reload} /> : null}
        {mails.loading && !mails.data ? <Loading /> : null}
        {mails.data ? (
          mails.data.length === 0 ? (
            <p className="empty">Aucun courriel pour l'instant : aucune échéance n'a encore donné lieu à un rappel.</p>
          ) : (
            <TableScroll label="Courriels de la boîte d'envoi">
              <table className="table outbox-table">
                <caption>
                  {mails.data.length === LIMIT ? `Les ${LIMIT} courriels les plus récents` : plural(mails.data.length, 'courriel', 'courriels')}, du plus récent au
                  plus ancien ; ouvrez l'objet pour lire le message
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Destinataire</th>
                    <th scope="col">Objet et message</th>
                    <th scope="col">Type</th>
                    <th scope="col">Statut</th>
                  </tr>
                </thead>
                <tbody>
                  {mails.data.map((mail) => (
                    <tr key={mail.id}>
                      <td className="nowrap">
                        <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt)}</time>
                      </td>
                      <td>{mail.recipient}</td>
                      <td className="outbox-subject">
                        <details>
                          <summary>{mail.subject}</summary>
                          <pre className="mail-body">{mail.body}</pre>
                        </details>
                      </td>
                      <td>{KINDS[mail.kind] ?? mail.kind}</td>
                      <td>
                        <MailStatus mail={mail} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        ) : null}
      </section>
    </>
  );
}
