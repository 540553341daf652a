import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import type { ZodApp } from '../../src/api/types.ts';
import { findOrganisationIdByNaturalKey } from '../../src/repositories/organisation-repository.ts';
import { createAccount } from '../../src/services/auth-service.ts';
import { SYSTEM_PRINCIPAL, type Deps } from '../../src/services/context.ts';
import { DEMO_PASSWORD, loadDemoIfEmpty } from '../../src/services/demo.ts';
import { createTestDatabase, TEST_CLOCK, type Engine, type TestDatabase } from './test-database.ts';

export interface ApiWorld {
  app: ZodApp;
  deps: Deps;
  ids: { call: string; lens: string; trouville: string; coeurCoteFleurie: string; sommeNumerique: string };
  /** Logs in and returns the Cookie header value of the new session. */
  login(email: string, password?: string): Promise<string>;
}

export const CALL_ADMIN = 'admin.call@test.mutualis.fr';

/** The five seeds loaded into a fresh database, the API in-process, and one more account: a CALL administrator. */
export function useApiWorld(engine: Engine): ApiWorld {
  const world = {} as ApiWorld;
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    const deps: Deps = { database: testDb.database, clock: TEST_CLOCK };
    await loadDemoIfEmpty(deps);
    const db = deps.database.db;
    const id = async (key: Parameters<typeof findOrganisationIdByNaturalKey>[1]) => (await findOrganisationIdByNaturalKey(db, key))!;
    world.ids = {
      call: await id({ siren: '246200364', kind: '', name: '' }),
      lens: await id({ inseeCode: '62498', kind: '', name: '' }),
      trouville: await id({ inseeCode: '14715', kind: '', name: '' }),
      coeurCoteFleurie: await id({ siren: '241400415', kind: '', name: '' }),
      sommeNumerique: await id({ kind: 'syndicat_mixte_ouvert', name: 'Syndicat mixte Somme Numérique' }),
    };
    await createAccount(deps, SYSTEM_PRINCIPAL, { email: CALL_ADMIN, displayName: 'Admin CALL', role: 'admin', organisationId: world.ids.call, password: DEMO_PASSWORD });
    world.deps = deps;
    world.app = await buildApp(deps, { sessionTtlHours: 1, secureCookies: false, webDist: '/nonexistent' });
    world.login = async (email, password = DEMO_PASSWORD) => {
      const response = await world.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      if (response.statusCode !== 200) throw new Error(`login ${email} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'mutualis_session')!;
      return `${cookie.name}=${cookie.value}`;
    };
  });
  afterAll(async () => {
    await world.app?.close();
    await testDb?.drop();
  });
  return world;
}
