import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, checkA11y, heading, login, settled, startE2E, type E2E } from './support/harness.ts';

const text = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * A run's members found by name in the preview (a national run bills 36,000: the wizard shows them a page at a
 * time). Seed 000's agreement has two members; the search keeps one, the totals still count both.
 */
describe('facturation : rechercher un adhérent dans l’aperçu', () => {
  let e2e: E2E;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2E();
    ({ page } = await e2e.newPage());
    await login(page, ACCOUNTS.admin);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('keeps the search in the address, lists the members found and counts the whole run', async () => {
    const agreements = (await (await page.request.get('/api/v1/agreements')).json()) as { id: string; code: string }[];
    const coquelicot = agreements.find((a) => a.code === 'mutualisation-telecom-coquelicot-2016')!;
    await page.goto(`/facturation?convention=${coquelicot.id}&type=true_up&annee=2016&periode=3&adherent=office`);
    await heading(page, 'Facturation');
    const search = page.getByRole('search', { name: 'Rechercher un adhérent dans l’aperçu' });
    await search.waitFor();
    await settled(page);
    expect(await search.getByLabel(/^Adhérent/).inputValue()).toBe('office');
    await page.getByText(/^Adhérents 1 à 1 sur 1 adhérent dont le nom contient « office »/).waitFor();
    const table = page.getByRole('table', { name: /adhérent/ });
    expect((await table.locator(':scope > tbody > tr:not([hidden])').allInnerTexts()).map(text)).toEqual([expect.stringMatching(/^Office du Tourisme du Pays du Coquelicot/)]);
    await checkA11y(e2e, page, 'facturation-recherche-adherent');

    await search.getByLabel(/^Adhérent/).fill('introuvable');
    await search.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/adherent=introuvable/);
    await page.getByText('Aucun adhérent dont le nom contient « introuvable » (la facturation en compte 2).').waitFor();
    expect(await page.getByRole('table', { name: /adhérent/ }).count()).toBe(0);
  });
});
