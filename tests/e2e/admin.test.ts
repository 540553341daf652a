import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SYSTEM_PRINCIPAL } from '../../src/services/context.ts';
import { getOrganisationDetail, updateOrganisationFor } from '../../src/services/organisation-service.ts';
import { ACCOUNTS, announced, checkA11y, DEMO_PASSWORD, heading, login, startE2E, type E2E } from './support/harness.ts';

/** The platform administrator's day: dashboard, registry search, an organisation's record, edit and audit trail. */
describe('back office (administratrice de la plateforme)', () => {
  let e2e: E2E;
  let page: Page;
  let lensId: string;
  let callId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    lensId = await e2e.organisationId({ inseeCode: '62498', kind: 'commune', name: 'Lens' });
    callId = await e2e.organisationId({ siren: '246200364', kind: 'communaute_agglomeration', name: "Communauté d'Agglomération de Lens-Liévin" });
    ({ page } = await e2e.newPage());
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('refuses wrong credentials with a clear message, then logs in', async () => {
    await page.goto('/');
    await heading(page, 'Connexion');
    expect(await page.title()).toBe('Connexion – Mutualis');
    await checkA11y(e2e, page, 'connexion');

    await page.getByRole('button', { name: 'Se connecter' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Le formulaire contient des erreurs' });
    await summary.waitFor();
    expect(await summary.getByRole('link').count()).toBe(2);
    await checkA11y(e2e, page, 'connexion-erreurs-de-saisie');

    await page.getByLabel('Adresse électronique').fill(ACCOUNTS.admin);
    await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').filter({ hasText: 'Adresse électronique ou mot de passe incorrect' }).waitFor();
    await checkA11y(e2e, page, 'connexion-refusee');

    await login(page, ACCOUNTS.admin);
    await heading(page, 'Tableau de bord');
  });

  it('shows the five providers on the dashboard', async () => {
    expect(await page.title()).toBe('Tableau de bord – Mutualis');
    const table = page.getByRole('table', { name: /Fournisseurs de services/ });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(5);
    const names = await rows.locator('th').allInnerTexts();
    expect(names).toEqual(expect.arrayContaining(["Communauté d'Agglomération de Lens-Liévin", 'Syndicat mixte Somme Numérique', 'Communauté de Communes Cœur Côte Fleurie']));
    // The header says who is logged in and for which organisation.
    await page.getByRole('banner').getByText('Administratrice de la plateforme').waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Tableau de bord', 'Registre', 'Conventions', 'Calendrier', 'Demandes de souscription', 'Catalogues', 'Import des consommations', 'Temps passés', 'Factures d’opérateurs', 'Facturation', 'Titres de recette', 'Budget et coûts', 'Comités', 'Besoins', 'Indicateurs', 'Modèles de documents', 'Import du référentiel', 'Paramétrage', 'Journal', 'Comptes', "Boîte d'envoi", 'Mon compte']);
    await checkA11y(e2e, page, 'tableau-de-bord');
  });

  it('searches the registry by name and by INSEE code, sorts and exports CSV', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Registre' }).click();
    await heading(page, 'Registre des organisations');
    await page.getByRole('table', { name: /Organisations, page 1/ }).waitFor();
    await checkA11y(e2e, page, 'registre');

    await page.getByLabel('Rechercher').fill('Lens');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/q=Lens/);
    await announced(page, '2 organisations trouvées');
    const results = page.getByRole('table', { name: /Organisations, page 1/ });
    expect(await results.locator('tbody tr th').allInnerTexts()).toEqual(["Communauté d'Agglomération de Lens-Liévin Fournisseur", 'Lens']);

    // Sort by population, descending on the second click; the header says so.
    const population = results.getByRole('columnheader', { name: /Population/ });
    await population.getByRole('button').click();
    await page.waitForURL(/sort=population/);
    // The address changes before the table is rendered again: wait for the header rather than read it once.
    await expect.poll(() => population.getAttribute('aria-sort')).toBe('ascending');
    await population.getByRole('button').click();
    await page.waitForURL(/order=desc/);
    await expect.poll(() => population.getAttribute('aria-sort')).toBe('descending');
    await checkA11y(e2e, page, 'registre-recherche-triee');

    // The CSV link carries the current filters.
    const csvLink = page.getByRole('link', { name: /Exporter en CSV/ });
    const href = await csvLink.getAttribute('href');
    expect(href).toContain('q=Lens');
    expect(href).toContain('sort=population');
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = await csv.text();
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toContain('Nom;Type;SIREN');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Lens-Liévin');

    await page.getByLabel('Rechercher').fill('62498');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await announced(page, '1 organisation trouvée');
    expect(await results.locator('tbody tr th').allInnerTexts()).toEqual(['Lens']);

    // An invalid département is refused before any request, with a summary linking to the field.
    await page.getByLabel('Département').fill('6');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Le formulaire contient des erreurs' });
    await summary.getByRole('link', { name: /Département/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('registre-departement');
    expect(await page.getByLabel('Département').getAttribute('aria-invalid')).toBe('true');
    await checkA11y(e2e, page, 'registre-erreur');
    await page.getByLabel('Département').fill('62');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/departement=62/);
  });

  it('opens Lens: identity, providers, missing CLI warning, contacts and audit trail', async () => {
    await page.getByRole('link', { name: 'Lens', exact: true }).click();
    await heading(page, 'Lens');
    expect(page.url()).toContain(`/organisations/${lensId}`);
    expect(await page.title()).toBe('Lens – Mutualis');
    // Focus moved to the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByText('Aucun correspondant local informatique (CLI) actif').waitFor();
    await page.getByRole('link', { name: "Communauté d'Agglomération de Lens-Liévin" }).first().waitFor();
    const providers = page.getByRole('table', { name: /Fournisseurs auxquels Lens est liée/ });
    expect(await providers.locator('tbody tr').innerText()).toMatch(/Adhérent/);
    const contacts = page.getByRole('table', { name: /Contacts de Lens/ });
    // The contacts load on their own: wait for them before counting.
    await contacts.locator('tbody tr').first().waitFor();
    expect(await contacts.locator('tbody tr').count()).toBe(3);
    await page.getByRole('table', { name: /Historique de Lens/ }).waitFor();
    await checkA11y(e2e, page, 'fiche-lens');
  });

  it('edits Lens and finds the change, with its author, in the audit trail', async () => {
    await page.getByRole('link', { name: /Modifier/ }).first().click();
    await heading(page, 'Modifier Lens');
    await page.getByLabel('Population').waitFor();
    await checkA11y(e2e, page, 'modifier-lens');

    // Same rules as the server: a wrong SIREN check digit is refused, the summary links to the field.
    await page.getByLabel('SIREN').fill('216204983');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    const summary = page.getByRole('alert').filter({ hasText: "L'organisation n'a pas été enregistrée" });
    await summary.getByText('clé de contrôle du SIREN invalide').waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    const siren = page.getByLabel('SIREN');
    expect(await siren.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await siren.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).innerText()).toContain('clé de contrôle du SIREN invalide');
    await checkA11y(e2e, page, 'modifier-lens-erreurs');

    await siren.fill('216204982');
    await page.getByLabel('Population').fill('33 000');
    await page.getByLabel('Nom du représentant').fill('Sylvain ROBERT (e2e)');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await heading(page, 'Lens');
    await page.getByRole('main').getByText(/Modifications enregistrées \(Population, Nom du représentant\)/).waitFor();
    await page.getByRole('main').getByText(/33\s000 habitants/).waitFor();

    const audit = page.getByRole('table', { name: /Historique de Lens/ });
    const latest = audit.locator('tbody tr').first();
    await latest.getByText('admin@demo.mutualis.fr').waitFor();
    const text = ((await latest.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('Modification');
    expect(text).toContain('Population : avant : 32 920 → , après : 33 000');
    expect(text).toContain('Sylvain ROBERT (e2e)');
    await checkA11y(e2e, page, 'fiche-lens-apres-modification');
  });

  it('refuses to overwrite a concurrent edit (optimistic locking)', async () => {
    await page.getByRole('link', { name: /Modifier/ }).first().click();
    await heading(page, 'Modifier Lens');
    // Someone else saves Lens after the form was loaded.
    const current = await getOrganisationDetail(e2e.deps, SYSTEM_PRINCIPAL, lensId);
    await updateOrganisationFor(e2e.deps, SYSTEM_PRINCIPAL, lensId, { version: current.version, city: 'Lens' });
    await page.getByLabel('Ville').fill('LENS');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByRole('alert').getByText(/Cette organisation a été modifiée entre-temps/).waitFor();
    await checkA11y(e2e, page, 'modifier-lens-conflit');
    await page.getByRole('link', { name: 'Annuler' }).click();
    await heading(page, 'Lens');
  });

  it('links Lens to another provider as prospect', async () => {
    const form = page.getByRole('region', { name: 'Lier à un fournisseur' });
    await form.getByRole('combobox', { name: /^Fournisseur/ }).selectOption({ label: 'CDG 62' });
    await form.getByRole('combobox', { name: /^Statut/ }).selectOption('prospect');
    await form.getByLabel('Depuis le').fill('2026-01-15');
    await page.getByRole('button', { name: 'Enregistrer le lien' }).click();
    await page.getByRole('main').getByText(/Lien enregistré : prospect de Centre de Gestion/).waitFor();
    const providers = page.getByRole('table', { name: /Fournisseurs auxquels Lens est liée/ });
    await providers.getByRole('row', { name: /Centre de Gestion.*Prospect.*15\/01\/2026/ }).waitFor();
    await checkA11y(e2e, page, 'fiche-lens-lien-fournisseur');
  });

  it('shows a provider with its member counts linked to the filtered registry', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tableau de bord' }).click();
    // The previous record links the CALL too: wait for the dashboard before clicking.
    await heading(page, 'Tableau de bord');
    await page.getByRole('link', { name: "Communauté d'Agglomération de Lens-Liévin" }).click();
    await heading(page, "Communauté d'Agglomération de Lens-Liévin");
    expect(page.url()).toContain(`/organisations/${callId}`);
    await page.getByRole('heading', { name: 'Organisations liées à ce fournisseur' }).waitFor();
    await checkA11y(e2e, page, 'fiche-fournisseur');
    await page.getByRole('link', { name: /Adhérent : voir la liste/ }).click();
    await heading(page, 'Registre des organisations');
    await page.getByRole('link', { name: 'Lens', exact: true }).waitFor();
  });

  it('creates an organisation, with the cross-field rules of the server', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Registre' }).click();
    await page.getByRole('link', { name: 'Nouvelle organisation' }).click();
    await heading(page, 'Nouvelle organisation');
    await checkA11y(e2e, page, 'nouvelle-organisation');
    await page.getByRole('button', { name: "Créer l'organisation" }).click();
    await page.getByRole('alert').getByRole('link', { name: /^Nom :/ }).waitFor();
    await page.getByLabel('Type').selectOption('syndicat_intercommunal');
    await page.getByLabel('Nom (obligatoire)', { exact: true }).fill('SIVOM de test e2e');
    // Same cross-field rule as the server: only a commune has an INSEE code.
    await page.getByLabel('Code INSEE').fill('62001');
    await page.getByRole('button', { name: "Créer l'organisation" }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Code INSEE : seule une commune porte un code INSEE de commune' }).waitFor();
    await page.getByLabel('Code INSEE').fill('');
    await page.getByLabel('Code postal').fill('62300');
    await page.getByLabel('Ville').fill('Lens');
    await page.getByRole('button', { name: "Créer l'organisation" }).click();
    await heading(page, 'SIVOM de test e2e');
    await page.getByRole('main').getByText('Organisation créée : SIVOM de test e2e.').waitFor();
    await checkA11y(e2e, page, 'fiche-organisation-creee');
  });

  it('lists the journal and the accounts, and creates an account', async () => {
    // A few more events (logins of another account), so that the journal has more than one page.
    for (let i = 0; i < 5; i++) {
      await e2e.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ACCOUNTS.technician, password: DEMO_PASSWORD } });
    }
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Journal' }).click();
    await heading(page, 'Journal');
    await page.getByRole('table', { name: /Journal : 50 événements affichés/ }).waitFor();
    await checkA11y(e2e, page, 'journal');
    await page.getByRole('button', { name: 'Afficher les événements plus anciens' }).click();
    await page.getByRole('table', { name: /Journal : (5[1-9]|[6-9]\d|\d{3}) événements affichés/ }).waitFor();
    await page.getByLabel('Objet').selectOption('contact');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByRole('table', { name: /Journal \(Contact\)/ }).waitFor();
    const subjects = await page.locator('.audit-subject').allInnerTexts();
    expect(subjects.length).toBeGreaterThan(0);
    expect(subjects.every((t) => t.startsWith('Contact'))).toBe(true);

    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Comptes' }).click();
    await heading(page, 'Comptes');
    const table = page.getByRole('table', { name: /Comptes \(6 comptes\)/ });
    await table.waitFor();
    await checkA11y(e2e, page, 'comptes');

    await page.getByLabel('Adresse électronique').fill('finances.lens@example.fr');
    await page.getByLabel('Nom affiché').fill('Finances de Lens');
    await page.getByLabel('Rôle').selectOption('member_finance');
    await page.getByLabel('Mot de passe initial').fill('un mot de passe assez long');
    await page.getByLabel('Rechercher l’organisation adhérente').fill('62498');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await announced(page, '1 organisation trouvée');
    expect(await page.getByLabel('Organisation', { exact: false }).last().inputValue()).toBe(lensId);
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await page.getByRole('main').getByText('Finances de Lens (finances.lens@example.fr) peut se connecter').waitFor();
    await page.getByRole('table', { name: /Comptes \(7 comptes\)/ }).waitFor();
    await checkA11y(e2e, page, 'comptes-apres-creation');
  });
});
