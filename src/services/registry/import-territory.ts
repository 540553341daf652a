import { sql } from 'drizzle-orm';
import type { TerritoryImportRequest, TerritoryImportResult } from '../../contracts/registry.ts';
import type { Db, Tx } from '../../db/database.ts';
import { toCopyCsv } from '../../db/csv.ts';
import { findProviderProfile } from '../../repositories/membership-repository.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import { loadReferenceData } from './reference-data.ts';
import { territoryRows, type TerritoryRow } from './territory.ts';

const STAGING_COLUMNS = ['kind', 'name', 'siren', 'insee_code', 'departement', 'population', 'parent_siren'] as const;

function rowsCsv(rows: TerritoryRow[]): string {
  return toCopyCsv(rows.map((r) => [r.kind, r.name, r.siren, r.inseeCode, r.departement, r.population, r.parentSiren]));
}

function rowCount(result: unknown): number {
  const rows = (result as { rows: { n: number | string }[] }).rows;
  return Number(rows[0]?.n ?? 0);
}

/**
 * Upserts one batch (EPCI, then communes) from the staging table, set-based: one statement audits and
 * updates what changed, one inserts and audits what is new. Matching is by SIREN, or by INSEE code for
 * a commune entered by hand without its SIREN. An existing organisation keeps its name: the reference
 * data abbreviates EPCI names ("CA de Lens - Liévin") where the registry holds the official one.
 */
async function upsertBatch(db: Db, actorId: string | null, actorLabel: string, at: string, communes: boolean): Promise<{ created: number; updated: number }> {
  const source = sql`SELECT s.kind, s.name, s.siren, s.insee_code, s.departement, s.population, p.id AS parent_id
    FROM import_territory s LEFT JOIN organisation p ON p.siren = s.parent_siren
    WHERE (s.insee_code IS NOT NULL) = ${communes}::boolean`;
  const updated = await db.execute(sql`
    WITH src AS (${source}),
    matched AS (
      SELECT o.id, o.name, o.siren, o.insee_code, o.departement, o.population, o.parent_epci_id,
             src.name AS new_name, coalesce(src.siren, o.siren) AS new_siren, src.insee_code AS new_insee, src.departement AS new_dep,
             src.population AS new_pop, src.parent_id AS new_parent
      FROM organisation o JOIN src ON o.siren = src.siren OR (o.siren IS NULL AND o.insee_code = src.insee_code)
                                  OR (src.siren IS NULL AND o.insee_code = src.insee_code)
      WHERE (o.siren, o.insee_code, o.departement, o.population, o.parent_epci_id)
            IS DISTINCT FROM (coalesce(src.siren, o.siren), src.insee_code, src.departement, src.population, coalesce(src.parent_id, o.parent_epci_id))
    ),
    audit AS (
      INSERT INTO audit_event (occurred_at, actor_account_id, actor_label, action, entity_type, entity_id, organisation_id, before, after)
      SELECT ${at}::timestamptz, ${actorId}::uuid, ${actorLabel}::text, 'import', 'organisation', m.id::text, m.id,
             jsonb_build_object('siren', m.siren, 'inseeCode', m.insee_code, 'departement', m.departement, 'population', m.population, 'parentEpciId', m.parent_epci_id),
             jsonb_build_object('siren', m.new_siren, 'inseeCode', m.new_insee, 'departement', m.new_dep, 'population', m.new_pop, 'parentEpciId', coalesce(m.new_parent, m.parent_epci_id))
      FROM matched m
    ),
    changed AS (
      UPDATE organisation o SET siren = m.new_siren, insee_code = m.new_insee, departement = m.new_dep,
             population = m.new_pop, parent_epci_id = coalesce(m.new_parent, o.parent_epci_id), updated_at = ${at}::timestamptz, version = o.version + 1
      FROM matched m WHERE o.id = m.id RETURNING o.id
    )
    SELECT count(*)::int AS n FROM changed`);
  const created = await db.execute(sql`
    WITH src AS (${source}),
    inserted AS (
      INSERT INTO organisation (kind, name, siren, insee_code, departement, population, parent_epci_id, created_at, updated_at)
      SELECT src.kind, src.name, src.siren, src.insee_code, src.departement, src.population, src.parent_id, ${at}::timestamptz, ${at}::timestamptz
      FROM src
      WHERE NOT EXISTS (SELECT 1 FROM organisation o WHERE o.siren = src.siren OR (o.siren IS NULL AND o.insee_code = src.insee_code)
                                                      OR (src.siren IS NULL AND o.insee_code = src.insee_code))
      RETURNING id, kind, name, siren, insee_code, departement, population, parent_epci_id
    ),
    audit AS (
      INSERT INTO audit_event (occurred_at, actor_account_id, actor_label, action, entity_type, entity_id, organisation_id, before, after)
      SELECT ${at}::timestamptz, ${actorId}::uuid, ${actorLabel}::text, 'import', 'organisation', i.id::text, i.id, NULL,
             jsonb_build_object('kind', i.kind, 'name', i.name, 'siren', i.siren, 'inseeCode', i.insee_code, 'departement', i.departement, 'population', i.population, 'parentEpciId', i.parent_epci_id)
      FROM inserted i
    )
    SELECT count(*)::int AS n FROM inserted`);
  return { created: rowCount(created), updated: rowCount(updated) };
}

async function linkToProvider(db: Db, providerId: string, actorId: string | null, actorLabel: string, at: string): Promise<number> {
  const result = await db.execute(sql`
    WITH inserted AS (
      INSERT INTO membership (provider_id, member_id, status, created_at)
      SELECT ${providerId}::uuid, o.id, 'prospect', ${at}::timestamptz
      FROM import_territory s JOIN organisation o ON o.siren = s.siren OR (s.siren IS NULL AND o.insee_code = s.insee_code)
      WHERE o.id <> ${providerId}::uuid
      ON CONFLICT (provider_id, member_id) DO NOTHING
      RETURNING id, member_id
    ),
    audit AS (
      INSERT INTO audit_event (occurred_at, actor_account_id, actor_label, action, entity_type, entity_id, organisation_id, before, after)
      SELECT ${at}::timestamptz, ${actorId}::uuid, ${actorLabel}::text, 'import', 'membership', i.id::text, i.member_id, NULL,
             jsonb_build_object('providerId', ${providerId}::text, 'memberId', i.member_id, 'status', 'prospect')
      FROM inserted i
    )
    SELECT count(*)::int AS n FROM inserted`);
  return rowCount(result);
}

/** Stages rows with COPY and upserts them; used by the import below and by the benchmark. */
export async function importTerritoryRows(tx: Tx, principal: Principal, at: Date, rows: { epci: TerritoryRow[]; communes: TerritoryRow[] }, providerId: string | null): Promise<TerritoryImportResult> {
  const { db } = tx;
  const stamp = at.toISOString();
  await db.execute(sql`CREATE TEMP TABLE import_territory (kind text, name text, siren text, insee_code text, departement text, population integer, parent_siren text) ON COMMIT DROP`);
  await tx.copyCsv('import_territory', STAGING_COLUMNS, rowsCsv([...rows.epci, ...rows.communes]));
  const epci = await upsertBatch(db, principal.accountId, principal.label, stamp, false);
  const communes = await upsertBatch(db, principal.accountId, principal.label, stamp, true);
  const linkedToProvider = providerId ? await linkToProvider(db, providerId, principal.accountId, principal.label, stamp) : 0;
  return {
    epci: { ...epci, unchanged: rows.epci.length - epci.created - epci.updated },
    communes: { ...communes, unchanged: rows.communes.length - communes.created - communes.updated },
    linkedToProvider,
  };
}

/** Imports the current communes and EPCI (of some départements, or all France) in one transaction. */
export async function importTerritory(deps: Deps, principal: Principal, request: TerritoryImportRequest): Promise<TerritoryImportResult> {
  require(principal, 'registry:import');
  const providerId = principal.scope.kind === 'provider' ? principal.scope.providerId : (request.providerId ?? null);
  if (principal.scope.kind === 'provider' && request.providerId && request.providerId !== principal.scope.providerId) throw new ForbiddenError();
  // Provider staff import only to onboard their own territory: what they import must become theirs to see.
  const reference = await loadReferenceData();
  const rows = territoryRows(reference.communes, reference.epcis, request.departements);
  if (rows.communes.length === 0) {
    throw new ValidationError('Aucune commune à importer', [{ path: 'departements', message: `aucune commune actuelle pour ${request.departements?.join(', ')}` }]);
  }
  const at = deps.clock.now();
  return deps.database.transaction(async (tx) => {
    if (providerId && !(await findProviderProfile(tx.db, providerId))) {
      throw new ValidationError('Fournisseur introuvable', [{ path: 'providerId', message: "cette organisation n'est pas un fournisseur" }]);
    }
    return importTerritoryRows(tx, principal, at, rows, providerId);
  });
}
