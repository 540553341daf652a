import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, announced, checkA11y, heading, login, settled, startE2E, type E2E } from './support/harness.ts';

const AGREEMENT = "dmsi-lens-2024 — Convention de mutualisation des systèmes d'information";
const SUBJECT = "Convention de mutualisation des systèmes d'information — 1er semestre 2026";
const text = (s: string) => s.replace(/\s+/g, ' ').trim();
const rows = async (table: Locator) => (await table.locator(':scope > tbody > tr:not([hidden])').allInnerTexts()).map(text);
/** Titles are issued today, on the real clock (the server's too), as DD/MM/YYYY. */
const TODAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' }).format(new Date());

async function choose(page: Page, semester: '1er semestre' | '2e semestre') {
  const form = page.getByRole('form', { name: 'Choisir la facturation' });
  await form.getByLabel(/^Convention/).selectOption({ label: AGREEMENT });
  await form.getByLabel('Année').selectOption('2026');
  await form.getByLabel('Semestre').selectOption({ label: semester });
  await form.getByRole('button', { name: 'Afficher l’aperçu' }).click();
  await page.waitForURL(new RegExp(`type=regular&annee=2026&periode=${semester === '1er semestre' ? 1 : 2}$`));
}

/**
 * Seed 004 billed from the demo's monthly snapshots: CALL's finance officer previews Lens's first half of 2026
 * (ended: the e2e server runs on the real clock, 22 November 2026) against the second half of 2025, finds the
 * second half blocked, issues T2026-00001, records a partial payment; Lens reads it under "Mes factures", the
 * Pays du Coquelicot does not see it.
 */
describe('facturation : aperçu, émission, titres, paiement et portail adhérent', () => {
  let e2e: E2E;
  let page: Page;
  let titleUrl: string;
  let previewUrl: string;

  beforeAll(async () => {
    e2e = await startE2E();
    ({ page } = await e2e.newPage());
    await login(page, ACCOUNTS.finance);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('previews the first half of 2026 for Lens, each line explained and compared with the previous half-year', async () => {
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(expect.arrayContaining(['Factures d’opérateurs', 'Facturation', 'Titres de recette']));
    await nav.getByRole('link', { name: 'Facturation' }).click();
    await heading(page, 'Facturation');
    await checkA11y(e2e, page, 'facturation-choix');

    const form = page.getByRole('form', { name: 'Choisir la facturation' });
    await form.getByRole('button', { name: 'Afficher l’aperçu' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Convention : choisissez la convention à facturer' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('facturation-convention');
    await checkA11y(e2e, page, 'facturation-choix-erreur');

    // Lens's agreement bills by half-year in arrears, with no operator pass-through: regular titles only.
    await form.getByLabel(/^Convention/).selectOption({ label: AGREEMENT });
    await form.getByText(/^Facturation semestrielle à terme échu/).waitFor();
    expect(await form.getByLabel('Type de titres').locator('option').allInnerTexts()).toEqual(['Facturation']);
    expect(await form.getByLabel('Semestre').locator('option').allInnerTexts()).toEqual(['1er semestre', '2e semestre']);
    await choose(page, '1er semestre');
    await announced(page, 'Aperçu du 1er semestre 2026 : 1 titre pour 48\u202f604,90\u00a0€.');
    await settled(page);

    const totals = page.getByRole('list', { name: 'Totaux — 1er semestre 2026' });
    expect((await totals.getByRole('listitem').allInnerTexts()).map(text)).toEqual([
      '48 604,90 € 1 titre de recette',
      '0,00 € 0 réduction de titre',
      '0,00 € 0 mandat de reversement',
      '0 ligne non chiffrable',
    ]);
    const members = page.getByRole('table', { name: /^1 adhérent — 1er semestre 2026/ });
    expect(await members.locator('thead th').allInnerTexts()).toEqual(['Adhérent', 'Document', 'Montant HT', 'TVA', 'Montant TTC', '2e semestre 2025 (TTC)', 'Écart', 'Lignes']);
    // Nothing was recorded for Lens in the second half of 2025: the whole amount is the difference.
    expect(await rows(members)).toEqual(['Lens Titre 48 604,90 € 0,00 € 48 604,90 € 0,00 € +48 604,90 € Voir 5 lignes de Lens']);

    const toggle = members.getByRole('button', { name: 'Voir 5 lignes de Lens' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await members.getByRole('button', { name: 'Masquer 5 lignes de Lens' }).getAttribute('aria-expanded')).toBe('true');
    const lines = page.getByRole('table', { name: 'Lignes de Lens — 1er semestre 2026' });
    const listed = (await rows(lines)).map((r) => r.replace(/ relevés mensuels.*$/, ''));
    // Seed 004 annex 5 prices × the workstation- and mailbox-months of January–June 2026 (examples/consumption/004).
    expect(listed).toEqual([
      'Niveau 1 : Hébergement seul des logiciels et données 1 943 poste de travail × mois 12,00 € 23 316,00 € 0,00 € (non assujetti à la TVA)',
      expect.stringMatching(/^Messagerie collaborative — .*basique.* 1 089 boîte aux lettres × mois 6,50 € 7 078,50 € 0,00 €/),
      expect.stringMatching(/^Messagerie collaborative — .*premium.* 72 boîte aux lettres × mois 11,80 € 849,60 € 0,00 €/),
      expect.stringMatching(/^Messagerie collaborative — .*professionnelle.* 366 boîte aux lettres × mois 8,80 € 3 220,80 € 0,00 €/),
      expect.stringMatching(/ 2 020 poste de travail × mois 7,00 € 14 140,00 € 0,00 €/),
    ]);
    // 23 316,00 + 7 078,50 + 849,60 + 3 220,80 + 14 140,00 = 48 604,90, not subject to VAT.
    const sources = lines.getByRole('group').first();
    await sources.locator('summary').click();
    expect(text(await sources.locator('summary').innerText())).toBe('6 sources de la ligne « Niveau 1 : Hébergement seul des logiciels et données »');
    expect(await sources.getByRole('listitem').allInnerTexts()).toEqual(expect.arrayContaining(['relevé de janvier 2026 : 322 unités', 'relevé de juin 2026 : 326 unités']));
    expect(await page.getByRole('button', { name: 'Émettre les titres — 1er semestre 2026' }).isEnabled()).toBe(true);
    await checkA11y(e2e, page, 'facturation-apercu');
  });

  it('finds the second half of 2026 blocked until it has ended', async () => {
    await choose(page, '2e semestre');
    await announced(page, /^Aperçu du 2e semestre 2026 : .* Émission impossible : facturation à terme échu/);
    const blockers = page.locator('#facturation-blocages');
    expect(text(await blockers.innerText())).toContain('Attention : Émission impossible pour l’instant ');
    expect(text(await blockers.innerText())).toContain('facturation à terme échu : la période se termine le 31/12/2026, elle se facture à partir du lendemain');
    const issue = page.getByRole('button', { name: 'Émettre les titres — 2e semestre 2026' });
    expect(await issue.isDisabled()).toBe(true);
    expect(await issue.getAttribute('aria-describedby')).toBe('facturation-refus');
    await checkA11y(e2e, page, 'facturation-bloquee');
  });

  it('issues the first half of 2026 after a confirmation, then finds the period issued already', async () => {
    await choose(page, '1er semestre');
    const address = page.url();
    previewUrl = new URL(address).pathname + new URL(address).search;
    // A second tab on the same preview, opened before the issue: issuing there afterwards creates nothing.
    const { page: other } = await e2e.newPage();
    await login(other, ACCOUNTS.finance);
    await other.goto(address);
    await other.getByRole('button', { name: 'Émettre les titres — 1er semestre 2026' }).waitFor();

    await page.getByRole('button', { name: 'Émettre les titres — 1er semestre 2026' }).click();
    const confirm = page.getByRole('group', { name: 'Confirmer l’émission' });
    expect(text(await confirm.locator('p').innerText())).toBe('Émettre 1 titre pour 48 604,90 € ? Les titres émis ne se modifient plus.');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Confirmer l’émission');
    await checkA11y(e2e, page, 'facturation-confirmation');
    await confirm.getByRole('button', { name: 'Annuler' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Émettre les titres — 1er semestre 2026');

    await page.getByRole('button', { name: 'Émettre les titres — 1er semestre 2026' }).click();
    await page.getByRole('button', { name: 'Confirmer l’émission' }).click();
    await announced(page, '1 document émis : T2026-00001.');
    expect(await rows(page.getByRole('table', { name: '1 document émis — 1er semestre 2026' }))).toEqual(['Titre de recette T2026-00001 Lens Titre de recette 48 604,90 €']);
    await page.getByText('1er semestre 2026 : déjà émise').waitFor();
    expect(await page.getByRole('button', { name: /^Émettre les titres/ }).count()).toBe(0);
    await checkA11y(e2e, page, 'facturation-emise');

    await other.getByRole('button', { name: 'Émettre les titres — 1er semestre 2026' }).click();
    await other.getByRole('button', { name: 'Confirmer l’émission' }).click();
    await announced(other, 'Cette période avait déjà été émise : rien de nouveau (1 document : T2026-00001).');
    await other.getByText('1er semestre 2026 : déjà émise').waitFor();

    await page.reload();
    await announced(page, '1er semestre 2026 : déjà émise.');
    await page.getByText(new RegExp(`^Émise le ${TODAY.replaceAll('/', '\\/')} par .*: 1 document\\.`)).waitFor();
    await page.getByRole('link', { name: 'Voir les titres de cette émission' }).click();
    await heading(page, 'Titres de recette');
    await page.waitForURL(/\/titres\?emission=/);
    const table = page.getByRole('table', { name: new RegExp(`^1 titre de tous les exercices de l’émission du ${TODAY.replaceAll('/', '\\/')}, les plus récents en premier$`) });
    await table.waitFor();
    expect(await rows(table)).toEqual([`Titre de recette T2026-00001 Lens ${SUBJECT} du 01/01/2026 au 30/06/2026 ${TODAY} — 48 604,90 € 0,00 € 48 604,90 € À recouvrer`]);
    expect(await page.getByLabel('Seulement les titres de l’émission choisie').isChecked()).toBe(true);
    const spreadsheet = await page.request.get((await page.getByRole('link', { name: 'Télécharger les titres de cette émission (CSV)' }).getAttribute('href'))!);
    expect(spreadsheet.status()).toBe(200);
    expect(await spreadsheet.text()).toContain('T2026-00001');
  });

  it('lists the titles of the year and shows Lens’s account, reached from its record', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Titres de recette' }).click();
    await heading(page, 'Titres de recette');
    await announced(page, '1 titre affiché.');
    const table = page.getByRole('table', { name: '1 titre de l’exercice 2026, les plus récents en premier' });
    expect(text(await table.locator('tfoot').innerText())).toBe('Total des titres affichés 48 604,90 € 0,00 € 48 604,90 €');
    await checkA11y(e2e, page, 'titres');

    const filters = page.getByRole('search', { name: 'Filtrer les titres de recette' });
    await filters.getByLabel('Type').selectOption({ label: 'Mandat' });
    await filters.getByRole('button', { name: 'Afficher' }).click();
    await page.waitForURL(/exercice=2026&type=payment_order/);
    await page.getByText('Aucun titre ne correspond à ces filtres.').waitFor();

    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Registre' }).click();
    await heading(page, 'Registre des organisations');
    await page.getByRole('link', { name: 'Lens', exact: true }).click();
    await heading(page, 'Lens');
    await page.getByRole('link', { name: 'Titres de recette de Lens' }).click();
    await heading(page, 'Titres de recette');
    const account = page.getByRole('list', { name: 'Solde — Compte de Lens (tous exercices)' });
    await account.waitFor();
    expect((await account.getByRole('listitem').allInnerTexts()).map(text)).toEqual([
      '48 604,90 € reste à recouvrer sur 1 titre',
      '0,00 € en retard (0 titre)',
      '48 604,90 € titres de recette émis (TTC)',
      '0,00 € payé',
    ]);
    await expect.poll(() => filters.getByLabel('Adhérent').locator('option:checked').innerText()).toBe('Lens');
    await page.getByRole('table', { name: '1 titre de tous les exercices pour Lens, les plus récents en premier' }).waitFor();
    await checkA11y(e2e, page, 'titres-compte-adherent');
  });

  it('opens the title: lines explained, sources, no late interest, a partial payment refused then recorded', async () => {
    await page.getByRole('link', { name: 'Titre de recette T2026-00001' }).click();
    await heading(page, 'Titre de recette T2026-00001');
    titleUrl = new URL(page.url()).pathname;
    await settled(page);
    const identity = text(await page.getByRole('region', { name: 'Le titre' }).innerText());
    expect(identity).toContain(`Statut À recouvrer Adhérent Lens Objet ${SUBJECT} Période du 01/01/2026 au 30/06/2026 Exercice 2026 Émis le ${TODAY}`);
    expect(identity).toContain('Montant TTC 48 604,90 € Payé 0,00 € Reste à recouvrer 48 604,90 €');
    const lines = page.getByRole('table', { name: '5 lignes du titre T2026-00001' });
    expect((await rows(lines))[0]).toMatch(/^Niveau 1 : Hébergement seul des logiciels et données 1 943 poste de travail × mois 12,00 € 23 316,00 € 0,00 € \(non assujetti à la TVA\) relevés mensuels de janvier–juin 2026/);
    await page.getByText('Aucun intérêt de retard : la convention ne fixe pas d’échéance.').waitFor();
    const pdf = await page.request.get((await page.getByRole('link', { name: 'Télécharger en PDF : titre de recette T2026-00001' }).getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect(Buffer.from(await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await checkA11y(e2e, page, 'titre');

    const form = page.getByRole('form', { name: 'Enregistrer un paiement' });
    await form.getByLabel(/^Montant/).fill('20 000,005');
    await form.getByLabel(/^Référence/).fill('Bordereau 2026-118');
    await form.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Montant (euros) : un montant positif en euros est attendu, ex. 1 234,56' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('paiement-amount');
    expect(await form.getByLabel(/^Montant/).getAttribute('aria-invalid')).toBe('true');
    await checkA11y(e2e, page, 'titre-paiement-erreur');

    await form.getByLabel(/^Montant/).fill('20 000,00');
    await form.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await announced(page, 'Paiement de 20\u202f000,00\u00a0€ enregistré sur le titre T2026-00001 : reste à recouvrer 28\u202f604,90\u00a0€.');
    expect(await rows(page.getByRole('table', { name: '1 paiement du titre T2026-00001' }))).toEqual([`${TODAY} 20 000,00 € Bordereau 2026-118`]);
    expect(text(await page.getByRole('region', { name: 'Le titre' }).innerText())).toContain('Statut Partiellement payé');
    expect(text(await page.getByRole('region', { name: 'Le titre' }).innerText())).toContain('Payé 20 000,00 € Reste à recouvrer 28 604,90 €');
    expect(await form.getByLabel(/^Montant/).inputValue()).toBe('');
    await checkA11y(e2e, page, 'titre-paye-partiellement');
  });

  it('shows Lens its title under "Mes factures", read-only', async () => {
    const { page: lens } = await e2e.newPage();
    await login(lens, ACCOUNTS.cliLens);
    const nav = lens.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Mon organisation', 'Mes services', 'Mes besoins', 'Consommations', 'Mes factures', 'Ma part des coûts', 'Catalogues', 'Conventions', 'Calendrier', 'Mon compte']);
    await nav.getByRole('link', { name: 'Mes factures' }).click();
    await heading(lens, 'Mes factures');
    await announced(lens, '1 titre affiché.');
    expect((await lens.getByRole('list', { name: 'Solde — Solde de Lens' }).getByRole('listitem').first().innerText()).replace(/\s+/g, ' ')).toBe('28 604,90 € reste à recouvrer sur 1 titre');
    const table = lens.getByRole('table', { name: '1 titre de Lens, les plus récents en premier' });
    expect(await rows(table)).toEqual([`Titre de recette T2026-00001 ${SUBJECT} du 01/01/2026 au 30/06/2026 ${TODAY} — 48 604,90 € 20 000,00 € 28 604,90 € Partiellement payé`]);
    await checkA11y(e2e, lens, 'mes-factures');

    await table.getByRole('link', { name: 'Titre de recette T2026-00001' }).click();
    await heading(lens, 'Titre de recette T2026-00001');
    await settled(lens);
    expect(await rows(lens.getByRole('table', { name: '1 paiement du titre T2026-00001' }))).toEqual([`${TODAY} 20 000,00 € Bordereau 2026-118`]);
    expect(await lens.getByRole('form', { name: 'Enregistrer un paiement' }).count()).toBe(0);
    expect((await lens.request.get((await lens.getByRole('link', { name: /^Télécharger en PDF/ }).getAttribute('href'))!)).status()).toBe(200);
    expect(await lens.getByRole('navigation', { name: "Fil d'Ariane" }).getByRole('link').allInnerTexts()).toEqual(['Mes factures']);
    await checkA11y(e2e, lens, 'mes-factures-titre');
  });

  it('shows the Pays du Coquelicot none of Lens’s titles', async () => {
    const { page: coquelicot } = await e2e.newPage();
    await login(coquelicot, ACCOUNTS.cliCoquelicot);
    await coquelicot.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes factures' }).click();
    await heading(coquelicot, 'Mes factures');
    await coquelicot.getByText('Aucun titre émis pour votre organisation.').waitFor();
    await checkA11y(e2e, coquelicot, 'mes-factures-vide');
    await coquelicot.goto(titleUrl.replace('/titres/', '/mes-factures/'));
    await heading(coquelicot, 'Titre introuvable');
    expect((await coquelicot.request.get(`/api/v1/titles/${titleUrl.split('/').pop()}/document`)).status()).toBe(404);
  });

  it('issues seed 003’s annual title for 2025 from the demo subscriptions, late for its window, after a confirmation', async () => {
    // Seed 003 art. 4 and 5 on the demo layer: services opened on 1 April 2025 count 9/12 of the illustrative 2025
    // catalogue: 1,350.00 + 900.00 + 225.00 = 2,475.00 €, to be issued between 1 January and 31 March 2026.
    const { page: admin } = await e2e.newPage();
    await login(admin, ACCOUNTS.admin);
    await admin.goto('/facturation');
    await heading(admin, 'Facturation');
    const form = admin.getByRole('form', { name: 'Choisir la facturation' });
    await form.getByLabel(/^Convention/).selectOption({ label: "convention-globale-trouville-2024 — Convention globale de mutualisation des technologies de l'information # 2024" });
    await form.getByText(/^Facturation annuelle à terme échu/).waitFor();
    await form.getByLabel('Année').selectOption('2025');
    await form.getByRole('button', { name: 'Afficher l’aperçu' }).click();
    await announced(admin, 'Aperçu de l’année 2025 : 1 titre pour 2\u202f475,00\u00a0€.');
    await settled(admin);
    expect(text(await admin.locator('#facturation-blocages').innerText())).toMatch(/À savoir avant d’émettre .*émission entre le 01\/01\/2026 et le 31\/03\/2026 : ces titres sont émis en retard/);
    const members = admin.getByRole('table', { name: /^1 adhérent — année 2025/ });
    expect(await rows(members)).toEqual(['Trouville-sur-Mer Titre 2 475,00 € 0,00 € 2 475,00 € 0,00 € +2 475,00 € Voir 3 lignes de Trouville-sur-Mer']);
    await members.getByRole('button', { name: 'Voir 3 lignes de Trouville-sur-Mer' }).click();
    const lines = admin.getByRole('table', { name: 'Lignes de Trouville-sur-Mer — année 2025' });
    expect(await rows(lines)).toEqual([expect.stringContaining('1 forfait × 9/12'), expect.stringContaining('1 forfait × 9/12'), expect.stringContaining('500 Go alloué × 9/12')]);
    await checkA11y(e2e, admin, 'facturation-annuelle-en-retard');

    await admin.getByRole('button', { name: 'Émettre les titres — année 2025' }).click();
    const confirm = admin.getByRole('group', { name: 'Confirmer l’émission' });
    expect(text(await confirm.locator('p').innerText())).toBe('Émettre 1 titre pour 2 475,00 € ? Les titres émis ne se modifient plus.');
    await confirm.getByRole('button', { name: 'Confirmer l’émission' }).click();
    await announced(admin, '1 document émis : T2026-00001.');
    await settled(admin);
    await checkA11y(e2e, admin, 'facturation-annuelle-emise');
  });

  it('fits a 320 px wide screen: the preview, a title and the list scroll their tables in their own regions', async () => {
    const { page: narrow } = await e2e.newPage({ width: 320, height: 720 });
    await login(narrow, ACCOUNTS.finance);
    await narrow.goto(previewUrl);
    await heading(narrow, 'Facturation');
    await settled(narrow);
    await narrow.getByRole('button', { name: 'Voir 5 lignes de Lens' }).click();
    await narrow.getByRole('table', { name: 'Lignes de Lens — 1er semestre 2026' }).waitFor();
    await settled(narrow);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await checkA11y(e2e, narrow, 'etroit-facturation');
    await narrow.goto(titleUrl);
    await heading(narrow, 'Titre de recette T2026-00001');
    await settled(narrow);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await checkA11y(e2e, narrow, 'etroit-titre');
    await narrow.goto('/titres');
    await heading(narrow, 'Titres de recette');
    await narrow.getByRole('table', { name: /^1 titre de l’exercice 2026/ }).waitFor();
    await settled(narrow);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });
});
