import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createContact } from '../../src/services/contact-service.ts';
import { SYSTEM_PRINCIPAL } from '../../src/services/context.ts';
import { ACCOUNTS, announced, checkA11y, heading, login, startE2E, type E2E } from './support/harness.ts';

/** The member portal: the CLI of Lens sees Lens only and keeps its contacts; an elected member only reads. */
describe('portail adhérent', () => {
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

  it('shows the CLI of Lens their organisation only, without the back office', async () => {
    await login(page, ACCOUNTS.cliLens);
    await heading(page, 'Mon organisation : Lens');
    expect(new URL(page.url()).pathname).toBe('/mon-organisation');
    expect(await page.title()).toBe('Mon organisation : Lens – Mutualis');
    const banner = page.getByRole('banner');
    await banner.getByText('Correspondant informatique de Lens').waitFor();
    await banner.getByText(/Lens · Adhérent — correspondant informatique \(CLI\)/).waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Mon organisation', 'Mes services', 'Mes besoins', 'Consommations', 'Mes factures', 'Ma part des coûts', 'Catalogues', 'Conventions', 'Calendrier', 'Mon compte']);
    // Read-only identity for a member: no edit, no audit trail; contacts can be written by the CLI.
    expect(await page.getByRole('link', { name: /^Modifier/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Journal des modifications' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Ajouter un contact' }).waitFor();
    await page.getByText('Aucun correspondant local informatique (CLI) actif').waitFor();
    await checkA11y(e2e, page, 'portail-mon-organisation');
  });

  it('answers "not found" for the registry and for another organisation', async () => {
    await page.goto('/organisations');
    await heading(page, 'Page introuvable');
    expect(await page.title()).toBe('Page introuvable – Mutualis');
    await checkA11y(e2e, page, 'portail-page-introuvable');

    await page.goto(`/organisations/${callId}`);
    await heading(page, 'Organisation introuvable');
    await page.getByText("Cette organisation n'existe pas, ou vous n'avez pas accès à sa fiche.").waitFor();
    await checkA11y(e2e, page, 'portail-organisation-introuvable');

    // Their own organisation is reachable by its address too.
    await page.goto(`/organisations/${lensId}`);
    await heading(page, 'Lens');
  });

  it('lets the CLI add a contact, then refuses a second active CLI with a clear message', async () => {
    await page.goto('/mon-organisation');
    await heading(page, 'Mon organisation : Lens');
    await page.getByRole('button', { name: 'Ajouter un contact' }).click();
    const form = page.getByRole('region', { name: 'Ajouter un contact' });
    await form.waitFor();
    // The form's heading takes the focus when it opens.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ajouter un contact');
    await checkA11y(e2e, page, 'portail-ajout-contact');

    // Client-side rules are the contract's: a wrong e-mail is refused before sending.
    await form.getByRole('textbox', { name: /^Nom/ }).fill('DURAND');
    await form.getByLabel('Adresse électronique').fill('pas-une-adresse');
    await form.getByRole('button', { name: 'Ajouter le contact' }).click();
    await form.getByRole('alert').getByRole('link', { name: 'Adresse électronique : adresse électronique invalide' }).waitFor();
    await checkA11y(e2e, page, 'portail-ajout-contact-erreur');

    await form.getByLabel('Prénom').fill('Claire');
    await form.getByLabel('Civilité').selectOption('Mme');
    await form.getByLabel('Fonction').fill('Responsable informatique');
    await form.getByLabel('Adresse électronique').fill('claire.durand@mairie-lens.fr');
    await form.getByLabel('Téléphone').fill('03 21 00 00 00');
    await form.getByLabel('Correspondant local informatique (CLI)').check();
    await form.getByRole('button', { name: 'Ajouter le contact' }).click();
    await page.getByRole('main').getByText('Contact ajouté : Mme Claire DURAND.').waitFor();
    await announced(page, 'Contact ajouté : Mme Claire DURAND.');
    const contacts = page.getByRole('table', { name: /Contacts de Lens/ });
    await contacts.getByRole('row', { name: /Mme Claire DURAND.*Correspondant local informatique \(CLI\).*Actif/ }).waitFor();
    // Lens now has its CLI: the warning is gone.
    await page.getByText('Aucun correspondant local informatique (CLI) actif').waitFor({ state: 'detached' });
    await checkA11y(e2e, page, 'portail-contact-ajoute');

    // A second active CLI: refused before sending, with the domain's message on the roles.
    await page.getByRole('button', { name: 'Ajouter un contact' }).click();
    const second = page.getByRole('region', { name: 'Ajouter un contact' });
    await second.getByRole('textbox', { name: /^Nom/ }).fill('MARTIN');
    await second.getByLabel('Correspondant local informatique (CLI)').check();
    await second.getByRole('button', { name: 'Ajouter le contact' }).click();
    const summary = second.getByRole('alert');
    await summary.getByRole('link', { name: /Rôles : cette organisation a déjà un CLI actif/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('nouveau-contact-roles');
    await second.getByRole('group', { name: 'Rôles' }).getByText('cette organisation a déjà un CLI actif').waitFor();
    await checkA11y(e2e, page, 'portail-second-cli-refuse');
    await second.getByRole('button', { name: 'Annuler' }).click();
  });

  it('shows the server refusal when another CLI was named meanwhile', async () => {
    // The CLI of Lens is made inactive, the page is loaded, then someone else names a CLI in between.
    await page.getByRole('button', { name: 'Modifier Mme Claire DURAND' }).click();
    const edit = page.getByRole('region', { name: 'Modifier le contact Mme Claire DURAND' });
    await edit.getByLabel('Contact actif').uncheck();
    await edit.getByRole('button', { name: 'Enregistrer le contact' }).click();
    await page.getByRole('main').getByText('Contact enregistré : Mme Claire DURAND.').waitFor();
    await page.getByRole('table', { name: /Contacts de Lens/ }).getByRole('row', { name: /Claire DURAND.*Inactif/ }).waitFor();

    await page.getByRole('button', { name: 'Ajouter un contact' }).click();
    const form = page.getByRole('region', { name: 'Ajouter un contact' });
    await createContact(e2e.deps, SYSTEM_PRINCIPAL, lensId, { lastName: 'PETIT', roles: ['cli'] });
    await form.getByRole('textbox', { name: /^Nom/ }).fill('LEROY');
    await form.getByLabel('Correspondant local informatique (CLI)').check();
    await form.getByRole('button', { name: 'Ajouter le contact' }).click();
    await form.getByRole('alert').getByRole('link', { name: /Rôles : cette organisation a déjà un CLI actif/ }).waitFor();
    await checkA11y(e2e, page, 'portail-cli-refuse-par-le-serveur');
  });

  it('gives an elected member a read-only view of their organisation', async () => {
    const { page: elected } = await e2e.newPage();
    await login(elected, ACCOUNTS.electedTrouville);
    await heading(elected, 'Mon organisation : Trouville-sur-Mer');
    await elected.getByRole('heading', { name: 'Contacts' }).waitFor();
    await elected.getByRole('region', { name: 'Identité' }).getByText('14715').waitFor();
    expect(await elected.getByRole('button', { name: 'Ajouter un contact' }).count()).toBe(0);
    expect(await elected.getByRole('button', { name: /^Modifier/ }).count()).toBe(0);
    await checkA11y(e2e, elected, 'portail-elu-lecture-seule');
  });
});
