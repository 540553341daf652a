import type { SubscriptionRequestView } from '../../contracts/subscriptions.ts';
import type { CivilDate } from '../../domain/civil-date.ts';
import type { Db } from '../../db/database.ts';
import { loadCatalogueRows } from '../../repositories/catalogue-repository.ts';
import { listRequestRows } from '../../repositories/subscription-repository.ts';
import { documentToDomain, rowsToDocument } from '../catalogue/catalogue-mapping.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import type { Principal } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { requestViews, type ProviderCatalogue } from './subscription-views.ts';

/** What every subscription use case shares: the provider's catalogue, who may act for whom, the request views. */
export async function providerCatalogue(db: Db, providerId: string): Promise<ProviderCatalogue> {
  const doc = rowsToDocument(await loadCatalogueRows(db, providerId));
  return { ...documentToDomain(doc), sharedCharges: doc.sharedCharges, technicalPrerequisites: Object.fromEntries(doc.lines.map((l) => [l.code, l.technicalPrerequisites])) };
}

/** A member acts for itself only; provider staff for their provider's members. */
export function assertMayRequestFor(principal: Principal, providerId: string, organisationId: string): void {
  if (principal.scope.kind === 'member') {
    if (principal.scope.organisationId !== organisationId) throw new ForbiddenError('Un adhérent ne demande des services que pour sa propre organisation');
    return;
  }
  assertActsFor(principal, providerId);
}

export async function loadRequests(db: Db, principal: Principal, filter: { providerId?: string | undefined; organisationId?: string | undefined }, today: CivilDate): Promise<SubscriptionRequestView[]> {
  const rows = await listRequestRows(db, principal.scope, filter);
  const catalogues = new Map<string, ProviderCatalogue>();
  for (const providerId of new Set(rows.map((r) => r.providerId))) catalogues.set(providerId, await providerCatalogue(db, providerId));
  return requestViews(db, rows, catalogues, today);
}
