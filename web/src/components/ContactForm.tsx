import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { contactName } from '../lib/format.ts';
import { CONTACT_ROLES, CONTACT_ROLE_VALUES, cliConflict, contactCreateSchema, contactUpdateSchema, type Contact, type ContactRole } from '../shared.ts';
import { CheckboxField, CheckboxGroup, ErrorSummary, SelectField, splitIssues, TextField, type FieldErrors } from './forms.tsx';
import { errorMessage } from './ui.tsx';
import { useFormErrors } from '../lib/form-errors.ts';

const LABELS = {
  civility: 'Civilité',
  firstName: 'Prénom',
  lastName: 'Nom',
  jobTitle: 'Fonction',
  email: 'Adresse électronique',
  phone: 'Téléphone',
  roles: 'Rôles',
  active: 'Contact actif',
};

interface Draft {
  civility: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  email: string;
  phone: string;
  roles: ContactRole[];
  active: boolean;
}

function draftOf(contact: Contact | null): Draft {
  return {
    civility: contact?.civility ?? '',
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    jobTitle: contact?.jobTitle ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    roles: contact ? [...contact.roles] : [],
    active: contact?.active ?? true,
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Adds or edits a contact, with the contract's rules and the one-active-CLI rule checked before sending. */
export function ContactForm({
  organisationId,
  contact,
  contacts,
  onSaved,
  onCancel,
}: {
  organisationId: string;
  /** null to add a contact. */
  contact: Contact | null;
  /** The organisation's current contacts, for the one-active-CLI rule. */
  contacts: Contact[];
  onSaved(saved: Contact): void;
  onCancel(): void;
}) {
  const prefix = contact ? `contact-${contact.id.slice(0, 8)}` : 'nouveau-contact';
  const idOf = (field: string) => `${prefix}-${field}`;
  const [draft, setDraft] = useState<Draft>(() => draftOf(contact));
  const { errors, general, attempt, fail } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const payload = {
      civility: draft.civility === 'M.' || draft.civility === 'Mme' ? (draft.civility as 'M.' | 'Mme') : null,
      firstName: orNull(draft.firstName),
      lastName: draft.lastName.trim(),
      jobTitle: orNull(draft.jobTitle),
      email: orNull(draft.email),
      phone: orNull(draft.phone),
      roles: draft.roles,
      active: draft.active,
    };
    const parsed = contact ? contactUpdateSchema.safeParse({ ...payload, version: contact.version }) : contactCreateSchema.safeParse(payload);
    const fields: FieldErrors = parsed.success ? {} : splitIssues(parsed.error.issues, Object.keys(LABELS)).fields;
    const conflict = cliConflict({ id: contact?.id ?? '', active: payload.active, roles: payload.roles }, contacts);
    if (conflict) fields.roles ??= conflict;
    if (!parsed.success || Object.keys(fields).length) return fail(fields);
    setBusy(true);
    try {
      const saved = contact
        ? await api.contacts.update(contact.id, { ...payload, version: contact.version })
        : await api.contacts.create(organisationId, payload);
      onSaved(saved);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.isValidation) {
        const split = splitIssues(error.issues, Object.keys(LABELS));
        return fail(split.fields, split.general.length || Object.keys(split.fields).length ? split.general : [error.message]);
      }
      if (error instanceof ApiError && error.status === 409) return fail({}, [`${error.message}.`]);
      fail({}, [errorMessage(error)]);
    }
  }

  const title = contact ? `Modifier le contact ${contactName(contact)}` : 'Ajouter un contact';
  return (
    <section className="panel form-panel" aria-labelledby={`${prefix}-titre`}>
      <h3 id={`${prefix}-titre`} tabIndex={-1} ref={headingRef}>
        {title}
      </h3>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="Le contact n'a pas été enregistré" />
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form-grid">
          <SelectField id={idOf('civility')} label={LABELS.civility} value={draft.civility} error={errors.civility} onChange={(e) => setDraft({ ...draft, civility: e.target.value })}>
            <option value="">Non précisée</option>
            <option value="Mme">Mme</option>
            <option value="M.">M.</option>
          </SelectField>
          <TextField id={idOf('firstName')} label={LABELS.firstName} autoComplete="off" value={draft.firstName} error={errors.firstName} onChange={(e) => setDraft({ ...draft, firstName: e.target.value })} />
          <TextField id={idOf('lastName')} label={LABELS.lastName} required autoComplete="off" value={draft.lastName} error={errors.lastName} onChange={(e) => setDraft({ ...draft, lastName: e.target.value })} />
          <TextField id={idOf('jobTitle')} label={LABELS.jobTitle} hint="Par exemple : Responsable informatique" value={draft.jobTitle} error={errors.jobTitle} onChange={(e) => setDraft({ ...draft, jobTitle: e.target.value })} />
          <TextField id={idOf('email')} label={LABELS.email} type="email" autoComplete="off" spellCheck={false} hint="Par exemple : prenom.nom@mairie.fr" value={draft.email} error={errors.email} onChange={(e) => setDraft({ ...draft, email: e.target.value })} />
          <TextField id={idOf('phone')} label={LABELS.phone} type="tel" autoComplete="off" hint="Par exemple : 03 21 00 00 00" value={draft.phone} error={errors.phone} onChange={(e) => setDraft({ ...draft, phone: e.target.value })} />
        </div>
        <CheckboxGroup
          id={idOf('roles')}
          legend={LABELS.roles}
          hint="Une organisation n'a qu'un seul correspondant local informatique (CLI) actif."
          error={errors.roles}
          options={CONTACT_ROLE_VALUES.map((value) => ({ value, label: CONTACT_ROLES[value] }))}
          value={draft.roles}
          onChange={(roles) => setDraft({ ...draft, roles })}
        />
        <CheckboxField
          id={idOf('active')}
          label={LABELS.active}
          hint="Décochez pour garder la trace d'un contact qui n'exerce plus."
          checked={draft.active}
          error={errors.active}
          onChange={(active) => setDraft({ ...draft, active })}
        />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Enregistrement…' : contact ? 'Enregistrer le contact' : 'Ajouter le contact'}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            Annuler
          </button>
        </div>
      </form>
    </section>
  );
}
