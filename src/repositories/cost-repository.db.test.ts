import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../tests/support/test-database.ts';
import { consumptionSnapshots } from '../db/schema/index.ts';
import { findBudgetRow, listBudgetRows, membersLeavingIn, snapshotRows, upsertBudgetRow } from './cost-repository.ts';
import { insertMembership, upsertProviderProfile } from './membership-repository.ts';
import { insertOrganisation } from './organisation-repository.ts';

describe.each(ENGINES)('cost repository on %s', (engine) => {
  let t: TestDatabase;
  const at = new Date('2026-03-15T10:00:00Z');
  const ids = { provider: '', member: '', leaving: '' };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const db = t.database.db;
    ids.provider = await insertOrganisation(db, { kind: 'communaute_agglomeration', name: 'Fournisseur' }, at);
    ids.member = await insertOrganisation(db, { kind: 'commune', name: 'Adhérente' }, at);
    ids.leaving = await insertOrganisation(db, { kind: 'commune', name: 'Sortante' }, at);
    await upsertProviderProfile(db, ids.provider, 'F', at);
    await insertMembership(db, ids.provider, ids.member, { status: 'member', since: null, until: null }, at);
    await insertMembership(db, ids.provider, ids.leaving, { status: 'member', since: null, until: '2026-12-31' }, at);
    for (const [organisationId, units] of [[ids.member, 10], [ids.leaving, 4]] as const) {
      await db.insert(consumptionSnapshots).values({ providerId: ids.provider, organisationId, line: 'socle', optionsKey: '', year: 2026, units: [units, units, null, null, null, null, null, null, null, null, null, null] as number[], recordedAt: at.toISOString() });
    }
  });
  afterAll(() => t.drop());

  it('keeps one budget per provider and year, replaced whole', async () => {
    const db = t.database.db;
    await upsertBudgetRow(db, { providerId: ids.provider, fiscalYear: 2027, document: { charges: [1] }, updatedAt: at.toISOString() });
    await upsertBudgetRow(db, { providerId: ids.provider, fiscalYear: 2027, document: { charges: [2] }, updatedAt: at.toISOString() });
    await upsertBudgetRow(db, { providerId: ids.provider, fiscalYear: 2026, document: { charges: [] }, updatedAt: at.toISOString() });
    expect((await findBudgetRow(db, ids.provider, 2027))?.document).toEqual({ charges: [2] });
    expect((await listBudgetRows(db, ids.provider)).map((r) => r.fiscalYear)).toEqual([2026, 2027]);
    expect(await findBudgetRow(db, ids.provider, 2030)).toBeNull();
  });

  it('reads snapshots as the scope may see them, and the members leaving in a year', async () => {
    const db = t.database.db;
    const names = async (scope: Parameters<typeof snapshotRows>[1]) => (await snapshotRows(db, scope, ids.provider, 2026, 2026)).map((r) => [r.name, r.units]);
    expect(await names({ kind: 'provider', providerId: ids.provider })).toEqual([['Adhérente', [10, 10, null, null, null, null, null, null, null, null, null, null]], ['Sortante', [4, 4, null, null, null, null, null, null, null, null, null, null]]]);
    expect((await names({ kind: 'member', organisationId: ids.member })).map(([n]) => n)).toEqual(['Adhérente']);
    expect(await membersLeavingIn(db, ids.provider, 2026)).toEqual([ids.leaving]);
    expect(await membersLeavingIn(db, ids.provider, 2027)).toEqual([]);
  });
});
