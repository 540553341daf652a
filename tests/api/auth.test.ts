import { describe, expect, it } from 'vitest';
import { useApiWorld } from '../support/api-harness.ts';
import { ENGINES } from '../support/test-database.ts';

describe.each(ENGINES)('accounts and sessions (%s)', (engine) => {
  const w = useApiWorld(engine);

  it('logs in with the right password only, with the same answer for an unknown e-mail', async () => {
    const wrong = await w.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'cli.lens@demo.mutualis.fr', password: 'nope' } });
    const unknown = await w.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'personne@demo.mutualis.fr', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    const ok = await w.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'CLI.Lens@demo.mutualis.fr', password: 'demo-mutualis-2026' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ role: 'member_cli', side: 'member', organisationName: 'Lens' });
    const cookie = ok.cookies.find((c) => c.name === 'mutualis_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('ends the session on logout', async () => {
    const cookie = await w.login('elu.trouville@demo.mutualis.fr');
    expect((await w.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await w.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await w.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('changes the password, closes the other sessions, and refuses a wrong current password', async () => {
    const email = 'technicien.call@demo.mutualis.fr';
    const first = await w.login(email);
    const second = await w.login(email);
    const bad = await w.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: first }, payload: { currentPassword: 'faux', newPassword: 'un nouveau mot de passe' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().issues).toEqual([{ path: 'currentPassword', message: 'mot de passe incorrect' }]);
    const short = await w.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: first }, payload: { currentPassword: 'demo-mutualis-2026', newPassword: 'court' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().issues[0].path).toBe('newPassword');
    const ok = await w.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: first }, payload: { currentPassword: 'demo-mutualis-2026', newPassword: 'un nouveau mot de passe' } });
    expect(ok.statusCode).toBe(204);
    expect((await w.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: first } })).statusCode).toBe(200);
    expect((await w.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: second } })).statusCode).toBe(401);
    await expect(w.login(email)).rejects.toThrow('401');
    await w.login(email, 'un nouveau mot de passe');
  });

  it('lets the platform administrator create accounts, checks the role against the organisation', async () => {
    const cookie = await w.login('admin@demo.mutualis.fr');
    const create = (payload: object) => w.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie }, payload });
    const staffOfMember = await create({ email: 'x@test.fr', displayName: 'X', role: 'finance', organisationId: w.ids.lens, password: 'assez long mot de passe' });
    expect(staffOfMember.statusCode).toBe(422);
    expect(staffOfMember.json().issues[0]).toEqual({ path: 'organisationId', message: 'le personnel est rattaché à un fournisseur' });
    const member = await create({ email: 'finances@lens.test', displayName: 'Finances Lens', role: 'member_finance', organisationId: w.ids.lens, password: 'assez long mot de passe' });
    expect(member.statusCode).toBe(201);
    const duplicate = await create({ email: 'FINANCES@lens.test', displayName: 'Bis', role: 'member_finance', organisationId: w.ids.lens, password: 'assez long mot de passe' });
    expect(duplicate.json().issues).toEqual([{ path: 'email', message: 'un compte existe déjà avec cette adresse' }]);
    const list = await w.app.inject({ method: 'GET', url: '/api/v1/accounts', headers: { cookie } });
    expect(list.json().map((a: { email: string }) => a.email)).toContain('finances@lens.test');
  });

  it('refuses cross-site writes', async () => {
    const cookie = await w.login('admin@demo.mutualis.fr');
    const response = await w.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { cookie, origin: 'https://evil.example', host: 'localhost:3000' },
      payload: { kind: 'commune', name: 'X' },
    });
    expect(response.statusCode).toBe(403);
  });
});
