import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ACCOUNTS, announced, checkA11y, heading, login, startE2E, type E2E } from './support/harness.ts';

/** A setup file with one valid new organisation and three mistakes: nothing of it may be written. */
const BROKEN_SETUP = `version: 1
title: Fichier cassé (test e2e)
organisations:
  - ref: commune-fantome
    kind: commune
    name: Commune-Fantôme-E2E
    inseeCode: '62999'
  - ref: Mauvaise_Ref
    kind: syndicat
    name: Syndicat inconnu
    siren: '123456789'
memberships:
  - provider: inexistant
    member: commune-fantome
    status: member
`;

const VALID_SETUP = `version: 1
title: Fichier valide (test e2e)
organisations:
  - ref: commune-fantome
    kind: commune
    name: Commune-Fantôme-E2E
    inseeCode: '62999'
`;

describe('import du référentiel et paramétrage', () => {
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

  it('imports the communes of Territoire de Belfort (90) and finds one in the registry', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Import du référentiel' }).click();
    await heading(page, 'Import du référentiel');
    expect(await page.title()).toBe('Import du référentiel – Mutualis');
    await checkA11y(e2e, page, 'import');

    // A wrong code is refused before anything is sent.
    await page.getByLabel('Départements').fill('62, 9O');
    await page.getByRole('button', { name: "Lancer l'import" }).click();
    await page.getByRole('alert').getByRole('link', { name: /Départements : code de département invalide : 9O/ }).waitFor();
    await checkA11y(e2e, page, 'import-erreur');

    // Hold the answer a moment so that the busy state can be seen.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/imports/territory', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByLabel('Départements').fill('90');
    await page.getByRole('button', { name: "Lancer l'import" }).click();
    const result = page.getByRole('region', { name: 'Résultat', exact: true });
    await page.getByText('Import en cours : lecture du référentiel').waitFor();
    expect(await result.getAttribute('aria-busy')).toBe('true');
    expect(await page.locator('form[aria-busy="true"]').count()).toBe(1);
    await checkA11y(e2e, page, 'import-en-cours', { whileBusy: true });
    release();
    await result.getByText(/Import terminé en/).waitFor();
    expect(await result.getAttribute('aria-busy')).toBe('false');
    await announced(page, /Import terminé : 10\d communes créées/);
    const communes = await result.getByRole('row', { name: /^Communes/ }).locator('td').allInnerTexts();
    expect(Number(communes[0])).toBeGreaterThanOrEqual(100);
    await checkA11y(e2e, page, 'import-termine');
    await page.unroute('**/api/v1/imports/territory');

    await result.getByRole('link', { name: 'Voir les organisations du département 90 dans le registre' }).click();
    await heading(page, 'Registre des organisations');
    await page.getByLabel('Rechercher').fill('Belfort');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/q=Belfort/);
    await page.getByRole('link', { name: 'Belfort', exact: true }).click();
    await heading(page, 'Belfort');
    const identity = page.getByRole('region', { name: 'Identité' });
    await identity.getByText('90010').waitFor();
    await identity.getByRole('link', { name: 'CA Grand Belfort' }).waitFor();
    await checkA11y(e2e, page, 'fiche-commune-importee');
  });

  it('reports every error of a broken setup file with its line, and writes nothing', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Paramétrage' }).click();
    await heading(page, 'Paramétrage');
    await checkA11y(e2e, page, 'parametrage');

    await page.getByLabel('Contenu du fichier').fill(BROKEN_SETUP);
    await page.getByLabel('Charger et enregistrer dans le registre').check();
    await page.getByRole('button', { name: 'Charger le fichier' }).click();
    const errors = page.getByRole('table', { name: /Erreurs du fichier/ });
    await errors.waitFor();
    const rows = await errors.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    // Each error: its line (with a button to reach it), where it is and what is wrong.
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        [expect.stringMatching(/^8\b/), 'organisations[1].ref', expect.stringContaining('référence attendue')],
        [expect.stringMatching(/^9\b/), 'organisations[1].kind', expect.stringContaining('Option invalide')],
        [expect.stringMatching(/^11\b/), 'organisations[1].siren', 'clé de contrôle du SIREN invalide'],
      ]),
    );
    await page.getByRole('main').getByText(/Rien n'a été enregistré/).waitFor();
    await checkA11y(e2e, page, 'parametrage-erreurs');

    // The line button puts the caret on that line of the text.
    await errors.getByRole('button', { name: /^9 : aller à la ligne/ }).click();
    const selected = await page.evaluate(() => {
      const area = document.activeElement as HTMLTextAreaElement;
      return area.value.slice(area.selectionStart, area.selectionEnd);
    });
    expect(selected).toBe('    kind: syndicat');

    // Nothing was written: the valid organisation of the file is not in the registry.
    expect(await countInRegistry(e2e, page, 'Commune-Fantôme-E2E')).toBe(0);
  });

  it('checks a valid file without writing it, then reports a syntax error by line', async () => {
    await page.getByLabel('Contenu du fichier').fill(VALID_SETUP);
    await page.getByLabel('Vérifier seulement').check();
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await page.getByRole('main').getByText('Fichier valide (simulation) : rien n’a été enregistré').waitFor();
    const summary = page.getByRole('table', { name: 'Ce que le chargement ferait' });
    expect(await summary.getByRole('row', { name: /^Organisations/ }).locator('td').first().innerText()).toBe('1');
    await checkA11y(e2e, page, 'parametrage-simulation');
    expect(await countInRegistry(e2e, page, 'Commune-Fantôme-E2E')).toBe(0);

    await page.getByLabel('Contenu du fichier').fill('version: 1\ntitle: [non fermé\n');
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    const errors = page.getByRole('table', { name: /Erreurs du fichier/ });
    await errors.waitFor();
    expect(await errors.locator('tbody tr td').first().innerText()).toMatch(/^\d+/);
    await page.getByRole('main').getByText(/Fichier illisible/).waitFor();
  });
});

async function countInRegistry(e2e: E2E, page: Page, name: string): Promise<number> {
  const response = await page.request.get(`${e2e.baseUrl}/api/v1/organisations?q=${encodeURIComponent(name)}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { total: number }).total;
}
