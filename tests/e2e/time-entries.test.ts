import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIME_FILE_COLUMNS } from '../../src/services/consumption/record-files.ts';
import { ACCOUNTS, announced, checkA11y, heading, login, settled, startE2E, type E2E } from './support/harness.ts';

const text = (s: string) => s.replace(/\s+/g, ' ').trim();
const rows = async (table: Locator) => (await table.locator('tbody tr').allInnerTexts()).map(text);
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
const year = Number(today.slice(0, 4));
const fr = (date: string) => date.split('-').reverse().join('/');
/** « 1 h 30 », « 12 h » as the screens write hours. */
const hours = (minutes: number) => `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${String(minutes % 60).padStart(2, '0')}` : ''}`;
/** Days of the CALL's 7-hour working day, two decimals rounded half up, with a comma. */
const days = (minutes: number) => {
  const hundredths = Math.floor((minutes * 200 + 420) / 840);
  return `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}`;
};
/** examples/consumption/004-call-lens-temps.csv: Lens's « conseil et expertise » days, by year. */
const CONSULTING: Record<number, number> = { 2026: 7 * 60 + 3 * 60 + 30 };
const csv = (...lines: string[]) => Buffer.from(['date;durée;intervenant;membre;service;déplacement;description;référence', ...lines].join('\n'));

async function filterDates(page: Page, from: string, to: string) {
  const filters = page.getByRole('search', { name: 'Filtrer les temps passés' });
  await filters.getByLabel('Du', { exact: true }).fill(from);
  await filters.getByLabel('Au', { exact: true }).fill(to);
  await filters.getByRole('button', { name: 'Afficher' }).click();
  await page.waitForURL(new RegExp(`du=${from}&au=${to}`));
  await settled(page);
}

/** Time spent by the CALL for Lens (seed 004 art. 9.2.3): listed, entered, summed, deleted, imported. */
describe('temps passés : saisie, cumul et import par le personnel du fournisseur', () => {
  let e2e: E2E;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2E();
    ({ page } = await e2e.newPage());
    await login(page, ACCOUNTS.technician);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("lists Lens's time entries between two dates, newest first, durations in hours", async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Temps passés' }).click();
    await heading(page, 'Temps passés');
    await filterDates(page, '2025-10-01', '2026-03-31');
    const table = page.getByRole('table', { name: /^5 temps passés du 01\/10\/2025 au 31\/03\/2026/ });
    await announced(page, '5 temps affichés.');
    const list = await rows(table);
    expect(list).toHaveLength(5);
    expect(list[0]).toMatch(/^24\/02\/2026 Lens Gestion de projet Cheffe de projet DMSI 1 h 45 oui Comité de suivi du projet DMSI-2026-0102 Supprimer/);
    expect(list[4]).toMatch(/^14\/10\/2025 Lens Gestion de projet Cheffe de projet DMSI 7 h non Cadrage du renouvellement des postes de l'école DMSI-2025-0812/);
    await checkA11y(e2e, page, 'temps-liste');
  });

  it('refuses a duration it cannot read, the error tied to the field, then records a good one and updates the summary', async () => {
    const summary = page.getByRole('region', { name: 'Cumul par période' });
    await summary.getByLabel('Année', { exact: true }).selectOption(String(year));
    await summary.getByLabel('Période', { exact: true }).selectOption({ label: 'Sur l’année' });
    await summary.getByRole('button', { name: 'Afficher le cumul' }).click();
    await page.waitForURL(/periode=year/);
    await settled(page);
    const before = CONSULTING[year] ?? 0;
    const consulting = () => summary.getByRole('table').locator('tbody tr', { hasText: 'Conseil et expertise' });
    // The summary is redrawn after the address changes: wait for the yearly row rather than read the old one.
    if (before) await expect.poll(async () => text(await consulting().innerText())).toBe(`année ${year} Lens Conseil et expertise 2 ${hours(before)} ${days(before)}`);

    const form = page.getByRole('form', { name: 'Saisir un temps passé' });
    await form.getByLabel(/^Adhérent/).selectOption({ label: 'Lens' });
    await form.getByLabel(/^Service/).selectOption({ label: 'Conseil et expertise' });
    expect(await form.getByLabel(/^Date de l'intervention/).inputValue()).toBe(today);
    await form.getByLabel(/^Durée/).fill('deux heures');
    await form.getByLabel(/^Intervenant/).fill('Technicien DMSI');
    await form.getByLabel('Déplacement compris').check();
    await form.getByLabel(/^Description/).fill('Mise à jour du serveur de sauvegarde');
    await form.getByRole('button', { name: 'Enregistrer le temps' }).click();
    const errors = page.getByRole('alert').filter({ hasText: "Le temps n'a pas été enregistré" });
    await errors.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await errors.getByRole('link', { name: 'Durée : durée « deux heures » illisible : attendu 1:30, 1h30, 1,5 ou 90 min' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('temps-saisie-duration');
    const duration = form.getByLabel(/^Durée/);
    expect(await duration.getAttribute('aria-invalid')).toBe('true');
    expect(await duration.getAttribute('aria-describedby')).toContain('temps-saisie-duration-error');
    await checkA11y(e2e, page, 'temps-saisie-erreur');

    await duration.fill('1:30');
    await form.getByRole('button', { name: 'Enregistrer le temps' }).click();
    const message = `Temps enregistré : 1 h 30 pour Lens le ${fr(today)}.`;
    await page.getByRole('main').getByText(message).waitFor();
    await announced(page, message);
    // Today is after the dates shown: the message says so.
    expect(text(await page.evaluate(() => document.activeElement?.textContent ?? ''))).toContain(`${message} Il est hors de la période affichée.`);
    // The form keeps the member, service, date and person for the next entry, and clears the rest.
    expect(await duration.inputValue()).toBe('');
    expect(await form.getByLabel(/^Intervenant/).inputValue()).toBe('Technicien DMSI');
    await settled(page);
    const after = before + 90;
    await expect.poll(async () => text(await consulting().innerText())).toBe(`année ${year} Lens Conseil et expertise ${before ? 3 : 1} ${hours(after)} ${days(after)}`);
    await checkA11y(e2e, page, 'temps-saisie-enregistree');
  });

  it('deletes the entry after a confirmation', async () => {
    await filterDates(page, today, today);
    const table = page.getByRole('table', { name: /^1 temps passé du/ });
    await table.waitFor();
    expect(await rows(table)).toEqual([expect.stringMatching(new RegExp(`^${fr(today)} Lens Conseil et expertise Technicien DMSI 1 h 30 oui Mise à jour du serveur de sauvegarde —`))]);
    await table.getByRole('button', { name: /^Supprimer/ }).click();
    const confirm = table.getByRole('button', { name: /^Confirmer la suppression/ });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Confirmer la suppression/);
    await checkA11y(e2e, page, 'temps-suppression-confirmation');
    // « Annuler » gives the focus back to « Supprimer »; nothing is deleted.
    await table.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Supprimer/);
    await table.getByRole('button', { name: /^Supprimer/ }).click();
    await confirm.click();
    await announced(page, `Temps supprimé : Conseil et expertise du ${fr(today)} pour Lens.`);
    await page.getByText('Aucun temps passé sur cette période.').waitFor();
    await settled(page);
    const summary = page.getByRole('region', { name: 'Cumul par période' });
    const before = CONSULTING[year] ?? 0;
    if (before) expect(text(await summary.locator('tbody tr', { hasText: 'Conseil et expertise' }).innerText())).toBe(`année ${year} Lens Conseil et expertise 2 ${hours(before)} ${days(before)}`);
    else await summary.getByText(`Aucun temps passé en ${year}.`).waitFor();
  });

  it('shows the expected columns and refuses a file with an error, naming its row and column, saving nothing', async () => {
    await page.getByRole('link', { name: 'Importer un fichier de temps' }).click();
    await heading(page, 'Import des temps passés');
    const help = text(await page.getByRole('region', { name: 'Colonnes attendues' }).innerText());
    for (const column of Object.values(TIME_FILE_COLUMNS)) expect(help).toContain(column.headers[0]);
    await checkA11y(e2e, page, 'temps-import');

    const file = page.getByLabel(/^Fichier des temps passés/);
    await file.setInputFiles({ name: 'temps-errone.csv', mimeType: 'text/csv', buffer: csv('2026-01-05;2:00;Technicien DMSI;62498;gestion-projet;non;Réunion;GLPI-1', '2026-01-06;abc;Technicien DMSI;62498;gestion-projet;non;Réunion;GLPI-2') });
    await page.getByRole('button', { name: 'Importer le fichier' }).click();
    const result = page.getByRole('region', { name: 'Résultat' });
    await result.getByText("Import refusé : rien n'a été enregistré").waitFor();
    await announced(page, 'Import refusé : 1 erreur.');
    expect(await rows(result.getByRole('table', { name: /^1 erreur du fichier/ }))).toEqual(['3 durée durée « abc » illisible : attendu 1:30, 1h30, 1,5 ou 90 min']);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('alert-error'))).toBe(true);
    await checkA11y(e2e, page, 'temps-import-erreurs');

    // Checked only, the good rows would be created; nothing is saved either.
    await file.setInputFiles({ name: 'temps.csv', mimeType: 'text/csv', buffer: csv('2026-01-05;2:00;Technicien DMSI;62498;gestion-projet;non;Réunion;GLPI-1') });
    await page.getByLabel('Vérifier seulement').check();
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await result.getByText('Fichier vérifié : aucune erreur, rien n’a été enregistré').waitFor();
    expect(await rows(result.getByRole('table', { name: /^Temps que l’import créerait/ }))).toEqual(['1 1 0 0']);
    await checkA11y(e2e, page, 'temps-import-verifie');

    await page.goto('/temps?du=2026-01-05&au=2026-01-06');
    await heading(page, 'Temps passés');
    await page.getByText('Aucun temps passé sur cette période.').waitFor();
  });

  it('lets platform staff see every provider, then choose one to enter time', async () => {
    const { page: admin } = await e2e.newPage();
    await login(admin, ACCOUNTS.admin);
    await admin.goto('/temps?du=2025-10-01&au=2026-03-31');
    await heading(admin, 'Temps passés');
    // Lens's 5 entries (CALL) and the CDG 62's 3 at Camblain-Châtelain in February 2026 (demo layer, seed 002).
    const table = admin.getByRole('table', { name: /^8 temps passés/ });
    expect(await table.locator('thead th').allInnerTexts()).toContain('Fournisseur');
    await admin.getByText('Choisissez un fournisseur dans les filtres pour saisir un temps.').waitFor();
    await checkA11y(e2e, admin, 'temps-plateforme');
    const filters = admin.getByRole('search', { name: 'Filtrer les temps passés' });
    await filters.getByLabel('Fournisseur').selectOption({ label: "Communauté d'Agglomération de Lens-Liévin" });
    await filters.getByRole('button', { name: 'Afficher' }).click();
    await admin.waitForURL(/fournisseur=/);
    await admin.getByRole('form', { name: 'Saisir un temps passé' }).getByLabel(/^Adhérent/).selectOption({ label: 'Lens' });
    expect(await admin.getByRole('table', { name: /^5 temps passés/ }).locator('thead th').allInnerTexts()).not.toContain('Fournisseur');
  });

  it('fits a 320 px wide screen: the tables scroll in their own region', async () => {
    const { page: narrow } = await e2e.newPage({ width: 320, height: 720 });
    await login(narrow, ACCOUNTS.technician);
    await narrow.goto('/temps?du=2025-10-01&au=2026-03-31&annee=2026&periode=quarter');
    await heading(narrow, 'Temps passés');
    await narrow.getByRole('table', { name: /^5 temps passés/ }).waitFor();
    await settled(narrow);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await checkA11y(e2e, narrow, 'etroit-temps');
  });
});
