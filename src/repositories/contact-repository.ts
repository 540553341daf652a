import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Contact } from '../contracts/contacts.ts';
import type { Scope } from '../domain/access/roles.ts';
import type { ContactRole } from '../domain/contacts/roles.ts';
import type { Db } from '../db/database.ts';
import { contacts } from '../db/schema/index.ts';
import { visibleTo } from '../db/scope.ts';

type ContactRow = typeof contacts.$inferSelect;

export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    organisationId: row.organisationId,
    civility: row.civility as Contact['civility'],
    firstName: row.firstName,
    lastName: row.lastName,
    jobTitle: row.jobTitle,
    email: row.email,
    phone: row.phone,
    roles: row.roles as ContactRole[],
    active: row.active,
    version: row.version,
  };
}

export async function listContacts(db: Db, scope: Scope, organisationId: string): Promise<Contact[]> {
  const rows = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.organisationId, organisationId), visibleTo(scope, contacts.organisationId)))
    .orderBy(desc(contacts.active), asc(contacts.lastName), asc(contacts.firstName));
  return rows.map(toContact);
}

export async function findContact(db: Db, scope: Scope, id: string): Promise<Contact | null> {
  const rows = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, id), visibleTo(scope, contacts.organisationId)));
  return rows[0] ? toContact(rows[0]) : null;
}

export type ContactValues = Omit<typeof contacts.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'version'>;

export async function insertContact(db: Db, values: ContactValues, at: Date): Promise<string> {
  const stamp = at.toISOString();
  const [row] = await db.insert(contacts).values({ ...values, createdAt: stamp, updatedAt: stamp }).returning({ id: contacts.id });
  return row!.id;
}

export async function updateContact(db: Db, id: string, version: number, values: Partial<ContactValues>, at: Date): Promise<boolean> {
  const rows = await db
    .update(contacts)
    .set({ ...values, updatedAt: at.toISOString(), version: sql`${contacts.version} + 1` })
    .where(and(eq(contacts.id, id), eq(contacts.version, version)))
    .returning({ id: contacts.id });
  return rows.length === 1;
}

export async function hasActiveCli(db: Db, organisationId: string): Promise<boolean> {
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.organisationId, organisationId), eq(contacts.active, true), sql`'cli' = ANY(${contacts.roles})`))
    .limit(1);
  return rows.length > 0;
}

/** Serialises edits of one organisation's contacts, so two concurrent "new CLI" requests cannot both pass. */
export async function lockOrganisationContacts(db: Db, organisationId: string): Promise<void> {
  await db.execute(sql`SELECT id FROM organisation WHERE id = ${organisationId} FOR UPDATE`);
}
