/**
 * A full annual billing run at national scale (issue #7): every commune and EPCI of France a member of one
 * provider (the CALL of example 004) under one agreement, 10 subscribed lines each, a year of monthly snapshots
 * (≈ 4.3 million monthly values), billed from the snapshots at the grid's monthly prices. Measures the preview
 * (facts read + every member's bill computed), the issue (the same, then ≈ 36,000 titles and ≈ 360,000 lines
 * written, numbered), and the lower bound: the same computation on facts already in memory. Run with
 * `npm run bench:billing`; with DATABASE_URL also on PostgreSQL. A benchmark, never a test.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../src/clock.ts';
import { SERVICES } from './national.ts';
import { openPglite, openPostgres, rowsOf, type Database } from '../src/db/database.ts';
import { memberBill } from '../src/domain/billing/member-bill.ts';
import type { AgreementRules } from '../src/domain/agreements/rules.ts';
import { periodBounds } from '../src/domain/consumption/periods.ts';
import { findOrganisationIdByNaturalKey } from '../src/repositories/organisation-repository.ts';
import { SYSTEM_PRINCIPAL } from '../src/services/context.ts';
import { loadMemberFacts, loadPricing } from '../src/services/billing/billing-facts.ts';
import { billingAgreement, computeRun } from '../src/services/billing/run-compute.ts';
import { loadDemoIfEmpty } from '../src/services/demo.ts';
import { importTerritory } from '../src/services/registry/import-territory.ts';

const ANNUAL = { rhythm: 'annual', timing: 'arrears', continuousBasis: 'monthly_snapshots', proration: 'none', partialMonthCounts: false, oneOffBasis: 'quote', managementFeeBasisPoints: 0 };
const mib = () => Math.round(process.resourceUsage().maxRSS / 1024);

interface IssueFigures {
  issueMs: number;
  firstWriteMs: number;
  readMs: number;
  computeMs: number;
  writeMs: number;
  titles: number;
  lines: number;
  first: string;
  last: string;
  againMs: number;
  againCreated: boolean;
  openedMiB: number;
  peakMiB: number;
}

function issueInChildProcess(engine: string, location: string, agreementId: string): IssueFigures {
  const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/billing-issue.ts', engine, location, agreementId], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(output.trim().split('\n').at(-1)!) as IssueFigures;
}

/** `location` is where a child process opens the same database; `release` lets go of it first (PGlite is single-process). */
async function bench(database: Database, engine: string, location: string, release: () => Promise<void>): Promise<string[]> {
  const rows: string[] = [`| ${engine} | |`, '|---|---|'];
  const deps = { database, clock: fixedClock('2026-03-02T09:00:00Z') };
  await database.migrate();
  await loadDemoIfEmpty(deps);
  await importTerritory(deps, SYSTEM_PRINCIPAL, {});
  const db = database.db;
  const callId = (await findOrganisationIdByNaturalKey(db, { siren: '246200364', kind: '', name: '' }))!;
  const [agreement] = rowsOf<{ id: string; rules: AgreementRules }>(await db.execute(sql`SELECT id, rules FROM agreement WHERE provider_id = ${callId}::uuid AND code = 'dmsi-lens-2024'`));
  const setup = performance.now();
  await database.transaction(async ({ db: tx }) => {
    // One agreement for the whole country, billed yearly from the snapshots.
    await tx.execute(sql`UPDATE agreement SET rules = jsonb_set(rules, '{billing}', ${JSON.stringify(ANNUAL)}::jsonb) WHERE id = ${agreement!.id}::uuid`);
    await tx.execute(sql`INSERT INTO membership (provider_id, member_id, status, since, created_at)
      SELECT ${callId}::uuid, o.id, 'member', DATE '2025-01-01', now() FROM organisation o WHERE o.siren IS NOT NULL AND o.id <> ${callId}::uuid
      ON CONFLICT (provider_id, member_id) DO UPDATE SET status = 'member'`);
    await tx.execute(sql`INSERT INTO agreement_party (agreement_id, organisation_id, role)
      SELECT ${agreement!.id}::uuid, m.member_id, 'member' FROM membership m WHERE m.provider_id = ${callId}::uuid AND m.status = 'member'
      AND NOT EXISTS (SELECT 1 FROM agreement_party p WHERE p.agreement_id = ${agreement!.id}::uuid AND p.organisation_id = m.member_id)`);
    await tx.execute(sql`INSERT INTO consumption_snapshot (provider_id, organisation_id, line, options_key, year, units, recorded_at)
      SELECT ${callId}::uuid, m.member_id, s.line, s.options_key, 2025,
        ARRAY(SELECT 10 + ((hashtext(m.member_id::text || s.line || s.options_key) & 1023) + g) % 40 FROM generate_series(1, 12) g), now()
      FROM membership m CROSS JOIN (VALUES ${sql.join(SERVICES.map(([l, o]) => sql`(${l}, ${o})`), sql`, `)}) AS s(line, options_key)
      WHERE m.provider_id = ${callId}::uuid AND m.status = 'member'
      ON CONFLICT DO NOTHING`);
  });
  await db.execute(sql`VACUUM ANALYZE`);
  if (database.engine === 'postgres') await db.execute(sql`CHECKPOINT`);
  const [counts] = rowsOf<{ members: number; snapshots: number }>(
    await db.execute(sql`SELECT (SELECT count(*)::int FROM agreement_party WHERE agreement_id = ${agreement!.id}::uuid AND role = 'member') AS members, (SELECT count(*)::int FROM consumption_snapshot WHERE year = 2025) AS snapshots`),
  );
  rows.push(`| setup: ${counts!.members.toLocaleString('en')} members, ${counts!.snapshots.toLocaleString('en')} snapshot years (${(counts!.snapshots * 12).toLocaleString('en')} monthly values) | ${Math.round(performance.now() - setup)} ms |`);

  const row = await billingAgreement(db, SYSTEM_PRINCIPAL, agreement!.id);
  global.gc?.();
  const before = process.memoryUsage().rss;
  let started = performance.now();
  let members: string[];
  {
    const preview = await computeRun(db, row, { kind: 'regular', year: 2025, index: 1 }, deps.clock.today());
    const previewMs = performance.now() - started;
    const lines = preview.documents.reduce((n, d) => n + d.lines.length, 0);
    const issues = preview.documents.reduce((n, d) => n + d.issues.length, 0);
    rows.push(`| preview (facts read + ${preview.documents.length.toLocaleString('en')} bills computed, ${lines.toLocaleString('en')} lines, ${issues} issues) | **${Math.round(previewMs)} ms**, +${Math.round((process.memoryUsage().rss - before) / 2 ** 20)} MiB resident |`);
    members = preview.documents.map((d) => d.organisationId);
  }

  // The lower bound: the same bills computed on facts already in memory (no database).
  const pricing = await loadPricing(db, callId);
  const { from, to } = periodBounds({ kind: 'year', year: 2025, index: 1 });
  const facts = await loadMemberFacts(db, callId, members, { year: 2025, from, to, quarter: null });
  global.gc?.();
  started = performance.now();
  const policy = (row.rules as AgreementRules).billing!;
  for (const m of members) memberBill(policy, 'regular', { kind: 'year', year: 2025, index: 1 }, pricing, facts.get(m)!);
  rows.push(`| lower bound: the same bills computed in plain memory | ${Math.round(performance.now() - started)} ms |`);

  // The issue runs in a process of its own (bench/billing-issue.ts), so its peak memory is its own.
  await release();
  if (process.env.BENCH_KEEP_DIR && database.engine === 'pglite') {
    // A copy of the prepared database, to measure the issue again by hand: bench/billing-issue.ts pglite <copy> <agreement>.
    cpSync(location, process.env.BENCH_KEEP_DIR, { recursive: true });
    console.error(`prepared database kept in ${process.env.BENCH_KEEP_DIR}; agreement ${agreement!.id}`);
  }
  const issue = issueInChildProcess(database.engine, location, agreement!.id);
  rows.push(`| issue (the same computation, written chunk by chunk: ${issue.titles.toLocaleString('en')} titles, ${issue.lines.toLocaleString('en')} lines, numbered ${issue.first}–${issue.last}) | **${Math.round(issue.issueMs)} ms** (read ${Math.round(issue.readMs)} ms, compute ${Math.round(issue.computeMs)} ms, write ${Math.round(issue.writeMs)} ms; first chunk written after ${Math.round(issue.firstWriteMs)} ms) |`);
  rows.push(`| issue again (idempotent: ${issue.againCreated ? 'created!' : 'nothing created'}) | ${Math.round(issue.againMs)} ms |`);
  rows.push(`| issuing process's resident memory: ${issue.openedMiB} MiB with the database open, **${issue.peakMiB} MiB** at its peak | |`);
  return rows;
}

const header = [`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`, ''];
const tables: string[][] = [];
if (process.env.DATABASE_URL && process.env.BENCH_ENGINES !== 'pglite') {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS mutualis_bench_billing');
  await admin.query('CREATE DATABASE mutualis_bench_billing');
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = '/mutualis_bench_billing';
  const postgres = openPostgres(url.toString());
  tables.push(await bench(postgres, 'PostgreSQL 15 (local)', url.toString(), () => Promise.resolve()));
  await postgres.close();
  await admin.query('DROP DATABASE mutualis_bench_billing');
  await admin.end();
}
if (process.env.BENCH_ENGINES !== 'postgres') {
  // On disk, as `npm start` runs it (./data), so that the issuing process can open it after this one.
  const dir = join(tmpdir(), 'mutualis-bench-billing-pglite');
  rmSync(dir, { recursive: true, force: true });
  const pglite = await openPglite(dir);
  tables.push(await bench(pglite, 'PGlite (on disk)', dir, () => pglite.close()));
  rmSync(dir, { recursive: true, force: true });
}
console.log([...header, ...tables.map((t) => t.join('\n')).join('\n\n').split('\n')].join('\n'));
