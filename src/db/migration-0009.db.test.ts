import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseUrlFor } from '../../tests/support/database-url.ts';
import { ENGINES } from '../../tests/support/test-database.ts';
import { MIGRATIONS_FOLDER, openPglite, openPostgres, rowsOf, type Database } from './database.ts';
import { titleLineRows } from '../repositories/billing-repository.ts';

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };

/** Applies the migrations `first` to `last` (included) by hand, as the migrator would, statement by statement. */
async function migrate(database: Database, first: number, last: number): Promise<void> {
  for (const entry of journal.entries.filter((e) => e.idx >= first && e.idx <= last)) {
    for (const statement of readFileSync(join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), 'utf8').split('--> statement-breakpoint')) {
      if (statement.trim()) await database.db.execute(sql.raw(statement));
    }
  }
}

const dropAfter: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of dropAfter) await drop();
});

async function emptyDatabase(engine: string): Promise<Database> {
  if (engine === 'pglite') return openPglite(undefined);
  const url = process.env.DATABASE_URL!;
  const name = `mutualis_m_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  dropAfter.push(async () => {
    const again = new pg.Client({ connectionString: url });
    await again.connect();
    await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await again.end();
  });
  return openPostgres(databaseUrlFor(url, name), 1);
}

describe.each(ENGINES)('migration 0009 on %s', (engine) => {
  it('keeps the lines of titles issued before it, in their order, as one document per title', async () => {
    const database = await emptyDatabase(engine);
    try {
      await migrate(database, 0, 8);
      const db = database.db;
      const [title, other] = [randomUUID(), randomUUID()];
      // Only the lines matter here: the rows they hang on are written without their references' checks.
      await db.execute(sql`SET session_replication_role = replica`);
      for (const id of [title, other]) {
        await db.execute(sql`INSERT INTO receivable_title (id, provider_id, organisation_id, kind, series, fiscal_year, sequence, number, subject, period_from, period_to, issued_on, amount_excl_cents, vat_cents, amount_incl_cents, issued_at)
          VALUES (${id}::uuid, ${randomUUID()}::uuid, ${randomUUID()}::uuid, 'title', 'recette', 2026, ${id === title ? 1 : 2}, 'T', 's', '2025-01-01', '2025-06-30', '2026-01-05', 1, 0, 1, now())`);
      }
      const line = (titleId: string, position: number, code: string, amount: number) =>
        sql`INSERT INTO receivable_title_line VALUES (${titleId}::uuid, ${position}, ${code}, '', ${`Libellé ${code}`}, 7, 1, '7 postes × mois', 1250, ${amount}, ${JSON.stringify({ mode: 'excl', rateBasisPoints: 2000 })}::jsonb, ${amount / 5}, 'instantanés', ${JSON.stringify([{ kind: 'snapshots', line: code, optionsKey: '', year: 2025, months: [1], units: [7] }])}::jsonb)`;
      await db.execute(line(title, 1, 'messagerie', 500));
      await db.execute(line(title, 0, 'poste', 8750));
      await db.execute(line(other, 0, 'stockage', 100));
      await db.execute(sql`SET session_replication_role = DEFAULT`);

      await migrate(database, 9, 9);
      const lines = await titleLineRows(db, [title, other]);
      const mine = lines.filter((l) => l.titleId === title);
      expect(mine.map((l) => [l.position, l.line, l.amount, l.vatCents])).toEqual([
        [0, 'poste', 8750, 1750],
        [1, 'messagerie', 500, 100],
      ]);
      expect(mine[0]).toMatchObject({ optionsKey: '', label: 'Libellé poste', quantity: { numerator: 7, denominator: 1 }, quantityText: '7 postes × mois', unitPrice: 1250, vat: { mode: 'excl', rateBasisPoints: 2000 }, basis: 'instantanés' });
      expect(mine[0]!.sources).toEqual([{ kind: 'snapshots', line: 'poste', optionsKey: '', year: 2025, months: [1], units: [7] }]);
      expect(lines.filter((l) => l.titleId === other).map((l) => l.line)).toEqual(['stockage']);
      const [tables] = rowsOf<{ old: string | null }>(await db.execute(sql`SELECT to_regclass('receivable_title_line')::text AS old`));
      expect(tables!.old).toBeNull();
    } finally {
      await database.close();
    }
  });
});
