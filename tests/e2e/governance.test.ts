import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '../../src/services/context.ts';
import { submitRequest } from '../../src/services/subscriptions/subscription-service.ts';
import { ACCOUNTS, announced, checkA11y, heading, login, settled, startE2E, type E2E } from './support/harness.ts';

/** The e2e run on the real clock: the strategic committee meets today, the past year's report is written today. */
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
const pastYear = Number(today.slice(0, 4)) - 1;
const fr = (date: string) => date.split('-').reverse().join('/');
const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });

/**
 * Issue #9, done when: a person schedules seed 004's next strategic committee, puts Lens's pending request on its
 * agenda, records the decision in the minutes, and the request's status follows; then generates seed 001's annual
 * report for the past year. Also: Lens's CLI records a need; the CALL advises an acquisition request.
 */
describe('gouvernance : comités, réunions, besoins et rapport annuel', () => {
  let e2e: E2E;
  let staff: Page;
  let requestId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    // Lens's pending request (seed 004 annex 7), entered as a paper request received today.
    const call = await e2e.organisationId({ siren: '246200364', kind: '', name: 'CALL' });
    const lens = await e2e.organisationId({ inseeCode: '62498', kind: '', name: 'Lens' });
    requestId = (await submitRequest(e2e.deps, SYSTEM_PRINCIPAL, { providerId: call, organisationId: lens, lines: [{ line: 'postes-n1', options: {}, quantity: 40, wishedOn: '2026-12-01' }] })).id;
    ({ page: staff } = await e2e.newPage());
    await login(staff, ACCOUNTS.finance);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("lists the CALL's three committees with their rhythms", async () => {
    await nav(staff).getByRole('link', { name: 'Comités' }).click();
    await heading(staff, 'Comités');
    const table = staff.getByRole('table', { name: /^3 comités/ });
    await table.getByRole('row', { name: /Comité stratégique de la DMSI.*Semestriel/ }).waitFor();
    await table.getByRole('row', { name: /Comité opérationnel de la DMSI.*Mensuel, puis trimestriel/ }).waitFor();
    await table.getByRole('row', { name: /Comité de suivi de la convention.*À la demande/ }).waitFor();
    await checkA11y(e2e, staff, 'comites');
  });

  it("schedules the next strategic committee and puts Lens's pending request on its agenda", async () => {
    await staff.getByRole('link', { name: 'Comité stratégique de la DMSI' }).click();
    await heading(staff, 'Comité stratégique de la DMSI');
    await checkA11y(e2e, staff, 'comite');
    await staff.getByRole('button', { name: 'Programmer une réunion' }).click();
    const date = staff.getByLabel(/^Date de la réunion/);
    // The rhythm proposes the next half-yearly date; the committee meets today instead.
    expect(await date.inputValue()).toMatch(/^\d{4}-(01|07)-15$/);
    await date.fill(today);
    await staff.getByLabel('Lieu').fill('Hôtel communautaire');
    await staff.getByRole('button', { name: 'Programmer la réunion' }).click();
    await heading(staff, `Comité stratégique de la DMSI du ${fr(today)}`);
    await settled(staff);
    await checkA11y(e2e, staff, 'reunion-prevue');

    await staff.getByRole('button', { name: /^Inscrire à l'ordre du jour : Demande de souscription de Lens du / }).click();
    await announced(staff, /^Inscrit à l'ordre du jour : Demande de souscription de Lens/);
    const agenda = staff.getByRole('region', { name: 'Ordre du jour' });
    await agenda.getByRole('listitem').filter({ hasText: 'statut : Demandée' }).waitFor();
  });

  it('holds the meeting, records the decision in the minutes, and the request follows', async () => {
    await staff.getByRole('button', { name: 'Indiquer que la réunion s’est tenue…' }).click();
    await staff.getByRole('form', { name: 'Indiquer que la réunion s’est tenue' }).getByRole('button', { name: 'Indiquer que la réunion s’est tenue' }).click();
    await announced(staff, `Réunion tenue le ${fr(today)}.`);
    await settled(staff);

    expect(await staff.getByLabel(/^Objet de la décision/).locator('option:checked').innerText()).toMatch(/^Demande de souscription de Lens/);
    await staff.getByLabel('Accepter la demande').check();
    await staff.getByLabel('Texte de la décision').fill('Ouverture envisagée en décembre, après le plan de conformité.');
    await staff.getByRole('button', { name: 'Inscrire la décision' }).click();
    await announced(staff, 'Décision inscrite au compte rendu : Demande acceptée.');
    const agenda = staff.getByRole('region', { name: 'Ordre du jour' });
    await agenda.getByRole('listitem').filter({ hasText: 'statut : Acceptée' }).waitFor();

    await staff.getByLabel('Compte rendu', { exact: true }).fill('Le comité accepte la demande de Lens (postes de travail, niveau 1).');
    await staff.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
    await announced(staff, 'Présences et compte rendu enregistrés.');
    await checkA11y(e2e, staff, 'reunion-tenue');
    await staff.getByRole('button', { name: 'Rendre le compte rendu définitif…' }).click();
    await staff.getByRole('form', { name: 'Rendre le compte rendu définitif' }).getByRole('button', { name: 'Rendre le compte rendu définitif' }).click();
    await announced(staff, `Compte rendu définitif le ${fr(today)}.`);
    await staff.getByText('Compte rendu définitif', { exact: true }).first().waitFor();
    await checkA11y(e2e, staff, 'reunion-definitive');

    // The request's own page shows the decision, taken through the subscription workflow.
    await staff.goto(`/demandes/${requestId}`);
    await staff.getByRole('table', { name: /^Services demandés/ }).getByRole('row', { name: /Acceptée/ }).waitFor();
    // The line's history (folded) keeps the committee's note with the acceptance.
    await staff.getByText(`Comité stratégique de la DMSI du ${fr(today)} : Ouverture envisagée en décembre`).first().waitFor({ state: 'attached' });
  });

  it("writes seed 001's annual report for the past year, then makes it final", async () => {
    // Seed 001 is Somme Numérique's: the platform administrator writes its report here (no Somme Numérique account in the demo).
    const { page: admin } = await e2e.newPage();
    await login(admin, ACCOUNTS.admin);
    await nav(admin).getByRole('link', { name: 'Conventions' }).click();
    await heading(admin, 'Conventions');
    await admin.getByRole('link', { name: /Convention relative à la mise à disposition de services/ }).first().click();
    await admin.getByRole('link', { name: 'Rapport annuel' }).click();
    await heading(admin, `Rapport annuel ${pastYear}`);
    await settled(admin);
    await checkA11y(e2e, admin, 'rapport-annuel-projet');
    await admin.getByLabel('Incidents relevés').fill('Une coupure du lien de collecte, rétablie dans la journée.');
    await admin.getByLabel('Avis du comité').fill('Avis favorable sur l’exécution de la convention.');
    await admin.getByRole('button', { name: 'Enregistrer le projet' }).click();
    await announced(admin, 'Projet de rapport enregistré.');
    const docx = await admin.request.get(await admin.getByRole('link', { name: 'Télécharger le rapport (Word)' }).getAttribute('href').then((h) => h!));
    expect(docx.headers()['content-type']).toContain('wordprocessingml');
    await admin.getByRole('button', { name: 'Rendre le rapport définitif' }).click();
    await announced(admin, `Rapport ${pastYear} rendu définitif.`);
    await admin.getByText(`Définitif depuis le ${fr(today)}`).waitFor();
    expect(await admin.getByRole('button', { name: 'Enregistrer le projet' }).count()).toBe(0);
    const pdf = await admin.request.get(await admin.getByRole('link', { name: 'Télécharger le rapport (PDF)' }).getAttribute('href').then((h) => h!));
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await checkA11y(e2e, admin, 'rapport-annuel-definitif');
  });

  it("lets Lens's CLI record a need and follow it; the CALL advises an acquisition request", async () => {
    const { page: cli } = await e2e.newPage();
    await login(cli, ACCOUNTS.cliLens);
    await nav(cli).getByRole('link', { name: 'Mes besoins' }).click();
    await heading(cli, 'Mes besoins');
    await cli.getByRole('row', { name: /Téléphonie IP dans les écoles/ }).waitFor();
    await checkA11y(e2e, cli, 'mes-besoins');
    await cli.getByLabel(/^Intitulé/).fill('Wifi dans les salles municipales');
    await cli.getByLabel(/^Montant estimé/).fill('6000');
    await cli.getByRole('button', { name: 'Enregistrer le besoin' }).click();
    await announced(cli, 'Besoin enregistré : Wifi dans les salles municipales (transmis).');
    await cli.getByRole('row', { name: /Wifi dans les salles municipales.*Transmis/ }).waitFor();

    await nav(staff).getByRole('link', { name: 'Besoins' }).click();
    await heading(staff, 'Registre des besoins');
    await settled(staff);
    await checkA11y(e2e, staff, 'besoins');
    await staff.getByRole('button', { name: 'Avis favorable : Achat de 20 postes de travail pour les services techniques' }).click();
    await staff.getByLabel(/^Avis motivé/).fill('Modèle conforme au socle de la DMSI.');
    await staff.getByRole('form', { name: /^Avis favorable/ }).getByRole('button', { name: 'Avis favorable' }).click();
    await announced(staff, 'Achat de 20 postes de travail pour les services techniques : avis rendu.');
    await staff.getByRole('button', { name: 'Valider : Achat de 20 postes de travail pour les services techniques' }).click();
    await announced(staff, 'Achat de 20 postes de travail pour les services techniques : validée.');
  });

  it("shows the operational committee's indicators with charts, filtered by member and year, exportable", async () => {
    await nav(staff).getByRole('link', { name: 'Indicateurs' }).click();
    await heading(staff, 'Indicateurs');
    const filters = staff.getByRole('search', { name: 'Filtrer les indicateurs' });
    await filters.getByLabel('Adhérent').selectOption({ label: 'Lens' });
    await filters.getByLabel('Année').selectOption('2025');
    await filters.getByRole('button', { name: 'Afficher' }).click();
    await staff.waitForURL(/annee=2025/);
    await announced(staff, 'Indicateurs 2025 affichés.');
    await staff.getByRole('img', { name: /^Ouvertures de services : lignes ouvertes par mois, 2025 et 2024/ }).waitFor();
    const table = staff.getByRole('table', { name: /^Indicateurs 2025 mois par mois/ });
    // Seed 004 example: Lens's base opened on 1 March 2025.
    expect((await table.getByRole('row', { name: /^Adhérents ayant une ligne ouverte/ }).innerText()).replace(/\s+/g, ' ')).toMatch(/^Adhérents ayant une ligne ouverte 0 0 1 1 1/);
    await checkA11y(e2e, staff, 'indicateurs');
    const csv = await staff.request.get((await staff.getByRole('link', { name: 'Exporter (CSV)' }).getAttribute('href'))!);
    expect(await csv.text()).toContain('Adhérents ayant une ligne ouverte (fin de mois);0;0;1');
  });
});

