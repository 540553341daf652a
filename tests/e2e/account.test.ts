import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ACCOUNTS, checkA11y, DEMO_PASSWORD, heading, login, settled, startE2E, type E2E } from './support/harness.ts';

const NEW_PASSWORD = 'une phrase de passe bien longue';

async function activeElement(page: Page): Promise<{ tag: string; id: string; text: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', id: el?.id ?? '', text: (el?.textContent ?? '').trim() };
  });
}

/** Keyboard use, provider staff by role, password change, logout, and narrow screens. */
describe('compte, clavier et affichage étroit', () => {
  let e2e: E2E;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2E();
    ({ page } = await e2e.newPage());
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('makes the skip link the first Tab stop and logs in with the keyboard only', async () => {
    await page.goto('/connexion');
    await heading(page, 'Connexion');
    await page.keyboard.press('Tab');
    expect(await activeElement(page)).toMatchObject({ tag: 'A', text: 'Aller au contenu' });
    // The skip link is visible when focused.
    expect(await page.getByRole('link', { name: 'Aller au contenu' }).isVisible()).toBe(true);
    const box = await page.getByRole('link', { name: 'Aller au contenu' }).boundingBox();
    expect(box && box.y >= 0).toBe(true);
    await page.keyboard.press('Enter');
    expect((await activeElement(page)).id).toBe('contenu');

    await page.keyboard.press('Tab');
    expect((await activeElement(page)).id).toBe('login-email');
    await page.keyboard.type(ACCOUNTS.technician);
    await page.keyboard.press('Tab');
    expect((await activeElement(page)).id).toBe('login-password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await heading(page, 'Tableau de bord');
    // The login form is gone: the focus goes to the new page's heading, not back to the top of the document.
    expect(await activeElement(page)).toMatchObject({ tag: 'H1', text: 'Tableau de bord' });

    // After login the skip link still comes first, then the brand, then the logout button and the navigation.
    await page.reload();
    await heading(page, 'Tableau de bord');
    await page.keyboard.press('Tab');
    expect((await activeElement(page)).text).toBe('Aller au contenu');
  });

  it('shows provider staff only what their role allows', async () => {
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Tableau de bord', 'Registre', 'Conventions', 'Calendrier', 'Demandes de souscription', 'Catalogues', 'Import des consommations', 'Temps passés', 'Factures d’opérateurs', 'Titres de recette', 'Budget et coûts', 'Comités', 'Besoins', 'Indicateurs', 'Journal', 'Mon compte']);
    // A technician of CALL sees CALL only on the dashboard.
    const rows = page.getByRole('table', { name: /Fournisseurs de services/ }).locator('tbody tr');
    expect(await rows.count()).toBe(1);
    await checkA11y(e2e, page, 'tableau-de-bord-technicien');
    // Routes the role may not use are not found, even typed by hand.
    await page.goto('/import');
    await heading(page, 'Page introuvable');
    await page.goto('/organisations');
    await heading(page, 'Registre des organisations');
    expect(await page.getByRole('link', { name: 'Nouvelle organisation' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Lens', exact: true }).click();
    await heading(page, 'Lens');
    // contact:write yes, organisation:write and membership:write no.
    await page.getByRole('button', { name: 'Ajouter un contact' }).waitFor();
    expect(await page.getByRole('link', { name: /^Modifier/ }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Lier à un fournisseur' }).count()).toBe(0);
    await checkA11y(e2e, page, 'fiche-lens-technicien');
  });

  it('changes the password: wrong current password, mismatch, then success', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon compte' }).click();
    await heading(page, 'Mon compte');
    expect(await page.title()).toBe('Mon compte – Mutualis');
    await checkA11y(e2e, page, 'mon-compte');

    await page.getByLabel(/^Mot de passe actuel/).fill(DEMO_PASSWORD);
    await page.getByLabel(/^Nouveau mot de passe/).fill('trop court');
    await page.getByLabel('Confirmation du nouveau mot de passe').fill('autre chose');
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Nouveau mot de passe : au moins 12 caractères' }).waitFor();

    await page.getByLabel(/^Nouveau mot de passe/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await page.getByRole('alert').getByRole('link', { name: /Confirmation du nouveau mot de passe : les deux saisies/ }).waitFor();

    await page.getByLabel(/^Mot de passe actuel/).fill('pas le bon mot de passe');
    await page.getByLabel('Confirmation du nouveau mot de passe').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    // The server's answer is tied to the field it concerns.
    await page.getByRole('alert').getByRole('link', { name: 'Mot de passe actuel : mot de passe incorrect' }).waitFor();
    expect(await page.getByLabel(/^Mot de passe actuel/).getAttribute('aria-invalid')).toBe('true');
    await checkA11y(e2e, page, 'mon-compte-erreurs');

    await page.getByLabel(/^Mot de passe actuel/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await page.getByRole('main').getByText('Mot de passe modifié').first().waitFor();
    await checkA11y(e2e, page, 'mon-compte-mot-de-passe-change');
  });

  it('logs out, refuses the old password and accepts the new one', async () => {
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await heading(page, 'Connexion');
    await page.getByRole('main').getByText('Vous êtes déconnecté.').waitFor();
    await checkA11y(e2e, page, 'deconnecte');
    // Back-office addresses now lead to the login page, which returns there afterwards.
    await page.goto('/organisations?q=Lens');
    await heading(page, 'Connexion');
    expect(page.url()).toContain('retour=%2Forganisations%3Fq%3DLens');

    await page.getByLabel('Adresse électronique').fill(ACCOUNTS.technician);
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').filter({ hasText: 'Adresse électronique ou mot de passe incorrect' }).waitFor();

    await page.getByLabel('Mot de passe').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await heading(page, 'Registre des organisations');
    expect(page.url()).toContain('/organisations?q=Lens');
  });

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    const { page: narrow } = await e2e.newPage({ width: 320, height: 720 });
    await login(narrow, ACCOUNTS.admin);
    const lensId = await e2e.organisationId({ inseeCode: '62498', kind: 'commune', name: 'Lens' });
    for (const [path, title, screen] of [
      ['/', 'Tableau de bord', 'etroit-tableau-de-bord'],
      ['/organisations?q=Lens', 'Registre des organisations', 'etroit-registre'],
      [`/organisations/${lensId}`, 'Lens', 'etroit-fiche-lens'],
      [`/organisations/${lensId}/modifier`, 'Modifier Lens', 'etroit-modifier-lens'],
      ['/parametrage', 'Paramétrage', 'etroit-parametrage'],
    ] as const) {
      await narrow.goto(path);
      await heading(narrow, title);
      await settled(narrow);
      const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `débordement horizontal sur ${path}`).toBeLessThanOrEqual(0);
      await checkA11y(e2e, narrow, screen);
    }
  });
});
