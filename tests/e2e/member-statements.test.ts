import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, announced, checkA11y, heading, login, settled, startE2E, type E2E } from './support/harness.ts';

const SOCLE = 'Adhésion au socle + connexion au réseau';
const BASIC_MAILBOXES = 'Messagerie collaborative (Niveau de service : Messagerie basique (boîte aux lettres uniquement), Taille de stockage : 10 giga-octets de stockage)';
const PRO_MAILBOXES = 'Messagerie collaborative (Niveau de service : Messagerie professionnelle (boîte aux lettres + visioconférence + messagerie instantanée), Taille de stockage : 25 giga-octets de stockage)';
const MOBILE = 'Fourniture de services de téléphonie mobile';
const INCOMING = 'Abonnements téléphoniques et acheminement des communications téléphoniques entrantes';
/** Spaces, no-break and narrow no-break spaces (French amounts) read as one space. */
const text = (s: string) => s.replace(/\s+/g, ' ').trim();

async function rows(table: Locator): Promise<string[]> {
  return (await table.locator('tbody tr').allInnerTexts()).map(text);
}

async function summaryOf(page: Page, chart: Locator): Promise<string> {
  const id = await chart.getAttribute('aria-describedby');
  return text((await page.evaluate((i) => document.getElementById(i)?.textContent ?? '', id!)) as string);
}

async function chooseYear(page: Page, year: string): Promise<void> {
  await page.getByLabel('Année', { exact: true }).selectOption(year);
  await page.getByRole('button', { name: 'Afficher', exact: true }).click();
  await page.waitForURL(new RegExp(`annee=${year}`));
}

/**
 * A member reads its own consumption: Lens its workstations and mailboxes month by month (seed 004 demo
 * snapshots), its statement of uses and the time spent; the Communauté de Communes du Pays du Coquelicot the
 * amounts passed through by Somme Numérique in 2016 and its quarterly telecom statement (seed 000 art. 4.2), whose
 * Q3 totals come from examples/consumption/000-somme-numerique-factures-2016.csv. Neither sees the other's.
 */
describe('consommations : montants, prévisions, états et temps passés de l’adhérent', () => {
  let e2e: E2E;
  let lens: Page;
  let coquelicot: Page;
  let coquelicotId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    coquelicotId = await e2e.organisationId({ siren: '248000747', kind: 'communaute_communes', name: 'Communauté de Communes du Pays du Coquelicot' });
    ({ page: lens } = await e2e.newPage());
    await login(lens, ACCOUNTS.cliLens);
    ({ page: coquelicot } = await e2e.newPage());
    await login(coquelicot, ACCOUNTS.cliCoquelicot);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows Lens its workstations and mailboxes of 2026 month by month, as charts and tables', async () => {
    await lens.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Consommations' }).click();
    await heading(lens, 'Consommations');
    await chooseYear(lens, '2026');
    await announced(lens, '2026 : 5 services relevés.');

    const socle = lens.getByRole('region', { name: SOCLE, exact: true });
    const chart = socle.getByRole('img', { name: `${SOCLE} : unités par mois, 2026 et 2025` });
    expect(await summaryOf(lens, chart)).toBe('Unité : poste de travail. 2026 : relevés sur 10 mois, de 335 à 341 (moyenne 338). 2025 : aucun relevé.');
    const workstations = await rows(socle.getByRole('table', { name: /: unités \(poste de travail\) par mois, 2026 comparé à 2025/ }));
    expect(workstations.slice(0, 4)).toEqual(['janvier 335 — pas de relevé —', 'février 335 — pas de relevé —', 'mars 335 — pas de relevé —', 'avril 338 — pas de relevé —']);
    expect(workstations.slice(9)).toEqual(['octobre 341 — pas de relevé —', 'novembre — pas de relevé — pas de relevé —', 'décembre — pas de relevé — pas de relevé —']);

    const basic = lens.getByRole('region', { name: BASIC_MAILBOXES, exact: true });
    expect(await summaryOf(lens, basic.getByRole('img'))).toBe('Unité : boîte aux lettres. 2026 : relevés sur 10 mois, de 180 à 185 (moyenne 183). 2025 : aucun relevé.');
    const mailboxes = await rows(basic.getByRole('table', { name: /: unités \(boîte aux lettres\) par mois, 2026 comparé à 2025/ }));
    expect(mailboxes.slice(0, 3)).toEqual(['janvier 180 — pas de relevé —', 'février 181 — pas de relevé —', 'mars 181 — pas de relevé —']);
    expect(mailboxes[9]).toBe('octobre 185 — pas de relevé —');
    const pro = await rows(lens.getByRole('region', { name: PRO_MAILBOXES, exact: true }).getByRole('table'));
    expect([pro[0], pro[9]]).toEqual(['janvier 60 — pas de relevé —', 'octobre 63 — pas de relevé —']);
    // No operator consumption for Lens: no amounts section.
    expect(await lens.getByRole('heading', { name: /^Montants refacturés/ }).count()).toBe(0);
    await checkA11y(e2e, lens, 'consommations-lens-2026');
  });

  it('gives Lens its forecast against actual, the statement of uses of the first half-year with its files, and the time spent', async () => {
    // No forecast recorded: the actual units by quarter only.
    await lens.getByRole('heading', { name: /^Prévisions et réalisé 2026/ }).waitFor();
    await lens.getByText('Aucune prévision enregistrée pour 2026 : seul le réalisé figure ci-dessous.').waitFor();
    const forecast = await rows(lens.getByRole('table', { name: `${SOCLE} : prévision et réalisé par trimestre et pour l’année 2026 (unité : poste de travail) ; écart = réalisé − prévision` }));
    expect(forecast).toEqual([
      '1er trimestre 2026 — non renseigné 1 005 —',
      '2e trimestre 2026 — non renseigné 1 015 —',
      '3e trimestre 2026 — non renseigné 1 020 —',
      '4e trimestre 2026 — non renseigné 341 —',
      'Année 2026 — non renseigné 3 381 —',
    ]);

    const units = lens.getByRole('region', { name: 'État des recours aux services en unités' });
    await units.getByLabel('Période', { exact: true }).selectOption({ label: '1er semestre 2026' });
    await units.getByRole('button', { name: 'Voir l’état des recours' }).click();
    await announced(lens, 'État des recours du 1er semestre 2026 : 5 services.');
    const table = units.getByRole('table', { name: /^Recours aux services en unités, 1er semestre 2026 : Communauté d'Agglomération de Lens-Liévin/ });
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['Service et unité', 'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'Total', 'Cumul de l’année', 'Prévision', 'Écart']);
    const socle = (await rows(table)).find((r) => r.startsWith(SOCLE));
    expect(socle).toBe(`${SOCLE} unité : poste de travail 335 335 335 338 338 339 2 020 2 020 — pas de prévision —`);
    for (const name of ['Télécharger en PDF : état des recours en unités du 1er semestre 2026', 'Télécharger en tableur (.xlsx) : état des recours en unités du 1er semestre 2026']) {
      const href = await units.getByRole('link', { name }).getAttribute('href');
      expect(href).toMatch(/period=half&index=1/);
      const file = await lens.request.get(href!);
      expect(file.status(), name).toBe(200);
    }

    const time = lens.getByRole('region', { name: /^Temps passés en 2026/ });
    expect(await rows(time.getByRole('table', { name: '3 interventions en 2026, par date, 12,25 h au total' }))).toEqual([
      "20/01/2026 Conseil et expertise Consultant DMSI 7,00 h non Étude de la sauvegarde des serveurs municipaux",
      '21/01/2026 Conseil et expertise Consultant DMSI 3,50 h non Étude de la sauvegarde : restitution',
      '24/02/2026 Gestion de projet Cheffe de projet DMSI 1,75 h oui Comité de suivi du projet',
      'Total 12,25 h',
    ]);
    await checkA11y(e2e, lens, 'consommations-lens-etats-temps');
  });

  it('lets users choose any year from 2010 to next year, kept in the address', async () => {
    const years = await lens.getByLabel('Année', { exact: true }).locator('option').allInnerTexts();
    const next = new Date().getFullYear() + 1;
    expect(years[0]).toBe(String(next));
    expect(years.at(-1)).toBe('2010');
    expect(years).toHaveLength(next - 2010 + 1);
    // A year out of range in the address falls back to this year.
    await lens.goto('/consommations?annee=2009');
    await heading(lens, 'Consommations');
    await lens.getByRole('heading', { name: `Unités relevées en ${next - 1}` }).waitFor();
    expect(await lens.getByLabel('Année', { exact: true }).inputValue()).toBe(String(next - 1));
  });

  it('draws the Pays du Coquelicot the amounts Somme Numérique passed through in 2016', async () => {
    await coquelicot.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Consommations' }).click();
    await heading(coquelicot, 'Consommations');
    await chooseYear(coquelicot, '2016');
    await announced(coquelicot, '2016 : 0 service relevé, 5 services refacturés en euros.');
    await coquelicot.getByRole('heading', { name: 'Montants refacturés en 2016 (5 services)' }).waitFor();
    const mobile = coquelicot.getByRole('region', { name: MOBILE, exact: true });
    const chart = mobile.getByRole('img', { name: `${MOBILE} : montants hors taxes par mois, 2016 et 2015` });
    // July–September 296,80 / 296,80 / 318,00; October 318,00 less a 21,20 credit note.
    expect(await summaryOf(coquelicot, chart)).toBe('2016 : montants sur 4 mois, de 296,80 € à 318,00 € (moyenne 302,10 €). 2015 : aucun montant.');
    const amounts = await rows(mobile.getByRole('table', { name: /montants hors taxes par mois, 2016 comparé à 2015/ }));
    expect(amounts.slice(6, 11)).toEqual(['juillet 296,80 € — aucun montant —', 'août 296,80 € — aucun montant —', 'septembre 318,00 € — aucun montant —', 'octobre 296,80 € — aucun montant —', 'novembre — aucun montant — aucun montant —']);

    // The 3rd quarter's provisional title against the invoices.
    const incoming = await rows(coquelicot.getByRole('table', { name: new RegExp(`^${INCOMING} : prévision et réalisé`) }));
    expect(incoming[2]).toBe('3e trimestre 2016 1 230,00 € 1 237,80 € +7,80 €');
    expect(incoming[4]).toBe('Année 2016 — non renseigné 1 653,10 € —');
    await checkA11y(e2e, coquelicot, 'consommations-coquelicot-2016');
  });

  it('opens the Q3 2016 telecom statement: totals by type of service, forecast, invoices without copy, files', async () => {
    const telecom = coquelicot.getByRole('region', { name: 'État trimestriel des consommations télécoms' });
    await telecom.getByLabel('Trimestre', { exact: true }).selectOption({ label: '3e trimestre 2016' });
    await telecom.getByRole('button', { name: 'Voir l’état télécom' }).click();
    await announced(coquelicot, 'État télécom du 3e trimestre 2016 : 1 fournisseur.');
    const provider = telecom.getByRole('region', { name: 'Syndicat mixte Somme Numérique', exact: true });
    const byType = provider.getByRole('table', { name: 'Consommations par type de prestation, 3e trimestre 2016 : Syndicat mixte Somme Numérique' });
    expect(await rows(byType)).toEqual([
      `${INCOMING} 3 1 237,80 € 247,56 € 1 485,36 €`,
      'Acheminement des communications téléphoniques sortantes 3 673,64 € 134,72 € 808,36 €',
      'Fourniture de bande passante 1 185,00 € 37,00 € 222,00 €',
      'Fourniture de liaisons de données et point à point 3 930,00 € 186,00 € 1 116,00 €',
      `${MOBILE} 3 911,60 € 182,32 € 1 093,92 €`,
      'Total 13 3 938,04 € 787,60 € 4 725,64 €',
    ]);
    expect(text(await provider.locator('dl').innerText())).toBe('Prévision hors taxes (titre provisoire) 3 750,00 € Réalisé hors taxes 3 938,04 € Écart (réalisé − prévision) +188,04 €');
    const invoices = provider.getByRole('table', { name: '6 factures d’opérateurs du 3e trimestre 2016 : Syndicat mixte Somme Numérique' });
    expect((await rows(invoices))[0]).toBe('L1-2016-07-0412 Titulaire du lot 1 Lot 1 – téléphonie fixe et liaisons 05/08/2016 du 01/07/2016 au 31/07/2016 3 960,75 € 192,15 € non réglée non déposé');
    expect(await invoices.getByRole('link').count()).toBe(0);
    await provider.getByText('Aucune pénalité perçue d’un opérateur au 3e trimestre 2016.').waitFor();

    for (const [name, type] of [
      ['Télécharger en PDF : état télécom du 3e trimestre 2016', 'application/pdf'],
      ['Télécharger en tableur (.xlsx) : état télécom du 3e trimestre 2016', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const href = await telecom.getByRole('link', { name }).getAttribute('href');
      expect(href).toBe(`/api/v1/organisations/${coquelicotId}/statements/telecom?year=2016&quarter=3&format=${href!.endsWith('pdf') ? 'pdf' : 'xlsx'}`);
      const file = await coquelicot.request.get(href!);
      expect(file.status(), name).toBe(200);
      expect(file.headers()['content-type']).toContain(type);
    }
    await checkA11y(e2e, coquelicot, 'etat-telecom-t3-2016');
  });

  it('links the copy of an invoice once filed, and shows the 4th quarter with its penalty', async () => {
    const statement = (await (await coquelicot.request.get(`/api/v1/organisations/${coquelicotId}/statements/telecom?year=2016&quarter=3`)).json()) as {
      statements: { invoices: { invoiceId: string; number: string }[] }[];
    };
    const invoice = statement.statements[0]!.invoices.find((i) => i.number === 'L2-2016-09-2544')!;
    const { page: admin } = await e2e.newPage();
    await login(admin, ACCOUNTS.admin);
    const filed = await admin.request.put(`/api/v1/operator-invoices/${invoice.invoiceId}/copy`, {
      data: { fileName: 'L2-2016-09-2544.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') },
    });
    expect(filed.status(), await filed.text()).toBe(200);

    const telecom = coquelicot.getByRole('region', { name: 'État trimestriel des consommations télécoms' });
    await telecom.getByLabel('Trimestre', { exact: true }).selectOption({ label: '3e trimestre 2016' });
    await telecom.getByRole('button', { name: 'Voir l’état télécom' }).click();
    const copy = telecom.getByRole('link', { name: 'Télécharger le double de la facture L2-2016-09-2544' });
    await copy.waitFor();
    expect(await telecom.getByRole('link', { name: /double de la facture/ }).count()).toBe(1);
    expect((await coquelicot.request.get((await copy.getAttribute('href'))!)).status()).toBe(200);

    await telecom.getByLabel('Trimestre', { exact: true }).selectOption({ label: '4e trimestre 2016' });
    await telecom.getByRole('button', { name: 'Voir l’état télécom' }).click();
    await announced(coquelicot, 'État télécom du 4e trimestre 2016 : 1 fournisseur.');
    const penalties = telecom.getByRole('table', { name: /^1 pénalité perçue d’opérateurs au 4e trimestre 2016, 150,00 € au total/ });
    expect((await rows(penalties))[0]).toMatch(/^15\/11\/2016 Titulaire du lot 2 Lot 2 – téléphonie mobile 150,00 € Rétablissement du service mobile/);
    await checkA11y(e2e, coquelicot, 'etat-telecom-t4-2016');
  });

  it('fits a 320 px wide screen with the telecom statement', async () => {
    const { page: narrow } = await e2e.newPage({ width: 320, height: 720 });
    await login(narrow, ACCOUNTS.cliCoquelicot);
    await narrow.goto('/consommations?annee=2016');
    await heading(narrow, 'Consommations');
    await narrow.getByRole('heading', { name: /^Montants refacturés en 2016/ }).waitFor();
    await settled(narrow);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await checkA11y(e2e, narrow, 'etroit-consommations-coquelicot');
  });

  it("keeps the Pays du Coquelicot's figures from Lens", async () => {
    await lens.goto('/consommations?annee=2016');
    await heading(lens, 'Consommations');
    await announced(lens, '2016 : 0 service relevé.');
    const telecom = lens.getByRole('region', { name: 'État trimestriel des consommations télécoms' });
    await telecom.getByLabel('Trimestre', { exact: true }).selectOption({ label: '3e trimestre 2016' });
    await telecom.getByRole('button', { name: 'Voir l’état télécom' }).click();
    await telecom.getByText('Aucune facture d’opérateur, pénalité ni prévision au 3e trimestre 2016.').waitFor();
    expect(await lens.getByRole('heading', { name: /^Montants refacturés/ }).count()).toBe(0);
    expect(await lens.getByText('Somme Numérique').count()).toBe(0);
    await checkA11y(e2e, lens, 'consommations-lens-2016-vide');

    const base = `/api/v1/organisations/${coquelicotId}`;
    for (const path of [`${base}/consumption?year=2016`, `${base}/forecasts?year=2016`, `${base}/statements/telecom?year=2016&quarter=3`, `${base}/statements/telecom?year=2016&quarter=3&format=pdf`, `${base}/statements/units?year=2016&format=xlsx`]) {
      expect((await lens.request.get(path)).status(), path).toBe(404);
    }
    const time = await lens.request.get(`/api/v1/time-entries?organisationId=${coquelicotId}&from=2016-01-01&to=2016-12-31`);
    if (time.status() === 200) expect(await time.json()).toEqual([]);
    else expect([403, 404]).toContain(time.status());
    // The staff route is not offered to a member.
    await lens.goto(`/organisations/${coquelicotId}/consommations`);
    await lens.getByRole('heading', { level: 1 }).waitFor();
    expect(await lens.getByRole('heading', { level: 1 }).innerText()).not.toMatch(/Consommations/);
  });
});
