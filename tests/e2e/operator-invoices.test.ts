import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOICE_FILE_COLUMNS } from '../../src/services/consumption/record-files.ts';
import { ACCOUNTS, announced, checkA11y, heading, login, settled, startE2E, type E2E } from './support/harness.ts';

const SOMME = 'Syndicat mixte Somme Numérique';
const COQUELICOT = 'Communauté de Communes du Pays du Coquelicot';
const text = (s: string) => s.replace(/\s+/g, ' ').trim();
const rows = async (table: Locator) => (await table.locator('tbody tr').allInnerTexts()).map(text);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HEADER = 'opérateur;lot;facture;date de facture;début de période;fin de période;membre;type de prestation;site;libellé;montant HT;TVA';
const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\n'));
const NOVEMBER = (member: string, amount: string) => `Titulaire du lot 1;Lot 1 – téléphonie fixe et liaisons;L1-2016-11-0650;05/12/2016;01/11/2016;30/11/2016;${member};liaisons-donnees;Siège – déchetterie;Liaison de données point à point;${amount};62,00`;

/** Somme Numérique's operator invoices of 2016 (seed 000 art. 4.2, demo data), read and completed by the platform administrator. */
describe('factures d’opérateurs : liste, règlement, double, pénalités et import', () => {
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

  it("lists Somme Numérique's invoices whose billed period starts in 2016, and its penalty", async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Factures d’opérateurs' }).click();
    await heading(page, 'Factures d’opérateurs');
    const filters = page.getByRole('search', { name: 'Filtrer les factures d’opérateurs' });
    await filters.getByLabel('Fournisseur').selectOption({ label: SOMME });
    await filters.getByLabel('Période facturée commençant du').fill('2016-01-01');
    await filters.getByLabel('Au', { exact: true }).fill('2016-12-31');
    await filters.getByRole('button', { name: 'Afficher' }).click();
    await page.waitForURL(/du=2016-01-01&au=2016-12-31/);
    await announced(page, '8 factures affichées.');
    const table = page.getByRole('table', { name: `8 factures dont la période facturée commence entre le 01/01/2016 et le 31/12/2016 — ${SOMME}` });
    const list = await rows(table);
    expect(list[0]).toBe(`Facture L1-2016-10-0588 Titulaire du lot 1 Lot 1 – téléphonie fixe et liaisons 04/11/2016 du 01/10/2016 au 31/10/2016 ${COQUELICOT} 1 157,63 € 231,53 € 1 389,16 € non réglée non`);
    expect(list.map((r) => r.split(' ')[1])).toEqual(['L1-2016-10-0588', 'L2-2016-10-2701', 'L1-2016-09-0521', 'L2-2016-09-2544', 'L1-2016-08-0467', 'L2-2016-08-2390', 'L1-2016-07-0412', 'L2-2016-07-2231']);
    expect(text(await table.locator('tfoot').innerText())).toBe('Total des factures affichées 5 392,47 € 1 078,49 € 6 470,96 €');

    const penalties = page.getByRole('region', { name: 'Pénalités' });
    expect(await rows(penalties.getByRole('table', { name: '1 pénalité reçue en 2016' }))).toEqual([
      `15/11/2016 ${COQUELICOT} Titulaire du lot 2 Lot 2 – téléphonie mobile 150,00 € Rétablissement du service mobile au-delà du délai contractuel (coupure du 12 au 14 octobre 2016) —`,
    ]);
    await checkA11y(e2e, page, 'factures-operateurs');
  });

  it('opens an invoice with its lines per member, records its payment and uploads its copy', async () => {
    await page.getByRole('link', { name: 'Facture L1-2016-07-0412' }).click();
    await heading(page, 'Facture L1-2016-07-0412');
    await settled(page);
    const lines = page.getByRole('table', { name: `3 lignes de la facture L1-2016-07-0412 pour ${COQUELICOT}` });
    expect((await rows(lines))[0]).toBe('Abonnements téléphoniques et acheminement des communications téléphoniques entrantes Siège, 6 rue Emile Zola, Albert Abonnements et trafic entrant 412,60 € 82,52 €');
    expect(text(await lines.locator('tfoot').innerText())).toBe(`Total pour ${COQUELICOT} 960,75 € 192,15 €`);
    await checkA11y(e2e, page, 'facture-operateur');

    // Paid before it was issued: refused on the field.
    const payment = page.getByRole('form', { name: 'Enregistrer le règlement de la facture' });
    await payment.getByLabel(/^Date du règlement/).fill('2016-08-01');
    await payment.getByRole('button', { name: 'Enregistrer le règlement' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Date du règlement : antérieure à la facture (05/08/2016)' }).waitFor();
    expect(await payment.getByLabel(/^Date du règlement/).getAttribute('aria-invalid')).toBe('true');
    await checkA11y(e2e, page, 'facture-reglement-erreur');
    await payment.getByLabel(/^Date du règlement/).fill('2016-09-15');
    await payment.getByRole('button', { name: 'Enregistrer le règlement' }).click();
    await announced(page, 'Facture L1-2016-07-0412 : règlement enregistré le 15/09/2016.');
    await page.getByRole('region', { name: 'Règlement' }).getByText('Réglée le 15/09/2016.').waitFor();

    const copy = page.getByRole('form', { name: 'Déposer le double de la facture' });
    await copy.getByLabel(/^Double de la facture/).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('non') });
    await copy.getByRole('button', { name: 'Déposer le double' }).click();
    await page.getByRole('alert').getByRole('link', { name: /un fichier \.pdf, \.png ou \.jpg est attendu/ }).waitFor();
    await copy.getByLabel(/^Double de la facture/).setInputFiles({ name: 'L1-2016-07-0412.pdf', mimeType: 'application/pdf', buffer: PDF });
    await copy.getByRole('button', { name: 'Déposer le double' }).click();
    await announced(page, 'Facture L1-2016-07-0412 : double déposé (L1-2016-07-0412.pdf).');
    const download = page.getByRole('link', { name: 'Télécharger le double de la facture L1-2016-07-0412 (L1-2016-07-0412.pdf)' });
    const answer = await page.request.get((await download.getAttribute('href'))!);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toContain('application/pdf');
    expect(Buffer.from(await answer.body()).equals(PDF)).toBe(true);
    await checkA11y(e2e, page, 'facture-reglee-double');

    await page.getByRole('navigation', { name: "Fil d'Ariane" }).getByRole('link', { name: 'Factures d’opérateurs' }).click();
    await heading(page, 'Factures d’opérateurs');
    await page.getByRole('combobox', { name: 'Fournisseur' }).selectOption({ label: SOMME });
    await page.getByLabel('Période facturée commençant du').fill('2016-07-01');
    await page.getByLabel('Au', { exact: true }).fill('2016-07-31');
    await page.getByRole('button', { name: 'Afficher', exact: true }).click();
    await page.waitForURL(/du=2016-07-01&au=2016-07-31/);
    const july = page.getByRole('table', { name: /^2 factures dont la période facturée commence/ });
    await july.waitFor();
    expect((await rows(july)).find((r) => r.startsWith('Facture L1-2016-07-0412'))).toMatch(/ 15\/09\/2016 oui$/);
  });

  it('records a penalty, the amount checked before it is sent', async () => {
    await page.getByRole('combobox', { name: "Année de réception" }).selectOption('2016');
    const form = page.getByRole('form', { name: 'Enregistrer une pénalité' });
    await form.getByLabel(/^Adhérent/).selectOption({ label: COQUELICOT });
    await form.getByLabel(/^Opérateur/).fill('Titulaire du lot 1');
    await form.getByLabel(/^Lot du marché/).fill('Lot 1 – téléphonie fixe et liaisons');
    await form.getByLabel(/^Reçue le/).fill('2016-12-20');
    await form.getByLabel(/^Montant/).fill('80,5x');
    await form.getByLabel(/^Motif/).fill('Liaison de la déchetterie interrompue trois jours');
    await form.getByLabel(/^Facture concernée/).selectOption({ label: 'L1-2016-07-0412 — Titulaire du lot 1' });
    await form.getByRole('button', { name: 'Enregistrer la pénalité' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Montant (euros) : un montant positif en euros est attendu, ex. 150,00' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('penalite-amount');
    await checkA11y(e2e, page, 'penalite-erreur');

    await form.getByLabel(/^Montant/).fill('80,50');
    await form.getByRole('button', { name: 'Enregistrer la pénalité' }).click();
    await announced(page, `Pénalité enregistrée : 80,50 € de Titulaire du lot 1 pour ${COQUELICOT}, reçue le 20/12/2016.`);
    const table = page.getByRole('region', { name: 'Pénalités' }).getByRole('table', { name: '2 pénalités reçues en 2016' });
    expect((await rows(table))[1]).toBe(`20/12/2016 ${COQUELICOT} Titulaire du lot 1 Lot 1 – téléphonie fixe et liaisons 80,50 € Liaison de la déchetterie interrompue trois jours L1-2016-07-0412`);
    expect(text(await table.locator('tfoot').innerText())).toBe('Total à reverser 230,50 €');
    await checkA11y(e2e, page, 'penalite-enregistree');
  });

  it('imports an invoice file: refused with every row and column in error, then checked and imported', async () => {
    await page.getByRole('link', { name: 'Importer un fichier de factures' }).click();
    await heading(page, 'Import des factures d’opérateurs');
    const help = text(await page.getByRole('region', { name: 'Colonnes attendues' }).innerText());
    for (const column of Object.values(INVOICE_FILE_COLUMNS)) expect(help.toLowerCase()).toContain(column.headers[0]!.toLowerCase());
    expect(await page.getByLabel(/^Fournisseur/).inputValue()).not.toBe('');
    const file = page.getByLabel(/^Fichier des factures/);
    await file.setInputFiles({ name: 'factures-erronees.csv', mimeType: 'text/csv', buffer: csv(NOVEMBER('999999999', '310,00'), NOVEMBER('248000747', 'abc')) });
    await page.getByRole('button', { name: 'Importer le fichier' }).click();
    const result = page.getByRole('region', { name: 'Résultat' });
    await result.getByText("Import refusé : rien n'a été enregistré").waitFor();
    await announced(page, 'Import refusé : 2 erreurs.');
    expect(await rows(result.getByRole('table', { name: /^2 erreurs du fichier/ }))).toEqual([
      '2 membre « 999999999 » n\'est ni membre ni ancien membre de ce fournisseur',
      '3 montant HT montant « abc » illisible : attendu des euros avec au plus 2 décimales',
    ]);
    await checkA11y(e2e, page, 'factures-import-erreurs');

    await file.setInputFiles({ name: 'factures-novembre.csv', mimeType: 'text/csv', buffer: csv(NOVEMBER('248000747', '310,00')) });
    await page.getByLabel('Vérifier seulement').check();
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await result.getByText('Fichier vérifié : aucune erreur, rien n’a été enregistré').waitFor();
    expect(await rows(result.getByRole('table', { name: /^Factures que l’import créerait/ }))).toEqual(['1 1 1 0 310,00 €']);
    await page.getByLabel('Vérifier seulement').uncheck();
    await page.getByRole('button', { name: 'Importer le fichier' }).click();
    await announced(page, 'Import terminé : 1 ligne lue, 1 facture, 1 créée, 0 inchangée, 310,00 € HT.');
    await checkA11y(e2e, page, 'factures-import-termine');
    // The same file again changes nothing.
    await page.getByRole('button', { name: 'Importer le fichier' }).click();
    await announced(page, 'Import terminé : 1 ligne lue, 1 facture, 0 créée, 1 inchangée, 310,00 € HT.');
  });
});
