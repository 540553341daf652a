import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, announced, checkA11y, heading, login, settled, startE2E, type E2E } from './support/harness.ts';

const SOCLE = 'Adhésion au socle + connexion au réseau';
const text = (s: string) => s.replace(/\s+/g, ' ').trim();
const csv = (...rows: string[]) => Buffer.from(['membre;ligne;options;mois;unités', ...rows].join('\n'));
/**
 * Lens (INSEE 62498): the base opened on 2025-03-01, the « pro » mailboxes on 2025-04-01 (seed 004 demo data). The
 * demo's own snapshots cover January–October 2026 only: March 2026 (335) is already there, so it comes out unchanged.
 */
const GOOD = csv('62498;socle-reseau;;2025-03;320', '62498;socle-reseau;;2025-04;322', '62498;socle-reseau;;2025-05;324', '62498;messagerie;niveau=pro&stockage=25;2025-04;60', '62498;socle-reseau;;2026-03;335');

async function rows(table: ReturnType<Page['getByRole']>): Promise<string[]> {
  return (await table.locator('tbody tr').allInnerTexts()).map(text);
}

/** Monthly snapshots imported from a file by the CALL, then read by Lens as a chart and a table. */
describe('consommations : import des relevés et lecture par l’adhérent', () => {
  let e2e: E2E;
  let staff: Page;
  let lensId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    lensId = await e2e.organisationId({ inseeCode: '62498', kind: 'commune', name: 'Lens' });
    ({ page: staff } = await e2e.newPage());
    await login(staff, ACCOUNTS.technician);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('asks for a file before importing', async () => {
    await staff.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Import des consommations' }).click();
    await heading(staff, 'Import des consommations');
    await staff.getByRole('button', { name: 'Importer le fichier' }).click();
    await staff.getByRole('alert').getByRole('link', { name: 'Fichier des relevés (CSV ou XLSX) : choisissez le fichier des relevés' }).click();
    expect(await staff.evaluate(() => document.activeElement?.id)).toBe('releves-file');
    await checkA11y(e2e, staff, 'import-releves');
  });

  it('refuses a file with one bad row, naming its row and column, and saves nothing', async () => {
    await staff.getByLabel(/^Fichier des relevés/).setInputFiles({ name: 'releves-errone.csv', mimeType: 'text/csv', buffer: csv('62498;socle-reseau;;2025-03;320', '62498;socle-reseau;;2025-04;-5') });
    await staff.getByLabel('Vérifier seulement').check();
    await staff.getByRole('button', { name: 'Vérifier le fichier' }).click();
    const result = staff.getByRole('region', { name: 'Résultat' });
    await result.getByText("Import refusé : rien n'a été enregistré").waitFor();
    await announced(staff, 'Import refusé : 1 erreur.');
    const errors = result.getByRole('table', { name: /^1 erreur du fichier/ });
    expect(await rows(errors)).toEqual(['3 unités unités négatives (-5)']);
    expect(await staff.evaluate(() => document.activeElement?.classList.contains('alert-error'))).toBe(true);
    await checkA11y(e2e, staff, 'import-releves-erreurs');
  });

  it('checks then imports a good file, and counts an update when a month is corrected', async () => {
    const result = staff.getByRole('region', { name: 'Résultat' });
    await staff.getByLabel(/^Fichier des relevés/).setInputFiles({ name: 'releves-lens.csv', mimeType: 'text/csv', buffer: GOOD });
    await staff.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await result.getByText('Fichier vérifié : aucune erreur, rien n’a été enregistré').waitFor();
    // A check compares with the snapshots on record, as the import will: March 2026 is already there (demo data).
    expect(await rows(result.getByRole('table', { name: /^Relevés que l’import créerait/ }))).toEqual(['5 4 0 1']);

    await staff.getByLabel('Vérifier seulement').uncheck();
    await staff.getByRole('button', { name: 'Importer le fichier' }).click();
    await result.getByText('Import terminé').waitFor();
    await announced(staff, 'Import terminé : 5 lignes lues, 4 créés, 0 mis à jour, 1 inchangé.');
    expect(await rows(result.getByRole('table', { name: 'Relevés créés, mis à jour et inchangés' }))).toEqual(['5 4 0 1']);
    await checkA11y(e2e, staff, 'import-releves-termine');

    await staff.getByLabel(/^Fichier des relevés/).setInputFiles({ name: 'correction.csv', mimeType: 'text/csv', buffer: csv('62498;socle-reseau;;2025-04;325', '62498;socle-reseau;;2025-05;324') });
    await staff.getByRole('button', { name: 'Importer le fichier' }).click();
    await announced(staff, 'Import terminé : 2 lignes lues, 0 créé, 1 mis à jour, 1 inchangé.');
  });

  it("shows the CALL Lens's consumption from its record", async () => {
    await staff.goto(`/organisations/${lensId}`);
    await heading(staff, 'Lens');
    await staff.getByRole('link', { name: 'Consommations de Lens' }).click();
    await heading(staff, 'Consommations de Lens');
    await staff.getByLabel('Année', { exact: true }).selectOption('2025');
    await staff.getByRole('button', { name: 'Afficher' }).click();
    await staff.waitForURL(/annee=2025/);
    await staff.getByRole('heading', { name: /^Unités relevées en 2025 \(2 services\)/ }).waitFor();
    await checkA11y(e2e, staff, 'consommations-lens-personnel');
  });

  it('draws Lens its units of 2025 month by month, with the same figures as a table and the correction', async () => {
    const { page: cli } = await e2e.newPage();
    await login(cli, ACCOUNTS.cliLens);
    await cli.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Consommations' }).click();
    await heading(cli, 'Consommations');
    await cli.getByLabel('Année', { exact: true }).selectOption('2025');
    await cli.getByRole('button', { name: 'Afficher' }).click();
    await announced(cli, '2025 : 2 services relevés.');
    const socle = cli.getByRole('region', { name: SOCLE, exact: true });
    const chart = socle.getByRole('img', { name: `${SOCLE} : unités par mois, 2025 et 2024` });
    expect(await chart.getAttribute('aria-describedby')).toBeTruthy();
    const summary = await cli.evaluate((id) => document.getElementById(id)?.textContent, (await chart.getAttribute('aria-describedby'))!);
    expect(summary).toBe('Unité : poste de travail. 2025 : relevés sur 3 mois, de 320 à 325 (moyenne 323). 2024 : aucun relevé.');
    const table = socle.getByRole('table', { name: /^Adhésion au socle \+ connexion au réseau : unités \(poste de travail\) par mois, 2025 comparé à 2024/ });
    const months = await rows(table);
    expect(months.slice(1, 6)).toEqual(['février — pas de relevé — pas de relevé —', 'mars 320 — pas de relevé —', 'avril 325 — pas de relevé —', 'mai 324 — pas de relevé —', 'juin — pas de relevé — pas de relevé —']);
    await cli.getByRole('region', { name: /^Messagerie collaborative/ }).getByRole('img').waitFor();
    const corrections = cli.getByRole('table', { name: /^1 correction des relevés de 2025/ });
    expect((await rows(corrections))[0]).toMatch(new RegExp(`^${SOCLE.replace(/[+]/g, '\\+')} avril 2025 322 `));
    await checkA11y(e2e, cli, 'consommations-adherent');

    // 2026 (the demo's snapshots: workstations, three kinds of mailboxes, hosting) compares with 2025: March 335 against 320.
    await cli.getByLabel('Année', { exact: true }).selectOption('2026');
    await cli.getByRole('button', { name: 'Afficher' }).click();
    await announced(cli, '2026 : 5 services relevés.');
    const table2026 = cli.getByRole('region', { name: SOCLE, exact: true }).getByRole('table', { name: /unités \(poste de travail\) par mois, 2026 comparé à 2025/ });
    expect((await rows(table2026))[2]).toBe('mars 335 320 +15');
  });

  it('fits a 320 px wide screen: the chart scrolls in its own region', async () => {
    const { page: narrow } = await e2e.newPage({ width: 320, height: 720 });
    await login(narrow, ACCOUNTS.cliLens);
    await narrow.goto('/consommations?annee=2025');
    await heading(narrow, 'Consommations');
    await settled(narrow);
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await checkA11y(e2e, narrow, 'etroit-consommations');
    await narrow.goto('/mes-services');
    await heading(narrow, 'Mes services');
    await settled(narrow);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await checkA11y(e2e, narrow, 'etroit-mes-services');
  });
});
