import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { ContactForm } from '../ContactForm.tsx';
import { Alert, Badge, LoadError, Loading, TableScroll } from '../ui.tsx';
import { useAnnounce } from '../../lib/announcer.tsx';
import { contactName, plural, roleLabel } from '../../lib/format.ts';
import { useResource } from '../../lib/hooks.ts';
import type { Contact, OrganisationDetail } from '../../shared.ts';

/** The organisation's contacts, with the contact form for staff allowed to add or edit one. */
export function OrganisationContacts({ org, canWrite, onChanged }: { org: OrganisationDetail; canWrite: boolean; onChanged(): void }) {
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
