import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import type { Issue } from '../../lib/catalogue-issues.ts';
import { apiCatalogueDocumentSchema, type CatalogueDocument, type CatalogueView } from '../../shared.ts';
import { errorMessage } from '../ui.tsx';

/**
 * Catalogue editing for the provider's staff. The API takes the whole catalogue: each save rebuilds the
 * document from the view, changes one thing, checks it with the shared contract, and PUTs it. The
 * server's refusals (unknown references, duplicate codes, circular prerequisites) come back as issues.
 */

export type SaveOutcome = { ok: true; view: CatalogueView } | { ok: false; issues: Issue[]; message: string };

/**
 * Checks the document with the contract, then PUTs it with the version it was edited from, so that an
 * edit made meanwhile by someone else is refused (409) instead of silently overwritten.
 */
export async function saveCatalogue(providerId: string, doc: CatalogueDocument, expectedVersion: string): Promise<SaveOutcome> {
  const parsed = apiCatalogueDocumentSchema.safeParse(doc);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues, message: 'Catalogue invalide' };
  try {
    return { ok: true, view: await api.catalogue.replace(providerId, { ...parsed.data, expectedVersion }) };
  } catch (error) {
    if (error instanceof ApiError && error.isValidation) return { ok: false, issues: error.issues, message: error.message };
    return { ok: false, issues: [], message: errorMessage(error) };
  }
}
