import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, announced, checkA11y, heading, login, settled, startE2E, type E2E } from './support/harness.ts';

const text = (s: string) => s.replace(/\s+/g, ' ').trim();

async function chooseYear(page: Page, year: number) {
  const bar = page.getByRole('search', { name: 'Choisir le budget' });
  await bar.getByLabel('Exercice').selectOption(String(year));
  await bar.getByRole('button', { name: 'Afficher' }).click();
  await page.waitForURL(new RegExp(`/${year}(/|$)`));
  await settled(page);
}

/**
 * Issue #8 "done when": the CALL's finance officer builds the seed 004 service's 2027 grid from its budget (the
 * demo's illustrative budget, one charge added), simulates two more communes joining, and downloads the proposal;
 * Lens's CLI then reads what its share is made of.
 */
describe('budget, répartition des coûts et proposition tarifaire (convention 004)', () => {
  let e2e: E2E;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2E();
    ({ page } = await e2e.newPage());
    await login(page, ACCOUNTS.finance);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows the 2027 budget and records one more charge on the network base', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Budget et coûts' }).click();
    await settled(page);
    await chooseYear(page, 2027);
    await heading(page, 'Budget du service 2027');
    const totals = page.getByRole('table', { name: /Totaux du budget 2027/ });
    expect(text(await totals.locator('tbody tr').last().innerText())).toBe('Total du budget 615 240,00 € 46 000,00 €');
    await checkA11y(e2e, page, 'couts-budget');

    const form = page.getByRole('form', { name: 'Modifier le budget 2027' });
    await form.getByRole('button', { name: 'Ajouter une charge' }).click();
    const row = form.getByRole('group', { name: /^Charge 10/ });
    await row.getByLabel('Libellé').fill('Licences de supervision du réseau');
    await row.getByLabel('Nature').selectOption({ label: 'Licences' });
    await row.getByLabel('Prévu (€)').fill('5500');
    await row.getByLabel('Affectation').selectOption({ label: 'Adhésion au socle + connexion au réseau' });
    await form.getByRole('button', { name: 'Enregistrer le budget' }).click();
    await announced(page, /Budget 2027 enregistré : 620\u202f740,00\u00a0€ de charges prévues/);
    await settled(page);
    expect(text(await totals.locator('tbody tr').last().innerText())).toBe('Total du budget 620 740,00 € 46 000,00 €');
  });

  it('shows where the costs go: the cost-flow chart with its tables, the unit costs, the staff made available', async () => {
    await page.getByRole('navigation', { name: 'Pages du budget' }).getByRole('link', { name: 'Répartition et bilan' }).click();
    await heading(page, 'Répartition des coûts 2027');
    await settled(page);
    await page.getByRole('img', { name: /Flux de coûts/ }).waitFor();
    const units = page.getByRole('table', { name: /Coût unitaire = coût affecté/ });
    // (84 000 + 5 500) / 1 000 workstations.
    expect(text(await units.locator('tbody tr', { hasText: 'Adhésion au socle' }).innerText())).toMatch(/^Adhésion au socle \+ connexion au réseau 89 500,00 € .* 1 000 89,50 €/);
    expect(text(await page.getByRole('table', { name: /Des charges \(par nature\)/ }).innerText())).toContain('Portée par la structure seule');
    await checkA11y(e2e, page, 'couts-repartition');
  });

  it('proposes the 2027 grid, simulates two more communes, and downloads the proposal', async () => {
    await page.getByRole('navigation', { name: 'Pages du budget' }).getByRole('link', { name: 'Proposition tarifaire et simulation' }).click();
    await heading(page, 'Proposition tarifaire 2027');
    await settled(page);
    const grid = page.getByRole('table', { name: 'Grille proposée pour 2027' });
    // 89.50 a year → 7.46 a month → 89.52 a year; the hosting line stays at annex 5's 144 €.
    expect(text(await grid.locator('tbody tr', { hasText: 'Adhésion au socle' }).innerText())).toBe('Adhésion au socle + connexion au réseau — 1 000 84,00 € 7,46 € 89,52 € +6,57 %');
    await checkA11y(e2e, page, 'couts-proposition');

    const form = page.getByRole('form', { name: 'Scénario' });
    for (const [name, units] of [
      ['Avion', { 'Adhésion au socle + connexion au réseau': '60', 'Niveau 1 : Gestion des postes de travail': '60' }],
      ['Sallaumines', { 'Adhésion au socle + connexion au réseau': '40', 'Niveau 1 : Hébergement seul des logiciels et données': '40' }],
    ] as const) {
      await form.getByRole('button', { name: 'Ajouter une commune qui adhère' }).click();
      const commune = form.getByRole('group', { name: /^Commune qui adhère/ }).last();
      await commune.getByLabel('Nom').fill(name);
      for (const [line, value] of Object.entries(units)) await commune.getByLabel(line, { exact: true }).fill(value);
    }
    await form.getByRole('button', { name: 'Simuler' }).click();
    await announced(page, /Simulation calculée : 2 commune\(s\) en plus/);
    const prices = page.getByRole('table', { name: 'Prix annuels : actuel, proposé, avec le scénario' });
    // 89 500 / 1 100 → 6.78 a month → 81.36 a year.
    expect(text(await prices.locator('tbody tr', { hasText: 'Adhésion au socle' }).innerText())).toMatch(/89,52 € \+6,57 % 81,36 €$/);
    const members = page.getByRole('table', { name: 'Ce que chaque adhérent paierait sur l’année' });
    expect(text(await members.locator('tbody tr', { hasText: 'Avion' }).innerText())).toMatch(/^Avion adhère 0,00 € 0,00 € /);
    await checkA11y(e2e, page, 'couts-simulation');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /annexe et le document du débat budgétaire/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^proposition-tarifaire-2027-.*\.pdf$/);
  });

  it('shows Lens what its share is made of, and nothing of the others', async () => {
    const member = await e2e.newPage();
    await login(member.page, ACCOUNTS.cliLens);
    await member.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Ma part des coûts' }).click();
    await heading(member.page, 'Ma part des coûts');
    const bar = member.page.getByRole('search', { name: 'Choisir le service commun et l’exercice' });
    await bar.getByLabel('Exercice').selectOption('2027');
    await bar.getByRole('button', { name: 'Afficher' }).click();
    await settled(member.page);
    const socle = member.page.getByRole('table', { name: /^Adhésion au socle \+ connexion au réseau : 341 unité\(s\) sur 1 000 prévues/ });
    expect(text(await socle.locator('tbody tr').last().innerText())).toBe('Total 30 519,50 €');
    expect(await member.page.locator('main').innerText()).not.toContain('Avion');
    await checkA11y(e2e, member.page, 'couts-ma-part');
  });
});
