import type { Contact, ContactCreate, ContactUpdate } from '../contracts/contacts.ts';
import { cliConflict } from '../domain/contacts/roles.ts';
import { uniqueViolation } from '../db/errors.ts';
import { recordAudit } from '../repositories/audit-repository.ts';
import { findContact, insertContact, listContacts, lockOrganisationContacts, updateContact } from '../repositories/contact-repository.ts';
import { findOrganisation } from '../repositories/organisation-repository.ts';
import { require, type Deps, type Principal } from './context.ts';
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';

function rethrowCli(error: unknown): never {
  if (uniqueViolation(error)?.constraint === 'contact_one_active_cli') {
    throw new ValidationError('Un seul CLI actif par organisation', [{ path: 'roles', message: 'cette organisation a déjà un CLI actif' }]);
  }
  throw error;
}

export async function listContactsOf(deps: Deps, principal: Principal, organisationId: string): Promise<Contact[]> {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  if (!(await findOrganisation(db, principal.scope, organisationId))) throw new NotFoundError('Organisation');
  return listContacts(db, principal.scope, organisationId);
}

export async function createContact(deps: Deps, principal: Principal, organisationId: string, input: ContactCreate): Promise<Contact> {
  require(principal, 'contact:write');
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    if (!(await findOrganisation(db, principal.scope, organisationId))) throw new NotFoundError('Organisation');
    await lockOrganisationContacts(db, organisationId);
    const others = await listContacts(db, principal.scope, organisationId);
    const conflict = cliConflict({ id: '', active: input.active ?? true, roles: input.roles }, others);
    if (conflict) throw new ValidationError('Un seul CLI actif par organisation', [{ path: 'roles', message: conflict }]);
    const id = await insertContact(db, { organisationId, ...input, roles: [...new Set(input.roles)] }, at).catch(rethrowCli);
    const created = (await findContact(db, principal.scope, id))!;
    await recordAudit(db, principal, at, { action: 'create', entityType: 'contact', entityId: id, organisationId, after: created });
    return created;
  });
}

export async function updateContactFor(deps: Deps, principal: Principal, id: string, input: ContactUpdate): Promise<Contact> {
  require(principal, 'contact:write');
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    const before = await findContact(db, principal.scope, id);
    if (!before) throw new NotFoundError('Contact');
    await lockOrganisationContacts(db, before.organisationId);
    const { version, ...patch } = input;
    const merged = { ...before, ...patch };
    const conflict = cliConflict(merged, await listContacts(db, principal.scope, before.organisationId));
    if (conflict) throw new ValidationError('Un seul CLI actif par organisation', [{ path: 'roles', message: conflict }]);
    const values = patch.roles ? { ...patch, roles: [...new Set(patch.roles)] } : patch;
    const ok = await updateContact(db, id, version, values, at).catch(rethrowCli);
    if (!ok) throw new ConflictError("Ce contact a été modifié entre-temps : rechargez la page avant d'enregistrer");
    const after = (await findContact(db, principal.scope, id))!;
    await recordAudit(db, principal, at, { action: 'update', entityType: 'contact', entityId: id, organisationId: before.organisationId, before, after });
    return after;
  });
}
