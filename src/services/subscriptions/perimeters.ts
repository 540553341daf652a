import type { z } from 'zod';
import type { perimeterInputSchema, perimeterSchema } from '../../contracts/subscriptions.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { findOrganisation } from '../../repositories/organisation-repository.ts';
import { insertPerimeter, latestPerimeter } from '../../repositories/subscription-repository.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { providerCatalogue } from './subscription-access.ts';

function perimeterView(row: NonNullable<Awaited<ReturnType<typeof latestPerimeter>>>): z.infer<typeof perimeterSchema> {
  return { id: row.id, lines: row.lines, representative: row.representative, deliberation: { organ: row.deliberationOrgan, number: row.deliberationNumber, date: row.deliberationDate } };
}

export async function getPerimeter(deps: Deps, principal: Principal, organisationId: string, providerId: string): Promise<z.infer<typeof perimeterSchema> | null> {
  require(principal, 'organisation:read');
  const db = deps.database.db;
  if (!(await findOrganisation(db, principal.scope, organisationId))) throw new NotFoundError('Organisation');
  if (principal.scope.kind === 'provider' && principal.scope.providerId !== providerId) throw new NotFoundError('Périmètre');
  const row = await latestPerimeter(db, providerId, organisationId);
  return row ? perimeterView(row) : null;
}

/** Records the deliberation fixing what the member's representative may open (seed 004 annex 6). */
export async function recordPerimeter(deps: Deps, principal: Principal, organisationId: string, input: z.infer<typeof perimeterInputSchema>): Promise<z.infer<typeof perimeterSchema>> {
  require(principal, 'subscription:decide');
  assertActsFor(principal, input.providerId);
  const at = deps.clock.now();
  return deps.database.transaction(async ({ db }) => {
    if (!(await findOrganisation(db, principal.scope, organisationId))) throw new NotFoundError('Organisation');
    const catalogue = await providerCatalogue(db, input.providerId);
    const issues = input.lines.flatMap((code, i) => (catalogue.lines.some((l) => l.code === code) ? [] : [{ path: `lines[${i}]`, message: `ligne « ${code} » inconnue du catalogue` }]));
    if (issues.length) throw new ValidationError('Périmètre invalide', issues);
    const values = {
      providerId: input.providerId,
      organisationId,
      lines: [...new Set(input.lines)],
      representative: input.representative ?? null,
      deliberationOrgan: input.deliberation.organ,
      deliberationNumber: input.deliberation.number ?? null,
      deliberationDate: input.deliberation.date,
      createdAt: at.toISOString(),
    };
    const id = await insertPerimeter(db, values);
    await recordAudit(db, principal, at, { action: 'create', entityType: 'authorised_perimeter', entityId: id, organisationId, after: values });
    return perimeterView({ id, ...values });
  });
}

