import type { SetupPerimeter, SetupSubscription } from '../../contracts/setup-file.ts';
import { parseCivilDate } from '../../domain/civil-date.ts';
import type { Db } from '../../db/database.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { findRequestByCode, insertPerimeter, latestPerimeter } from '../../repositories/subscription-repository.ts';
import { canonicalJson } from '../canonical-json.ts';
import type { Principal } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { applyEventTo, setQuantity, writeRequest } from './subscription-service.ts';

/** A perimeter from a setup file: a new deliberation is added to the history, the same one again changes nothing. */
export async function writeSetupPerimeter(db: Db, principal: Principal, at: Date, providerId: string, organisationId: string, entry: SetupPerimeter): Promise<'created' | 'unchanged'> {
  const values = {
    lines: [...new Set(entry.lines)],
    representative: entry.representative ?? null,
    deliberationOrgan: entry.deliberation.organ,
    deliberationNumber: entry.deliberation.number ?? null,
    deliberationDate: entry.deliberation.date,
  };
  const latest = await latestPerimeter(db, providerId, organisationId);
  if (latest) {
    const { id: _id, providerId: _p, organisationId: _o, createdAt: _c, ...current } = latest;
    if (canonicalJson(current) === canonicalJson(values)) return 'unchanged';
  }
  const id = await insertPerimeter(db, { ...values, providerId, organisationId, createdAt: at.toISOString() });
  await recordAudit(db, principal, at, { action: 'create', entityType: 'authorised_perimeter', entityId: id, organisationId, after: values });
  return 'created';
}

/**
 * A request with its history from a setup file: checked like a request made in the portal, then every event
 * replayed through the workflow. A history is never rewritten: reloading the same entry changes nothing, a
 * different entry under the same code is refused (record later events through the application instead).
 */
export async function writeSetupSubscription(db: Db, principal: Principal, at: Date, providerId: string, organisationId: string, entry: SetupSubscription): Promise<'created' | 'unchanged'> {
  const existing = await findRequestByCode(db, providerId, entry.code);
  if (existing) {
    if (canonicalJson(existing.source) === canonicalJson(entry)) return 'unchanged';
    throw new ValidationError('Demande déjà chargée', [{ path: 'code', message: `la demande « ${entry.code} » est déjà enregistrée avec un autre contenu : son historique ne se réécrit pas` }]);
  }
  const { lines } = await writeRequest(db, principal, at, {
    providerId,
    organisationId,
    receivedOn: parseCivilDate(entry.receivedOn),
    baseBillableFrom: entry.baseBillableFrom,
    note: entry.note,
    lines: entry.lines,
    code: entry.code,
    source: entry,
  });
  for (const [i, requested] of entry.lines.entries()) {
    let line = lines[i]!;
    for (const [e, event] of requested.events.entries()) {
      try {
        line = await applyEventTo(db, principal, at, line, event);
      } catch (error) {
        if (error instanceof ValidationError) throw new ValidationError(error.message, error.issues.map((x) => ({ path: `lines[${i}].events[${e}]`, message: x.message })));
        throw error;
      }
    }
    for (const [q, quantity] of requested.quantities.entries()) {
      try {
        await setQuantity(db, principal, at, line, quantity);
      } catch (error) {
        if (error instanceof ValidationError) throw new ValidationError(error.message, error.issues.map((x) => ({ path: `lines[${i}].quantities[${q}]`, message: x.message })));
        throw error;
      }
    }
  }
  return 'created';
}
