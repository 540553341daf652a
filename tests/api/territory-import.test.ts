import { describe, expect, it } from 'vitest';
import { CALL_ADMIN, useApiWorld } from '../support/api-harness.ts';
import { ENGINES } from '../support/test-database.ts';

describe.each(ENGINES)('import of communes and EPCI from the reference data (%s)', (engine) => {
  const w = useApiWorld(engine);

  it('imports a département with parent EPCI, then changes nothing on a second run', async () => {
    const cookie = await w.login('admin@demo.mutualis.fr');
    const run = () => w.app.inject({ method: 'POST', url: '/api/v1/imports/territory', headers: { cookie }, payload: { departements: ['90'] } });
    const first = (await run()).json();
    expect(first.communes.created).toBeGreaterThan(90);
    expect(first.epci.created).toBeGreaterThan(0);
    const second = (await run()).json();
    expect(second).toEqual({
      epci: { created: 0, updated: 0, unchanged: first.epci.created },
      communes: { created: 0, updated: 0, unchanged: first.communes.created },
      linkedToProvider: 0,
    });
    const belfort = (await w.app.inject({ method: 'GET', url: '/api/v1/organisations?q=90010', headers: { cookie } })).json().items[0];
    expect(belfort).toMatchObject({ name: 'Belfort', kind: 'commune', departement: '90', siren: '219000106' });
    expect(belfort.parentEpciName).toMatch(/Belfort/);
    const audit = (await w.app.inject({ method: 'GET', url: `/api/v1/audit?organisationId=${belfort.id}`, headers: { cookie } })).json();
    expect(audit[0]).toMatchObject({ action: 'import', actorLabel: 'admin@demo.mutualis.fr', after: { siren: '219000106' } });
  });

  it("links a provider's territory to it as prospects, keeps existing names and memberships", async () => {
    const cookie = await w.login(CALL_ADMIN);
    const result = (await w.app.inject({ method: 'POST', url: '/api/v1/imports/territory', headers: { cookie }, payload: { departements: ['62'] } })).json();
    expect(result.communes.created).toBeGreaterThan(800);
    expect(result.linkedToProvider).toBe(result.communes.created + result.communes.updated + result.communes.unchanged + result.epci.created + result.epci.unchanged + result.epci.updated - 2);
    const call = (await w.app.inject({ method: 'GET', url: `/api/v1/organisations/${w.ids.call}`, headers: { cookie } })).json();
    expect(call.name).toBe("Communauté d'Agglomération de Lens-Liévin");
    const lens = (await w.app.inject({ method: 'GET', url: `/api/v1/organisations/${w.ids.lens}`, headers: { cookie } })).json();
    expect(lens.providers.find((m: { providerId: string }) => m.providerId === w.ids.call).status).toBe('member');
    const liévin = (await w.app.inject({ method: 'GET', url: '/api/v1/organisations?q=62510', headers: { cookie } })).json();
    expect(liévin.items[0].parentEpciId).toBe(w.ids.call);
  });

  it('says which département has no commune', async () => {
    const cookie = await w.login('admin@demo.mutualis.fr');
    const response = await w.app.inject({ method: 'POST', url: '/api/v1/imports/territory', headers: { cookie }, payload: { departements: ['20'] } });
    expect(response.statusCode).toBe(422);
    expect(response.json().issues).toEqual([{ path: 'departements', message: 'aucune commune actuelle pour 20' }]);
  });
});
