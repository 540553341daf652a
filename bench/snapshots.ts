/**
 * Snapshot import at national scale (issue: consumption): every commune and EPCI of France a member of one
 * provider, 10 subscribed service lines each, one year of monthly snapshots (≈ 4.35 million rows) loaded from
 * a CSV file through the real import (parse, every check, COPY staging, write), then the same file again
 * (nothing changes) and a file correcting 1 % of the rows. Run with `npm run bench:snapshots`; with
 * DATABASE_URL also on PostgreSQL. Prints a Markdown table for docs/PERFORMANCE.md. A benchmark, never a test.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../src/clock.ts';
import { SERVICES } from './national.ts';
import { openPglite, openPostgres, rowsOf, type Database } from '../src/db/database.ts';
import { findOrganisationIdByNaturalKey } from '../src/repositories/organisation-repository.ts';
import { SYSTEM_PRINCIPAL } from '../src/services/context.ts';
import { readSnapshotCsv } from '../src/services/consumption/snapshot-files.ts';
import { importSnapshots } from '../src/services/consumption/snapshot-import.ts';
import { loadDemoIfEmpty } from '../src/services/demo.ts';
import { importTerritory } from '../src/services/registry/import-territory.ts';


async function writeFile(path: string, members: { siren: string }[], change: (i: number) => boolean): Promise<number> {
  const out = createWriteStream(path);
  out.write('membre;ligne;options;mois;unites\n');
  let rows = 0;
  let i = 0;
  for (const member of members) {
    for (const [line, options] of SERVICES) {
      const text = options.replace('&', ';');
      for (let month = 1; month <= 12; month++) {
        const units = 10 + ((i * 7 + month) % 40) + (change(i) ? 1 : 0);
        const ok = out.write(`${member.siren};${line};"${text}";2025-${String(month).padStart(2, '0')};${units}\n`);
        rows++;
        i++;
        if (!ok) await once(out, 'drain');
      }
    }
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

async function bench(database: Database, engine: string, dir: string): Promise<string[]> {
  const rows: string[] = [`| ${engine} | |`, '|---|---|'];
  const deps = { database, clock: fixedClock('2026-11-22T12:00:00Z') };
  await database.migrate();
  await loadDemoIfEmpty(deps);
  await importTerritory(deps, SYSTEM_PRINCIPAL, {});
  const db = database.db;
  const callId = (await findOrganisationIdByNaturalKey(db, { siren: '246200364', kind: '', name: '' }))!;
  const [agreement] = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM agreement WHERE provider_id = ${callId}::uuid LIMIT 1`));
  const setup = performance.now();
  await database.transaction(async ({ db: tx }) => {
    await tx.execute(sql`INSERT INTO membership (provider_id, member_id, status, since, created_at)
      SELECT ${callId}::uuid, o.id, 'member', DATE '2025-01-01', now() FROM organisation o WHERE o.siren IS NOT NULL AND o.id <> ${callId}::uuid
      ON CONFLICT (provider_id, member_id) DO UPDATE SET status = 'member'`);
    await tx.execute(sql`INSERT INTO subscription_request (provider_id, organisation_id, agreement_id, code, received_on, submitted_by, warnings, created_at)
      SELECT ${callId}::uuid, m.member_id, ${agreement!.id}::uuid, 'bench-' || m.member_id, DATE '2024-06-01', 'bench', '[]', now()
      FROM membership m WHERE m.provider_id = ${callId}::uuid AND m.status = 'member'`);
    await tx.execute(sql`INSERT INTO subscription_line (request_id, provider_id, organisation_id, line, options, options_key, quantity, wished_on, state, status, opened_on, updated_at)
      SELECT r.id, r.provider_id, r.organisation_id, s.line, '{}', s.options_key, 10, DATE '2025-01-01', '{"status":"opened","openedOn":"2025-01-01"}', 'opened', DATE '2025-01-01', now()
      FROM subscription_request r CROSS JOIN (VALUES ${sql.join(SERVICES.map(([l, o]) => sql`(${l}, ${o})`), sql`, `)}) AS s(line, options_key)
      WHERE r.code LIKE 'bench-%'`);
  });
  const members = rowsOf<{ siren: string }>(
    await db.execute(sql`SELECT o.siren FROM membership m JOIN organisation o ON o.id = m.member_id WHERE m.provider_id = ${callId}::uuid AND m.status = 'member' AND o.siren IS NOT NULL ORDER BY o.siren`),
  );
  // The setup's write burst is not the import's cost: let the engine settle (checkpoint, statistics) first.
  await db.execute(sql`VACUUM ANALYZE`);
  if (database.engine === 'postgres') await db.execute(sql`CHECKPOINT`);
  rows.push(`| setup: ${members.length} members, ${members.length * SERVICES.length} open subscription lines (set-based) | ${Math.round(performance.now() - setup)} ms |`);

  const first = join(dir, 'snapshots-2025.csv');
  const total = await writeFile(first, members, () => false);
  const corrected = join(dir, 'snapshots-2025-corrected.csv');
  await writeFile(corrected, members, (i) => i % 100 === 0);
  const run = async (label: string, path: string) => {
    global.gc?.();
    const started = performance.now();
    const phases: Record<string, number> = {};
    const onProgress = (phase: string) => {
      if (!(phase in phases)) phases[phase] = performance.now() - started;
    };
    const result = await importSnapshots(deps, SYSTEM_PRINCIPAL, callId, readSnapshotCsv(createReadStream(path)), { source: 'file', fileName: path, onProgress });
    const ms = performance.now() - started;
    const split = `reference data ${Math.round(phases.reference!)} ms, read + check ${Math.round(phases.write! - phases.reference!)} ms, write ${Math.round(ms - phases.write!)} ms`;
    if (result.errorCount) throw new Error(`${label}: ${result.errorCount} errors, first ${JSON.stringify(result.errors[0])}`);
    rows.push(`| ${label}: ${total.toLocaleString('en')} rows (${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged) | ${Math.round(ms)} ms — **${Math.round(total / (ms / 1000)).toLocaleString('en')} rows/s** (${split}) |`);
  };
  await run('first load of a year', first);
  await run('same file again', first);
  await run('file correcting 1 % of the rows', corrected);
  const [count] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM consumption_snapshot`));
  const [history] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM consumption_snapshot_history`));
  rows.push(`| stored snapshots / history rows | ${count!.n} / ${history!.n} |`);
  rows.push(`| peak resident memory of the process so far | ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB |`);
  return rows;
}

const dir = mkdtempSync(join(tmpdir(), 'mutualis-bench-'));
const header = [`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`, ''];
const tables: string[][] = [];
try {
  if (process.env.DATABASE_URL) {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS mutualis_bench_snapshots');
    await admin.query('CREATE DATABASE mutualis_bench_snapshots');
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/mutualis_bench_snapshots';
    const postgres = openPostgres(url.toString());
    tables.push(await bench(postgres, 'PostgreSQL 15 (local)', dir));
    await postgres.close();
    await admin.query('DROP DATABASE mutualis_bench_snapshots');
    await admin.end();
  }
  if (process.env.BENCH_ENGINES !== 'postgres') {
    const pglite = await openPglite(undefined);
    tables.push(await bench(pglite, 'PGlite (in-memory)', dir));
    await pglite.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log([...header, ...tables.map((t) => t.join('\n')).join('\n\n').split('\n')].join('\n'));
