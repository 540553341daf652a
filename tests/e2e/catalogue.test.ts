import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ACCOUNTS, announced, checkA11y, heading, login, settled, startE2E, type E2E } from './support/harness.ts';

const CALL = "Communauté d'Agglomération de Lens-Liévin";
const ANNEX_5 = 'Annexe 5 – grille tarifaire, mise à jour du 1er octobre 2023';
const LEVEL_1 = 'Niveau 1 : Gestion des postes de travail';
const LEVEL_2 = "Niveau 2 : Guichet d'accueil - support et assistance aux utilisateurs";

/** Seed 004 annex 5 as the grid page must read it: [row header, option, unit, monthly, annual], groups in order. */
const ANNEX_5_TABLE: string[][] = [
  ["Socle d'adhésion"],
  ['Adhésion au socle + connexion au réseau', '—', 'poste de travail', '7,00 €', '84,00 €'],
  ['Gestion des postes de travail + Support et assistance aux utilisateurs'],
  [LEVEL_1, '—', 'poste de travail', '17,00 €', '204,00 €'],
  [LEVEL_2, '—', 'poste de travail', '11,00 €', '132,00 €'],
  ['Total (niveaux 1 + 2)', '', '', '28,00 €', '336,00 €'],
  ['Messagerie collaborative'],
  ...(
    [
      ['Messagerie basique (boîte aux lettres uniquement)', ['6,50 €', '78,00 €'], ['7,80 €', '93,60 €'], ['8,00 €', '96,00 €']],
      ['Messagerie professionnelle (boîte aux lettres + visioconférence + messagerie instantanée)', ['7,50 €', '90,00 €'], ['8,80 €', '105,60 €'], ['10,00 €', '120,00 €']],
      ['Messagerie premium (boîte aux lettres + visioconférence + messagerie instantanée + cloud)', ['9,50 €', '114,00 €'], ['10,60 €', '127,20 €'], ['11,80 €', '141,60 €']],
    ] as const
  ).flatMap(([level, ...prices]) => prices.map(([monthly, annual], i) => [level, `${[10, 25, 50][i]} giga-octets de stockage`, 'boîte aux lettres', monthly, annual])),
  ['Hébergement seul des logiciels et données (IaaS) + Administration technique des logiciels et données (SaaS)'],
  ['Niveau 1 : Hébergement seul des logiciels et données', '—', 'poste de travail', '12,00 €', '144,00 €'],
  ["Niveau 2 : Administration technique pour l'hébergement des logiciels et des données", '—', 'poste de travail', '4,00 €', '48,00 €'],
  ['Total (niveaux 1 + 2)', '', '', '16,00 €', '192,00 €'],
];

/**
 * The rows of the grid table as text: a group row gives its title alone; a price row its header (carried
 * over the rows a rowspan covers), option, unit, monthly and annual cells. Notes under a name are left out.
 */
async function gridRows(table: Locator): Promise<string[][]> {
  return table.evaluate((element) => {
    const text = (cell: Element) => {
      const clone = cell.cloneNode(true) as Element;
      clone.querySelectorAll('.block, .sr-only, .stated-elsewhere').forEach((n) => n.remove());
      return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    let carried: { header: string; left: number } | null = null;
    return [...element.querySelectorAll('tbody tr')].map((row) => {
      const cells = [...row.children];
      if (row.classList.contains('group-row')) return [text(cells[0]!)];
      let header: string;
      if (cells[0]!.tagName === 'TH') {
        header = text(cells[0]!);
        const span = Number(cells[0]!.getAttribute('rowspan') ?? '1');
        carried = span > 1 ? { header, left: span - 1 } : null;
        cells.shift();
      } else {
        header = carried!.header;
        carried!.left -= 1;
      }
      return [header, ...cells.slice(0, 4).map(text)];
    });
  });
}

/** Seed 004: the CALL's catalogue and grid, its staff editing them, the CLI of Lens reading them. */
describe('catalogue et grilles tarifaires (CALL, seed 004)', () => {
  let e2e: E2E;
  let page: Page;
  let callId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    callId = await e2e.organisationId({ siren: '246200364', kind: 'communaute_agglomeration', name: CALL });
    ({ page } = await e2e.newPage());
    await login(page, ACCOUNTS.admin);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('opens the CALL catalogue from the dashboard: the diagram with the membership base at the bottom, and the same in text', async () => {
    await heading(page, 'Tableau de bord');
    await page.getByRole('table', { name: /Fournisseurs de services/ }).getByRole('link', { name: 'Catalogue de CALL' }).click();
    await heading(page, `Catalogue : ${CALL}`);
    expect(await page.title()).toBe(`Catalogue : ${CALL} – Mutualis`);

    // The diagram is an image with a name and a summary, layer by layer from the base.
    const diagram = page.getByRole('img', { name: `Schéma du catalogue de ${CALL}`, exact: true });
    await diagram.waitFor();
    const summary = await diagram.evaluate((svg) => document.getElementById(svg.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
    expect(summary).toMatch(/^À la base : Socle d'adhésion\. Niveau 2 : .*Gestion des postes de travail \(sur Socle d'adhésion\).*Niveau 3 : .*Support et assistance aux utilisateurs \(sur Gestion des postes de travail\)/);
    // The base is drawn at the bottom, under every other box, with an arrow up to each category it enables.
    const boxes = await diagram.locator('g[data-category]').evaluateAll((groups) =>
      groups.map((g) => {
        const box = (g as SVGGElement).getBBox();
        return { code: g.getAttribute('data-category')!, top: box.y, bottom: box.y + box.height };
      }),
    );
    expect(boxes).toHaveLength(11);
    const base = boxes.find((b) => b.code === 'socle')!;
    for (const other of boxes.filter((b) => b.code !== 'socle')) expect(other.bottom, other.code).toBeLessThan(base.top);
    expect(await diagram.locator('path[data-to="socle"]').count()).toBe(8);
    await diagram.locator('path[data-from="support"][data-to="postes"]').waitFor({ state: 'attached' });
    await diagram.locator('path[data-from="administration"][data-to="hebergement"]').waitFor({ state: 'attached' });

    // The same prerequisites as text, for those who do not see the drawing.
    const list = page.getByRole('region', { name: 'Liste des prérequis' });
    await list.getByText('Catégorie « Gestion des postes de travail » nécessite :').waitFor();
    await list.getByText(`Ligne « ${LEVEL_2} » nécessite :`).waitFor();
    await list.getByText(`la ligne « ${LEVEL_1} »`).waitFor();

    // Shared charge, explained.
    await page
      .getByRole('region', { name: 'Facturation partagée' })
      .getByText('« Adhésion au socle + connexion au réseau » est facturé une seule fois par poste de travail', { exact: false })
      .waitFor();

    // A line: status in words, additive level, technical prerequisites, annexes.
    const level2 = page.getByRole('article', { name: LEVEL_2 });
    await level2.getByText('Statut : Actif').waitFor();
    await level2.getByText(`s'ajoute à « ${LEVEL_1} »`).waitFor();
    const level1 = page.getByRole('article', { name: LEVEL_1 });
    await level1.getByRole('heading', { name: 'Prérequis techniques à remplir' }).waitFor();
    await level1.getByRole('listitem').filter({ hasText: 'Ne pas être administrateur de son poste.' }).waitFor();
    await level1.getByText('Annexe 3 : Modalités et prérequis techniques à respecter obligatoirement pour l\'adhésion').waitFor();
    await checkA11y(e2e, page, 'catalogue-call');
  });

  it('reads the annex 5 grid exactly, with the annex 7 discrepancy, and downloads it as CSV, XLSX and PDF', async () => {
    await page.getByRole('link', { name: `Grilles tarifaires de ${CALL}` }).click();
    await heading(page, `Grilles tarifaires : ${CALL}`);
    const versions = page.getByRole('table', { name: /version de la grille/ });
    await versions.getByRole('row', { name: new RegExp(`${ANNEX_5}.*En vigueur.*01/10/2023`) }).waitFor();
    await checkA11y(e2e, page, 'grilles-call');

    await versions.getByRole('link', { name: ANNEX_5 }).click();
    await heading(page, ANNEX_5);
    const issues = page.getByRole('main').locator('.alert').filter({ hasText: 'Points à vérifier (1)' });
    await issues.getByText('Annexe 7 (demande de souscription) indique 93.00 au lieu de 93.60').waitFor();
    const table = page.getByRole('table', { name: new RegExp(`^${ANNEX_5} : tarifs par catégorie`) });
    expect(await gridRows(table)).toEqual(ANNEX_5_TABLE);
    await table.getByRole('cell', { name: /93,60 €.*Annexe 7 \(demande de souscription\) : 93,00 €/ }).waitFor();
    await table.getByText('Facturé une seule fois pour « Niveau 1 : Gestion des postes de travail » ou « Niveau 1 : Hébergement seul des logiciels et données » souscrites.').waitFor();
    await checkA11y(e2e, page, 'grille-annexe-5');

    for (const [label, type, check] of [
      ['CSV', 'text/csv', (body: Buffer) => expect(body.toString('utf8')).toContain('25 giga-octets de stockage;boîte aux lettres;7,80;93,60')],
      ['XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', (body: Buffer) => expect(body.subarray(0, 2).toString()).toBe('PK')],
      ['PDF', 'application/pdf', (body: Buffer) => expect(body.subarray(0, 5).toString()).toBe('%PDF-')],
    ] as const) {
      const link = page.getByRole('link', { name: new RegExp(`^${label} : `) });
      const href = await link.getAttribute('href');
      expect(href).toBe(`/api/v1/providers/${callId}/grids/annexe-5-2023-10/export.${label.toLowerCase()}`);
      const response = await page.request.get(href!);
      expect(response.status(), label).toBe(200);
      expect(response.headers()['content-type']).toContain(type);
      expect(response.headers()['content-disposition']).toContain(`grille-annexe-5-2023-10.${label.toLowerCase()}`);
      check(await response.body());
    }
  });

  it('creates a new version raising one price, the server refusing a date already taken; the comparison shows one change', async () => {
    await page.getByRole('link', { name: 'Nouvelle version à partir de cette grille' }).click();
    await heading(page, 'Nouvelle version de la grille tarifaire');
    expect(await page.getByLabel('Copier les prix de').inputValue()).toBe('annexe-5-2023-10');
    expect(await page.getByLabel(`Tarif mensuel : ${LEVEL_1}`, { exact: true }).inputValue()).toBe('17,00');
    await checkA11y(e2e, page, 'nouvelle-grille');

    // Nothing filled in: the error summary takes the focus and links to each field.
    await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
    const summary = page.getByRole('alert').filter({ hasText: "La nouvelle version n'a pas été enregistrée" });
    await summary.waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^Code de la version : /), expect.stringMatching(/^Intitulé : /), expect.stringMatching(/^Date d'effet : /)]));
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await checkA11y(e2e, page, 'nouvelle-grille-erreurs');

    await page.getByLabel(/^Code de la version/).fill('grille-2027');
    await page.getByLabel(/^Intitulé/).fill('Annexe 5 – grille tarifaire au 1er janvier 2027');
    await page.getByLabel(/^Date d'effet/).fill('2023-10-01');
    await page.getByLabel('Organe délibérant').fill('Conseil communautaire');
    await page.getByLabel('Numéro de la délibération').fill('2026-117');
    await page.getByLabel('Date de la délibération').fill('2026-12-10');
    await page.getByLabel(`Tarif mensuel : ${LEVEL_1}`, { exact: true }).fill('18,00');
    await page.getByLabel(`Tarif annuel : ${LEVEL_1}`, { exact: true }).fill('204,00');
    // 12 × 18,00 ≠ 204,00: said next to the row before sending.
    await page.getByRole('row', { name: new RegExp(LEVEL_1) }).getByText('12 × 18,00 € = 216,00 €, différent du tarif annuel').waitFor();
    await page.getByLabel(`Tarif annuel : ${LEVEL_1}`, { exact: true }).fill('216,00');
    await page.getByText('12 × 18,00 € = 216,00 €').waitFor({ state: 'detached' });
    await page.getByText('1 prix modifié par rapport à la version de départ.').waitFor();

    // The effective date of the grid in force: refused by the server, shown in the summary and on the field.
    await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
    await summary.getByRole('link', { name: "Date d'effet : la grille « annexe-5-2023-10 » prend déjà effet le 2023-10-01" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('nouvelle-grille-effectiveFrom');
    await checkA11y(e2e, page, 'nouvelle-grille-refus-serveur');

    await page.getByLabel(/^Date d'effet/).fill('2027-01-01');
    await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
    await heading(page, 'Annexe 5 – grille tarifaire au 1er janvier 2027');
    await page.getByRole('main').getByText('Nouvelle version enregistrée : « Annexe 5 – grille tarifaire au 1er janvier 2027 », en vigueur à compter du 01/01/2027.').waitFor();
    await announced(page, /Nouvelle version enregistrée/);
    await page.getByText('Conseil communautaire, délibération n° 2026-117, du 10/12/2026', { exact: false }).waitFor();
    const rows = await gridRows(page.getByRole('table', { name: /tarifs par catégorie/ }));
    expect(rows).toContainEqual([LEVEL_1, '—', 'poste de travail', '18,00 €', '216,00 €']);
    expect(rows).toContainEqual(['Total (niveaux 1 + 2)', '', '', '29,00 €', '348,00 €']);
    // The annex 7 reading belonged to the former version: not carried over.
    expect(await page.getByText('Points à vérifier').count()).toBe(0);
    await checkA11y(e2e, page, 'grille-2027');

    await page.getByRole('navigation', { name: "Fil d'Ariane" }).getByRole('link', { name: 'Grilles tarifaires' }).click();
    await heading(page, `Grilles tarifaires : ${CALL}`);
    await page.getByRole('table', { name: /2 versions de la grille/ }).getByRole('row', { name: /1er janvier 2027.*À venir.*01\/01\/2027.*Conseil communautaire/ }).waitFor();
    expect(await page.getByLabel('Version de départ').inputValue()).toBe('annexe-5-2023-10');
    await page.getByLabel("Version d'arrivée").selectOption('grille-2027');
    await page.getByRole('button', { name: 'Comparer' }).click();
    await page.waitForURL(/de=annexe-5-2023-10&a=grille-2027/);
    await announced(page, 'Comparaison affichée : 1 prix différent sur 14.');
    const comparison = page.getByRole('table', { name: /^Comparaison de/ });
    const changed = comparison.locator('tbody tr').filter({ hasNotText: 'Inchangé' });
    expect(await changed.count()).toBe(1);
    expect((await changed.locator('th, td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([LEVEL_1, '▲ Modifié (hausse)', '17,00 €', '18,00 €', '204,00 €', '216,00 €', '+12,00 €']);
    expect(await comparison.locator('tbody tr').filter({ hasText: 'Inchangé' }).count()).toBe(13);
    await page.getByText('1 modifié, 13 inchangés.', { exact: false }).waitFor();
    await checkA11y(e2e, page, 'grilles-comparaison');

    await page.getByLabel('N\'afficher que les prix qui changent').check();
    expect(await comparison.locator('tbody tr').count()).toBe(1);
  });

  it('answers the price of a line with its options on a date', async () => {
    const lookup = page.getByRole('region', { name: 'Rechercher un prix' });
    await lookup.getByLabel('Ligne de service').selectOption('postes-n1');
    await lookup.getByLabel(/^Date/).fill('2027-01-01');
    await lookup.getByRole('button', { name: 'Rechercher le prix' }).click();
    const result = lookup.getByRole('region', { name: `${LEVEL_1} le 01/01/2027` });
    await result.getByText('216,00 €').waitFor();
    await result.getByRole('link', { name: 'Annexe 5 – grille tarifaire au 1er janvier 2027' }).waitFor();

    await lookup.getByLabel('Ligne de service').selectOption('messagerie');
    await lookup.getByLabel(/^Date/).fill('2024-05-01');
    await lookup.getByRole('button', { name: 'Rechercher le prix' }).click();
    await lookup.getByRole('alert').getByRole('link', { name: 'Niveau de service : choisissez une valeur' }).waitFor();
    await lookup.getByLabel('Niveau de service').selectOption('pro');
    await lookup.getByLabel('Taille de stockage').selectOption('25');
    await lookup.getByRole('button', { name: 'Rechercher le prix' }).click();
    await lookup.getByRole('region', { name: /^Messagerie collaborative \(Messagerie professionnelle.*25 giga-octets de stockage\) le 01\/05\/2024/ }).getByText('105,60 €').waitFor();

    // Before the first grid: the server's reason.
    await lookup.getByLabel(/^Date/).fill('2023-09-30');
    await lookup.getByRole('button', { name: 'Rechercher le prix' }).click();
    await lookup.getByRole('alert').getByRole('link', { name: 'Date : aucune grille tarifaire en vigueur le 2023-09-30' }).waitFor();
    await checkA11y(e2e, page, 'grilles-recherche-prix');
  });

  it('lists unit costs with their breakdown and checks the notice before the budget', async () => {
    const put = await page.request.put(`/api/v1/providers/${callId}/unit-costs`, {
      data: {
        line: 'messagerie',
        fiscalYear: 2027,
        forecastUnits: 1200,
        noticeMonths: 3,
        budgetAdoption: '2027-03-31',
        notifiedOn: '2027-01-15',
        charges: [
          { nature: 'licences', amount: '9000.00' },
          { nature: 'staff', amount: '4500.00' },
        ],
      },
    });
    expect(put.status()).toBe(200);
    await page.reload();
    await heading(page, `Grilles tarifaires : ${CALL}`);
    const cost = page.getByRole('article', { name: 'Messagerie collaborative — exercice 2027' });
    await cost.getByText('11,25 €').first().waitFor();
    await cost.getByText('3 mois : à notifier au plus tard le 31/12/2026').waitFor();
    await cost.getByText('Préavis non respecté').waitFor();
    const breakdown = cost.getByRole('table', { name: 'Décomposition par nature de charge' });
    await breakdown.getByRole('row', { name: /Licences.*9\s000,00 €.*7,50 €/ }).waitFor();
    await breakdown.getByRole('row', { name: /Charges de personnel.*4\s500,00 €.*3,75 €/ }).waitFor();
    await checkA11y(e2e, page, 'grilles-couts-unitaires');
  });

  it('edits the catalogue: a line withdrawn for security, a new line, a prerequisite added then removed; a cycle is refused', async () => {
    await page.goto(`/fournisseurs/${callId}/catalogue`);
    await heading(page, `Catalogue : ${CALL}`);

    await page.getByRole('button', { name: 'Modifier la ligne « Cloud privé (Nimbus) »' }).click();
    const edit = page.getByRole('region', { name: 'Modifier la ligne « Cloud privé (Nimbus) »' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Modifier la ligne « Cloud privé (Nimbus) »');
    await edit.getByLabel('Statut').selectOption('withdrawn');
    await edit.getByRole('button', { name: 'Enregistrer la ligne' }).click();
    await edit.getByRole('alert').getByRole('link', { name: 'Motif du retrait : indiquez le motif du retrait' }).waitFor();
    await checkA11y(e2e, page, 'catalogue-ligne-erreur');
    await edit.getByLabel(/^Motif du retrait/).selectOption('security');
    await edit.getByRole('button', { name: 'Enregistrer la ligne' }).click();
    await page.getByRole('main').getByText('Ligne enregistrée : Cloud privé (Nimbus).').waitFor();
    await announced(page, 'Ligne enregistrée : Cloud privé (Nimbus).');
    const nimbus = page.getByRole('article', { name: 'Cloud privé (Nimbus)' });
    await nimbus.getByText('Statut : Retiré').waitFor();
    await nimbus.getByText('Raison de sécurité (simple information des membres)').waitFor();
    await checkA11y(e2e, page, 'catalogue-ligne-retiree');

    await page.getByRole('button', { name: 'Ajouter une ligne à « Conseil et expertise »' }).click();
    const add = page.getByRole('region', { name: 'Ajouter une ligne à « Conseil et expertise »' });
    await add.getByLabel(/^Code/).fill('audit-securite');
    await add.getByLabel(/^Intitulé/).fill('Audit de sécurité');
    await add.getByLabel('Nature').selectOption('on_quote');
    await add.getByLabel('Unité de compte').selectOption('day');
    await add.getByRole('button', { name: 'Ajouter la ligne' }).click();
    await page.getByRole('main').getByText('Ligne ajoutée à « Conseil et expertise » : Audit de sécurité.').waitFor();
    const audit = page.getByRole('article', { name: 'Audit de sécurité' });
    await audit.getByText('Statut : Proposé').waitFor();
    await audit.getByText('Sur devis').waitFor();

    // A prerequisite on the new line: it shows in the list and in the drawing, then goes away.
    await page.getByRole('button', { name: 'Ajouter un prérequis' }).click();
    const dependency = page.getByRole('region', { name: 'Ajouter un prérequis' });
    await dependency.getByLabel('Service').selectOption('line:audit-securite');
    await dependency.getByLabel('Nécessite').selectOption('category:serveurs');
    await dependency.getByRole('button', { name: 'Ajouter le prérequis' }).click();
    await page.getByRole('main').getByText('Prérequis ajouté : « Audit de sécurité » nécessite « Gestion des serveurs ».').waitFor();
    await page.getByRole('region', { name: 'Liste des prérequis' }).getByText('Ligne « Audit de sécurité » nécessite :').waitFor();
    await page.locator('path[data-from="conseil"][data-to="serveurs"]').waitFor({ state: 'attached' });
    await checkA11y(e2e, page, 'catalogue-prerequis-ajoute');
    await page.getByRole('button', { name: 'Supprimer le prérequis : « Audit de sécurité » nécessite « Gestion des serveurs »' }).click();
    await page.getByRole('main').getByText('Prérequis supprimé : « Audit de sécurité » ne nécessite plus « Gestion des serveurs ».').waitFor();
    await page.locator('path[data-from="conseil"][data-to="serveurs"]').waitFor({ state: 'detached' });

    // The base requiring level 2, which requires level 1, which requires the base: refused, the cycle named.
    await page.getByRole('button', { name: 'Ajouter un prérequis' }).click();
    await dependency.getByLabel('Service').selectOption('category:socle');
    await dependency.getByLabel('Nécessite').selectOption('line:postes-n2');
    await dependency.getByRole('button', { name: 'Ajouter le prérequis' }).click();
    const refusal = dependency.getByRole('alert');
    await refusal.getByText(/^Prérequis : dépendances circulaires : catégorie « Socle d'adhésion » → ligne « Niveau 2 : Guichet/).waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await checkA11y(e2e, page, 'catalogue-cycle-refuse');
    await dependency.getByRole('button', { name: 'Annuler' }).click();
    expect(await page.locator('path[data-from="postes"][data-to="socle"]').count()).toBe(1);
  });

  it('lets the CLI of Lens read the CALL catalogue and grid without any edit, and answers what level 2 lacks', async () => {
    const { page: cli } = await e2e.newPage();
    await login(cli, ACCOUNTS.cliLens);
    await heading(cli, 'Mon organisation : Lens');
    // From their organisation's providers…
    await cli.getByRole('table', { name: /Fournisseurs auxquels Lens est liée/ }).getByRole('link', { name: `Catalogue de ${CALL}` }).waitFor();
    // …and from the navigation.
    const nav = cli.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Mon organisation', 'Mes services', 'Mes besoins', 'Consommations', 'Mes factures', 'Ma part des coûts', 'Catalogues', 'Conventions', 'Calendrier', 'Mon compte']);
    await nav.getByRole('link', { name: 'Catalogues' }).click();
    await heading(cli, 'Catalogues de services');
    await cli.getByRole('row', { name: new RegExp(`${CALL}.*Adhérent`) }).waitFor();
    await checkA11y(e2e, cli, 'portail-catalogues');

    await cli.getByRole('link', { name: `Catalogue de ${CALL}` }).click();
    await heading(cli, `Catalogue : ${CALL}`);
    await cli.getByRole('img', { name: `Schéma du catalogue de ${CALL}`, exact: true }).waitFor();
    await cli.getByText(`Consultation seule : le catalogue est tenu par le personnel de ${CALL}.`).waitFor();
    expect(await cli.getByRole('button', { name: /^(Modifier|Ajouter|Supprimer)/ }).count()).toBe(0);
    // The staff's changes are there: the withdrawn line, said in words.
    await cli.getByRole('article', { name: 'Cloud privé (Nimbus)' }).getByText('Statut : Retiré').waitFor();

    const checker = cli.getByRole('region', { name: 'Vérifier une sélection de services' });
    await checker.getByRole('button', { name: 'Vérifier' }).click();
    await checker.getByRole('alert').getByText('Cochez au moins une ligne de service.').waitFor();
    await checker.getByLabel(LEVEL_2).check();
    await checker.getByRole('button', { name: 'Vérifier' }).click();
    await announced(cli, '2 prérequis manquent à cette sélection.');
    const answer = checker.getByRole('region', { name: 'Résultat pour 1 ligne' });
    await answer.getByText(`« ${LEVEL_2} » nécessite aussi :`).waitFor();
    expect(await answer.locator('li li').allInnerTexts()).toEqual([`la ligne « ${LEVEL_1} »`, "la catégorie « Socle d'adhésion » (n'importe laquelle de ses lignes)"]);
    await checkA11y(e2e, cli, 'portail-catalogue-verification');

    // With level 1 and the base, nothing is missing.
    await checker.getByLabel(LEVEL_1).check();
    await checker.getByLabel('Adhésion au socle + connexion au réseau').check();
    await checker.getByRole('button', { name: 'Vérifier' }).click();
    await checker.getByRole('region', { name: 'Résultat pour 3 lignes' }).getByText('Rien ne manque : ces lignes peuvent être souscrites ensemble.').waitFor();

    await cli.getByRole('link', { name: `Grilles tarifaires de ${CALL}` }).click();
    await heading(cli, `Grilles tarifaires : ${CALL}`);
    expect(await cli.getByRole('link', { name: /^Nouvelle version/ }).count()).toBe(0);
    await checkA11y(e2e, cli, 'portail-grilles');
    await cli.getByRole('link', { name: ANNEX_5 }).click();
    await heading(cli, ANNEX_5);
    await cli.getByRole('cell', { name: /^93,60 €/ }).waitFor();
    await cli.getByText('Annexe 7 (demande de souscription) indique 93.00 au lieu de 93.60').waitFor();
    expect(await cli.getByRole('link', { name: /^Nouvelle version/ }).count()).toBe(0);
    await checkA11y(e2e, cli, 'portail-grille-annexe-5');

    await cli.goto(`/fournisseurs/${callId}/tarifs/nouvelle-version`);
    await heading(cli, 'Page introuvable');
  });

  it("offers each of the CALL's staff only the changes their role allows", async () => {
    for (const [email, catalogueWrite, tariffWrite] of [
      [ACCOUNTS.finance, false, true],
      [ACCOUNTS.technician, true, false],
    ] as const) {
      const { page: staff } = await e2e.newPage();
      await login(staff, email);
      await staff.goto(`/fournisseurs/${callId}/catalogue`);
      await heading(staff, `Catalogue : ${CALL}`);
      await staff.getByRole('img', { name: `Schéma du catalogue de ${CALL}`, exact: true }).waitFor();
      expect(await staff.getByRole('button', { name: 'Ajouter un prérequis' }).count(), email).toBe(catalogueWrite ? 1 : 0);
      expect(await staff.getByRole('button', { name: /^Modifier la ligne/ }).count(), email).toBe(catalogueWrite ? 16 : 0);
      await staff.goto(`/fournisseurs/${callId}/tarifs`);
      await heading(staff, `Grilles tarifaires : ${CALL}`);
      await staff.getByRole('table', { name: /versions de la grille/ }).waitFor();
      expect(await staff.getByRole('link', { name: 'Nouvelle version de la grille tarifaire' }).count(), email).toBe(tariffWrite ? 1 : 0);
    }
  });

  it('fits a 320 px wide screen: the diagram scrolls inside its own region', async () => {
    const { page: narrow } = await e2e.newPage({ width: 320, height: 720 });
    await login(narrow, ACCOUNTS.admin);
    for (const [path, title, screen] of [
      [`/fournisseurs/${callId}/catalogue`, `Catalogue : ${CALL}`, 'etroit-catalogue'],
      [`/fournisseurs/${callId}/tarifs/grilles/annexe-5-2023-10`, ANNEX_5, 'etroit-grille'],
      [`/fournisseurs/${callId}/tarifs?de=annexe-5-2023-10&a=grille-2027`, `Grilles tarifaires : ${CALL}`, 'etroit-grilles'],
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
