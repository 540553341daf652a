import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { AgreementsTable } from '../components/AgreementBits.tsx';
import { AuditTable } from '../components/AuditTable.tsx';
import { ContactForm } from '../components/ContactForm.tsx';
import { MembershipForm } from '../components/MembershipForm.tsx';
import { Alert, Badge, DescriptionList, LoadError, Loading, PageHeader, TableScroll } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { contactName, formatCivilDate, formatDateTime, formatInteger, kindLabel, plural, roleLabel, statusLabel } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { actsForProvider } from '../lib/catalogue.ts';
import { useAccount, useCan } from '../lib/session.tsx';
import { MEMBERSHIP_STATUS_VALUES, type AuditEvent, type Contact, type OrganisationDetail } from '../shared.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

const AUDIT_PAGE = 20;

export function OrganisationPage() {
  const { id = '' } = useParams();
  return <OrganisationView id={id} key={id} />;
}

/** The member portal: the account's own organisation. */
export function MyOrganisationPage() {
  const account = useAccount();
  if (!account.organisationId) return <NotFoundPage title="Organisation introuvable" message="Votre compte n'est rattaché à aucune organisation." />;
  return <OrganisationView id={account.organisationId} portal />;
}

function Identity({ org }: { org: OrganisationDetail }) {
  const address = [org.addressLine1, org.addressLine2, [org.postalCode, org.city].filter(Boolean).join(' ')].filter(Boolean);
  return (
    <section className="section" aria-labelledby="identite-titre">
      <h2 id="identite-titre">Identité</h2>
      <DescriptionList
        items={[
          { term: 'Type', value: kindLabel(org.kind) },
          { term: 'SIREN', value: org.siren ? <span className="mono">{org.siren}</span> : null },
          { term: 'SIRET', value: org.siret ? <span className="mono">{org.siret}</span> : null },
          { term: 'Code INSEE', value: org.inseeCode ? <span className="mono">{org.inseeCode}</span> : null },
          { term: 'Département', value: org.departement },
          {
            term: 'Adresse',
            value: address.length ? (
              <address>
                {address.map((line, i) => (
                  <span key={i} className="block">
                    {line}
                  </span>
                ))}
              </address>
            ) : null,
          },
          { term: 'Population', value: org.population === null ? null : `${formatInteger(org.population)} habitants` },
          { term: 'EPCI de rattachement', value: org.parentEpciId ? <Link to={`/organisations/${org.parentEpciId}`}>{org.parentEpciName}</Link> : null },
          {
            term: 'Représentant',
            value: org.representativeName ? `${org.representativeName}${org.representativeTitle ? `, ${org.representativeTitle}` : ''}` : null,
          },
          ...(org.isProvider ? [{ term: 'Fournisseur de services', value: `Oui${org.providerShortName ? ` (sigle : ${org.providerShortName})` : ''}` }] : []),
          { term: 'Dernière mise à jour', value: <time dateTime={org.updatedAt}>{formatDateTime(org.updatedAt)}</time> },
        ]}
      />
    </section>
  );
}

function MemberCounts({ org }: { org: OrganisationDetail }) {
  if (!org.isProvider || !org.memberCounts) return null;
  const counts = org.memberCounts as Partial<Record<string, number>>;
  const link = (status?: string) => `/organisations?${new URLSearchParams({ providerId: org.id, ...(status ? { membershipStatus: status } : {}) })}`;
  const total = MEMBERSHIP_STATUS_VALUES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  return (
    <section className="section" aria-labelledby="adherents-titre">
      <h2 id="adherents-titre">Organisations liées à ce fournisseur</h2>
      <ul className="stats">
        {MEMBERSHIP_STATUS_VALUES.map((s) => (
          <li className="stat" key={s}>
            <span className="stat-value">{formatInteger(counts[s] ?? 0)}</span>
            <Link className="stat-label" to={link(s)}>
              {statusLabel(s)}
              <span className="sr-only"> : voir la liste</span>
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to={link()}>Voir les {plural(total, 'organisation liée', 'organisations liées')} dans le registre</Link>
      </p>
    </section>
  );
}

function Providers({ org, canWrite, onSaved }: { org: OrganisationDetail; canWrite: boolean; onSaved(message: string): void }) {
  const account = useAccount();
  const providers = useResource(() => (canWrite ? api.providers.list() : Promise.resolve([])), `providers-${canWrite}`);
  // A member reads the catalogues of its providers; provider staff, the catalogue of their own provider.
  const catalogueVisible = (providerId: string) => account.side === 'member' || actsForProvider(account, providerId);
  const withCatalogue = org.providers.some((m) => catalogueVisible(m.providerId));
  return (
    <section className="section" aria-labelledby="fournisseurs-titre">
      <h2 id="fournisseurs-titre">Fournisseurs</h2>
      {org.providers.length === 0 ? (
        <p>Cette organisation n'est liée à aucun fournisseur{canWrite ? '' : ' visible'}.</p>
      ) : (
        <TableScroll label="Liens avec les fournisseurs">
          <table className="table">
            <caption>Fournisseurs auxquels {org.name} est liée</caption>
            <thead>
              <tr>
                <th scope="col">Fournisseur</th>
                <th scope="col">Statut</th>
                <th scope="col">Depuis le</th>
                <th scope="col">Jusqu'au</th>
                {withCatalogue ? <th scope="col">Catalogue et tarifs</th> : null}
              </tr>
            </thead>
            <tbody>
              {org.providers.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link to={`/organisations/${m.providerId}`}>{m.providerName}</Link>
                  </th>
                  <td>
                    <Badge tone={m.status === 'member' ? 'success' : m.status === 'prospect' ? 'info' : 'muted'}>{statusLabel(m.status)}</Badge>
                  </td>
                  <td>{formatCivilDate(m.since)}</td>
                  <td>{formatCivilDate(m.until)}</td>
                  {withCatalogue ? (
                    <td>
                      {catalogueVisible(m.providerId) ? (
                        <ul className="inline-links">
                          <li>
                            <Link to={`/fournisseurs/${m.providerId}/catalogue`}>
                              Catalogue<span className="sr-only"> de {m.providerName}</span>
                            </Link>
                          </li>
                          <li>
                            <Link to={`/fournisseurs/${m.providerId}/tarifs`}>
                              Tarifs<span className="sr-only"> de {m.providerName}</span>
                            </Link>
                          </li>
                        </ul>
                      ) : (
                        '—'
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canWrite && providers.data ? (
        <MembershipForm
          memberId={org.id}
          providers={providers.data}
          links={org.providers}
          onSaved={(saved) => onSaved(`Lien enregistré : ${statusLabel(saved.status).toLowerCase()} de ${saved.providerName}.`)}
        />
      ) : null}
    </section>
  );
}

/**
 * The agreements this organisation is party to: those of a provider, and those naming it as a member. The list
 * gives members by name only (no organisation filter in the API yet), so members are matched by name.
 */
function Agreements({ org }: { org: OrganisationDetail }) {
  const agreements = useResource((signal) => api.agreements.list(undefined, signal), `agreements-of-${org.id}`);
  const mine = agreements.data?.filter((a) => a.providerId === org.id || a.members.includes(org.name));
  return (
    <section className="section" aria-labelledby="conventions-titre" aria-busy={agreements.loading}>
      <div className="section-header">
        <h2 id="conventions-titre">Conventions</h2>
        {org.isProvider ? <Link to={`/calendrier?${new URLSearchParams({ providerId: org.id })}`}>Calendrier des échéances<span className="sr-only"> de {org.name}</span></Link> : null}
      </div>
      {agreements.error ? <LoadError error={agreements.error} retry={agreements.reload} /> : null}
      {agreements.loading && !agreements.data ? <Loading /> : null}
      {mine ? (
        mine.length === 0 ? (
          <p className="empty">Aucune convention {org.isProvider ? 'de ce fournisseur' : 'ne nomme cette organisation'}.</p>
        ) : (
          <AgreementsTable
            agreements={mine}
            label={`Conventions de ${org.name}`}
            caption={`${org.isProvider ? 'Conventions du fournisseur' : 'Conventions dont'} ${org.name}${org.isProvider ? '' : ' est partie'} (${plural(mine.length, 'convention', 'conventions')})`}
            showProvider={!org.isProvider || mine.some((a) => a.providerId !== org.id)}
          />
        )
      ) : null}
    </section>
  );
}

function Contacts({ org, canWrite, onChanged }: { org: OrganisationDetail; canWrite: boolean; onChanged(): void }) {
  const contacts = useResource(() => api.contacts.list(org.id), `contacts-${org.id}`);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const announce = useAnnounce();

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  function saved(contact: Contact, created: boolean) {
    setEditing(null);
    const text = `${created ? 'Contact ajouté' : 'Contact enregistré'} : ${contactName(contact)}.`;
    setMessage(text);
    announce(text);
    contacts.reload();
    onChanged();
  }

  const list = contacts.data ?? [];
  return (
    <section className="section" aria-labelledby="contacts-titre">
      <div className="section-header">
        <h2 id="contacts-titre">Contacts</h2>
        {canWrite && editing === null ? (
          <button
            type="button"
            className="btn btn-secondary btn-small"
            ref={addRef}
            onClick={() => {
              setMessage(null);
              setEditing('new');
            }}
          >
            Ajouter un contact
          </button>
        ) : null}
      </div>
      {message ? (
        <Alert tone="success" focusRef={messageRef}>
          <p>{message}</p>
        </Alert>
      ) : null}
      {contacts.error ? <LoadError error={contacts.error} retry={contacts.reload} /> : null}
      {contacts.loading && !contacts.data ? <Loading /> : null}
      {contacts.data ? (
        list.length === 0 ? (
          <p>Aucun contact enregistré.</p>
        ) : (
          <TableScroll label="Contacts de l'organisation">
            <table className="table">
              <caption>
                Contacts de {org.name} ({plural(list.length, 'contact', 'contacts')}, dont {plural(list.filter((c) => c.active).length, 'actif', 'actifs')})
              </caption>
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Fonction</th>
                  <th scope="col">Rôles</th>
                  <th scope="col">Coordonnées</th>
                  <th scope="col">État</th>
                  {canWrite ? (
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.id} className={c.active ? undefined : 'is-inactive'}>
                    <th scope="row">{contactName(c)}</th>
                    <td>{c.jobTitle ?? '—'}</td>
                    <td>
                      {c.roles.length ? (
                        <ul className="plain-list">
                          {c.roles.map((r) => (
                            <li key={r}>{roleLabel(r)}</li>
                          ))}
                        </ul>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      {c.email || c.phone ? (
                        <ul className="plain-list">
                          {c.email ? (
                            <li>
                              <a href={`mailto:${c.email}`}>{c.email}</a>
                            </li>
                          ) : null}
                          {c.phone ? (
                            <li>
                              <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a>
                            </li>
                          ) : null}
                        </ul>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{c.active ? <Badge tone="success">Actif</Badge> : <Badge tone="muted">Inactif</Badge>}</td>
                    {canWrite ? (
                      <td>
                        <button
                          type="button"
                          className="btn btn-link"
                          onClick={() => {
                            setMessage(null);
                            setEditing(c);
                          }}
                        >
                          Modifier<span className="sr-only"> {contactName(c)}</span>
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )
      ) : null}
      {editing !== null && contacts.data ? (
        <ContactForm
          key={editing === 'new' ? 'new' : editing.id}
          organisationId={org.id}
          contact={editing === 'new' ? null : editing}
          contacts={list}
          onSaved={(contact) => saved(contact, editing === 'new')}
          onCancel={() => {
            setEditing(null);
            setTimeout(() => addRef.current?.focus(), 0);
          }}
        />
      ) : null}
    </section>
  );
}

function AuditTrail({ org, generation }: { org: OrganisationDetail; generation: number }) {
  const [older, setOlder] = useState<AuditEvent[]>([]);
  const [more, setMore] = useState<{ loading: boolean; error: Error | null; exhausted: boolean }>({ loading: false, error: null, exhausted: false });
  const first = useResource(() => api.audit.list({ organisationId: org.id, limit: AUDIT_PAGE }), `audit-${org.id}-${generation}`);
  useEffect(() => {
    setOlder([]);
    setMore({ loading: false, error: null, exhausted: false });
  }, [first.data]);
  const events = [...(first.data ?? []), ...older];
  const names: Record<string, string> = Object.fromEntries(org.providers.map((p) => [p.providerId, p.providerName]));
  if (org.parentEpciId && org.parentEpciName) names[org.parentEpciId] = org.parentEpciName;

  async function loadMore() {
    const last = events[events.length - 1];
    if (!last) return;
    setMore({ loading: true, error: null, exhausted: false });
    try {
      const next = await api.audit.list({ organisationId: org.id, limit: AUDIT_PAGE, beforeId: last.id });
      setOlder((o) => [...o, ...next]);
      setMore({ loading: false, error: null, exhausted: next.length < AUDIT_PAGE });
    } catch (error) {
      setMore({ loading: false, error: error instanceof Error ? error : new Error(String(error)), exhausted: false });
    }
  }

  return (
    <section className="section" aria-labelledby="journal-titre" aria-busy={first.loading || more.loading}>
      <h2 id="journal-titre">Journal des modifications</h2>
      {first.error ? <LoadError error={first.error} retry={first.reload} /> : null}
      {first.loading && !first.data ? <Loading /> : null}
      {first.data ? (
        events.length === 0 ? (
          <p>Aucun événement enregistré.</p>
        ) : (
          <>
            <AuditTable events={events} names={names} caption={`Historique de ${org.name}, du plus récent au plus ancien`} />
            {more.error ? <LoadError error={more.error} /> : null}
            {!more.exhausted && first.data.length === AUDIT_PAGE ? (
              <p>
                <button type="button" className="btn btn-secondary btn-small" onClick={loadMore} disabled={more.loading}>
                  {more.loading ? 'Chargement…' : 'Afficher les événements plus anciens'}
                </button>
              </p>
            ) : first.data.length === AUDIT_PAGE ? (
              <p className="muted">Tous les événements sont affichés.</p>
            ) : null}
          </>
        )
      ) : null}
    </section>
  );
}

function OrganisationView({ id, portal = false }: { id: string; portal?: boolean }) {
  const allowed = useCan();
  const account = useAccount();
  const location = useLocation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [generation, setGeneration] = useState(0);
  const detail = useResource(() => api.organisations.get(id), `org-${id}-${generation}`);
  const flashFromNavigation = (location.state as { flash?: string } | null)?.flash ?? null;
  const [flash, setFlash] = useState<string | null>(flashFromNavigation);
  const flashRef = useRef<HTMLDivElement>(null);
  const org = detail.data;
  useTitle(org ? (portal ? `Mon organisation : ${org.name}` : org.name) : detail.error ? 'Organisation introuvable' : 'Organisation');

  useEffect(() => {
    if (flashFromNavigation) {
      announce(flashFromNavigation);
      // The message is shown once: going back to this page later does not repeat it.
      navigate(location.pathname, { replace: true, state: null });
    }
  }, []);
  useEffect(() => {
    if (flash && generation > 0) flashRef.current?.focus();
  }, [flash, generation]);

  if (detail.error instanceof ApiError && detail.error.status === 404) {
    return <NotFoundPage title="Organisation introuvable" message="Cette organisation n'existe pas, ou vous n'avez pas accès à sa fiche." />;
  }
  if (!org) {
    return (
      <>
        <PageHeader title={portal ? 'Mon organisation' : 'Organisation'} />
        {detail.error ? <LoadError error={detail.error} retry={detail.reload} /> : <Loading />}
      </>
    );
  }

  const refresh = () => setGeneration((g) => g + 1);
  const member = account.side === 'member';
  return (
    <>
      <PageHeader
        title={portal ? `Mon organisation : ${org.name}` : org.name}
        breadcrumb={member ? undefined : [{ to: '/organisations', label: 'Registre' }]}
        lead={
          <>
            {kindLabel(org.kind)}
            {org.departement ? ` · département ${org.departement}` : ''}
            {org.isProvider ? ' · fournisseur de services' : ''}
          </>
        }
        actions={
          allowed('organisation:write') || org.isProvider ? (
            <>
              {org.isProvider ? (
                <>
                  <Link className="btn btn-secondary" to={`/fournisseurs/${org.id}/catalogue`}>
                    Catalogue<span className="sr-only"> de {org.name}</span>
                  </Link>
                  <Link className="btn btn-secondary" to={`/fournisseurs/${org.id}/tarifs`}>
                    Tarifs<span className="sr-only"> de {org.name}</span>
                  </Link>
                </>
              ) : null}
              {allowed('organisation:write') ? (
                <Link className="btn btn-primary" to={`/organisations/${org.id}/modifier`}>
                  Modifier<span className="sr-only"> l'organisation {org.name}</span>
                </Link>
              ) : null}
            </>
          ) : null
        }
      />
      {flash ? (
        <Alert tone="success" focusRef={flashRef}>
          <p>{flash}</p>
        </Alert>
      ) : null}
      {org.missingCli ? (
        <Alert tone="warning" title="Aucun correspondant local informatique (CLI) actif">
          <p>
            La convention demande à chaque adhérent de désigner un CLI, interlocuteur unique du service.
            {allowed('contact:write') ? ' Ajoutez un contact avec le rôle « Correspondant local informatique (CLI) ».' : ''}
          </p>
        </Alert>
      ) : null}
      <div className="two-columns">
        <Identity org={org} />
        <div>
          <Providers
            org={org}
            canWrite={!member && allowed('membership:write')}
            onSaved={(message) => {
              setFlash(message);
              announce(message);
              refresh();
            }}
          />
          <MemberCounts org={org} />
        </div>
      </div>
      <Agreements org={org} />
      <Contacts org={org} canWrite={allowed('contact:write')} onChanged={refresh} />
      {allowed('audit:read') ? <AuditTrail org={org} generation={generation} /> : null}
    </>
  );
}
