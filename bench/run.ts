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
import { SEED_RULES } from '../src/domain/agreements/seed-rules.fixture.ts';
import { parseCivilDate } from '../src/domain/civil-date.ts';
import { calendarFor, listAgreements } from '../src/services/agreements/agreement-service.ts';
import { sendDueReminders } from '../src/services/agreements/reminders.ts';
import { createMailer } from '../src/services/mail/mailer.ts';

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
  // One agreement per commune with the CALL, under seed 004's rules: the calendar and reminders at national scale.
  await time('create 34,969 agreements (one per commune, seed 004 rules) with their parties, set-based', rows, async () => {
    await database.transaction(async ({ db: tx }) => {
      await tx.execute(sql`
        INSERT INTO agreement (provider_id, code, title, type, signed_on, express_renewals, annexes, rules, created_at, updated_at)
        SELECT ${callId}::uuid, 'bench-' || o.insee_code, 'Convention DMSI ' || o.name, 'service_commun', DATE '2024-12-18', 0, '{}', ${JSON.stringify(SEED_RULES['004'])}::jsonb, now(), now()
        FROM organisation o WHERE o.kind = 'commune' AND o.insee_code IS NOT NULL`);
      await tx.execute(sql`
        INSERT INTO agreement_party (agreement_id, organisation_id, role)
        SELECT a.id, ${callId}::uuid, 'provider' FROM agreement a WHERE a.code LIKE 'bench-%'
        UNION ALL
        SELECT a.id, o.id, 'member' FROM agreement a JOIN organisation o ON 'bench-' || o.insee_code = a.code`);
    });
  });
  const staff: Principal = { accountId: null, label: 'bench', role: 'finance', scope: provider };
  const agreementsList = await time('list all agreements of the CALL with status and next deadline', rows, () => listAgreements(deps, staff));
  rows.push(`| → agreements | ${agreementsList.length} |`);
  const entries = await time('calendar of the CALL over 18 months (all its agreements)', rows, () => calendarFor(deps, staff, { from: '2026-01-01', to: '2027-06-30' }));
  rows.push(`| → calendar entries | ${entries.length} |`);
  const lensScope: Principal = { accountId: null, label: 'bench', role: 'member_cli', scope: { kind: 'member', organisationId: (await findOrganisationIdByNaturalKey(db, { inseeCode: '62498', kind: '', name: '' }))! } };
  await time('calendar of one member (Lens) over 18 months', rows, () => calendarFor(deps, lensScope, { from: '2026-01-01', to: '2027-06-30' }), 5);
  const mailer = createMailer({ smtpUrl: undefined, from: 'bench@mutualis.invalid' });
  const mails = await time('reminder run on 2026-06-01 (30 and 7 days), one digest per person, captured', rows, () => sendDueReminders(deps, mailer, parseCivilDate('2026-06-01'), [30, 7]));
  rows.push(`| → digest mails | ${mails} |`);
  await time('same reminder run again (nothing left to send)', rows, () => sendDueReminders(deps, mailer, parseCivilDate('2026-06-01'), [30, 7]));
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
