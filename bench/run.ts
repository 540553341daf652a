/**
 * Registry benchmark at national scale: imports every current commune and EPCI of France, then times
 * the registry's common reads. Run with `npm run bench` (PGlite), and with DATABASE_URL set for
 * PostgreSQL. Prints a Markdown table for docs/PERFORMANCE.md. A benchmark, never a test.
 */
import { cpus, totalmem } from 'node:os';
import { fixedClock } from '../src/clock.ts';
import { openPglite, openPostgres, type Database } from '../src/db/database.ts';
import { iterateOrganisations, listOrganisations } from '../src/repositories/organisation-repository.ts';
import { findOrganisationIdByNaturalKey } from '../src/repositories/organisation-repository.ts';
import { SYSTEM_PRINCIPAL, type Principal } from '../src/services/context.ts';
import { loadDemoIfEmpty } from '../src/services/demo.ts';
import { importTerritory } from '../src/services/registry/import-territory.ts';
import { sql } from 'drizzle-orm';

async function time<T>(label: string, rows: string[], work: () => Promise<T>, repeat = 1): Promise<T> {
  let result: T;
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    result = await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  rows.push(`| ${label} | ${median.toFixed(median < 10 ? 1 : 0)} ms${repeat > 1 ? ` (median of ${repeat})` : ''} |`);
  return result!;
}

async function bench(database: Database, engine: string): Promise<string[]> {
  const rows: string[] = [`| ${engine} | |`, '|---|---|'];
  const deps = { database, clock: fixedClock('2026-11-22T12:00:00Z') };
  await database.migrate();
  await loadDemoIfEmpty(deps);
  const first = await time('import all France, first run (34,969 communes + 1,255 EPCI, COPY + set-based upsert + audit)', rows, () =>
    importTerritory(deps, SYSTEM_PRINCIPAL, {}),
  );
  rows.push(`| → created | ${first.communes.created} communes, ${first.epci.created} EPCI |`);
  await time('import all France again (nothing changes)', rows, () => importTerritory(deps, SYSTEM_PRINCIPAL, {}));
  const callId = (await findOrganisationIdByNaturalKey(database.db, { siren: '246200364', kind: '', name: '' }))!;
  const linked = await time('import département 62 for the CALL, linking 900 prospects', rows, () =>
    importTerritory(deps, SYSTEM_PRINCIPAL, { departements: ['62'], providerId: callId }),
  );
  rows.push(`| → linked | ${linked.linkedToProvider} |`);
  const db = database.db;
  const base = { sort: 'name' as const, order: 'asc' as const, limit: 50, offset: 0 };
  const platform = SYSTEM_PRINCIPAL.scope;
  const provider: Principal['scope'] = { kind: 'provider', providerId: callId };
  await time('search by name "saint" (platform, 35k rows), first page + count', rows, () => listOrganisations(db, platform, { ...base, q: 'saint' }), 5);
  await time('search by INSEE code 62498', rows, () => listOrganisations(db, platform, { ...base, q: '62498' }), 5);
  await time('sort all by population desc, page 100', rows, () => listOrganisations(db, platform, { ...base, sort: 'population', order: 'desc', offset: 5000 }), 5);
  await time('provider-scoped list (CALL, ~900 linked), first page + count', rows, () => listOrganisations(db, provider, base), 5);
  await time('CSV export rows of département 62 (~900)', rows, async () => {
    let n = 0;
    for await (const _ of iterateOrganisations(db, platform, { ...base, departement: '62' })) n++;
    return n;
  });
  const audit = await db.execute(sql`SELECT count(*)::int AS n FROM audit_event`);
  rows.push(`| audit events written | ${(audit as unknown as { rows: { n: number }[] }).rows[0]!.n} |`);
  return rows;
}

const header = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  '',
];
const tables: string[][] = [];
const pglite = await openPglite(undefined);
tables.push(await bench(pglite, 'PGlite (in-memory)'));
await pglite.close();
if (process.env.DATABASE_URL) {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS mutualis_bench');
  await admin.query('CREATE DATABASE mutualis_bench');
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = '/mutualis_bench';
  const postgres = openPostgres(url.toString());
  tables.push(await bench(postgres, 'PostgreSQL 15 (local)'));
  await postgres.close();
  await admin.query('DROP DATABASE mutualis_bench');
  await admin.end();
}
console.log([...header, ...tables.map((t) => t.join('\n')).join('\n\n').split('\n')].join('\n'));
