import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import type { ZodApp } from '../../src/api/types.ts';
import { fixedClock } from '../../src/clock.ts';
import { useApiWorld } from '../support/api-harness.ts';
import { ENGINES } from '../support/test-database.ts';

const CSV = 'text/csv';

describe.each(ENGINES)('billing runs and receivable titles (%s)', (engine) => {
  const w = useApiWorld(engine);
  let finance: string;
  let admin: string;
  let lensCli: string;
  let coquelicotCli: string;
  const agreementIds: Record<string, string> = {};
  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: unknown, app: ZodApp = w.app) => app.inject({ method, url, payload: payload as never, headers: { cookie } });
  /** The same database under another date: titles are issued "today", so some scenarios need another today. */
  const appOn = (instant: string) => buildApp({ database: w.deps.database, clock: fixedClock(instant) }, { sessionTtlHours: 1, secureCookies: false, webDist: '/nonexistent' });

  beforeAll(async () => {
    finance = await w.login('finances.call@demo.mutualis.fr');
    admin = await w.login('admin@demo.mutualis.fr');
    lensCli = await w.login('cli.lens@demo.mutualis.fr');
    coquelicotCli = await w.login('cli.coquelicot@demo.mutualis.fr');
    for (const a of (await inject('GET', '/api/v1/agreements', admin)).json() as { id: string; code: string }[]) agreementIds[a.code] = a.id;
    // Lens's 2025 snapshots (base and basic mail), for the half-years that have ended by the test date (15 March 2026).
    const rows = ['membre;ligne;options;mois;unités'];
    for (let m = 3; m <= 12; m++) rows.push(`62498;socle-reseau;;2025-${String(m).padStart(2, '0')};320`);
    for (let m = 4; m <= 12; m++) rows.push(`62498;messagerie;niveau=basique&stockage=10;2025-${String(m).padStart(2, '0')};180`);
    const imported = await w.app.inject({ method: 'POST', url: `/api/v1/providers/${w.ids.call}/snapshots/import`, payload: rows.join('\n'), headers: { cookie: finance, 'content-type': CSV } });
    expect(imported.statusCode, imported.body).toBe(200);
  });

  describe('seed 004: half-yearly titles from monthly snapshots', () => {
    const lens = () => `/api/v1/agreements/${agreementIds['dmsi-lens-2024']}/billing`;

    it('previews the second half of 2025, every line explained, nothing issued', async () => {
      const preview = (await inject('GET', `${lens()}/preview?year=2025&index=2`, finance)).json();
      expect(preview).toMatchObject({ periodKind: 'half', periodLabel: '2e semestre 2025', blockers: [], issued: null });
      const [member] = preview.members;
      expect(member.organisationName).toBe('Lens');
      expect(member.lines.map((l: { label: string; quantityText: string; unitPrice: string; amount: string }) => [l.label, l.quantityText, l.unitPrice, l.amount])).toEqual([
        [expect.stringMatching(/^Messagerie collaborative — .*basique.*10 giga-octets/), '1\u202f080 boîte aux lettres × mois', '6.50', '7020.00'],
        [expect.stringContaining('socle'), '1\u202f920 poste de travail × mois', '7.00', '13440.00'],
      ]);
      expect(member.lines[1].basis).toContain('relevés mensuels de juillet–décembre 2025');
      expect(member).toMatchObject({ document: 'title', amountIncl: '20460.00', vat: '0.00' });
      expect((await inject('GET', '/api/v1/titles', finance)).json()).toEqual([]);
    });

    it('bills the base from the request’s date until the services open (seed 004 art. 10.1.3)', async () => {
      // Lens's request sets 1 January 2025 for the base; its services opened on 1 March, measured from then on.
      const [member] = (await inject('GET', `${lens()}/preview?year=2025&index=1`, finance)).json().members;
      const before = member.lines.find((l: { label: string }) => l.label.endsWith("avant l'ouverture des services"));
      expect(before).toMatchObject({ quantityText: '320 poste de travail × 2 mois', unitPrice: '7.00', amount: '4480.00' });
      expect(before.basis).toContain("socle facturé dès le 01/01/2025 selon la demande d'ouverture");
      expect(before.basis).toContain('janvier–février 2025');
      const measured = member.lines.find((l: { label: string; basis: string }) => l.basis.startsWith('relevés mensuels') && l.label.includes('socle'));
      expect(measured.basis).toContain('mars–juin 2025');
    });

    it('refuses a period not ended yet, and the wrong rhythm', async () => {
      const early = await inject('POST', `${lens()}/issue`, finance, { year: 2026, index: 1 });
      expect(early.statusCode).toBe(409);
      expect(early.json().message).toContain('facturation à terme échu : la période se termine le 2026-06-30');
    });

    it('issues two periods at once without a gap, and issuing again creates nothing', async () => {
      const [h1, h2] = await Promise.all([inject('POST', `${lens()}/issue`, finance, { year: 2025, index: 1 }), inject('POST', `${lens()}/issue`, finance, { year: 2025, index: 2 })]);
      expect([h1.statusCode, h2.statusCode]).toEqual([200, 200]);
      const numbers = [...h1.json().documents, ...h2.json().documents].map((d: { number: string }) => d.number).sort();
      expect(numbers).toEqual(['T2026-00001', 'T2026-00002']);
      const again = (await inject('POST', `${lens()}/issue`, finance, { year: 2025, index: 2 })).json();
      expect(again).toEqual({ ...h2.json(), created: false });
      const issuedPreview = (await inject('GET', `${lens()}/preview?year=2025&index=2`, finance)).json();
      expect(issuedPreview.issued).toMatchObject({ runId: h2.json().runId, documents: 1 });
      // An issued period shows what was issued, from the stored titles, not a recomputation.
      expect(issuedPreview.members[0]).toMatchObject({ document: 'title', amountIncl: '20460.00' });
      expect(issuedPreview.members[0].lines[0]).toMatchObject({ quantityText: '1\u202f080 boîte aux lettres × mois' });
    });

    it('keeps an issued title as it was: the database refuses to change it', async () => {
      const refusal = (query: Promise<unknown>) => query.then(() => 'accepted', (error: Error & { cause?: Error }) => String(error.cause?.message ?? error.message));
      expect(await refusal(w.deps.database.db.execute(sql`UPDATE receivable_title SET amount_incl_cents = 1`))).toContain('Un document émis ne se modifie pas (receivable_title)');
      expect(await refusal(w.deps.database.db.execute(sql`UPDATE receivable_title_content SET lines = '[]'`))).toContain('Un document émis ne se modifie pas (receivable_title_content)');
    });

    it('shows Lens its titles, records a partial payment and what remains', async () => {
      const titles = (await inject('GET', '/api/v1/titles?fiscalYear=2026', lensCli)).json();
      expect(titles.map((t: { number: string; amountIncl: string; status: string }) => [t.number, t.status])).toEqual([
        ['T2026-00001', 'to_collect'],
        ['T2026-00002', 'to_collect'],
      ]);
      const h2 = titles.find((t: { periodFrom: string }) => t.periodFrom === '2025-07-01');
      expect((await inject('POST', `/api/v1/titles/${h2.id}/payments`, lensCli, { paidOn: '2026-03-15', amount: '1,00' })).statusCode).toBe(403);
      const over = await inject('POST', `/api/v1/titles/${h2.id}/payments`, finance, { paidOn: '2026-03-15', amount: '30000' });
      expect(over.json().issues).toEqual([{ path: 'amount', message: 'plus que le reste à recouvrer (20460,00 €)' }]);
      const paid = (await inject('POST', `/api/v1/titles/${h2.id}/payments`, finance, { paidOn: '2026-03-15', amount: '10 000,00', reference: 'Mandat 2026-118' })).json();
      expect(paid).toMatchObject({ status: 'partly_paid', paid: '10000.00', outstanding: '10460.00', lateInterest: null });
      expect(paid.lines[0].sources[0]).toMatchObject({ kind: 'snapshots', year: 2025, months: [7, 8, 9, 10, 11, 12], units: [180, 180, 180, 180, 180, 180] });
      expect((await inject('GET', '/api/v1/titles', coquelicotCli)).json()).toEqual([]);
    });

    it('cancels a wrong title by a new numbered document, never by changing it', async () => {
      const [h1] = (await inject('GET', '/api/v1/titles?fiscalYear=2026', finance)).json().filter((t: { periodFrom: string }) => t.periodFrom === '2025-01-01');
      expect((await inject('POST', `/api/v1/titles/${h1.id}/cancellation`, lensCli, { reason: 'x' })).statusCode).toBe(403);
      const cancelled = await inject('POST', `/api/v1/titles/${h1.id}/cancellation`, finance, { reason: 'Relevés de mars erronés' });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(cancelled.json()).toMatchObject({ kind: 'cancellation', number: 'T2026-00003', refersTo: h1.id, amountIncl: h1.amountIncl, subject: expect.stringContaining(`Annulation du titre n° ${h1.number}`) });
      expect(cancelled.json().lines.at(-1)).toMatchObject({ label: 'Motif : Relevés de mars erronés', amount: '0.00' });
      const original = (await inject('GET', `/api/v1/titles/${h1.id}`, lensCli)).json();
      expect(original).toMatchObject({ number: h1.number, amountIncl: h1.amountIncl, status: 'cancelled', outstanding: '0.00', reductions: [expect.objectContaining({ number: 'T2026-00003' })] });
      const again = await inject('POST', `/api/v1/titles/${h1.id}/cancellation`, finance, { reason: 'encore' });
      expect([again.statusCode, again.json().message]).toEqual([409, `Le titre n° ${h1.number} a déjà été réduit ou annulé (n° T2026-00003)`]);
    });

    it('reduces part of a partly paid title by a new numbered document, never beyond what is still owed', async () => {
      const [h2] = (await inject('GET', '/api/v1/titles?fiscalYear=2026', finance)).json().filter((t: { periodFrom: string; kind: string }) => t.periodFrom === '2025-07-01' && t.kind === 'title');
      const body = { reason: '10 boîtes fermées en juillet', lines: [{ position: 0, amount: '100,00' }] };
      expect((await inject('POST', `/api/v1/titles/${h2.id}/reduction`, lensCli, body)).statusCode).toBe(403);
      const reduced = await inject('POST', `/api/v1/titles/${h2.id}/reduction`, finance, body);
      expect(reduced.statusCode, reduced.body).toBe(200);
      // 100,00 € off the mailboxes, with the title's VAT treatment (services between the EPCI and its communes: none).
      expect(reduced.json()).toMatchObject({ kind: 'reduction', number: 'T2026-00004', refersTo: h2.id, amountExcl: '100.00', vat: '0.00', amountIncl: '100.00' });
      expect(reduced.json().lines[0]).toMatchObject({ label: expect.stringMatching(/^Réduction — /), amount: '100.00', sources: [{ kind: 'title_line', titleId: h2.id, number: h2.number, position: 0 }] });
      expect(reduced.json().lines.at(-1)).toMatchObject({ label: 'Motif : 10 boîtes fermées en juillet' });
      const original = (await inject('GET', `/api/v1/titles/${h2.id}`, lensCli)).json();
      // 20 460,00 − 10 000,00 paid − 100,00 reduced.
      expect(original).toMatchObject({ amountIncl: '20460.00', status: 'partly_paid', outstanding: '10360.00', reductions: [expect.objectContaining({ number: 'T2026-00004', amountIncl: '100.00' })] });
      expect(original.lines.map((l: { amount: string }) => l.amount)).toEqual(['7020.00', '13440.00']);
      const over = await inject('POST', `/api/v1/titles/${h2.id}/reduction`, finance, { reason: 'trop', lines: [{ position: 1, amount: '10400' }] });
      expect([over.statusCode, over.json().issues]).toEqual([422, [{ path: 'lines', message: 'la réduction (10\u202f400,00\u00a0€ TTC) dépasse ce qui reste dû sur le titre (10\u202f360,00\u00a0€) : ce qui a été payé se reverse par mandat' }]]);
      const belowZero = await inject('POST', `/api/v1/titles/${h2.id}/reduction`, finance, { reason: 'trop', lines: [{ position: 0, amount: '7000' }] });
      expect(belowZero.json().issues).toEqual([{ path: 'lines.0.amount', message: expect.stringContaining('ne peut être réduite que de 6\u202f920,00\u00a0€ au plus') }]);
      const wrong = await inject('POST', `/api/v1/titles/${h2.id}/reduction`, finance, { reason: 'x', lines: [{ position: 9, amount: '1' }] });
      expect(wrong.json().issues).toEqual([{ path: 'lines.0.position', message: `le titre n° ${h2.number} n'a pas de ligne 10` }]);
      expect((await inject('POST', `/api/v1/titles/${reduced.json().id}/reduction`, finance, body)).json().message).toContain("n'est pas un titre de recette");
    });

    it('sums Lens’s year for its finance staff: lines net of the cancellation and the reduction, paid and remaining', async () => {
      const lens = (await inject('GET', '/api/v1/titles?fiscalYear=2026', lensCli)).json()[0].organisationId as string;
      const response = await inject('GET', `/api/v1/organisations/${lens}/billing-summary?fiscalYear=2026`, lensCli);
      expect(response.statusCode, response.body).toBe(200);
      const [call] = response.json().providers;
      const cents = (euros: string) => Math.round(Number(euros) * 100);
      expect(call.documents.map((d: { number: string }) => d.number)).toEqual(['T2026-00001', 'T2026-00002', 'T2026-00003', 'T2026-00004']);
      // H1 2025 cancelled whole (T2026-00003), 100,00 € taken off H2 (T2026-00004): what is left is H2 less the reduction.
      expect(call.totals).toMatchObject({ net: '20360.00', paid: '10000.00', outstanding: '10360.00', paidBack: '0.00' });
      expect(cents(call.totals.billed) - cents(call.totals.reduced)).toBe(cents(call.totals.net));
      expect(call.lines.reduce((sum: number, l: { amountIncl: string }) => sum + cents(l.amountIncl), 0)).toBe(cents(call.totals.net));
      expect(call.lines.map((l: { amountIncl: string }) => l.amountIncl)).toEqual(['13440.00', '6920.00']);
      expect((await inject('GET', `/api/v1/organisations/${lens}/billing-summary?fiscalYear=2026`, coquelicotCli)).statusCode).toBe(404);
      const pdf = await inject('GET', `/api/v1/organisations/${lens}/billing-summary/document?fiscalYear=2026`, lensCli);
      expect([pdf.statusCode, pdf.headers['content-type'], pdf.rawPayload.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
      const xlsx = await inject('GET', `/api/v1/organisations/${lens}/billing-summary/document?fiscalYear=2026&format=xlsx`, finance);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect((await inject('GET', `/api/v1/organisations/${lens}/billing-summary?fiscalYear=2024`, lensCli)).json().providers).toEqual([]);
    });

    it('gives the title as PDF to its member, and the run as CSV and XLSX to the provider', async () => {
      const [title] = (await inject('GET', '/api/v1/titles?fiscalYear=2026', lensCli)).json();
      const pdf = await inject('GET', `/api/v1/titles/${title.id}/document`, lensCli);
      expect([pdf.statusCode, pdf.headers['content-type'], pdf.rawPayload.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
      const runs = (await inject('GET', `/api/v1/billing-runs?agreementId=${agreementIds['dmsi-lens-2024']}`, finance)).json();
      expect(runs.map((r: { periodLabel: string; documents: number }) => [r.periodLabel, r.documents]).sort()).toEqual([
        ['1er semestre 2025', 1],
        ['2e semestre 2025', 1],
      ]);
      expect((await inject('GET', '/api/v1/billing-runs', lensCli)).json()).toEqual([]);
      const h2 = runs.find((r: { index: number }) => r.index === 2);
      const csv = await inject('GET', `/api/v1/billing-runs/${h2.id}/export?format=csv`, finance);
      expect(csv.body).toContain('T2026-0000');
      expect(csv.body).toContain(';20460,00;');
      expect((await inject('GET', `/api/v1/billing-runs/${h2.id}/export?format=xlsx`, finance)).headers['content-type']).toContain('spreadsheetml');
      expect((await inject('GET', `/api/v1/billing-runs/${h2.id}/export`, lensCli)).statusCode).toBe(403);
    });
  });

  describe('PES V2 export of the seed 004 run', () => {
    const settings = { idPost: '062044', codCol: '123', codBud: '00', budgetLabel: 'CALL – DMSI', defaultNature: '70848', defaultProductCode: 'SNUM', imputations: [{ line: 'messagerie', nature: '70848', productCode: 'MESS' }] };
    const h2Run = async () => (await inject('GET', `/api/v1/billing-runs?agreementId=${agreementIds['dmsi-lens-2024']}`, finance)).json().find((r: { index: number }) => r.index === 2).id as string;

    it('is refused while the provider has no PES settings', async () => {
      const response = await inject('GET', `/api/v1/billing-runs/${await h2Run()}/pes`, finance);
      expect(response.statusCode).toBe(422);
      expect(response.json().message).toBe('Paramètres PES manquants');
    });

    it('is refused with the element at fault while the debtor has no address', async () => {
      expect((await inject('PUT', `/api/v1/providers/${w.ids.call}/pes-settings`, finance, settings)).statusCode).toBe(200);
      const response = await inject('GET', `/api/v1/billing-runs/${await h2Run()}/pes`, finance);
      expect(response.statusCode).toBe(422);
      expect(response.json().issues).toContainEqual({ path: 'n:PES_Aller/PES_RecetteAller/Bordereau[1]/Piece[1]/LigneDePiece[1]/Tiers/Adresse/CP', message: 'valeur vide : 5 chiffres' });
    });

    it('passes the validation once the address is known, the title PDF attached', async () => {
      const lens = (await inject('GET', `/api/v1/organisations/${w.ids.lens}`, admin)).json();
      const patched = await w.app.inject({ method: 'PATCH', url: `/api/v1/organisations/${w.ids.lens}`, headers: { cookie: admin }, payload: { version: lens.version, addressLine1: '17 bis place Jean Jaurès', postalCode: '62300', city: 'Lens' } });
      expect(patched.statusCode, patched.body).toBe(200);
      const response = await inject('GET', `/api/v1/billing-runs/${await h2Run()}/pes`, finance);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-disposition']).toMatch(/PESALR2_24620036400080_260315_[0-9A-F]{4}\.xml/);
      const xml = response.rawPayload.toString('latin1');
      expect(xml).toContain('<TypBord V="01"/>');
      expect(xml).toContain('<MtBordHt V="20460.00"/>');
      expect(xml).toContain('<Nom V="LENS"/>');
      expect(xml).toContain('<CodProdLoc V="MESS"/>');
      expect(xml).toMatch(/<PJRef>\s*<Support V="01"\/>\s*<IdUnique V="T2026-0000\d"\/>/);
      expect(xml).toContain('<Fichier MIMEType="application/pdf">H4sI');
    });
  });

  describe('seed 000: provisional title, true-up by reduction, penalty payment order', () => {
    const sn = () => `/api/v1/agreements/${agreementIds['mutualisation-telecom-coquelicot-2016']}/billing`;

    it('issues the fourth-quarter provisional title on the forecast + 5 % at the start of the quarter', async () => {
      const coquelicot = (await inject('GET', '/api/v1/organisations?q=Coquelicot', admin)).json().items[0].id;
      const forecast = await inject('PUT', `/api/v1/providers/${w.ids.sommeNumerique}/forecasts`, admin, { rows: [{ organisationId: coquelicot, line: 'telephonie-mobile', year: 2016, quarter: 4, amount: '3000.00' }] });
      expect(forecast.statusCode, forecast.body).toBe(200);
      const october = await appOn('2016-10-03T09:00:00Z');
      const cookie = (await october.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@demo.mutualis.fr', password: 'demo-mutualis-2026' } })).cookies[0]!;
      const issued = await october.inject({ method: 'POST', url: `${sn()}/issue`, payload: { kind: 'provisional', year: 2016, index: 4 }, headers: { cookie: `${cookie.name}=${cookie.value}` } });
      expect(issued.statusCode, issued.body).toBe(200);
      // 3,000.00 € forecast + 150.00 € fee; due within the month (seed 000 art. 4.2).
      expect(issued.json().documents).toEqual([expect.objectContaining({ number: 'T2016-00001', kind: 'title', amountIncl: '3150.00' })]);
      await october.close();
      const [title] = (await inject('GET', '/api/v1/titles?fiscalYear=2016', coquelicotCli)).json();
      expect(title).toMatchObject({ dueOn: '2016-11-03', subject: expect.stringContaining('Titre prévisionnel') });
    });

    it('trues the quarter up on October’s invoices incl. VAT + 5 %: lower than the forecast, a reduction of the provisional title', async () => {
      const preview = (await inject('GET', `${sn()}/preview?kind=true_up&year=2016&index=4`, admin)).json();
      const [member] = preview.members;
      // October: 1,745.32 € incl. VAT + 87.27 € fee = 1,832.59 €, less the 3,150.00 € billed: 1,317.41 € to take off.
      expect(member).toMatchObject({ document: 'reduction', amountIncl: '1317.41', refersTo: { number: 'T2016-00001' } });
      expect(member.lines.at(-1)).toMatchObject({ label: 'Déduction du titre prévisionnel n° T2016-00001', amount: '-3150.00' });
      const issued = (await inject('POST', `${sn()}/issue`, admin, { kind: 'true_up', year: 2016, index: 4 })).json();
      expect(issued.documents).toEqual([expect.objectContaining({ kind: 'reduction', amountIncl: '1317.41' })]);
      const provisional = (await inject('GET', '/api/v1/titles?fiscalYear=2016', coquelicotCli)).json()[0];
      const detail = (await inject('GET', `/api/v1/titles/${provisional.id}`, coquelicotCli)).json();
      expect(detail).toMatchObject({ outstanding: '1832.59', reductions: [expect.objectContaining({ amountIncl: '1317.41' })] });
    });

    it('shows a page of the preview’s members, or those found by name, with totals covering them all', async () => {
      const all = (await inject('GET', `${sn()}/preview?kind=true_up&year=2016&index=3`, admin)).json();
      expect(all.page).toEqual({ offset: 0, limit: 100, matching: 2, members: 2 });
      const second = (await inject('GET', `${sn()}/preview?kind=true_up&year=2016&index=3&offset=1&limit=1`, admin)).json();
      expect(second.members.map((m: { organisationName: string }) => m.organisationName)).toEqual([all.members[1].organisationName]);
      expect(second.totals).toEqual(all.totals);
      const found = (await inject('GET', `${sn()}/preview?kind=true_up&year=2016&index=3&member=${encodeURIComponent('office du TOURISME')}`, admin)).json();
      expect(found.members.map((m: { organisationName: string }) => m.organisationName)).toEqual(['Office du Tourisme du Pays du Coquelicot']);
      expect(found.page).toMatchObject({ matching: 1, members: 2 });
      expect((await inject('GET', `${sn()}/preview?kind=true_up&year=2016&index=3&limit=501`, admin)).statusCode).toBe(400);
    });

    it('trues the third quarter up without provisional title: actual + 5 % as a title', async () => {
      const issued = (await inject('POST', `${sn()}/issue`, admin, { kind: 'true_up', year: 2016, index: 3 })).json();
      // 4,725.64 € incl. VAT + 236.28 € fee.
      expect(issued.documents).toEqual([expect.objectContaining({ kind: 'title', amountIncl: '4961.92' })]);
    });

    it('pays the penalties back by a payment order numbered in its own series', async () => {
      const issued = (await inject('POST', `${sn()}/issue`, admin, { kind: 'penalty_order', year: 2016 })).json();
      expect(issued.documents).toEqual([expect.objectContaining({ number: 'M2026-00001', kind: 'payment_order', amountIncl: '150.00' })]);
    });

    it('counts legal interest on what is left after the due date', async () => {
      const q3 = (await inject('GET', '/api/v1/titles?fiscalYear=2026&kind=title', coquelicotCli)).json().find((t: { amountIncl: string }) => t.amountIncl === '4961.92');
      expect(q3.dueOn).toBe('2026-04-15');
      const may = await appOn('2026-05-15T09:00:00Z');
      const cookie = (await may.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'cli.coquelicot@demo.mutualis.fr', password: 'demo-mutualis-2026' } })).cookies[0]!;
      const detail = (await may.inject({ method: 'GET', url: `/api/v1/titles/${q3.id}`, headers: { cookie: `${cookie.name}=${cookie.value}` } })).json();
      await may.close();
      // 30 days at 2.62 % on 4,961.92 €.
      expect(detail).toMatchObject({ status: 'overdue', lateInterest: { until: '2026-05-15', amount: '10.69', message: null } });
    });
  });

  it('refuses to issue a period with nothing to bill (seed 003: the demo opens its services in April 2025)', async () => {
    const url = `/api/v1/agreements/${agreementIds['convention-globale-trouville-2024']}/billing`;
    const preview = (await inject('GET', `${url}/preview?year=2024`, admin)).json();
    expect(preview).toMatchObject({ blockers: [], periodLabel: 'année 2024', totals: { titles: 0 } });
    const issued = await inject('POST', `${url}/issue`, admin, { year: 2024 });
    expect(issued.statusCode).toBe(409);
    expect(issued.json().message).toBe("Rien à émettre pour année 2024 : aucun adhérent n'a de montant à facturer");
  });

  it('lets only the provider’s staff preview and issue', async () => {
    const lens = `/api/v1/agreements/${agreementIds['dmsi-lens-2024']}/billing`;
    expect((await inject('GET', `${lens}/preview?year=2025&index=2`, lensCli)).statusCode).toBe(403);
    const other = `/api/v1/agreements/${agreementIds['mutualisation-telecom-coquelicot-2016']}/billing`;
    expect((await inject('GET', `${other}/preview?year=2016&index=3&kind=true_up`, finance)).statusCode).toBe(404);
  });
});
