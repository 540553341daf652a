import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** One query interface for both engines; a transaction is the same type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** A transaction: Drizzle for queries, plus COPY for bulk loads (the only fast path, STACK-NOTES). */
export interface Tx {
  db: Db;
  /** Runs `COPY table (columns) FROM STDIN` with CSV text. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
  /** Runs `COPY table (columns) FROM STDIN` in PostgreSQL's text format (`toCopyText`): no quoting, less to parse for long values. */
  copyText(table: string, columns: readonly string[], text: string): Promise<void>;
}

export interface Database {
  engine: 'pglite' | 'postgres';
  db: Db;
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

function copyStatement(table: string, columns: readonly string[], source: string, format: 'csv' | 'text' = 'csv'): string {
  const quoted = columns.map((c) => `"${c}"`).join(', ');
  return `COPY "${table}" (${quoted}) FROM ${source} WITH (FORMAT ${format})`;
}

export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    engine: 'pglite',
    db,
    async transaction(work) {
      return client.transaction(async (ptx) => {
        const txDb = drizzlePglite(ptx as unknown as PGlite, { schema }) as unknown as Db;
        return work({
          db: txDb,
          async copyCsv(table, columns, csv) {
            await ptx.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv]) });
          },
          async copyText(table, columns, text) {
            await ptx.query(copyStatement(table, columns, "'/dev/blob'", 'text'), [], { blob: new Blob([text]) });
          },
        });
      });
    },
    async migrate() {
      await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async close() {
      await client.close();
    },
  };
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) mkdirSync(dirname(resolve(dataDir)), { recursive: true });
  const client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(loadDataDir ? { loadDataDir } : {}) });
  return wrapPglite(client);
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server closes (restart, administrator, dropped test database) must not crash the
  // process: the pool discards it and opens a new one for the next query.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    engine: 'postgres',
    db,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          db: drizzlePg(client, { schema }) as unknown as Db,
          async copyCsv(table, columns, csv) {
            const stream = client.query(copyFrom(copyStatement(table, columns, 'STDIN')));
            await pipeline(Readable.from([csv]), stream);
          },
          async copyText(table, columns, text) {
            const stream = client.query(copyFrom(copyStatement(table, columns, 'STDIN', 'text')));
            await pipeline(Readable.from([text]), stream);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async migrate() {
      await migratePg(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async close() {
      await pool.end();
    },
  };
}

export async function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

/** The rows of a raw `db.execute(sql…)` result, the same on both drivers. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
