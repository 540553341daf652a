import type { OrganisationCreate, OrganisationDetail, OrganisationListQuery, OrganisationUpdate, Organisation, MembershipUpsert } from '../contracts/organisations.ts';
import { departementOfInseeCode } from '../domain/organisation/identifiers.ts';
import type { OrganisationKind } from '../domain/organisation/kinds.ts';
import { organisationRuleIssues } from '../domain/organisation/organisation-rules.ts';
import { uniqueViolation } from '../db/errors.ts';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../repositories/audit-repository.ts';
import { hasActiveCli } from '../repositories/contact-repository.ts';
import {
  findMembership,
  findProviderProfile,
  insertMembership,
  listMembershipsOfMember,
  updateMembership,
} from '../repositories/membership-repository.ts';
import {
  countMembersByStatus,
  findOrganisation,
  findRawOrganisation,
  insertOrganisation,
  listOrganisations,
  updateOrganisation,
  type OrganisationValues,
} from '../repositories/organisation-repository.ts';
import { require, type Deps, type Principal } from './context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors.ts';

const UNIQUE_MESSAGES: Record<string, { path: string; message: string }> = {
  organisation_siren_key: { path: 'siren', message: 'une organisation porte déjà ce SIREN' },
  organisation_insee_code_key: { path: 'inseeCode', message: 'une organisation porte déjà ce code INSEE' },
};

function rethrowUnique(error: unknown): never {
  const violation = uniqueViolation(error);
  const known = violation && UNIQUE_MESSAGES[violation.constraint];
  if (known) throw new ValidationError('Organisation en double', [known]);
  throw error;
}

async function parentKind(db: Db, principal: Principal, parentEpciId: string | null | undefined): Promise<OrganisationKind | null | undefined> {
  if (!parentEpciId) return parentEpciId === null ? null : undefined;
  const parent = await findOrganisation(db, principal.scope, parentEpciId);
  if (!parent) throw new ValidationError('EPCI de rattachement introuvable', [{ path: 'parentEpciId', message: 'EPCI introuvable' }]);
  return parent.kind;
}

export async function listOrganisationsFor(deps: Deps, principal: Principal, query: OrganisationListQuery) {
  require(principal, 'organisation:read');
  return listOrganisations(deps.database.db, principal.scope, query);
}

export async function getOrganisationDetail(deps: Deps, principal: Principal, id: string): Promise<OrganisationDetail> {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  const organisation = await findOrganisation(db, principal.scope, id);
  if (!organisation) throw new NotFoundError('Organisation');
  const [providerLinks, profile, cli] = await Promise.all([
    listMembershipsOfMember(db, principal.scope, id),
    findProviderProfile(db, id),
    hasActiveCli(db, id),
  ]);
  const isMember = providerLinks.some((m) => m.status === 'member');
  return {
    ...organisation,
    providerShortName: profile?.shortName ?? null,
    providers: providerLinks,
    memberCounts: profile && principal.scope.kind !== 'member' ? await countMembersByStatus(db, id) : null,
    missingCli: isMember && !cli,
  };
}

function toValues(input: OrganisationCreate | Omit<OrganisationUpdate, 'version'>): Partial<OrganisationValues> {
  const { inseeCode, ...rest } = input;
  const values: Partial<OrganisationValues> = { ...rest };
  if (inseeCode !== undefined) {
    values.inseeCode = inseeCode;
    values.departement = inseeCode ? departementOfInseeCode(inseeCode) : null;
  }
  return values;
}

export async function createOrganisation(deps: Deps, principal: Principal, input: OrganisationCreate): Promise<Organisation> {
  require(principal, 'organisation:write');
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    const issues = organisationRuleIssues({ ...input, parentEpciKind: await parentKind(db, principal, input.parentEpciId) });
    if (issues.length) throw new ValidationError('Organisation invalide', issues);
    const id = await insertOrganisation(db, toValues(input) as OrganisationValues, at).catch(rethrowUnique);
    // Provider staff see what is linked to their provider: a new organisation starts as its prospect.
    if (principal.scope.kind === 'provider') {
      await insertMembership(db, principal.scope.providerId, id, { status: 'prospect', since: null, until: null }, at);
    }
    const created = (await findOrganisation(db, principal.scope, id))!;
    await recordAudit(db, principal, at, { action: 'create', entityType: 'organisation', entityId: id, organisationId: id, after: created });
    return created;
  });
}

export async function updateOrganisationFor(deps: Deps, principal: Principal, id: string, input: OrganisationUpdate): Promise<Organisation> {
  require(principal, 'organisation:write');
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    const before = await findOrganisation(db, principal.scope, id);
    if (!before) throw new NotFoundError('Organisation');
    const { version, ...patch } = input;
    const merged = { ...before, ...patch };
    // The parent EPCI is checked whether it changes now or was set before (the kind may have changed).
    const parentId = patch.parentEpciId !== undefined ? patch.parentEpciId : before.parentEpciId;
    const parent = parentId ? await findRawOrganisation(db, parentId) : null;
    // A new parent must be one the editor can see; an existing one is kept even if outside their scope.
    const newParentHidden = patch.parentEpciId && !(await findOrganisation(db, principal.scope, patch.parentEpciId));
    if (parentId && (!parent || newParentHidden)) {
      throw new ValidationError('EPCI de rattachement introuvable', [{ path: 'parentEpciId', message: 'EPCI introuvable' }]);
    }
    const issues = organisationRuleIssues({ ...merged, parentEpciKind: (parent?.kind as OrganisationKind | undefined) ?? null });
    if (patch.parentEpciId === id) issues.push({ path: 'parentEpciId', message: "une organisation ne peut pas être son propre EPCI" });
    if (issues.length) throw new ValidationError('Organisation invalide', issues);
    const updated = await updateOrganisation(db, id, version, toValues(patch), at).catch(rethrowUnique);
    if (!updated) throw new ConflictError("Cette organisation a été modifiée entre-temps : rechargez la page avant d'enregistrer");
    const after = (await findOrganisation(db, principal.scope, id))!;
    await recordAudit(db, principal, at, { action: 'update', entityType: 'organisation', entityId: id, organisationId: id, before, after });
    return after;
  });
}

/** Links an organisation to a provider (prospect, member, former member). */
export async function setMembership(deps: Deps, principal: Principal, providerId: string, input: MembershipUpsert) {
  require(principal, 'membership:write');
  if (principal.scope.kind === 'provider' && principal.scope.providerId !== providerId) throw new ForbiddenError();
  if (principal.scope.kind === 'member') throw new ForbiddenError();
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    if (!(await findProviderProfile(db, providerId))) throw new NotFoundError('Fournisseur');
    const member = await findRawOrganisation(db, input.memberId);
    if (!member) throw new ValidationError('Adhérent introuvable', [{ path: 'memberId', message: 'organisation introuvable' }]);
    if (input.memberId === providerId) throw new ValidationError('Adhésion invalide', [{ path: 'memberId', message: 'un fournisseur ne peut pas adhérer à lui-même' }]);
    if (input.since && input.until && input.until < input.since) {
      throw new ValidationError('Adhésion invalide', [{ path: 'until', message: 'la fin précède le début' }]);
    }
    const values = { status: input.status, since: input.since ?? null, until: input.until ?? null };
    const existing = await findMembership(db, providerId, input.memberId);
    const id = existing ? existing.id : await insertMembership(db, providerId, input.memberId, values, at);
    if (existing) await updateMembership(db, existing.id, values);
    const providerName = (await findRawOrganisation(db, providerId))!.name;
    await recordAudit(db, principal, at, {
      action: existing ? 'update' : 'create',
      entityType: 'membership',
      entityId: id,
      organisationId: input.memberId,
      before: existing ? { status: existing.status, since: existing.since, until: existing.until } : null,
      after: { providerId, providerName, memberId: input.memberId, memberName: member.name, ...values },
    });
    return (await listMembershipsOfMember(db, principal.scope, input.memberId)).find((m) => m.id === id)!;
  });
}
