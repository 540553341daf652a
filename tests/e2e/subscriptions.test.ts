import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, announced, checkA11y, heading, login, settled, startE2E, type E2E } from './support/harness.ts';

const LEVEL_1 = 'Niveau 1 : Gestion des postes de travail';
const LEVEL_2 = "Niveau 2 : Guichet d'accueil - support et assistance aux utilisateurs";
const NEEDS_LEVEL_1 = `${LEVEL_2} nécessite ${LEVEL_1} : ajoutez-le à la demande`;
/** The e2e run on the real clock (2026-11-22 when written): openings in December 2026, inside the CALL–Lens agreement. */
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
const fr = (date: string) => date.split('-').reverse().join('/');
const yesterday = (() => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
})();
const WISHED = '2026-12-01';
const text = (s: string) => s.replace(/\s+/g, ' ').trim();

async function fillRow(page: Page, n: number, line: string, quantity: string, wishedOn: string) {
  const row = page.getByRole('group', { name: `Service n° ${n}` });
  await row.getByLabel(/^Service/).selectOption({ label: line });
  await row.getByLabel(/^Volume/).fill(quantity);
  await row.getByLabel(/^Date d'ouverture souhaitée/).fill(wishedOn);
  return row;
}

/** Issue scenario: Lens asks for workstation services; the CALL decides and opens them by record; quotes. */
describe('souscriptions : demande du portail, décision et ouverture par procès-verbal, devis', () => {
  let e2e: E2E;
  let cli: Page;
  let staff: Page;
  let requestUrl: string;

  beforeAll(async () => {
    e2e = await startE2E();
    ({ page: cli } = await e2e.newPage());
    ({ page: staff } = await e2e.newPage());
    await login(cli, ACCOUNTS.cliLens);
    await login(staff, ACCOUNTS.technician);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows Lens its services: the 2025 request with its opened lines, billable dates and records', async () => {
    const nav = cli.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Mon organisation', 'Mes services', 'Mes besoins', 'Consommations', 'Mes factures', 'Ma part des coûts', 'Catalogues', 'Conventions', 'Calendrier', 'Mon compte']);
    await nav.getByRole('link', { name: 'Mes services' }).click();
    await heading(cli, 'Mes services');
    expect(await cli.title()).toBe('Mes services – Mutualis');
    const first = cli.getByRole('article', { name: 'Demande du 19/12/2024' });
    const lines = first.getByRole('table', { name: /^Services demandés \(5 lignes\)/ });
    const socle = lines.getByRole('row', { name: /^Adhésion au socle \+ connexion au réseau/ });
    expect(text(await socle.innerText())).toContain('Ouverte');
    expect(text(await socle.innerText())).toContain('01/01/2025');
    await socle.getByRole('link', { name: "PDF : procès-verbal d'ouverture, Adhésion au socle + connexion au réseau" }).waitFor();
    await first.getByText(/demande reçue après le 30\/06\/2024/).waitFor();
    await checkA11y(e2e, cli, 'mes-services');
  });

  it('refuses Niveau 2 alone while the CLI types, with the reason on the row, then on submit', async () => {
    const row = await fillRow(cli, 1, LEVEL_2, '40', WISHED);
    // The live check (nothing saved): the refusal on the service field, the late wish as a notice, the estimate.
    await row.getByText(NEEDS_LEVEL_1).waitFor();
    expect(await row.getByLabel(/^Service/).getAttribute('aria-invalid')).toBe('true');
    await row.getByText(/demande reçue après le 30\/06\/2025, date limite des souhaits pour 2026/).waitFor();
    await row.getByText(/Estimation : 440,00/).waitFor();
    await announced(cli, /Vérification : 1 refus, 1 point d'attention ; estimation 2026/);
    await checkA11y(e2e, cli, 'demande-verification-refus');

    await cli.getByRole('button', { name: 'Envoyer la demande' }).click();
    const summary = cli.getByRole('alert').filter({ hasText: "La demande n'a pas été envoyée" });
    await summary.getByRole('link', { name: `Service n° 1 : service : ${NEEDS_LEVEL_1}` }).click();
    expect(await cli.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await checkA11y(e2e, cli, 'demande-refusee');
  });

  it('sends Niveau 1 with Niveau 2, estimated for 2026, and lists the new request', async () => {
    await cli.getByRole('button', { name: 'Ajouter un service' }).click();
    await fillRow(cli, 2, LEVEL_1, '40', WISHED);
    const preview = cli.getByRole('region', { name: 'Vérification et estimation' });
    await preview.getByText("Vérification : aucun refus, 2 points d'attention ; estimation 2026 : 1\u202f120,00\u00a0€.").waitFor();
    const estimate = preview.getByRole('table', { name: /^Estimation pour 2026/ });
    expect((await estimate.locator('tbody tr, tfoot tr').allInnerTexts()).map(text)).toEqual([`n° 1 : ${LEVEL_2} 1 440,00 €`, `n° 2 : ${LEVEL_1} 1 680,00 €`, 'Total estimé 2026 1 120,00 €']);
    await cli.getByRole('group', { name: 'Service n° 1' }).getByText(NEEDS_LEVEL_1).waitFor({ state: 'detached' });
    await checkA11y(e2e, cli, 'demande-verification-ok');

    await cli.getByRole('button', { name: 'Envoyer la demande' }).click();
    const sent = `Demande envoyée : ${LEVEL_1}, ${LEVEL_2}.`;
    await cli.getByRole('main').getByText(sent).waitFor();
    await announced(cli, sent);
    const request = cli.getByRole('article', { name: `Demande du ${fr(today)}` });
    const table = request.getByRole('table', { name: /^Services demandés \(2 lignes\)/ });
    for (const line of [LEVEL_1, LEVEL_2]) expect(text(await table.getByRole('row', { name: new RegExp(`^${line}`) }).innerText())).toBe(`${line} 40 ${fr(WISHED)} Demandée Pas encore facturée —`);
    // The form is empty again, ready for another request.
    expect(await cli.getByRole('group', { name: 'Service n° 2' }).count()).toBe(0);
    await checkA11y(e2e, cli, 'demande-envoyee');
  });

  it('lets the CLI declare a technical prerequisite met', async () => {
    const request = cli.getByRole('article', { name: `Demande du ${fr(today)}` });
    const checklist = request.getByRole('table', { name: /^Prérequis techniques des services demandés/ });
    const item = checklist.getByRole('row', { name: /Ne pas être administrateur de son poste/ });
    await item.getByRole('button', { name: 'Rempli : Ne pas être administrateur de son poste.', exact: true }).click();
    await announced(cli, 'Prérequis rempli : Ne pas être administrateur de son poste.');
    await item.getByText(`le ${fr(today)}, par ${ACCOUNTS.cliLens}`).waitFor();
    expect(await item.getByRole('button', { name: /^Rempli/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await item.getByRole('button', { name: /^Non rempli/ }).getAttribute('aria-pressed')).toBe('false');
  });

  it('queues the request for the CALL with filters', async () => {
    const nav = staff.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Demandes de souscription' }).click();
    await heading(staff, 'Demandes de souscription');
    await staff.getByRole('table', { name: /^2 demandes, de la plus récente/ }).waitFor();
    await staff.getByLabel("Statut d'une ligne").selectOption({ label: 'Demandée' });
    await staff.getByRole('button', { name: 'Filtrer' }).click();
    await staff.waitForURL(/statut=submitted/);
    const table = staff.getByRole('table', { name: /^1 demande ayant une ligne au statut « Demandée »/ });
    const row = table.getByRole('row', { name: new RegExp(`Demande de Lens du ${fr(today)}`) });
    expect(text(await row.innerText())).toContain(`${fr(WISHED)} Hors délai Aucune`);
    await checkA11y(e2e, staff, 'file-des-demandes');
    await row.getByRole('link').click();
    await heading(staff, `Demande de Lens du ${fr(today)}`);
    requestUrl = new URL(staff.url()).pathname;
    await staff.getByText(/demande reçue après le 30\/06\/2025/).first().waitFor();
    await checkA11y(e2e, staff, 'demande-detail');
  });

  it('accepts both lines, then opens them by record with the billable-from date', async () => {
    const lines = staff.getByRole('table', { name: /^Services demandés/ });
    for (const line of [LEVEL_1, LEVEL_2]) {
      await lines.getByRole('button', { name: `Décider : ${line}` }).click();
      const form = staff.getByRole('region', { name: `Décision : ${line}` });
      expect(await form.getByLabel(/^Date de la décision/).inputValue()).toBe(today);
      if (line === LEVEL_1) {
        // Refusing asks for one of the three reasons of seed 004 art. 5.2; postponing, for the planned period.
        await form.getByLabel('Refuser').check();
        expect(await form.getByRole('group', { name: /^Motif du refus/ }).getByRole('radio').count()).toBe(3);
        await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
        await form.getByRole('alert').getByRole('link', { name: 'Motif du refus : choisissez le motif du refus' }).waitFor();
        await checkA11y(e2e, staff, 'decision-ligne-refus');
        await form.getByLabel('Reporter à une période envisagée').check();
        await form.getByLabel(/^Période envisagée : début/).waitFor();
        await form.getByLabel('Accepter').check();
        await checkA11y(e2e, staff, 'decision-ligne');
      }
      await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
      await staff.getByRole('main').getByText(`${line} : acceptée.`).waitFor();
    }
    await lines.getByRole('button', { name: `Décider : ${LEVEL_1}` }).click();
    let form = staff.getByRole('region', { name: `Décision : ${LEVEL_1}` });
    expect(await form.getByRole('radio').count()).toBe(2);
    await form.getByLabel("Ouvrir par procès-verbal d'ouverture").check();
    await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
    const summary = form.getByRole('alert');
    await summary.getByRole('link', { name: 'Référence du procès-verbal : à renseigner' }).waitFor();
    await summary.getByRole('link', { name: "Date d'ouverture : à renseigner" }).waitFor();
    await checkA11y(e2e, staff, 'ouverture-erreurs');
    await form.getByLabel(/^Référence du procès-verbal/).fill('PV-LENS-2026-04');
    await form.getByLabel(/^Date d'ouverture/).fill(WISHED);
    await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await staff.getByRole('main').getByText(`${LEVEL_1} : ouverte.`).waitFor();

    await lines.getByRole('button', { name: `Décider : ${LEVEL_2}` }).click();
    form = staff.getByRole('region', { name: `Décision : ${LEVEL_2}` });
    await form.getByLabel("Ouvrir par procès-verbal d'ouverture").check();
    await form.getByLabel(/^Référence du procès-verbal/).fill('PV-LENS-2026-04');
    await form.getByLabel(/^Date d'ouverture/).fill(WISHED);
    await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await staff.getByRole('main').getByText(`${LEVEL_2} : ouverte.`).waitFor();
    for (const line of [LEVEL_1, LEVEL_2]) {
      expect(text(await lines.getByRole('row', { name: new RegExp(`^${line}`) }).innerText())).toMatch(new RegExp(`Ouverte ${fr(WISHED)} PV-LENS-2026-04, le ${fr(WISHED)}`));
    }
    await staff.getByText(`Historique : ${LEVEL_1} (3 événements)`).click();
    const history = staff.getByRole('table', { name: `Historique de la ligne ${LEVEL_1}, du plus ancien au plus récent` });
    expect((await history.locator('tbody th').allInnerTexts()).map(text)).toEqual(['Demande déposée', 'Acceptée', 'Ouverte par procès-verbal']);
    await checkA11y(e2e, staff, 'lignes-ouvertes');

    const pdf = lines.getByRole('link', { name: `PDF : procès-verbal d'ouverture, ${LEVEL_1}` });
    const file = await staff.request.get((await pdf.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('adds a follow-up task for Lens, already overdue, and a new perimeter deliberation', async () => {
    await staff.getByRole('button', { name: 'Ajouter une tâche' }).click();
    const form = staff.getByRole('region', { name: 'Ajouter une tâche' });
    await form.getByLabel(/^Intitulé/).fill('Plan de mise à niveau des OS');
    await form.getByLabel(/^Échéance/).fill(yesterday);
    await checkA11y(e2e, staff, 'tache-ajout');
    await form.getByRole('button', { name: 'Ajouter la tâche' }).click();
    await staff.getByRole('main').getByText('Tâche ajoutée : Plan de mise à niveau des OS.').waitFor();
    const tasks = staff.getByRole('table', { name: /^1 tâche, dont 1 en retard/ });
    expect(text(await tasks.getByRole('row', { name: /Plan de mise à niveau des OS/ }).innerText())).toContain(`Adhérent ${fr(yesterday)} En retard`);

    const perimeter = staff.getByRole('region', { name: 'Périmètre autorisé de Lens' });
    await perimeter.getByText('Conseil municipal, n° DLB03, du 18/12/2024').waitFor();
    await perimeter.getByRole('button', { name: 'Enregistrer une nouvelle délibération' }).click();
    const deliberation = staff.getByRole('region', { name: 'Enregistrer une délibération de périmètre' });
    expect(await deliberation.getByRole('checkbox', { checked: true }).count()).toBe(6);
    await deliberation.getByLabel('Numéro de la délibération').fill('DLB-2026-40');
    await deliberation.getByLabel(/^Date de la délibération/).fill(today);
    await deliberation.getByLabel('Gestion des serveurs').check();
    await checkA11y(e2e, staff, 'perimetre-deliberation');
    await deliberation.getByRole('button', { name: 'Enregistrer la délibération' }).click();
    await staff.getByRole('main').getByText('Délibération de périmètre enregistrée : 7 services autorisés.').waitFor();
    await perimeter.getByText(`Conseil municipal, n° DLB-2026-40, du ${fr(today)}`).waitFor();
    await perimeter.getByText('Gestion des serveurs').waitFor();
  });

  it('writes a quote (the grid has no unit price for project management), sends it and records its signature', async () => {
    const quotes = staff.getByRole('region', { name: 'Devis de Lens' });
    await quotes.getByText('Aucun devis pour Lens.').waitFor();
    await quotes.getByRole('button', { name: 'Établir un devis' }).click();
    const form = staff.getByRole('region', { name: 'Établir un devis pour Lens' });
    await form.getByLabel(/^Objet du devis/).fill('Accompagnement au déploiement des postes');
    await form.getByLabel(/^Valable jusqu’au/).fill('2026-12-31');
    const line = form.getByRole('group', { name: 'Ligne n° 1' });
    await line.getByLabel('Prestation').selectOption({ label: 'Gestion de projet' });
    await line.getByLabel(/^Quantité/).fill('2,5');
    await form.getByRole('button', { name: 'Établir le devis' }).click();
    await form.getByRole('alert').getByRole('link', { name: /^Ligne n° 1 : prix unitaire : .*indiquez/ }).waitFor();
    await checkA11y(e2e, staff, 'devis-refus');
    await line.getByLabel('Prix unitaire (€)').fill('650');
    await form.getByRole('button', { name: 'Ajouter une ligne au devis' }).click();
    const free = form.getByRole('group', { name: 'Ligne n° 2' });
    await free.getByLabel('Nature').fill('Déplacement sur site');
    await free.getByLabel('Prix unitaire (€)').fill('80,50');
    await form.getByRole('button', { name: 'Établir le devis' }).click();
    await staff.getByRole('main').getByText(/^Devis .* établi : Accompagnement au déploiement des postes, total 1\s705,50\s€\.$/).waitFor();
    const table = quotes.getByRole('table', { name: /^Devis de Lens \(1 devis\)/ });
    const row = table.locator('tbody tr').first();
    expect(text(await row.innerText())).toContain('Gestion de projet : 2,5 × 650,00 € = 1 625,00 €');
    await checkA11y(e2e, staff, 'devis-etabli');

    await row.getByRole('button', { name: /^Enregistrer l'envoi du devis/ }).click();
    await staff.getByRole('region', { name: /^Enregistrer l'envoi du devis/ }).getByRole('button', { name: "Enregistrer l'envoi" }).click();
    await row.getByText(`Envoyé le ${fr(today)}`).waitFor();
    await row.getByRole('button', { name: /^Enregistrer l'acceptation du devis/ }).click();
    const acceptance = staff.getByRole('region', { name: /^Enregistrer l'acceptation du devis/ });
    await acceptance.getByLabel(/^Signataire/).fill('Sylvain ROBERT, Maire');
    await acceptance.getByLabel('Devis signé (PDF ou image)').setInputFiles({ name: 'devis-signe.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 devis signé') });
    await checkA11y(e2e, staff, 'devis-acceptation');
    await acceptance.getByRole('button', { name: "Enregistrer l'acceptation" }).click();
    await row.getByText(`Signé le ${fr(today)} par Sylvain ROBERT, Maire`).waitFor();
    const signed = await staff.request.get((await row.getByRole('link', { name: /^Devis signé/ }).getAttribute('href'))!);
    expect((await signed.body()).toString()).toBe('%PDF-1.4 devis signé');
    const pdf = await staff.request.get((await row.getByRole('link', { name: /^PDF : devis/ }).getAttribute('href'))!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(await row.getByRole('button').count()).toBe(0);
  });

  it('shows Lens its opened lines, billable from the record, and lets it close its overdue task', async () => {
    await cli.reload();
    await heading(cli, 'Mes services');
    await settled(cli);
    const request = cli.getByRole('article', { name: `Demande du ${fr(today)}` });
    const table = request.getByRole('table', { name: /^Services demandés \(2 lignes\)/ });
    expect(text(await table.getByRole('row', { name: new RegExp(`^${LEVEL_2}`) }).innerText())).toContain(`Ouverte ${fr(WISHED)} PV-LENS-2026-04, le ${fr(WISHED)}`);
    const record = await cli.request.get((await table.getByRole('link', { name: `PDF : procès-verbal d'ouverture, ${LEVEL_2}` }).getAttribute('href'))!);
    expect((await record.body()).subarray(0, 5).toString()).toBe('%PDF-');

    const tasks = request.getByRole('table', { name: /^1 tâche, dont 1 en retard/ });
    await tasks.getByRole('button', { name: 'Marquer comme faite : Plan de mise à niveau des OS' }).click();
    const done = cli.getByRole('region', { name: 'Marquer comme faite : Plan de mise à niveau des OS' });
    expect(await done.getByLabel(/^Faite le/).inputValue()).toBe(today);
    await checkA11y(e2e, cli, 'tache-faite');
    await done.getByRole('button', { name: 'Enregistrer' }).click();
    await cli.getByRole('main').getByText('Tâche faite : Plan de mise à niveau des OS.').waitFor();
    await request.getByRole('table', { name: /^1 tâche, par échéance/ }).getByText(`Faite le ${fr(today)}`).waitFor();

    const quotes = cli.getByRole('region', { name: 'Devis' });
    expect(text(await quotes.getByRole('table').locator('tbody tr').first().innerText())).toContain('Accepté');
    expect(await quotes.getByRole('button').count()).toBe(0);
    await checkA11y(e2e, cli, 'mes-services-suivi');
  });

  it('shows the reason the workflow refuses a withdrawal dated before the opening', async () => {
    await staff.goto(requestUrl);
    await heading(staff, `Demande de Lens du ${fr(today)}`);
    const lines = staff.getByRole('table', { name: /^Services demandés/ });
    expect(await lines.getByRole('button').count()).toBe(2);
    await lines.getByRole('button', { name: `Décider : ${LEVEL_1}` }).click();
    const form = staff.getByRole('region', { name: `Décision : ${LEVEL_1}` });
    await form.getByLabel('Retirer la ligne').check();
    await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await form.getByRole('alert').getByText(`Le retrait doit suivre l'ouverture du 01/12/2026.`).waitFor();
    await checkA11y(e2e, staff, 'retrait-refuse');
    await form.getByRole('button', { name: 'Annuler' }).click();
    expect(text(await lines.getByRole('row', { name: new RegExp(`^${LEVEL_1}`) }).innerText())).toContain('Ouverte');
  });
});
