import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, announced, checkA11y, heading, login, settled, startE2E, type E2E } from './support/harness.ts';

const AGREEMENT = "dmsi-lens-2024 — Convention de mutualisation des systèmes d'information";
const text = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The address of Lens's debtor line in the file: the demo data leaves it empty. */
const ADDRESS = 'n:PES_Aller/PES_RecetteAller/Bordereau[1]/Piece[1]/LigneDePiece[1]/Tiers/Adresse';

/** The refusal shown under the « Fichier PES (XML) » button: its title and each issue as « path : message ». */
async function refusal(page: Page) {
  const alert = page.locator('.pes-export .alert-error');
  await alert.waitFor();
  return { title: text(await alert.locator('.alert-title').innerText()), issues: (await alert.getByRole('listitem').allInnerTexts()).map(text) };
}

/**
 * The PES V2 file of a run (seed 004, Lens, first half of 2026) for the public accountant: refused until CALL's
 * PES settings are saved, then refused while Lens has no address (each element at fault listed), then downloaded.
 */
describe('fichier PES : paramètres du fournisseur, refus expliqués, téléchargement', () => {
  let e2e: E2E;
  let page: Page;
  let titlesUrl: string;
  let previewUrl: string;

  beforeAll(async () => {
    e2e = await startE2E();
    ({ page } = await e2e.newPage());
    await login(page, ACCOUNTS.finance);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('issues Lens’s first half of 2026, then is refused the PES file while CALL has no PES settings', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Facturation' }).click();
    await heading(page, 'Facturation');
    const form = page.getByRole('form', { name: 'Choisir la facturation' });
    await form.getByLabel(/^Convention/).selectOption({ label: AGREEMENT });
    await form.getByLabel('Année').selectOption('2026');
    await form.getByLabel('Semestre').selectOption({ label: '1er semestre' });
    await form.getByRole('button', { name: 'Afficher l’aperçu' }).click();
    await page.waitForURL(/type=regular&annee=2026&periode=1$/);
    previewUrl = new URL(page.url()).pathname + new URL(page.url()).search;
    await settled(page);
    if (!(await page.getByText('1er semestre 2026 : déjà émise').count())) {
      await page.getByRole('button', { name: 'Émettre les titres — 1er semestre 2026' }).click();
      await page.getByRole('button', { name: 'Confirmer l’émission' }).click();
      await page.getByText('1er semestre 2026 : déjà émise').waitFor();
    }

    await page.getByRole('button', { name: 'Fichier PES (XML)' }).click();
    await announced(page, /^Fichier PES refusé : Paramètres PES manquants \(1 point à corriger\)\.$/);
    const refused = await refusal(page);
    expect(refused.title).toBe('Erreur : Fichier PES refusé : Paramètres PES manquants');
    expect(refused.issues).toEqual(['pes-settings : renseignez le poste comptable, les codes collectivité et budget et les imputations du fournisseur']);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('alert-error'))).toBe(true);
    await page.getByRole('link', { name: 'Renseigner les paramètres PES du fournisseur' }).waitFor();
    await checkA11y(e2e, page, 'pes-refus-parametres');
  });

  it('fills CALL’s PES settings: errors tied to the fields, a service line imputed, saved and announced', async () => {
    await page.getByRole('link', { name: 'Paramètres PES du fournisseur', exact: true }).click();
    await heading(page, 'Paramètres PES');
    await page.waitForURL(/\/facturation\/pes\/[0-9a-f-]{36}$/);
    await settled(page);
    await page.getByText('Aucun paramètre PES enregistré').waitFor();
    const settings = page.getByRole('form', { name: 'Paramètres PES' });
    const imputations = settings.getByRole('table', { name: /lignes de service du catalogue$/ });
    expect(await imputations.locator('thead th').allInnerTexts()).toEqual(['Ligne de service', 'Compte de nature', 'Fonction (facultatif)', 'Code produit']);
    await checkA11y(e2e, page, 'pes-parametres');

    // Nothing filled, a wrong post code and a row with its product code only.
    await settings.getByLabel(/^Codique du poste comptable/).fill('62044');
    await settings.getByLabel('Code produit : Messagerie collaborative').fill('MESS');
    await settings.getByRole('button', { name: 'Enregistrer les paramètres PES' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Les paramètres PES n’ont pas été enregistrés' });
    await summary.waitFor();
    // In the order of the form: the contract's message on the post code, the form's own on the others.
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Codique du poste comptable : codique du poste comptable : 6 ou 7 chiffres',
      'Code collectivité : indiquez le code collectivité (3 chiffres)',
      'Code budget : indiquez le code budget (00 = budget principal)',
      'Libellé du budget : indiquez le libellé du budget',
      'Compte de nature par défaut : indiquez le compte de nature M57 par défaut',
      'Code produit par défaut : indiquez le code produit par défaut',
      'Compte de nature : Messagerie collaborative : indiquez le compte de nature, ou videz la ligne',
    ]);
    await summary.getByRole('link', { name: /^Compte de nature : Messagerie collaborative/ }).click();
    const focusedLabel = async () => text(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? ''));
    expect(await focusedLabel()).toBe('Compte de nature : Messagerie collaborative');
    expect(await settings.getByLabel('Compte de nature : Messagerie collaborative').getAttribute('aria-invalid')).toBe('true');
    expect(await settings.getByLabel(/^Codique du poste comptable/).getAttribute('aria-invalid')).toBe('true');
    await checkA11y(e2e, page, 'pes-parametres-erreurs');

    await settings.getByLabel(/^Codique du poste comptable/).fill('062044');
    await settings.getByLabel(/^Code collectivité/).fill('123');
    await settings.getByLabel(/^Code budget/).fill('00');
    await settings.getByLabel(/^Libellé du budget/).fill('CALL – DMSI');
    await settings.getByLabel(/^Compte de nature par défaut/).fill('70848');
    await settings.getByLabel(/^Code produit par défaut/).fill('SNUM');
    await settings.getByLabel('Compte de nature : Messagerie collaborative').fill('70848');
    await settings.getByRole('button', { name: 'Enregistrer les paramètres PES' }).click();
    await announced(page, /^Paramètres PES enregistrés pour .+\.$/);
    await page.getByRole('main').getByText(/^Paramètres PES enregistrés pour /).waitFor();
    expect(await page.getByText('Aucun paramètre PES enregistré').count()).toBe(0);
    expect(await summary.count()).toBe(0);
    await checkA11y(e2e, page, 'pes-parametres-enregistres');

    await page.reload();
    await heading(page, 'Paramètres PES');
    await settled(page);
    expect(await settings.getByLabel(/^Libellé du budget/).inputValue()).toBe('CALL – DMSI');
    expect(await settings.getByLabel('Code produit : Messagerie collaborative').inputValue()).toBe('MESS');
  });

  it('lists on the run’s titles what the file lacks: Lens’s address', async () => {
    await page.goto(previewUrl);
    await heading(page, 'Facturation');
    await settled(page);
    await page.getByRole('link', { name: 'Voir les titres de cette émission' }).click();
    await heading(page, 'Titres de recette');
    await page.waitForURL(/\/titres\?emission=/);
    titlesUrl = new URL(page.url()).pathname + new URL(page.url()).search;
    await settled(page);
    await page.getByRole('button', { name: 'Fichier PES (XML)' }).click();
    await announced(page, /^Fichier PES refusé par la validation : 6 erreur\(s\), il n'est pas proposé \(6 points à corriger\)\.$/);
    const refused = await refusal(page);
    expect(refused.title).toBe("Erreur : Fichier PES refusé par la validation : 6 erreur(s), il n'est pas proposé");
    const on = (leaf: string) => expect.stringMatching(new RegExp(`^${`${ADDRESS}/${leaf}`.replace(/[[\]]/g, '\\$&')} : `));
    expect(refused.issues).toEqual(expect.arrayContaining([on('Adr2'), `${ADDRESS}/CP : valeur vide : 5 chiffres`, on('Ville')]));
    await checkA11y(e2e, page, 'titres-pes-refus-adresse');
  });

  it('downloads the file once Lens’s address is filled on its record', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Registre' }).click();
    await heading(page, 'Registre des organisations');
    await page.getByRole('link', { name: 'Lens', exact: true }).click();
    await heading(page, 'Lens');
    await page.getByRole('link', { name: "Modifier l'organisation Lens" }).click();
    await heading(page, 'Modifier Lens');
    await page.waitForURL(/\/organisations\/[0-9a-f-]{36}\/modifier$/);
    await page.getByLabel(/^Adresse/).fill('17 bis place Jean Jaurès');
    await page.getByLabel(/^Code postal/).fill('62300');
    await page.getByLabel(/^Ville/).fill('Lens');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await heading(page, 'Lens');

    await page.goto(titlesUrl);
    await heading(page, 'Titres de recette');
    await settled(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Fichier PES (XML)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^PESALR2_24620036400080_\d{6}_[0-9A-F]{4}\.xml$/);
    await announced(page, `Fichier PES téléchargé : ${download.suggestedFilename()}.`);
    const xml = (await readFile((await download.path())!)).toString('latin1');
    expect(xml).toContain('<IdPost V="062044"/>');
    expect(xml).toContain('<Nom V="LENS"/>');
    expect(xml).toContain('<CP V="62300"/>');
    expect(xml).toContain('<CodProdLoc V="MESS"/>');
    expect(xml).toContain('<CodProdLoc V="SNUM"/>');
    expect(await page.locator('.pes-export .alert-error').count()).toBe(0);
    await checkA11y(e2e, page, 'titres-pes-telecharge');
  });
});
