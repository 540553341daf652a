/**
 * The issue half of `bench/billing.ts`, in a process of its own so that its peak memory is the issue's and not
 * the setup's or the preview's: opens the prepared database, issues the national run, issues it again, and
 * prints its figures as JSON. Started by bench/billing.ts; not meant to be run by hand.
 */
import { sql } from 'drizzle-orm';
import { fixedClock } from '../src/clock.ts';
import { openPglite, openPostgres, rowsOf } from '../src/db/database.ts';
import { SYSTEM_PRINCIPAL } from '../src/services/context.ts';
import { issueRun } from '../src/services/billing/run-issue.ts';

const [engine, location, agreementId] = process.argv.slice(2) as [string, string, string];
const database = engine === 'postgres' ? openPostgres(location) : await openPglite(location);
const deps = { database, clock: fixedClock('2026-03-02T09:00:00Z') };
const db = database.db;
await db.execute(sql`SELECT 1`);
global.gc?.();
const opened = process.memoryUsage().rss;
let peak = opened;
let peakHeap = 0;
let peakBuffers = 0;
// Sampled at every phase change too: PGlite runs in this thread and can starve the timer for seconds.
const sample = () => {
  const usage = process.memoryUsage();
  peak = Math.max(peak, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
  peakBuffers = Math.max(peakBuffers, usage.arrayBuffers);
};
const sampler = setInterval(sample, 50);
// Time spent per phase, summed over the chunks: reading the facts, computing the bills, writing the titles.
const spent: Record<string, number> = { facts: 0, compute: 0, write: 0 };
let phase = 'facts';
let since = performance.now();
let firstWrite = 0;
let started = performance.now();
const issued = await issueRun(deps, SYSTEM_PRINCIPAL, agreementId, { kind: 'regular', year: 2025, index: 1 }, (next) => {
  sample();
  const now = performance.now();
  spent[phase] = (spent[phase] ?? 0) + now - since;
  if (next === 'write' && !firstWrite) firstWrite = now - started;
  phase = next;
  since = now;
});
const issueMs = performance.now() - started;
clearInterval(sampler);
const [written] = rowsOf<{ titles: number; lines: number }>(await db.execute(sql`SELECT count(*)::int AS titles, coalesce(sum(json_array_length(c.lines::json)), 0)::int AS lines FROM receivable_title t JOIN receivable_title_content c ON c.title_id = t.id`));
started = performance.now();
const again = await issueRun(deps, SYSTEM_PRINCIPAL, agreementId, { kind: 'regular', year: 2025, index: 1 });
const againMs = performance.now() - started;
await database.close();
console.log(
  JSON.stringify({
    issueMs,
    firstWriteMs: firstWrite || issueMs,
    readMs: spent.facts,
    computeMs: spent.compute,
    writeMs: spent.write,
    titles: written!.titles,
    lines: written!.lines,
    first: issued.documents[0]?.number,
    last: issued.documents.at(-1)?.number,
    againMs,
    againCreated: again.created,
    openedMiB: Math.round(opened / 2 ** 20),
    peakHeapMiB: Math.round(peakHeap / 2 ** 20),
    peakArrayBuffersMiB: Math.round(peakBuffers / 2 ** 20),
    peakMiB: Math.round(Math.max(peak, process.resourceUsage().maxRSS * 1024) / 2 ** 20),
  }),
);
