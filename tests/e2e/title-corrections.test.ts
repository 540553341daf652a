import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, announced, checkA11y, heading, login, settled, startE2E, type E2E } from './support/harness.ts';

const text = (s: string) => s.replace(/\s+/g, ' ').trim();
const rows = async (table: Locator) => (await table.locator(':scope > tbody > tr:not([hidden])').allInnerTexts()).map(text);
const LINE_1 = 'Niveau 1 : Hébergement seul des logiciels et données';

/** Issues Lens's first half of 2026 (seed 004, 48 604,90 €) through the API, as the wizard does; answers the title's id. */
async function issueLensFirstHalf(page: Page): Promise<string> {
  const agreements = (await (await page.request.get('/api/v1/agreements')).json()) as { id: string; code: string }[];
  const lens = agreements.find((a) => a.code === 'dmsi-lens-2024');
  if (!lens) throw new Error('convention dmsi-lens-2024 absente');
  const issued = await page.request.post(`/api/v1/agreements/${lens.id}/billing/issue`, { data: { kind: 'regular', year: 2026, index: 1 } });
  expect(issued.status()).toBe(200);
  const result = (await issued.json()) as { documents: { id: string; number: string }[] };
  expect(result.documents.map((d) => d.number)).toEqual(['T2026-00001']);
  return result.documents[0]!.id;
}

/**
 * Seed 004 billed for Lens (T2026-00001, 48 604,90 €, not subject to VAT). CALL's finance officer corrects it: the
 * cancellation asks a confirmation (not given here), a reduction of 100,00 € on the hosting line is issued and the
 * title shows it with what remains; an over-reduction is refused on the line's field. Lens then reads its annual
 * summary of 2026 net of the reduction, and downloads it as PDF and XLSX.
 */
describe('corrections de titres et récapitulatif annuel', () => {
  let e2e: E2E;
  let page: Page;
  let titleId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    ({ page } = await e2e.newPage());
    await login(page, ACCOUNTS.finance);
    titleId = await issueLensFirstHalf(page);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('offers the cancellation of the whole title after a confirmation, the focus handled both ways', async () => {
    await page.goto(`/titres/${titleId}`);
    await heading(page, 'Titre de recette T2026-00001');
    const section = page.getByRole('region', { name: 'Corriger ce titre' });
    await section.waitFor();
    await checkA11y(e2e, page, 'titre-correction');

    await section.getByRole('radio', { name: 'Annuler tout le titre' }).check();
    await section.getByRole('button', { name: 'Annuler le titre…' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Motif de l’annulation : indiquez le motif de l’annulation' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('annulation-reason');
    await checkA11y(e2e, page, 'titre-annulation-erreur');

    await section.getByLabel(/^Motif de l’annulation/).fill('Titre émis par erreur');
    await section.getByRole('button', { name: 'Annuler le titre…' }).click();
    const confirm = page.getByRole('group', { name: 'Confirmer l’annulation' });
    expect(text(await confirm.locator('p').innerText())).toBe('Annuler tout le titre T2026-00001 (48 604,90 € TTC) ? Un document d’annulation numéroté sera émis ; il ne se modifie plus.');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Confirmer l’annulation');
    await checkA11y(e2e, page, 'titre-annulation-confirmation');
    await confirm.getByRole('button', { name: 'Revenir' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Annuler le titre…');
    expect(await confirm.count()).toBe(0);
  });

  it('reduces the hosting line by 100,00 €: the reduction is linked, the title shows it and what remains', async () => {
    const section = page.getByRole('region', { name: 'Corriger ce titre' });
    await section.getByRole('radio', { name: 'Réduire une partie du titre' }).check();
    const form = page.getByRole('form', { name: 'Réduire une partie du titre' });
    expect(await form.getByLabel(/^Montant à retirer/).count()).toBe(5);
    await form.getByRole('button', { name: 'Émettre la réduction' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'La réduction n’a pas été émise' });
    expect((await summary.getByRole('listitem').allInnerTexts()).map(text)).toEqual(['indiquez le montant à retirer d’au moins une ligne', 'Motif de la réduction : indiquez le motif de la réduction']);
    await checkA11y(e2e, page, 'titre-reduction-erreur');

    await form.getByLabel(/^Motif de la réduction/).fill('Postes facturés en double en mars');
    const line = form.getByLabel(`Montant à retirer — ligne 1 : ${LINE_1}`);
    expect(text(await form.locator('#reduction-ligne-0-hint').innerText())).toBe('Montant de la ligne : 23 316,00 €. Ex. 100,00');
    await line.fill('100,00');
    await form.getByRole('button', { name: 'Émettre la réduction' }).click();
    await announced(page, /^Réduction \S+ de 100,00\u00a0€ émise sur le titre T2026-00001 : reste à recouvrer 48\u202f504,90\u00a0€\.$/);
    const identity = text(await page.getByRole('region', { name: 'Le titre' }).innerText());
    expect(identity).toContain('Montant TTC 48 604,90 € Payé 0,00 € Reste à recouvrer 48 504,90 €');
    const reductions = await rows(page.getByRole('table', { name: '1 réduction émise sur le titre T2026-00001' }));
    expect(reductions).toEqual([expect.stringMatching(/ 100,00 €$/)]);
    // The title is reduced: it may no longer be cancelled whole, only reduced further.
    expect(await section.getByRole('radio', { name: 'Annuler tout le titre' }).count()).toBe(0);
    await checkA11y(e2e, page, 'titre-reduit');
  });

  it('refuses an over-reduction of the line on its field, counting the earlier reduction', async () => {
    const section = page.getByRole('region', { name: 'Corriger ce titre' });
    await section.getByRole('radio', { name: 'Réduire une partie du titre' }).check();
    const form = page.getByRole('form', { name: 'Réduire une partie du titre' });
    await form.getByLabel(/^Motif de la réduction/).fill('Hébergement suspendu');
    // Less than the line (23 316,00 €), more than is left of it after the 100,00 € taken off.
    await form.getByLabel(`Montant à retirer — ligne 1 : ${LINE_1}`).fill('23 300,00');
    await form.getByRole('button', { name: 'Émettre la réduction' }).click();
    const message = `la ligne 1 (${LINE_1}) ne peut être réduite que de 23\u202f216,00\u00a0€ au plus`;
    await page.getByRole('alert').getByRole('link', { name: `Montant à retirer — ligne 1 : ${LINE_1} : ${message}` }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reduction-ligne-0');
    const field = form.getByLabel(`Montant à retirer — ligne 1 : ${LINE_1}`);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('#reduction-ligne-0-error').innerText()).toContain(message);
    await checkA11y(e2e, page, 'titre-reduction-refusee');

    await page.getByRole('link', { name: /^Voir réduction / }).click();
    await heading(page, /^Réduction /);
    await settled(page);
    expect(text(await page.getByRole('region', { name: 'Le titre' }).innerText())).toContain('Montant TTC 100,00 €');
    expect(await page.getByRole('region', { name: 'Corriger ce titre' }).count()).toBe(0);
    await checkA11y(e2e, page, 'reduction');
  });

  it('shows no correction to an account without billing:run, nor to the member', async () => {
    const { page: technician } = await e2e.newPage();
    await login(technician, ACCOUNTS.technician);
    await technician.goto(`/titres/${titleId}`);
    await heading(technician, 'Titre de recette T2026-00001');
    await settled(technician);
    await technician.getByRole('table', { name: '1 réduction émise sur le titre T2026-00001' }).waitFor();
    expect(await technician.getByRole('region', { name: 'Corriger ce titre' }).count()).toBe(0);
    const { page: lens } = await e2e.newPage();
    await login(lens, ACCOUNTS.cliLens);
    await lens.goto(`/mes-factures/${titleId}`);
    await heading(lens, 'Titre de recette T2026-00001');
    await settled(lens);
    expect(await lens.getByRole('region', { name: 'Corriger ce titre' }).count()).toBe(0);
    expect((await lens.request.post(`/api/v1/titles/${titleId}/cancellation`, { data: { reason: 'essai' } })).status()).toBe(403);
  });

  it('shows the staff the member’s annual summary beside its account', async () => {
    const detail = (await (await page.request.get(`/api/v1/titles/${titleId}`)).json()) as { organisationId: string };
    await page.goto(`/titres?exercice=2026&membre=${detail.organisationId}`);
    await heading(page, 'Titres de recette');
    const summary = page.getByRole('region', { name: 'Récapitulatif annuel' });
    await summary.getByRole('list', { name: /^Totaux 2026 — / }).waitFor();
    expect(text(await summary.getByRole('list', { name: /^Totaux 2026 — / }).innerText())).toContain('48 504,90 € net facturé');
    await checkA11y(e2e, page, 'titres-recapitulatif-adherent');
  });

  it('shows Lens its 2026 summary net of the reduction, downloadable as PDF and XLSX', async () => {
    const { page: lens } = await e2e.newPage();
    await login(lens, ACCOUNTS.cliLens);
    await lens.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes factures' }).click();
    await heading(lens, 'Mes factures');
    const section = lens.getByRole('region', { name: 'Récapitulatif annuel' });
    await section.getByLabel('Exercice du récapitulatif', { exact: true }).selectOption('2026');
    await section.getByRole('button', { name: 'Afficher le récapitulatif' }).click();
    await announced(lens, 'Récapitulatif de l’exercice 2026 : 1 fournisseur.');
    await settled(lens);
    const lines = section.getByRole('table', { name: /^Prestations 2026 de .*, nettes des réductions \(5 lignes\)$/ });
    expect((await rows(lines))[0]).toBe(`${LINE_1} 23 216,00 € 0,00 € 23 216,00 €`);
    expect(text(await lines.locator('tfoot').innerText())).toBe('Total net 48 504,90 € 0,00 € 48 504,90 €');
    const totals = section.getByRole('list', { name: /^Totaux 2026 — / });
    expect((await totals.getByRole('listitem').allInnerTexts()).map(text)).toEqual([
      '48 604,90 € facturé (titres TTC)',
      '100,00 € réductions et annulations',
      '48 504,90 € net facturé',
      '0,00 € payé',
      '48 504,90 € reste à payer',
      '0,00 € reversé par mandat',
    ]);
    await checkA11y(e2e, lens, 'mes-factures-recapitulatif');

    for (const [format, type] of [
      ['PDF', 'application/pdf'],
      ['XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const href = await section.getByRole('link', { name: `Télécharger le récapitulatif 2026 (${format})` }).getAttribute('href');
      expect(href).toMatch(new RegExp(`^/api/v1/organisations/[0-9a-f-]{36}/billing-summary/document\\?fiscalYear=2026&format=${format.toLowerCase()}$`));
      const file = await lens.request.get(href!);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toContain(type);
    }
    // Another member reads none of it.
    const { page: coquelicot } = await e2e.newPage();
    await login(coquelicot, ACCOUNTS.cliCoquelicot);
    const href = await section.getByRole('link', { name: 'Télécharger le récapitulatif 2026 (PDF)' }).getAttribute('href');
    expect([403, 404]).toContain((await coquelicot.request.get(href!)).status());
  });
});
