import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../tests/support/test-database.ts';
import { listAuditEvents, recordAudit } from './audit-repository.ts';
import { insertOrganisation } from './organisation-repository.ts';
import { insertMembership, upsertProviderProfile } from './membership-repository.ts';

describe.each(ENGINES)('audit log on %s', (engine) => {
  let t: TestDatabase;
  const at = new Date('2026-03-15T10:00:00Z');
  const ids = { provider: '', member: '', stranger: '' };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const db = t.database.db;
    ids.provider = await insertOrganisation(db, { kind: 'syndicat_mixte_ouvert', name: 'Fournisseur' }, at);
    ids.member = await insertOrganisation(db, { kind: 'commune', name: 'Adhérente' }, at);
    ids.stranger = await insertOrganisation(db, { kind: 'commune', name: 'Étrangère' }, at);
    await upsertProviderProfile(db, ids.provider, 'F', at);
    await insertMembership(db, ids.provider, ids.member, { status: 'member', since: null, until: null }, at);
    for (const organisationId of [ids.member, ids.stranger, null]) {
      await recordAudit(db, { accountId: null, label: 'test' }, at, { action: 'update', entityType: 'organisation', entityId: String(organisationId), organisationId, before: { a: 1 }, after: { a: 2 } });
    }
  });
  afterAll(() => t.drop());

  it('refuses UPDATE, DELETE and TRUNCATE: the trail is append-only', async () => {
    const db = t.database.db;
    await expect(db.execute(sql`UPDATE audit_event SET actor_label = 'rewritten'`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_event`)).rejects.toThrow();
    await expect(db.execute(sql`TRUNCATE audit_event`)).rejects.toThrow();
    const rows = await db.execute(sql`SELECT count(*)::int AS n FROM audit_event WHERE actor_label = 'test'`);
    expect(Number((rows as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBe(3);
  });

  it('scopes the trail like the data it describes', async () => {
    const db = t.database.db;
    const query = { limit: 100 };
    const of = async (scope: Parameters<typeof listAuditEvents>[1]) => (await listAuditEvents(db, scope, query)).map((e) => e.organisationId);
    expect(await of({ kind: 'platform' })).toEqual([null, ids.stranger, ids.member]);
    expect(await of({ kind: 'provider', providerId: ids.provider })).toEqual([ids.member]);
    expect(await of({ kind: 'member', organisationId: ids.stranger })).toEqual([ids.stranger]);
  });
});
