import { describe, expect, it } from 'vitest';
import { useApiWorld } from '../support/api-harness.ts';
import { ENGINES } from '../support/test-database.ts';

describe.each(ENGINES)('organisation registry (%s)', (engine) => {
  const w = useApiWorld(engine);
  const admin = () => w.login('admin@demo.mutualis.fr');

  it('lists the five demo providers with their members', async () => {
    const response = await w.app.inject({ method: 'GET', url: '/api/v1/providers', headers: { cookie: await admin() } });
    const providers = response.json() as { shortName: string; members: number; prospects: number }[];
    expect(providers.map((p) => p.shortName).sort()).toEqual(['CALL', 'CC Cœur Côte Fleurie', 'CDG 62', 'La Fibre Numérique 59 62', 'Somme Numérique']);
    expect(providers.find((p) => p.shortName === 'CALL')).toMatchObject({ members: 1, prospects: 0 });
  });

  it('searches by name, INSEE code and SIREN, and sorts', async () => {
    const cookie = await admin();
    const search = async (q: string) => (await w.app.inject({ method: 'GET', url: `/api/v1/organisations?q=${encodeURIComponent(q)}`, headers: { cookie } })).json();
    expect((await search('lens')).items.map((o: { name: string }) => o.name)).toContain('Lens');
    expect((await search('62498')).items).toHaveLength(1);
    expect((await search('246200364')).items[0].name).toBe("Communauté d'Agglomération de Lens-Liévin");
    expect((await search('100%_')).total).toBe(0);
    const sorted = await w.app.inject({ method: 'GET', url: '/api/v1/organisations?sort=population&order=desc&limit=2', headers: { cookie } });
    expect(sorted.json().items[0].name).toBe("Communauté d'Agglomération de Lens-Liévin");
  });

  it('filters by membership status across visible providers, and reads booleans as written', async () => {
    const cookie = await admin();
    const list = async (query: string) => (await w.app.inject({ method: 'GET', url: `/api/v1/organisations?${query}`, headers: { cookie } })).json();
    const all = (await list('')).total;
    expect((await list('providersOnly=true')).total).toBe(5);
    expect((await list('providersOnly=false')).total).toBe(all);
    const prospects = (await list('membershipStatus=prospect')).items.map((o: { name: string }) => o.name);
    expect(prospects).toEqual(['Camblain-Châtelain']);
    const staff = await w.login('finances.call@demo.mutualis.fr');
    const callMembers = (await w.app.inject({ method: 'GET', url: '/api/v1/organisations?membershipStatus=member', headers: { cookie: staff } })).json();
    expect(callMembers.items.map((o: { name: string }) => o.name)).toEqual(['Lens']);
  });

  it('shows a detail with its providers, parent EPCI and the missing CLI', async () => {
    const detail = (await w.app.inject({ method: 'GET', url: `/api/v1/organisations/${w.ids.lens}`, headers: { cookie: await admin() } })).json();
    expect(detail).toMatchObject({ name: 'Lens', inseeCode: '62498', siren: '216204982', departement: '62', parentEpciId: w.ids.call, missingCli: true });
    expect(detail.providers).toEqual([expect.objectContaining({ providerId: w.ids.call, status: 'member', since: '2025-01-01' })]);
    const call = (await w.app.inject({ method: 'GET', url: `/api/v1/organisations/${w.ids.call}`, headers: { cookie: await admin() } })).json();
    expect(call).toMatchObject({ isProvider: true, providerShortName: 'CALL', memberCounts: { member: 1 } });
  });

  it('names each invalid field and refuses a duplicate SIREN', async () => {
    const cookie = await admin();
    const bad = await w.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: { cookie }, payload: { kind: 'commune', name: '', siren: '123456789', inseeCode: '6249' } });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'siren', 'inseeCode']));
    expect(bad.json().issues.find((i: { path: string }) => i.path === 'siren').message).toBe('clé de contrôle du SIREN invalide');
    const duplicate = await w.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: { cookie }, payload: { kind: 'commune', name: 'Lens bis', siren: '216204982' } });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.json().issues).toEqual([{ path: 'siren', message: 'une organisation porte déjà ce SIREN' }]);
    const wrongSiret = await w.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: { cookie }, payload: { kind: 'commune', name: 'X', siren: '216204982', siret: '24620036400080' } });
    expect(wrongSiret.json().issues).toEqual([{ path: 'siret', message: 'le SIRET doit commencer par le SIREN 216204982' }]);
  });

  it('updates with optimistic locking and records before/after in the audit log', async () => {
    const cookie = await admin();
    const current = (await w.app.inject({ method: 'GET', url: `/api/v1/organisations/${w.ids.lens}`, headers: { cookie } })).json();
    const patch = (version: number, population: number) =>
      w.app.inject({ method: 'PATCH', url: `/api/v1/organisations/${w.ids.lens}`, headers: { cookie }, payload: { version, population } });
    const first = await patch(current.version, 33000);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ population: 33000, version: current.version + 1 });
    const stale = await patch(current.version, 1);
    expect(stale.statusCode).toBe(409);
    const audit = (await w.app.inject({ method: 'GET', url: `/api/v1/audit?organisationId=${w.ids.lens}&entityType=organisation`, headers: { cookie } })).json();
    expect(audit[0]).toMatchObject({ action: 'update', actorLabel: 'admin@demo.mutualis.fr', before: { population: 32920 }, after: { population: 33000 }, occurredAt: '2026-03-15T10:00:00.000Z' });
  });

  it('checks the parent EPCI on update: it must be an EPCI the editor can see', async () => {
    const cookie = await admin();
    const trouville = (await w.app.inject({ method: 'GET', url: `/api/v1/organisations/${w.ids.trouville}`, headers: { cookie } })).json();
    const toCommune = await w.app.inject({ method: 'PATCH', url: `/api/v1/organisations/${w.ids.trouville}`, headers: { cookie }, payload: { version: trouville.version, parentEpciId: w.ids.lens } });
    expect(toCommune.json().issues).toEqual([{ path: 'parentEpciId', message: "l'EPCI de rattachement doit être une communauté ou une métropole" }]);
    const staff = await w.login('finances.call@demo.mutualis.fr');
    const lens = (await w.app.inject({ method: 'GET', url: `/api/v1/organisations/${w.ids.lens}`, headers: { cookie: staff } })).json();
    const hidden = await w.app.inject({ method: 'PATCH', url: `/api/v1/organisations/${w.ids.lens}`, headers: { cookie: staff }, payload: { version: lens.version, parentEpciId: w.ids.coeurCoteFleurie } });
    expect(hidden.json().issues).toEqual([{ path: 'parentEpciId', message: 'EPCI introuvable' }]);
    const keep = await w.app.inject({ method: 'PATCH', url: `/api/v1/organisations/${w.ids.lens}`, headers: { cookie: staff }, payload: { version: lens.version, representativeName: 'Sylvain ROBERT' } });
    expect(keep.statusCode).toBe(200);
  });

  it('lets provider staff create an organisation, which becomes their prospect', async () => {
    const cookie = await w.login('finances.call@demo.mutualis.fr');
    const created = await w.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: { cookie }, payload: { kind: 'etablissement_public', name: 'CCAS de Lens', parentEpciId: w.ids.call } });
    expect(created.statusCode).toBe(201);
    const detail = (await w.app.inject({ method: 'GET', url: `/api/v1/organisations/${created.json().id}`, headers: { cookie } })).json();
    expect(detail.providers).toEqual([expect.objectContaining({ providerId: w.ids.call, status: 'prospect' })]);
    const membership = await w.app.inject({ method: 'PUT', url: `/api/v1/providers/${w.ids.call}/memberships`, headers: { cookie }, payload: { memberId: created.json().id, status: 'member', since: '2026-01-01' } });
    expect(membership.json()).toMatchObject({ status: 'member', since: '2026-01-01', providerName: "Communauté d'Agglomération de Lens-Liévin" });
    const badDates = await w.app.inject({ method: 'PUT', url: `/api/v1/providers/${w.ids.call}/memberships`, headers: { cookie }, payload: { memberId: created.json().id, status: 'former', since: '2026-02-30' } });
    expect(badDates.json().issues).toEqual([{ path: 'since', message: "le jour 30 n'existe pas en 2026-02" }]);
  });

  it('exports the search as CSV for spreadsheets', async () => {
    const response = await w.app.inject({ method: 'GET', url: '/api/v1/organisations/export.csv?departement=62&sort=name', headers: { cookie: await admin() } });
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.replace('\ufeff', '').trim().split('\n');
    expect(lines[0]).toBe('Nom;Type;SIREN;SIRET;Code INSEE;Département;Population;EPCI de rattachement;Adresse;Complément;Code postal;Ville;Représentant;Qualité du représentant');
    expect(lines.some((l) => l.startsWith('Lens;Commune;216204982;;62498;62;'))).toBe(true);
  });

  it('lets a member read only its own organisation, and its CLI keep the contacts', async () => {
    const cookie = await w.login('cli.lens@demo.mutualis.fr');
    const list = (await w.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { cookie } })).json();
    expect(list.items.map((o: { name: string }) => o.name)).toEqual(['Lens']);
    const edit = await w.app.inject({ method: 'PATCH', url: `/api/v1/organisations/${w.ids.lens}`, headers: { cookie }, payload: { version: 1, population: 1 } });
    expect(edit.statusCode).toBe(403);
  });
});
