import { describe, expect, it } from 'vitest';
import { useApiWorld } from '../support/api-harness.ts';
import { ENGINES } from '../support/test-database.ts';

describe.each(ENGINES)('contacts and the single CLI (%s)', (engine) => {
  const w = useApiWorld(engine);

  it('lets the member CLI add contacts, refuses a second active CLI, allows a handover', async () => {
    const cookie = await w.login('cli.lens@demo.mutualis.fr');
    const url = `/api/v1/organisations/${w.ids.lens}/contacts`;
    const add = (payload: object) => w.app.inject({ method: 'POST', url, headers: { cookie }, payload });
    const first = await add({ lastName: 'DURAND', firstName: 'Alice', roles: ['cli', 'technical'], email: 'a.durand@lens.example' });
    expect(first.statusCode).toBe(201);
    const second = await add({ lastName: 'MARTIN', roles: ['cli'] });
    expect(second.statusCode).toBe(422);
    expect(second.json().issues).toEqual([{ path: 'roles', message: "cette organisation a déjà un CLI actif : retirez-lui d'abord ce rôle" }]);
    const badEmail = await add({ lastName: 'MARTIN', roles: ['dpo'], email: 'pas-un-email' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().issues[0].path).toBe('email');

    // Handover: the first CLI leaves, then the new one can be named.
    const left = await w.app.inject({ method: 'PATCH', url: `/api/v1/contacts/${first.json().id}`, headers: { cookie }, payload: { version: 1, active: false } });
    expect(left.json()).toMatchObject({ active: false, version: 2 });
    expect((await add({ lastName: 'MARTIN', roles: ['cli'] })).statusCode).toBe(201);
    const detail = (await w.app.inject({ method: 'GET', url: `/api/v1/organisations/${w.ids.lens}`, headers: { cookie } })).json();
    expect(detail.missingCli).toBe(false);
  });

  it('keeps the one-CLI rule in the database itself, even if two writers race', async () => {
    const admin = await w.login('admin@demo.mutualis.fr');
    const url = `/api/v1/organisations/${w.ids.trouville}/contacts`;
    const results = await Promise.all(
      ['UN', 'DEUX', 'TROIS'].map((lastName) => w.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload: { lastName, roles: ['cli'] } })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422, 422]);
  });

  it('does not let an elected member edit contacts', async () => {
    const cookie = await w.login('elu.trouville@demo.mutualis.fr');
    const response = await w.app.inject({ method: 'POST', url: `/api/v1/organisations/${w.ids.trouville}/contacts`, headers: { cookie }, payload: { lastName: 'X', roles: ['dpo'] } });
    expect(response.statusCode).toBe(403);
  });
});
