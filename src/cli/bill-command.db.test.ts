import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, ENGINES, TEST_CLOCK, type TestDatabase } from '../../tests/support/test-database.ts';
import { fixedClock } from '../clock.ts';
import type { Deps } from '../services/context.ts';
import { loadDemoIfEmpty } from '../services/demo.ts';
import { billCommand } from './bill-command.ts';

/**
 * `mutualis bill` on the demo data (issue #7): seed 003's annual title for 2025, issued in arrears on 22 November
 * 2026 — after the 1 January–31 March window of art. 5, so with a warning. The services opened on 1 April 2025
 * (examples/consumption/demo-setup.yaml) count 9/12 of the illustrative 2025 catalogue (demo.yaml):
 * 1,800.00 × 9/12 + 1,200.00 × 9/12 + 500 GB × 0.60 × 9/12 = 1,350.00 + 900.00 + 225.00 = 2,475.00 €.
 */
describe.each(ENGINES)('mutualis bill (%s)', (engine) => {
  let t: TestDatabase;
  let deps: Deps;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await loadDemoIfEmpty({ database: t.database, clock: TEST_CLOCK });
    deps = { database: t.database, clock: fixedClock('2026-11-22T09:00:00Z') };
  });
  afterAll(() => t.drop());

  /** Runs the command as the terminal would, and returns what it printed. */
  async function run(...args: string[]): Promise<string> {
    const program = new Command('mutualis').exitOverride();
    billCommand(program, (work) => work(deps));
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void printed.push(parts.join(' ')));
    try {
      await program.parseAsync(['bill', ...args], { from: 'user' });
    } finally {
      log.mockRestore();
    }
    return printed.join('\n').replaceAll('\u202f', ' ');
  }

  it('previews, then issues seed 003’s 2025 title with --issue; issuing again creates nothing', async () => {
    const preview = await run('convention-globale-trouville-2024', '--year', '2025', '--provider-siren', '241400415');
    expect(preview).toMatch(/Trouville-sur-Mer +titre +2 475,00 €/);
    expect(preview).toContain('Titres : 1 pour 2 475,00 €');
    expect(preview).toContain("Attention : la convention prévoit l'émission entre le 2026-01-01 et le 2026-03-31 : ces titres sont émis en retard");
    expect(preview).not.toContain('Émis');

    const issued = await run('convention-globale-trouville-2024', '--year', '2025', '--provider-siren', '241400415', '--issue');
    expect(issued).toMatch(/Émis : T2026-\d{5}$/m);
    const again = await run('convention-globale-trouville-2024', '--year', '2025', '--provider-siren', '241400415', '--issue');
    expect(again).toContain('Déjà émise le 2026-11-22 (1 document(s)).');
    expect(again).toContain('Période déjà émise : rien de nouveau.');
  });
});
