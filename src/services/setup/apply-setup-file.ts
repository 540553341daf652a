import { and, eq, sql } from 'drizzle-orm';
import type { SetupFile, SetupLoadResult, SetupOrganisation } from '../../contracts/setup-file.ts';
import { departementOfInseeCode } from '../../domain/organisation/identifiers.ts';
import type { Db } from '../../db/database.ts';
import { contacts } from '../../db/schema/index.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { loadCatalogueRows } from '../../repositories/catalogue-repository.ts';
import { rowsToDocument } from '../catalogue/catalogue-mapping.ts';
import { mergeCatalogueDocuments } from '../catalogue/catalogue-merge.ts';
import { writeAgreement } from '../agreements/agreement-service.ts';
import { writeSetupPerimeter, writeSetupSubscription } from '../subscriptions/setup-subscriptions.ts';
import { writeSetupCommittee, writeSetupNeed } from '../governance/setup-governance.ts';
import { parseCivilDate } from '../../domain/civil-date.ts';
import { writeCatalogue } from '../catalogue/catalogue-service.ts';
import { writeGrid } from '../catalogue/grid-service.ts';
import { writeUnitCost } from '../catalogue/unit-cost-service.ts';
import type { Principal } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { insertContact, toContact, updateContact } from '../../repositories/contact-repository.ts';
import { findMembership, findProviderProfile, insertMembership, updateMembership, upsertProviderProfile } from '../../repositories/membership-repository.ts';
import {
  findOrganisationIdByNaturalKey,
  findRawOrganisation,
  insertOrganisation,
  updateOrganisation,
  type OrganisationValues,
} from '../../repositories/organisation-repository.ts';

type Counts = SetupLoadResult['organisations'];
const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

/**
 * The values a file states for an organisation. Fields the file leaves out are left as they are in the
 * registry, so a file can name an imported commune without erasing what others recorded about it.
 */
function organisationValues(org: SetupOrganisation, parentEpciId: string | undefined): Partial<OrganisationValues> & Pick<OrganisationValues, 'kind' | 'name'> {
  const values: Partial<OrganisationValues> & Pick<OrganisationValues, 'kind' | 'name'> = { kind: org.kind, name: org.name };
  if (org.siren) values.siren = org.siren;
  if (org.siret) values.siret = org.siret;
  if (org.inseeCode) {
    values.inseeCode = org.inseeCode;
    values.departement = departementOfInseeCode(org.inseeCode);
  } else if (org.address) values.departement = org.address.postalCode.slice(0, 2);
  if (org.address) {
    values.addressLine1 = org.address.line1;
    values.addressLine2 = org.address.line2 ?? null;
    values.postalCode = org.address.postalCode;
    values.city = org.address.city;
  }
  if (org.population !== undefined) values.population = org.population;
  if (parentEpciId) values.parentEpciId = parentEpciId;
  if (org.representative) {
    values.representativeName = org.representative.name;
    values.representativeTitle = org.representative.title;
  }
  return values;
}

function changedFields<T extends Record<string, unknown>>(current: Record<string, unknown>, next: T): Partial<T> {
  const diff: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(current[key as string] ?? null) !== JSON.stringify(next[key] ?? null)) diff[key] = next[key];
  }
  return diff;
}

/** Writes a checked setup file inside the caller's transaction; every change is audited. */
export async function applySetupFile(db: Db, actor: Principal, at: Date, file: SetupFile): Promise<Omit<SetupLoadResult, 'title' | 'dryRun'>> {
  const result = { organisations: zero(), memberships: zero(), contacts: zero(), catalogues: zero(), grids: zero(), unitCosts: zero(), agreements: zero(), perimeters: zero(), subscriptions: zero(), committees: zero(), meetings: zero(), needs: zero() };
  const idOf = new Map<string, string>();
  const audit = (action: string, entityType: string, entityId: string, organisationId: string, before: unknown, after: unknown) =>
    recordAudit(db, actor, at, { action, entityType, entityId, organisationId, before, after });

  // EPCI first, so that communes can point at them.
  const ordered = [...file.organisations].sort((a, b) => Number(Boolean(a.parentEpci)) - Number(Boolean(b.parentEpci)));
  for (const org of ordered) {
    const values = organisationValues(org, org.parentEpci ? idOf.get(org.parentEpci) : undefined);
    const existingId = await findOrganisationIdByNaturalKey(db, org);
    if (!existingId) {
      const id = await insertOrganisation(db, values, at);
      idOf.set(org.ref, id);
      result.organisations.created++;
      await audit('create', 'organisation', id, id, null, values);
    } else {
      idOf.set(org.ref, existingId);
      const current = (await findRawOrganisation(db, existingId))!;
      const diff = changedFields(current, values);
      if (Object.keys(diff).length === 0) result.organisations.unchanged++;
      else {
        await updateOrganisation(db, existingId, current.version, diff, at);
        result.organisations.updated++;
        await audit('update', 'organisation', existingId, existingId, changedFields(diff, current), diff);
      }
    }
    if (org.provider) {
      const id = idOf.get(org.ref)!;
      const profile = await findProviderProfile(db, id);
      if (profile?.shortName !== org.provider.shortName) {
        await upsertProviderProfile(db, id, org.provider.shortName, at);
        await audit(profile ? 'update' : 'create', 'provider', id, id, profile, org.provider);
      }
    }
  }

  for (const m of file.memberships) {
    const providerId = idOf.get(m.provider)!;
    const memberId = idOf.get(m.member)!;
    const values = { status: m.status, since: m.since ?? null, until: m.until ?? null };
    const existing = await findMembership(db, providerId, memberId);
    if (!existing) {
      const id = await insertMembership(db, providerId, memberId, values, at);
      result.memberships.created++;
      await audit('create', 'membership', id, memberId, null, { providerId, memberId, ...values });
    } else if (Object.keys(changedFields(existing, values)).length === 0) {
      result.memberships.unchanged++;
    } else {
      await updateMembership(db, existing.id, values);
      result.memberships.updated++;
      await audit('update', 'membership', existing.id, memberId, { status: existing.status, since: existing.since, until: existing.until }, values);
    }
  }

  for (const c of file.contacts) {
    const organisationId = idOf.get(c.organisation)!;
    const values = {
      organisationId,
      civility: c.civility ?? null,
      firstName: c.firstName ?? null,
      lastName: c.lastName,
      jobTitle: c.jobTitle ?? null,
      email: c.email ?? null,
      phone: c.phone ?? null,
      roles: [...new Set(c.roles)],
      active: c.active ?? true,
    };
    // A contact is the same person when the organisation, last and first names match.
    const rows = await db
      .select()
      .from(contacts)
      .where(
        and(
          eq(contacts.organisationId, organisationId),
          sql`lower(${contacts.lastName}) = lower(${c.lastName})`,
          sql`coalesce(lower(${contacts.firstName}), '') = coalesce(lower(${c.firstName ?? null}), '')`,
        ),
      )
      .limit(1);
    const existing = rows[0];
    if (!existing) {
      const id = await insertContact(db, values, at);
      result.contacts.created++;
      await audit('create', 'contact', id, organisationId, null, values);
    } else {
      const diff = changedFields(toContact(existing), values);
      if (Object.keys(diff).length === 0) result.contacts.unchanged++;
      else {
        await updateContact(db, existing.id, existing.version, diff, at);
        result.contacts.updated++;
        await audit('update', 'contact', existing.id, organisationId, changedFields(diff, toContact(existing)), diff);
      }
    }
  }
  for (const [i, entry] of file.catalogues.entries()) {
    const providerId = idOf.get(entry.provider)!;
    const { provider: _provider, grids, unitCosts, ...doc } = entry;
    const party = (ref: string | undefined) => (ref ? idOf.get(ref)! : undefined);
    const withIds = {
      ...doc,
      lines: doc.lines.map((l) => ({ ...l, deliveredBy: party(l.deliveredBy), subProvider: party(l.subProvider), responsibilities: l.responsibilities.map((r) => ({ ...r, party: party(r.party)! })) })),
    };
    const current = rowsToDocument(await loadCatalogueRows(db, providerId));
    result.catalogues[await prefixed(`catalogues[${i}].`, () => writeCatalogue(db, actor, at, providerId, mergeCatalogueDocuments(current, withIds)))]++;
    for (const [g, grid] of grids.entries()) {
      result.grids[await prefixed(`catalogues[${i}].grids[${g}].`, () => writeGrid(db, actor, at, providerId, grid))]++;
    }
    for (const [u, cost] of unitCosts.entries()) {
      result.unitCosts[await prefixed(`catalogues[${i}].unitCosts[${u}].`, () => writeUnitCost(db, actor, at, providerId, cost))]++;
    }
  }
  for (const [i, entry] of file.agreements.entries()) {
    const { provider, ...input } = entry;
    const withIds = { ...input, parties: input.parties.map((p) => ({ ...p, organisation: idOf.get(p.organisation)! })) };
    result.agreements[await prefixed(`agreements[${i}].`, () => writeAgreement(db, actor, at, idOf.get(provider)!, withIds))]++;
  }
  // Perimeters before requests: a request is checked against the perimeter in force (seed 004 annex 6).
  for (const [i, entry] of file.perimeters.entries()) {
    result.perimeters[await prefixed(`perimeters[${i}].`, () => writeSetupPerimeter(db, actor, at, idOf.get(entry.provider)!, idOf.get(entry.organisation)!, entry))]++;
  }
  for (const [i, entry] of file.subscriptions.entries()) {
    result.subscriptions[await prefixed(`subscriptions[${i}].`, () => writeSetupSubscription(db, actor, at, idOf.get(entry.provider)!, idOf.get(entry.organisation)!, entry))]++;
  }
  // Committees after agreements (a committee follows an agreement), needs after committees.
  for (const [i, entry] of file.committees.entries()) {
    const written = await prefixed(`committees[${i}].`, () => writeSetupCommittee(db, actor, at, idOf.get(entry.provider)!, entry, idOf));
    result.committees[written.committee]++;
    result.meetings.created += written.meetings.created;
    result.meetings.unchanged += written.meetings.unchanged;
  }
  const today = parseCivilDate(at.toISOString().slice(0, 10));
  for (const [i, entry] of file.needs.entries()) {
    result.needs[await prefixed(`needs[${i}].`, () => writeSetupNeed(db, actor, at, today, idOf.get(entry.provider)!, idOf.get(entry.organisation)!, entry))]++;
  }
  return result;
}

/** Runs a write whose validation errors must point into the file: their paths get the section's prefix. */
async function prefixed<T>(prefix: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(error.message, error.issues.map((i) => ({ path: `${prefix}${i.path}`, message: i.message })));
    throw error;
  }
}
