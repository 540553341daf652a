import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ACCOUNTS, announced, checkA11y, heading, login, settled, startE2E, type E2E } from './support/harness.ts';

const CALL = "Communauté d'Agglomération de Lens-Liévin";
const CCCF = 'Communauté de Communes Cœur Côte Fleurie';
const SOMME = 'Syndicat mixte Somme Numérique';
const LENS_AGREEMENT = "Convention de mutualisation des systèmes d'information";
const TROUVILLE_AGREEMENT = "Convention globale de mutualisation des technologies de l'information # 2024";
const EXAMPLES = join(import.meta.dirname, '../../examples');

/** Today in Paris, as the server and the browser see it (the e2e run on the real clock). */
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());

/** The CALL–Lens agreement ends on 31/12/2026 (last year of the municipal mandate): its status depends on the day the suite runs. */
const lensStatus = today >= '2027-01-01' ? 'Échue' : today >= '2026-01-01' ? 'Dernière année' : 'En vigueur';

/** Seeds 000–004 as Conventions lists them (by title): code, status in words, provider, members. */
const EXPECTED: [string, string, string][] = [
  ['mutualisation-telecom-coquelicot-2016', 'Échue', SOMME],
  // The demo records the signature seed 001 leaves blank (examples/consumption/demo.yaml).
  ['mise-a-disposition-fibre-numerique-59-62-2021', 'En vigueur', SOMME],
  ['prestations-accompagnement-camblain-chatelain', 'Brouillon', 'Syndicat mixte Nord – Pas-de-Calais Numérique - La Fibre Numérique 59 62'],
  // The demo records the opening record seed 003 lacks (15/07/2024, as below): in force from 01/08/2024.
  ['convention-globale-trouville-2024', 'En vigueur', CCCF],
  ['dmsi-lens-2024', lensStatus, CALL],
];

const text = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Seed 003, as its example file carries it, with the opening record the seed lacks: the agreement comes into force. */
function trouvilleWithOpeningRecord(): string {
  const yaml = readFileSync(join(EXAMPLES, '003-coeur-cote-fleurie.yaml'), 'utf8');
  const withRecord = yaml.replace("    code: convention-globale-trouville-2024\n", "    code: convention-globale-trouville-2024\n    openingRecordSignedOn: '2024-07-15'\n");
  expect(withRecord).not.toBe(yaml);
  return withRecord;
}

describe('conventions, calendrier des échéances et boîte d’envoi (seeds 000–004)', () => {
  let e2e: E2E;
  let page: Page;
  let lensId: string;
  let callId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    lensId = await e2e.organisationId({ inseeCode: '62498', kind: 'commune', name: 'Lens' });
    callId = await e2e.organisationId({ siren: '246200364', kind: 'communaute_agglomeration', name: CALL });
    ({ page } = await e2e.newPage());
    await login(page, ACCOUNTS.admin);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('lists the five example agreements with their status in words, and filters them by provider', async () => {
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual([
      'Tableau de bord',
      'Registre',
      'Conventions',
      'Calendrier',
      'Demandes de souscription',
      'Catalogues',
      'Import des consommations',
      'Temps passés',
      'Factures d’opérateurs',
      'Facturation',
      'Titres de recette',
      'Budget et coûts',
      'Comités',
      'Besoins',
      'Indicateurs',
      'Modèles de documents',
      'Import du référentiel',
      'Paramétrage',
      'Journal',
      'Comptes',
      "Boîte d'envoi",
      'Mon compte',
    ]);
    await nav.getByRole('link', { name: 'Conventions' }).click();
    await heading(page, 'Conventions');
    expect(await page.title()).toBe('Conventions – Mutualis');
    const table = page.getByRole('table', { name: /^5 conventions, par titre/ });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(5);
    const seen = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({ code: tr.querySelector('th .mono')?.textContent ?? '', cells: [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim()) })),
    );
    for (const [code, status, provider] of EXPECTED) {
      const row = seen.find((r) => r.code === code);
      expect(row, code).toBeDefined();
      expect(row!.cells.slice(0, 2), code).toEqual([status, provider]);
    }
    // The CALL–Lens agreement: in force from 01/01/2025, Lens its member.
    expect(seen.find((r) => r.code === 'dmsi-lens-2024')!.cells.slice(2, 4)).toEqual(['Lens', '01/01/2025']);
    await announced(page, '5 conventions affichées.');
    await checkA11y(e2e, page, 'conventions');

    await page.getByLabel('Fournisseur').selectOption({ label: CALL });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(new RegExp(`providerId=${callId}`));
    const filtered = page.getByRole('table', { name: new RegExp(`^1 convention de ${CALL}`) });
    // allInnerTexts does not wait: wait for the filtered table to be rendered first.
    await filtered.waitFor();
    expect(await filtered.locator('tbody tr th a').allInnerTexts()).toEqual([LENS_AGREEMENT]);
    await announced(page, '1 convention affichée.');
  });

  it('opens the CALL–Lens agreement: identity, parties, rules in sentences, and the chronology around today', async () => {
    await page.getByRole('link', { name: LENS_AGREEMENT }).click();
    await heading(page, LENS_AGREEMENT);
    expect(await page.title()).toBe(`${LENS_AGREEMENT} – Mutualis`);
    await page.getByText(`Service commun (CGCT L5211-4-2) · ${CALL}`).waitFor();

    const identity = page.getByRole('region', { name: 'Identité' });
    expect(text(await identity.innerText())).toContain("Prise d'effet 01/01/2025");
    expect(text(await identity.innerText())).toContain('Code dmsi-lens-2024');
    await page.getByRole('region', { name: 'Contrôle de légalité' }).getByText('062-216204982-20241218-DLB03_18122024-DE').waitFor();
    await page.getByRole('region', { name: 'Annexes' }).getByText('Annexe 5 : Grille tarifaire des coûts').waitFor();

    const parties = page.getByRole('table', { name: /^2 parties à la convention/ });
    expect((await parties.getByRole('row', { name: /^Lens/ }).locator('th, td').allInnerTexts()).map(text)).toEqual([
      'Lens',
      'Adhérent',
      'Sylvain ROBERT Maire',
      'Conseil municipal n° DLB03, du 18/12/2024',
      'Non renseignée',
    ]);
    await parties.getByRole('row', { name: new RegExp(`^${CALL}.*Fournisseur / coordonnateur.*Président.*Conseil communautaire.*06/07/2022`) }).waitFor();

    // The rules, data in the database, read as sentences.
    const rules = (await page.getByRole('region', { name: 'Règles' }).locator('.rule-list > li').allInnerTexts()).map(text);
    expect(rules).toContain("Prise d'effet : au début de l'exercice (1er janvier) qui suit la signature, ici le 01/01/2025.");
    expect(rules).toContain("Durée : 1 an, reconduite tacitement par périodes de 1 an jusqu'à la fin de 2026.");
    expect(rules).toContain(
      "Dénonciation par l'adhérent : à la fin de l'exercice, au moins 6 mois avant (au plus tard le 30 juin) ; demande tardive : l'adhérent peut être maintenu un an de plus.",
    );
    expect(rules.find((r) => r.startsWith('Obligations récurrentes'))).toContain("Date limite des souhaits d'adhésion pour l'année suivante : chaque année, le 30 juin.");
    await page.getByRole('region', { name: 'Note' }).getByText('dernière année du mandat municipal', { exact: false }).waitFor();

    // The chronology: the 30/06 notice deadlines, past ones marked "passé" in words, then today, then what comes.
    const timeline = page.getByRole('region', { name: 'Chronologie' }).locator('ol.timeline > li');
    const items = (await timeline.allInnerTexts()).map(text);
    const notice2026 = items.findIndex((t) => t.startsWith('30/06/2026') && t.includes('Dernier jour pour dénoncer (adhérent), effet au 01/01/2027'));
    expect(notice2026, items.join('\n')).toBeGreaterThan(-1);
    expect(items[notice2026]).toMatch(/^30\/06\/2026 passé Date limite de dénonciation/);
    expect(items.find((t) => t.startsWith('30/06/2025') && t.includes('effet au 01/01/2026'))).toContain('passé');
    const todayIndex = items.findIndex((t) => t.includes("Aujourd'hui"));
    expect(items[todayIndex]).toBe(`${today.split('-').reverse().join('/')} Aujourd'hui`);
    expect(todayIndex).toBeGreaterThan(notice2026);
    expect(items.slice(0, todayIndex).every((t) => / (passé|en cours) /.test(t))).toBe(true);
    expect(items.slice(todayIndex + 1).some((t) => t.includes('passé'))).toBe(false);
    await checkA11y(e2e, page, 'convention-call-lens');
  });

  it('simulates exits: late on 01/07/2026, held one more year on 01/07/2025, impossible for the provider', async () => {
    const simulator = page.getByRole('region', { name: 'Simuler une sortie' });
    await simulator.getByRole('button', { name: 'Simuler' }).click();
    await simulator.getByRole('alert').getByRole('link', { name: 'Date de réception du courrier : indiquez la date de réception' }).waitFor();

    await simulator.getByLabel(/^Date de réception du courrier/).fill('2026-07-01');
    await simulator.getByRole('button', { name: 'Simuler' }).click();
    const late = simulator.getByRole('region', { name: "Dénonciation par l'adhérent reçue le 01/07/2026" });
    // The notice deadline for the end of 2026 was 30/06/2026, and the agreement ends with 2026 anyway.
    await late.getByText("Demande reçue après le 30/06/2026, mais la convention prend fin de toute façon : effet au 01/01/2027.").waitFor();
    expect(text(await late.innerText())).toContain('Dernier jour en vigueur 31/12/2026');
    await announced(page, "Demande reçue après le 30/06/2026, mais la convention prend fin de toute façon : effet au 01/01/2027.");
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe('simulation-resultat');
    await checkA11y(e2e, page, 'convention-simulation');

    await simulator.getByLabel(/^Date de réception du courrier/).fill('2025-07-01');
    await simulator.getByRole('button', { name: 'Simuler' }).click();
    await simulator
      .getByRole('region', { name: "Dénonciation par l'adhérent reçue le 01/07/2025" })
      .getByText("Demande reçue après le 30/06/2025 : elle prend effet au 01/01/2026, mais le fournisseur peut maintenir l'adhésion jusqu'au 01/01/2027.")
      .waitFor();

    await simulator.getByLabel('Le fournisseur').check();
    await simulator.getByRole('button', { name: 'Simuler' }).click();
    await simulator.getByRole('alert').getByRole('link', { name: 'Partie qui dénonce : la convention ne prévoit pas de dénonciation par le fournisseur' }).waitFor();
    expect(await simulator.getByRole('region', { name: /^Dénonciation par/ }).count()).toBe(0);
    await checkA11y(e2e, page, 'convention-simulation-refusee');
  });

  it('records a partial exit of Lens received in time: its effective date, the amendment, the chronology', async () => {
    await page.getByRole('button', { name: 'Enregistrer une dénonciation' }).click();
    const form = page.getByRole('region', { name: 'Enregistrer une dénonciation' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Enregistrer une dénonciation');
    expect(await form.getByLabel(/^Organisation qui dénonce/).inputValue()).toBe(lensId);
    await form.getByLabel('Sortie partielle (certaines catégories de services)').check();
    await form.getByRole('group', { name: 'Catégories quittées' }).waitFor();
    await form.getByRole('button', { name: 'Enregistrer la dénonciation' }).click();
    const summary = form.getByRole('alert');
    await summary.getByRole('link', { name: 'Date de réception du courrier : indiquez la date de réception' }).waitFor();
    await summary.getByRole('link', { name: 'Catégories quittées : cochez au moins une catégorie quittée' }).waitFor();
    await checkA11y(e2e, page, 'convention-denonciation-erreurs');

    await form.getByLabel('Messagerie collaborative').check();
    await form.getByLabel(/^Date de réception du courrier/).fill('2026-06-15');
    await form.getByRole('button', { name: 'Enregistrer la dénonciation' }).click();
    const done = 'Dénonciation enregistrée : sortie partielle de Lens, effet au 01/01/2027.';
    await page.getByRole('main').getByText(done).waitFor();
    await announced(page, done);
    const requests = page.getByRole('table', { name: /^1 dénonciation/ });
    // Category names arrive with the catalogue, after the row itself: wait for them before reading.
    await requests.getByText(/Partielle : Messagerie collaborative/).waitFor();
    expect((await requests.locator('tbody tr').first().locator('th, td').allInnerTexts()).map(text)).toEqual([
      'Lens',
      'Partielle : Messagerie collaborative Avenant nécessaire (le socle est conservé)',
      '15/06/2026',
      'Dans les délais au plus tard le 30/06/2026',
      '01/01/2027',
    ]);
    const items = (await page.getByRole('region', { name: 'Chronologie' }).locator('ol.timeline > li').allInnerTexts()).map(text);
    expect(items).toContain('15/06/2026 passé Dénonciation reçue Sortie partielle de Lens : demande reçue (adhérent)');
    expect(items.some((t) => t.startsWith("01/01/2027 Sortie effective Sortie partielle de Lens : prise d'effet"))).toBe(today < '2027-01-01');
    await checkA11y(e2e, page, 'convention-denonciation-enregistree');
  });

  it('shows the calendar of several providers by month, filters it, downloads it and subscribes to it', async () => {
    // Recording seed 003's opening record brings the Cœur Côte Fleurie agreement into force (its note says so); the
    // demo records the same date already, so loading the example with it changes nothing.
    const load = await page.request.post('/api/v1/setup/load', { data: { content: trouvilleWithOpeningRecord(), dryRun: false } });
    expect(load.status(), await load.text()).toBe(200);

    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Calendrier' }).click();
    await heading(page, 'Calendrier des échéances');
    const list = page.getByRole('region', { name: /^Échéances/ });
    // By default from today on: the open-ended Cœur Côte Fleurie agreement always has coming dates.
    await list.getByRole('link', { name: TROUVILLE_AGREEMENT }).first().waitFor();
    await checkA11y(e2e, page, 'calendrier');

    await page.getByLabel(/^Du/).fill('2026-06-01');
    await page.getByLabel(/^Au/).fill('2027-06-30');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await page.waitForURL(/from=2026-06-01&to=2027-06-30/);
    await heading(page, 'Calendrier des échéances');
    const period = page.getByRole('region', { name: 'Échéances du 01/06/2026 au 30/06/2027' });
    await period.getByRole('heading', { level: 3, name: /^Juin 2026/ }).waitFor();
    await period.getByRole('heading', { level: 3, name: /^Janvier 2027/ }).waitFor();
    const months = await period.getByRole('heading', { level: 3 }).allInnerTexts();
    expect(months[0]).toMatch(/^Juin 2026 \(\d+ échéances\)$/);
    const june = period.getByRole('region', { name: /^Juin 2026/ });
    expect(text(await june.innerText())).toContain('30/06/2026 Date limite de dénonciation Dernier jour pour dénoncer (adhérent), effet au 01/01/2027');
    const providers = new Set((await period.locator('.calendar-body .small').allInnerTexts()).map((t) => t.split(' · ').pop()));
    expect([...providers].sort()).toEqual([CALL, CCCF, SOMME]);

    // Only the notice deadlines.
    await page.getByLabel("Type d'échéance").selectOption('notice');
    await page.getByRole('button', { name: 'Afficher' }).click();
    const notices = page.getByRole('region', { name: 'Échéances du 01/06/2026 au 30/06/2027 — Date limite de dénonciation' });
    await notices.waitFor();
    await settled(page);
    const kinds = await notices.locator('.calendar-entry .entry-kind').allInnerTexts();
    expect(kinds.length).toBeGreaterThan(1);
    expect(new Set(kinds)).toEqual(new Set(['Date limite de dénonciation']));
    await announced(page, new RegExp(`^${kinds.length} échéances affichées`));

    // The same entries as an iCalendar file.
    const ics = page.getByRole('link', { name: 'Télécharger (.ics)' });
    const href = (await ics.getAttribute('href'))!;
    expect(href).toBe('/api/v1/calendar.ics?kind=notice&from=2026-06-01&to=2027-06-30');
    const file = await page.request.get(href);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toMatch(/^text\/calendar/);
    const body = await file.text();
    expect(body).toContain('BEGIN:VCALENDAR');
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(kinds.length);
    const [download] = await Promise.all([page.waitForEvent('download'), ics.click()]);
    expect(download.suggestedFilename()).toBe('mutualis-echeances.ics');

    // Each entry leads to its agreement, now in force.
    await notices.getByRole('link', { name: TROUVILLE_AGREEMENT }).first().click();
    await heading(page, TROUVILLE_AGREEMENT);
    expect(text(await page.getByRole('region', { name: 'Identité' }).innerText())).toContain("Prise d'effet 01/08/2024");
    await page.getByRole('region', { name: 'Identité' }).getByText('En vigueur', { exact: true }).waitFor();
    await checkA11y(e2e, page, 'convention-trouville');
    await page.goBack();
    await heading(page, 'Calendrier des échéances');

    // A secret address for calendar applications: read without a session; a new one revokes the old one.
    const subscription = page.getByRole('region', { name: "S'abonner depuis mon agenda" });
    await subscription.getByText('Créer une nouvelle adresse révoque la précédente').waitFor();
    await subscription.getByRole('button', { name: "S'abonner depuis mon agenda" }).click();
    const field = subscription.getByLabel("Adresse d'abonnement");
    await field.waitFor();
    expect(await field.getAttribute('readonly')).not.toBeNull();
    const first = await field.inputValue();
    expect(first).toMatch(new RegExp(`^${e2e.baseUrl}/api/v1/calendar/feed/[A-Za-z0-9_-]{20,64}$`));
    await announced(page, "Adresse d'abonnement créée.");
    await subscription.getByRole('button', { name: "Copier l'adresse" }).waitFor();
    await checkA11y(e2e, page, 'calendrier-abonnement');
    const { context: anonymous } = await e2e.newPage();
    const feed = await anonymous.request.get(first);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toMatch(/^text\/calendar/);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    await subscription.getByRole('button', { name: 'Créer une nouvelle adresse' }).click();
    await announced(page, "Nouvelle adresse d'abonnement créée : l'ancienne ne fonctionne plus.");
    const second = await field.inputValue();
    expect(second).not.toBe(first);
    expect((await anonymous.request.get(first)).status()).toBe(404);
    expect((await anonymous.request.get(second)).status()).toBe(200);
  });

  it('links agreements from the dashboard (next five deadlines) and from the organisation records', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tableau de bord' }).click();
    await heading(page, 'Tableau de bord');
    const next = page.getByRole('table', { name: /prochaines échéances des conventions/ });
    const rows = next.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeLessThanOrEqual(5);
    const dates = await rows.locator('time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => d >= today)).toBe(true);
    await checkA11y(e2e, page, 'tableau-de-bord-echeances');
    await rows.first().getByRole('link').click();
    await heading(page, /Convention/);

    await page.goto(`/organisations/${lensId}`);
    await heading(page, 'Lens');
    await page.getByRole('table', { name: /^Conventions dont Lens est partie \(1 convention\)/ }).getByRole('link', { name: LENS_AGREEMENT }).waitFor();
    await page.goto(`/organisations/${callId}`);
    await heading(page, CALL);
    const own = page.getByRole('table', { name: new RegExp(`^Conventions du fournisseur ${CALL}`) });
    await own.getByRole('link', { name: LENS_AGREEMENT }).click();
    await heading(page, LENS_AGREEMENT);
  });

  it("shows the platform administrators the captured reminder mails, the body on demand", async () => {
    // Run as `mutualis reminders --date 2026-06-10` would: the 30/06/2026 deadlines and the 01/07 committees are due.
    expect(await e2e.remind('2026-06-10')).toBeGreaterThanOrEqual(3);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: "Boîte d'envoi" }).click();
    await heading(page, "Boîte d'envoi");
    await page.getByText('MUTUALIS_SMTP_URL', { exact: true }).waitFor();
    const table = page.getByRole('table', { name: /courriels, du plus récent au plus ancien/ });
    const lens = table.getByRole('row').filter({ hasText: 'cli.lens@demo.mutualis.fr' });
    await lens.first().waitFor();
    const mail = lens.first();
    await mail.getByText('Capturé (non envoyé)').waitFor();
    await mail.getByText("Rappel d'échéance").waitFor();
    await table.getByRole('row').filter({ hasText: 'finances.call@demo.mutualis.fr' }).waitFor();
    const summary = mail.locator('summary');
    expect(await summary.innerText()).toMatch(/^\[Mutualis\] /);
    const body = mail.locator('.mail-body');
    expect(await body.isVisible()).toBe(false);
    await summary.click();
    await body.getByText(LENS_AGREEMENT, { exact: false }).first().waitFor();
    expect(await body.innerText()).toContain('30/06/2026');
    await checkA11y(e2e, page, 'boite-d-envoi');
  });

  it('offers the exit form to the CALL finance officer, not to its technician', async () => {
    const { page: list } = await e2e.newPage();
    await login(list, ACCOUNTS.finance);
    await list.goto('/conventions');
    await heading(list, 'Conventions');
    // The provider's staff see their provider's agreement only.
    const staffTable = list.getByRole('table', { name: /^1 convention/ });
    await staffTable.waitFor();
    expect(await staffTable.locator('tbody tr th a').allInnerTexts()).toEqual([LENS_AGREEMENT]);
    await list.getByRole('link', { name: LENS_AGREEMENT }).click();
    await heading(list, LENS_AGREEMENT);
    await list.getByRole('button', { name: 'Enregistrer une dénonciation' }).waitFor();
    expect(await list.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: "Boîte d'envoi" }).count()).toBe(0);

    const { page: technician } = await e2e.newPage();
    await login(technician, ACCOUNTS.technician);
    await technician.goto(list.url());
    await heading(technician, LENS_AGREEMENT);
    await technician.getByRole('region', { name: 'Simuler une sortie' }).waitFor();
    expect(await technician.getByRole('button', { name: 'Enregistrer une dénonciation' }).count()).toBe(0);
  });

  it('shows the CLI of Lens the Lens agreement only, read-only, its calendar, and no outbox', async () => {
    const { page: cli } = await e2e.newPage();
    await login(cli, ACCOUNTS.cliLens);
    await heading(cli, 'Mon organisation : Lens');
    await cli.getByRole('table', { name: /^Conventions dont Lens est partie/ }).getByRole('link', { name: LENS_AGREEMENT }).waitFor();
    const nav = cli.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Mon organisation', 'Mes services', 'Mes besoins', 'Consommations', 'Mes factures', 'Ma part des coûts', 'Catalogues', 'Conventions', 'Calendrier', 'Mon compte']);
    await nav.getByRole('link', { name: 'Conventions' }).click();
    await heading(cli, 'Conventions');
    const table = cli.getByRole('table', { name: /^1 convention, par titre/ });
    await table.waitFor();
    expect(await table.locator('tbody tr th a').allInnerTexts()).toEqual([LENS_AGREEMENT]);
    await checkA11y(e2e, cli, 'portail-conventions');

    await table.getByRole('link', { name: LENS_AGREEMENT }).click();
    await heading(cli, LENS_AGREEMENT);
    expect(await cli.getByRole('button', { name: 'Enregistrer une dénonciation' }).count()).toBe(0);
    // Its own record is linked, not the CALL's, which a member cannot open.
    const partiesTable = cli.getByRole('table', { name: /^2 parties à la convention/ });
    await partiesTable.waitFor();
    expect(await partiesTable.getByRole('link').allInnerTexts()).toEqual(['Lens']);
    // The exit recorded by the CALL is there, and the member may simulate its own.
    await cli.getByRole('table', { name: /^1 dénonciation/ }).getByText('Partielle : Messagerie collaborative').waitFor();
    const simulator = cli.getByRole('region', { name: 'Simuler une sortie' });
    await simulator.getByLabel(/^Date de réception du courrier/).fill('2026-07-01');
    await simulator.getByRole('button', { name: 'Simuler' }).click();
    await simulator.getByText("Demande reçue après le 30/06/2026, mais la convention prend fin de toute façon : effet au 01/01/2027.").waitFor();
    await checkA11y(e2e, cli, 'portail-convention');

    await nav.getByRole('link', { name: 'Calendrier' }).click();
    await heading(cli, 'Calendrier des échéances');
    await cli.goto('/calendrier?from=2026-06-01&to=2027-06-30');
    const entries = cli.getByRole('region', { name: 'Échéances du 01/06/2026 au 30/06/2027' });
    await entries.locator('.calendar-entry').first().waitFor();
    const providers = new Set((await entries.locator('.calendar-body .small').allInnerTexts()).map((t) => t.split(' · ').pop()));
    expect([...providers]).toEqual([CALL]);
    await checkA11y(e2e, cli, 'portail-calendrier');

    await cli.goto('/boite-d-envoi');
    await heading(cli, 'Page introuvable');
    expect((await cli.request.get('/api/v1/outbox')).status()).toBe(403);
  });

  it('fits a 320 px wide screen: agreement, calendar and outbox', async () => {
    const { page: narrow } = await e2e.newPage({ width: 320, height: 720 });
    await login(narrow, ACCOUNTS.admin);
    await narrow.goto('/conventions');
    await heading(narrow, 'Conventions');
    const href = (await narrow.getByRole('link', { name: LENS_AGREEMENT }).getAttribute('href'))!;
    for (const [path, title, screen] of [
      ['/conventions', 'Conventions', 'etroit-conventions'],
      [href, LENS_AGREEMENT, 'etroit-convention'],
      ['/calendrier?from=2026-06-01&to=2027-06-30', 'Calendrier des échéances', 'etroit-calendrier'],
      ['/boite-d-envoi', "Boîte d'envoi", 'etroit-boite-d-envoi'],
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
