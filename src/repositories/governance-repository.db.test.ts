import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../tests/support/test-database.ts';
import { insertCommittee, insertMeeting, listCommitteeRows, listMeetingRows, providerParties } from './governance-repository.ts';
import { insertMembership, upsertProviderProfile } from './membership-repository.ts';
import { insertNeed, listNeedRows } from './need-repository.ts';
import { insertOrganisation } from './organisation-repository.ts';

/** Committees are their provider's (visibleProviders); needs their member's and provider's (providerMemberVisibleTo). */
describe.each(ENGINES)('committees and needs on %s', (engine) => {
  let t: TestDatabase;
  const at = new Date('2026-03-15T10:00:00Z');
  const ids = { provider: '', other: '', member: '', stranger: '', committee: '' };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const db = t.database.db;
    ids.provider = await insertOrganisation(db, { kind: 'communaute_agglomeration', name: 'Fournisseur' }, at);
    ids.other = await insertOrganisation(db, { kind: 'syndicat_mixte_ouvert', name: 'Autre fournisseur' }, at);
    ids.member = await insertOrganisation(db, { kind: 'commune', name: 'Adhérente' }, at);
    ids.stranger = await insertOrganisation(db, { kind: 'commune', name: 'Étrangère' }, at);
    await upsertProviderProfile(db, ids.provider, 'F', at);
    await upsertProviderProfile(db, ids.other, 'A', at);
    await insertMembership(db, ids.provider, ids.member, { status: 'member', since: null, until: null }, at);
    await insertMembership(db, ids.other, ids.stranger, { status: 'member', since: null, until: null }, at);
    ids.committee = await insertCommittee(db, { providerId: ids.provider, agreementId: null, code: 'strategique', kind: 'strategic', name: 'Comité stratégique', composition: [], members: [], rhythm: { kind: 'on_demand' }, powers: [], note: null }, at);
    for (const [status, heldOn, scheduledOn] of [['final', '2025-07-15', '2025-07-15'], ['planned', null, '2026-07-15']] as const) {
      await insertMeeting(db, { committeeId: ids.committee, providerId: ids.provider, scheduledOn, status, heldOn, place: null, agenda: [], attendance: [], minutes: null, finalisedOn: null, createdAt: at.toISOString(), updatedAt: at.toISOString() });
    }
    for (const [providerId, organisationId, title] of [[ids.provider, ids.member, 'Besoin adhérente'], [ids.other, ids.stranger, 'Besoin étrangère']] as const) {
      await insertNeed(db, { providerId, organisationId, code: null, year: 2026, kind: 'need', title, description: null, estimatedCents: null, status: 'submitted', state: { kind: 'need', status: 'submitted' }, history: [], recordedBy: 'test', createdAt: at.toISOString(), updatedAt: at.toISOString() });
    }
  });
  afterAll(() => t.drop());

  it('shows a committee to its provider with its last and next meetings, to no other provider', async () => {
    const db = t.database.db;
    const [row] = await listCommitteeRows(db, { kind: 'provider', providerId: ids.provider }, {});
    expect(row).toMatchObject({ name: 'Comité stratégique', providerName: 'Fournisseur', lastHeldOn: '2025-07-15', nextPlannedOn: '2026-07-15' });
    expect(await listCommitteeRows(db, { kind: 'provider', providerId: ids.other }, {})).toEqual([]);
    expect((await listMeetingRows(db, { kind: 'provider', providerId: ids.provider }, { from: '2026-01-01' })).map((m) => m.scheduledOn)).toEqual(['2026-07-15']);
    expect(await listMeetingRows(db, { kind: 'provider', providerId: ids.other }, {})).toEqual([]);
  });

  it('counts the provider and its current members as parties', async () => {
    expect((await providerParties(t.database.db, ids.provider)).map((p) => [p.name, p.role])).toEqual([
      ['Fournisseur', 'provider'],
      ['Adhérente', 'member'],
    ]);
  });

  it('shows a member its own needs, a provider its members’ needs', async () => {
    const db = t.database.db;
    const titles = async (scope: Parameters<typeof listNeedRows>[1]) => (await listNeedRows(db, scope, {})).map((n) => n.title).sort();
    expect(await titles({ kind: 'member', organisationId: ids.member })).toEqual(['Besoin adhérente']);
    expect(await titles({ kind: 'provider', providerId: ids.provider })).toEqual(['Besoin adhérente']);
    expect(await titles({ kind: 'platform' })).toEqual(['Besoin adhérente', 'Besoin étrangère']);
  });
});
