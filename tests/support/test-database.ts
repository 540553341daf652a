import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { fixedClock, type Clock } from '../../src/clock.ts';
import { openPglite, openPostgres, type Database } from '../../src/db/database.ts';
import { databaseUrlFor } from './database-url.ts';

export type Engine = 'pglite' | 'postgres';

/** Data-layer and API tests run on every engine available: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const ENGINES: Engine[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  database: Database;
  drop(): Promise<void>;
}

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const database = await openPglite(undefined, new Blob([readFileSync(inject('pgliteTemplate'))]));
    return { database, drop: () => database.close() };
  }
  const url = process.env.DATABASE_URL!;
  const template = inject('postgresTemplate');
  if (!template) throw new Error('PostgreSQL template missing: DATABASE_URL was not set for the global setup');
  // The run id (set by the global setup) lets the teardown drop leftovers; the random part separates files.
  const name = `mutualis_t_${process.env.MUTUALIS_TEST_RUN ?? 'x'}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const database = openPostgres(databaseUrlFor(url, name), 4);
  return {
    database,
    async drop() {
      await database.close();
      const cleaner = new pg.Client({ connectionString: url });
      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleaner.end();
    },
  };
}

export const TEST_CLOCK: Clock = fixedClock('2026-03-15T10:00:00Z');
