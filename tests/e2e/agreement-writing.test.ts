import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, announced, checkA11y, heading, login, settled, startE2E, type E2E } from './support/harness.ts';

const CALL = "Communauté d'Agglomération de Lens-Liévin";
const LENS_AGREEMENT = "Convention de mutualisation des systèmes d'information";
const SOMME_AGREEMENT_CODE = 'mutualisation-telecom-coquelicot-2016';
const TEMPLATES = join(import.meta.dirname, '../../templates');

/** Today in Paris, as the server and the browser see it (the e2e run on the real clock). */
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
const fr = (date: string) => date.split('-').reverse().join('/');
const text = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The built-in convention template with one tag replaced, as an administrator would edit it in Word. */
function editedTemplate(from: string, to: string): Buffer {
  const zip = new PizZip(readFileSync(join(TEMPLATES, 'convention.docx')));
  const xml = zip.file('word/document.xml')!.asText();
  expect(xml).toContain(from);
  zip.file('word/document.xml', xml.replace(from, to));
  return zip.generate({ type: 'nodebuffer' });
}

async function cells(row: ReturnType<Page['locator']>): Promise<string[]> {
  return (await row.locator('th, td').allInnerTexts()).map(text);
}

describe('écrire les conventions : avenants, documents, état à une date, création, modèles Word', () => {
  let e2e: E2E;
  let page: Page;
  let lensUrl: string;

  beforeAll(async () => {
    e2e = await startE2E();
    ({ page } = await e2e.newPage());
    await login(page, ACCOUNTS.admin);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('opens the CALL–Lens agreement with its documents and no amendment yet', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Conventions' }).click();
    await heading(page, 'Conventions');
    await page.getByRole('link', { name: 'Nouvelle convention' }).waitFor();
    await page.getByRole('link', { name: LENS_AGREEMENT }).click();
    await heading(page, LENS_AGREEMENT);
    lensUrl = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Corriger la fiche' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Sommaire de la page' }).getByRole('link').allInnerTexts()).toEqual([
      'Identité',
      'Parties',
      'Règles',
      'Chronologie',
      'Avenants',
      'Dénonciations',
      'Documents',
      'La convention à une date',
      'Simuler une sortie',
    ]);
    // Seed 004 renews tacitly: no express renewal block.
    expect(await page.getByRole('region', { name: 'Renouvellement exprès' }).count()).toBe(0);
    await page.getByRole('region', { name: 'Avenants', exact: true }).getByText('Aucun avenant.').waitFor();
    const documents = page.getByRole('region', { name: 'Documents' });
    expect((await documents.getByRole('link').allInnerTexts()).map(text)).toEqual(['Word (.docx) : la convention', 'PDF : la convention']);
    await checkA11y(e2e, page, 'ecriture-convention');
  });

  it('proposes an amendment (new annex, Lens leaving a category) and records the approval of Lens', async () => {
    const section = page.getByRole('region', { name: 'Avenants', exact: true });
    await section.getByRole('button', { name: 'Proposer un avenant' }).click();
    const form = page.getByRole('region', { name: 'Proposer un avenant' });
    await form.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Proposer un avenant');
    expect(await form.getByLabel(/^Date de la proposition/).inputValue()).toBe(today);
    // Nothing changed and no subject: both are said, linked to their fields.
    await form.getByRole('button', { name: "Enregistrer l'avenant" }).click();
    const summary = form.getByRole('alert');
    await summary.getByRole('link', { name: "Objet de l'avenant : indiquez l'objet de l'avenant" }).waitFor();
    await summary.getByRole('link', { name: /^Modifications : l'avenant doit modifier au moins un élément/ }).waitFor();
    await checkA11y(e2e, page, 'avenant-erreurs');

    await form.getByLabel(/^Objet de l'avenant/).fill('Grille tarifaire 2027 et retrait de la messagerie');
    const annexes = form.getByLabel('Annexes');
    await annexes.fill(`${await annexes.inputValue()}\nAnnexe 9 : Grille tarifaire 2027`);
    await form.getByLabel('Adhérent qui quitte des catégories').selectOption({ label: 'Lens' });
    await form.getByLabel('Messagerie collaborative').check();
    await form.getByRole('button', { name: "Enregistrer l'avenant" }).click();
    const proposed = "Avenant n° 1 enregistré : en attente d'approbation.";
    await page.getByRole('main').getByText(proposed).waitFor();
    await announced(page, proposed);

    const table = section.getByRole('table', { name: /^1 avenant, par numéro/ });
    const row = table.locator('tbody tr').first();
    await row.getByText("En attente d'approbation").waitFor();
    const pending = await cells(row);
    expect(pending.slice(0, 3)).toEqual(['1', 'Grille tarifaire 2027 et retrait de la messagerie Modifie : liste des annexes (8) ; retrait de catégories : Lens', fr(today)]);
    expect(pending[3]).toMatch(/^En attente d'approbation En attente de 1 approbation/);
    expect(pending.slice(4, 6)).toEqual(['Pas encore connue', 'Manquante : Lens']);
    await checkA11y(e2e, page, 'avenant-propose');

    // Seed 004 art. 12: the members approve (unanimity); the CALL's own deliberation is the proposal.
    await row.getByRole('button', { name: "Enregistrer une délibération sur l'avenant n° 1" }).click();
    const decision = page.getByRole('region', { name: "Avenant n° 1 : délibération d'une partie" });
    await decision.waitFor();
    expect(await decision.getByLabel(/^Partie/).locator('option').allInnerTexts()).toEqual(['Lens']);
    expect(await decision.getByLabel(/^Date de la délibération/).inputValue()).toBe(today);
    await decision.getByLabel('Numéro de la délibération').fill('DLB-2026-11');
    await checkA11y(e2e, page, 'avenant-deliberation');
    await decision.getByRole('button', { name: "Enregistrer l'approbation" }).click();
    const approved = "Approbation enregistrée pour l'avenant n° 1 : en vigueur.";
    await page.getByRole('main').getByText(approved).waitFor();
    await announced(page, approved);
    await row.getByText('En vigueur', { exact: true }).waitFor();
    const inEffect = await cells(row);
    expect(inEffect.slice(4, 6)).toEqual([fr(today), `Donnée : Lens, le ${fr(today)} (délibération n° DLB-2026-11)`]);
    expect(await row.getByRole('button').count()).toBe(0);
    // The record reads as amended today: the new annex is listed.
    await page.getByRole('region', { name: 'Annexes' }).getByText('Annexe 9 : Grille tarifaire 2027').waitFor();
    await checkA11y(e2e, page, 'avenant-approuve');
  });

  it('downloads the agreement and the amendment as PDF and Word', async () => {
    const documents = page.getByRole('region', { name: 'Documents' });
    const pdf = documents.getByRole('link', { name: 'PDF : la convention' });
    const href = (await pdf.getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/v1\/agreements\/[0-9a-f-]{36}\/document\?format=pdf$/);
    const file = await page.request.get(href);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');

    const word = await page.request.get((await documents.getByRole('link', { name: 'Word (.docx) : avenant n° 1' }).getAttribute('href'))!);
    expect(word.status()).toBe(200);
    expect(word.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const amendmentPdf = await page.request.get((await documents.getByRole('link', { name: 'PDF : avenant n° 1' }).getAttribute('href'))!);
    expect(amendmentPdf.headers()['content-type']).toBe('application/pdf');
  });

  it('shows the agreement as it stood on a date, before and after the amendment', async () => {
    const block = page.getByRole('region', { name: 'La convention à une date' });
    await block.getByRole('button', { name: 'Afficher' }).click();
    await block.getByRole('alert').getByRole('link', { name: 'Date : indiquez une date' }).waitFor();

    await block.getByLabel(/^Date/).fill('2026-06-01');
    await block.getByRole('button', { name: 'Afficher' }).click();
    const before = block.getByRole('region', { name: 'La convention au 01/06/2026' });
    await before.waitFor();
    const beforeText = text(await before.innerText());
    expect(beforeText).toContain('Statut Dernière année');
    expect(beforeText).toContain('Avenants appliqués Aucun');
    expect(beforeText).not.toContain('Annexe 9');
    expect(await cells(before.getByRole('row', { name: /^Lens/ }))).toEqual(['Lens', 'Adhérent', 'Aucune']);
    await announced(page, 'Convention au 01/06/2026 : Dernière année.');

    await block.getByLabel(/^Date/).fill(today);
    await block.getByRole('button', { name: 'Afficher' }).click();
    const after = block.getByRole('region', { name: `La convention au ${fr(today)}` });
    await after.getByText('Annexe 9 : Grille tarifaire 2027').waitFor();
    expect(text(await after.innerText())).toContain('Avenants appliqués n° 1');
    const lens = after.getByRole('row', { name: /^Lens/ });
    await lens.getByText('Messagerie collaborative').waitFor();
    expect(await cells(lens)).toEqual(['Lens', 'Adhérent', 'Messagerie collaborative']);
    await checkA11y(e2e, page, 'convention-a-une-date');
  });

  it("shows the server's reason when a renewal letter comes too late (seed 000, renewed by letter only)", async () => {
    const list = (await (await page.request.get('/api/v1/agreements')).json()) as { id: string; code: string; title: string }[];
    const somme = list.find((a) => a.code === SOMME_AGREEMENT_CODE)!;
    await page.goto(`/conventions/${somme.id}`);
    await heading(page, somme.title);
    const block = page.getByRole('region', { name: 'Renouvellement exprès' });
    await block.getByText('Aucun courrier de renouvellement enregistré.').waitFor();
    await block.getByLabel(/^Date de réception du courrier/).fill(today);
    await block.getByRole('button', { name: 'Enregistrer le courrier' }).click();
    await block.getByRole('alert').getByRole('link', { name: /^Date de réception du courrier : la convention a pris fin le / }).waitFor();
    await checkA11y(e2e, page, 'renouvellement-refuse');
  });

  it('creates an agreement from the seed 004 preset, then corrects it, refusing to overwrite a concurrent change', async () => {
    await page.goto('/conventions');
    await heading(page, 'Conventions');
    await page.getByRole('link', { name: 'Nouvelle convention' }).click();
    await heading(page, 'Nouvelle convention');
    await page.getByRole('button', { name: 'Créer la convention' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: 'Fournisseur : choisissez le fournisseur' }).waitFor();
    await summary.getByRole('link', { name: "Partie 2 : organisation : cherchez puis choisissez l'organisation" }).waitFor();
    await summary.getByRole('link', { name: 'Règles (JSON) : choisissez un modèle ou saisissez les règles' }).waitFor();
    await checkA11y(e2e, page, 'nouvelle-convention-erreurs');

    await page.getByLabel(/^Fournisseur/).selectOption({ label: CALL });
    const first = page.getByRole('group', { name: /^Partie 1/ });
    await expect.poll(() => first.getByLabel(/^Organisation/).locator('option:checked').innerText()).toBe(CALL);
    await page.getByLabel(/^Code/).fill('dmsi-lens-2027');
    await page.getByLabel(/^Titre/).fill('Convention de mutualisation 2027');
    await page.getByLabel('Date de signature', { exact: true }).fill('2026-11-20');
    const second = page.getByRole('group', { name: /^Partie 2/ });
    await second.getByLabel("Rechercher l'organisation").fill('62498');
    await second.getByRole('button', { name: 'Chercher pour la partie 2' }).click();
    await page.getByRole('group', { name: 'Partie 2 : Lens' }).waitFor();
    await page.getByRole('group', { name: 'Partie 2 : Lens' }).getByLabel('Nom du signataire').fill('Sylvain ROBERT');
    await page.getByRole('group', { name: 'Partie 2 : Lens' }).getByLabel('Qualité du signataire').fill('Maire');
    await page.getByLabel('Annexes').fill('Annexe 1 : Catalogue des services\nAnnexe 2 : Grille tarifaire');
    // Seed 004, then one advanced edit: the municipal mandate now ends in 2032.
    await page.getByLabel('Modèle de règles').selectOption('004');
    await page.getByRole('button', { name: 'Reprendre ce modèle' }).click();
    const rules = page.getByLabel(/^Règles \(JSON\)/);
    expect(JSON.parse(await rules.inputValue())).toMatchObject({ effective: { kind: 'start_of_fiscal_year_after_signature' }, duration: { lastYear: 2026 } });
    await rules.fill((await rules.inputValue()).replace('"lastYear": 2026', '"lastYear": 2032'));
    await page.getByText("Durée : 1 an, reconduite tacitement par périodes de 1 an jusqu'à la fin de 2032.").waitFor();
    await checkA11y(e2e, page, 'nouvelle-convention');
    await page.getByRole('button', { name: 'Créer la convention' }).click();

    await heading(page, 'Convention de mutualisation 2027');
    await page.getByRole('main').getByText('Convention créée : Convention de mutualisation 2027.').waitFor();
    const identity = text(await page.getByRole('region', { name: 'Identité' }).innerText());
    expect(identity).toContain('Code dmsi-lens-2027');
    expect(identity).toContain("Prise d'effet 01/01/2027");
    await page.getByRole('table', { name: /^2 parties à la convention/ }).getByRole('row', { name: /^Lens Adhérent Sylvain ROBERT/ }).waitFor();
    await checkA11y(e2e, page, 'convention-creee');

    // Correct it, while someone else saves the record meanwhile.
    await page.getByRole('link', { name: 'Corriger la fiche' }).click();
    await heading(page, 'Corriger Convention de mutualisation 2027');
    expect(await page.getByLabel(/^Code/).inputValue()).toBe('dmsi-lens-2027');
    const id = new URL(page.url()).pathname.split('/')[2]!;
    const detail = await (await page.request.get(`/api/v1/agreements/${id}`)).json();
    const concurrent = await page.request.put(`/api/v1/agreements/${id}`, {
      data: {
        code: detail.code,
        title: detail.title,
        type: detail.type,
        signedOn: detail.signedOn,
        parties: detail.parties.map((p: { organisationId: string; role: string }) => ({ organisation: p.organisationId, role: p.role })),
        annexes: detail.annexes,
        rules: detail.rules,
        note: 'Relue par le service juridique',
        expectedUpdatedAt: detail.updatedAt,
      },
    });
    expect(concurrent.status(), await concurrent.text()).toBe(200);
    await page.getByLabel(/^Titre/).fill('Convention de mutualisation 2027-2032');
    await page.getByRole('button', { name: 'Enregistrer les corrections' }).click();
    await page.getByRole('alert').getByText(/^Cette convention a été modifiée entre-temps/).waitFor();
    await checkA11y(e2e, page, 'correction-conflit');
    await page.getByRole('button', { name: 'Recharger la fiche' }).click();
    await expect.poll(() => page.getByLabel('Note', { exact: true }).inputValue()).toBe('Relue par le service juridique');
    await page.getByLabel(/^Titre/).fill('Convention de mutualisation 2027-2032');
    await page.getByRole('button', { name: 'Enregistrer les corrections' }).click();
    await heading(page, 'Convention de mutualisation 2027-2032');
    await page.getByRole('main').getByText('Corrections enregistrées : Convention de mutualisation 2027-2032.').waitFor();
  });

  it('manages the Word templates of the CALL: a broken one is refused with the faulty tag, a good one replaces the built-in one', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Modèles de documents' }).click();
    await heading(page, 'Modèles de documents');
    await page.getByLabel('Fournisseur', { exact: true }).selectOption({ label: CALL });
    await page.getByRole('button', { name: 'Afficher ses modèles' }).click();
    const convention = page.getByRole('region', { name: 'Convention', exact: true });
    await convention.getByText('Modèle intégré').waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(expect.arrayContaining(['Convention', 'Avenant', 'Accusé de réception de dénonciation']));
    await convention.getByText('Balises disponibles').click();
    await convention.getByRole('row', { name: /^\{adherent_nom\} Nom de l'adhérent/ }).waitFor();
    const download = await page.request.get((await convention.getByRole('link', { name: 'Télécharger le modèle en vigueur : Convention' }).getAttribute('href'))!);
    expect(download.status()).toBe(200);
    await checkA11y(e2e, page, 'modeles');

    const fileInput = convention.getByLabel('Fichier du modèle (.docx)');
    const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    await fileInput.setInputFiles({ name: 'convention-cassee.docx', mimeType: DOCX, buffer: editedTemplate('{convention_titre}', '{adherent_nmo}') });
    await convention.getByRole('button', { name: 'Déposer ce modèle : Convention' }).click();
    const refused = convention.getByRole('alert');
    await refused.getByText('{adherent_nmo} : balise inconnue pour ce type de document').waitFor();
    await convention.getByText('Modèle intégré').waitFor();
    await checkA11y(e2e, page, 'modeles-refus');

    await convention.getByLabel('Fichier du modèle (.docx)').setInputFiles({ name: 'perso.docx', mimeType: DOCX, buffer: editedTemplate('{convention_titre}', 'MODÈLE PERSO {convention_titre}') });
    await convention.getByRole('button', { name: 'Déposer ce modèle : Convention' }).click();
    await announced(page, 'Modèle « Convention » déposé : perso.docx. Les documents Word le suivent désormais.');
    await convention.getByText('Modèle du fournisseur').waitFor();
    expect(text(await convention.innerText())).toContain('perso.docx, déposé le');
    const lensDocx = await page.request.get(`/api/v1${lensUrl.replace('/conventions/', '/agreements/')}/document?format=docx`);
    expect(new PizZip(await lensDocx.body()).file('word/document.xml')!.asText()).toContain('MODÈLE PERSO');

    await convention.getByRole('button', { name: 'Revenir au modèle intégré : Convention' }).click();
    await announced(page, 'Modèle « Convention » : retour au modèle intégré.');
    await convention.getByText('Modèle intégré').waitFor();
    await settled(page);
  });

  it('fits a 320 px wide screen: the agreement with its amendments, the form and the templates', async () => {
    const { page: narrow } = await e2e.newPage({ width: 320, height: 720 });
    await login(narrow, ACCOUNTS.finance);
    for (const [path, title, screen, ready] of [
      [lensUrl, LENS_AGREEMENT, 'etroit-convention-avenants', narrow.getByRole('table', { name: /^1 avenant/ })],
      ['/conventions/nouvelle', 'Nouvelle convention', 'etroit-nouvelle-convention', narrow.getByRole('group', { name: `Partie 1 : ${CALL}` })],
      ['/modeles', 'Modèles de documents', 'etroit-modeles', narrow.getByRole('region', { name: 'Convention', exact: true })],
    ] as const) {
      await narrow.goto(path);
      await heading(narrow, title);
      await ready.waitFor();
      await settled(narrow);
      const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `débordement horizontal sur ${path}`).toBeLessThanOrEqual(0);
      await checkA11y(e2e, narrow, screen);
    }
  });
});
