import { createHash } from 'node:crypto';
import type { CatalogueDocument, CatalogueView } from '../../contracts/catalogue.ts';
import { catalogueIssues } from '../../domain/catalogue/catalogue.ts';
import { findCycle } from '../../domain/catalogue/prerequisites.ts';
import type { Db } from '../../db/database.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { listGridRows, loadCatalogueRows, loadPricesOf, replaceCatalogueRows } from '../../repositories/catalogue-repository.ts';
import { findVisibleProvider, organisationNames } from '../../repositories/membership-repository.ts';
import { findOrganisation } from '../../repositories/organisation-repository.ts';
import type { Scope } from '../../domain/access/roles.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type Issue } from '../errors.ts';
import { canonicalJson, canonicalSet } from '../canonical-json.ts';
import { createMailer } from '../mail/mailer.ts';
import { newlyWithdrawnForSecurity, notifySecurityWithdrawal } from './security-withdrawal.ts';
import { documentToDomain, documentToRows, rowsToDocument } from './catalogue-mapping.ts';

export async function visibleProviderOrThrow(db: Db, scope: Scope, providerId: string) {
  const provider = await findVisibleProvider(db, scope, providerId);
  if (!provider) throw new NotFoundError('Fournisseur');
  return provider;
}

export function assertActsFor(principal: Principal, providerId: string): void {
  if (principal.scope.kind === 'member' || (principal.scope.kind === 'provider' && principal.scope.providerId !== providerId)) {
    throw new ForbiddenError('Seul le personnel de ce fournisseur modifie son catalogue et ses tarifs');
  }
}

/** Structural issues and cycles of a catalogue document, as path + message pairs. */
export function documentIssues(doc: CatalogueDocument): Issue[] {
  const catalogue = documentToDomain(doc);
  const issues: Issue[] = catalogueIssues(catalogue);
  const lineCodes = new Set(doc.lines.map((l) => l.code));
  doc.sharedCharges.forEach((s, i) => {
    for (const code of [s.chargeLine, ...s.triggeredBy]) {
      if (!lineCodes.has(code)) issues.push({ path: `sharedCharges[${i}]`, message: `ligne inconnue « ${code} »` });
    }
  });
  const cycle = issues.length ? null : findCycle(catalogue);
  if (cycle) issues.push({ path: 'dependencies', message: `dépendances circulaires : ${cycle.join(' → ')}` });
  return issues;
}

export async function getCatalogueView(deps: Deps, principal: Principal, providerId: string): Promise<CatalogueView> {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  const provider = await visibleProviderOrThrow(db, principal.scope, providerId);
  const doc = rowsToDocument(await loadCatalogueRows(db, providerId));
  const partyIds = doc.lines.flatMap((l) => [l.deliveredBy, l.subProvider, ...l.responsibilities.map((r) => r.party)]).filter((x): x is string => Boolean(x));
  const names = await organisationNames(db, [...new Set(partyIds)]);
  return {
    ...doc,
    version: catalogueVersion(doc),
    providerId,
    providerName: provider.name,
    lines: doc.lines.map((l) => ({
      ...l,
      deliveredByName: l.deliveredBy ? (names.get(l.deliveredBy) ?? null) : null,
      subProviderName: l.subProvider ? (names.get(l.subProvider) ?? null) : null,
      responsibilities: l.responsibilities.map((r) => ({ ...r, partyName: names.get(r.party) ?? '' })),
    })),
    issues: documentIssues(doc),
  };
}

/** Lines that some grid prices may not disappear: withdraw them instead (status), so old grids stay readable. */
async function pricedLineIssues(db: Db, providerId: string, doc: CatalogueDocument): Promise<Issue[]> {
  const grids = await listGridRows(db, providerId);
  const priced = new Set((await loadPricesOf(db, grids.map((g) => g.id))).map((p) => p.lineCode));
  const kept = new Set(doc.lines.map((l) => l.code));
  return [...priced].filter((code) => !kept.has(code)).map((code) => ({ path: 'lines', message: `la ligne « ${code} » figure dans une grille tarifaire : retirez-la (statut « retiré ») au lieu de la supprimer` }));
}

/** Writes a whole catalogue (structure and prerequisites), all or nothing, inside the caller's transaction. */
export async function writeCatalogue(db: Db, principal: Principal, at: Date, providerId: string, doc: CatalogueDocument): Promise<'created' | 'updated' | 'unchanged'> {
  const issues = [...documentIssues(doc), ...(await pricedLineIssues(db, providerId, doc))];
  for (const [i, line] of doc.lines.entries()) {
    for (const [field, id] of [['deliveredBy', line.deliveredBy], ['subProvider', line.subProvider], ...line.responsibilities.map((r, j) => [`responsibilities[${j}].party`, r.party])] as const) {
      if (id && !(await findOrganisation(db, principal.scope, id))) issues.push({ path: `lines[${i}].${field}`, message: 'organisation introuvable' });
    }
  }
  if (issues.length) throw new ValidationError('Catalogue invalide', issues);
  const before = rowsToDocument(await loadCatalogueRows(db, providerId));
  if (comparable(before) === comparable(doc)) return 'unchanged';
  await replaceCatalogueRows(db, providerId, documentToRows(doc));
  const empty = before.categories.length === 0 && before.lines.length === 0;
  await recordAudit(db, principal, at, { action: empty ? 'create' : 'update', entityType: 'catalogue', entityId: providerId, organisationId: providerId, before: empty ? null : before, after: doc });
  return empty ? 'created' : 'updated';
}

/** A short fingerprint of a catalogue's content, for optimistic concurrency on replacement. */
export function catalogueVersion(doc: CatalogueDocument): string {
  return createHash('sha256').update(comparable(doc)).digest('hex').slice(0, 16);
}

/** A document compared by meaning: the order of dependencies and shared charges does not matter. */
function comparable(doc: CatalogueDocument): string {
  return canonicalJson({ ...doc, dependencies: canonicalSet(doc.dependencies), sharedCharges: canonicalSet(doc.sharedCharges) });
}

export async function replaceCatalogue(deps: Deps, principal: Principal, providerId: string, input: CatalogueDocument & { expectedVersion?: string | undefined }): Promise<CatalogueView> {
  require(principal, 'catalogue:write');
  assertActsFor(principal, providerId);
  const { expectedVersion, ...doc } = input;
  await deps.database.transaction(async ({ db }) => {
    const provider = await visibleProviderOrThrow(db, principal.scope, providerId);
    const before = rowsToDocument(await loadCatalogueRows(db, providerId));
    if (expectedVersion && catalogueVersion(before) !== expectedVersion) {
      throw new ConflictError("Le catalogue a été modifié entre-temps : rechargez la page avant d'enregistrer");
    }
    await writeCatalogue(db, principal, deps.clock.now(), providerId, doc);
    const mailer = deps.mailer ?? createMailer({ smtpUrl: undefined, from: 'Mutualis' });
    await notifySecurityWithdrawal(db, mailer, deps.clock.now(), provider, newlyWithdrawnForSecurity(before, doc));
  });
  return getCatalogueView(deps, principal, providerId);
}

