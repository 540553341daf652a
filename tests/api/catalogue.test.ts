import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_004_ANNEX_5 } from '../../src/domain/catalogue/seed-004.fixture.ts';
import { CALL_ADMIN, useApiWorld } from '../support/api-harness.ts';
import { SEED_004_DOCUMENT, SEED_004_GRID_INPUT } from '../support/seed-004-api.ts';
import { ENGINES } from '../support/test-database.ts';

describe.each(ENGINES)('catalogue and tariff grids (%s)', (engine) => {
  const w = useApiWorld(engine);
  let admin: string;
  const url = (path: string) => `/api/v1/providers/${w.ids.call}${path}`;
  const call = (method: 'GET' | 'PUT' | 'POST', path: string, payload?: unknown, cookie = admin) =>
    w.app.inject({ method, url: url(path), headers: { cookie }, ...(payload ? { payload: payload as object } : {}) });

  beforeAll(async () => {
    admin = await w.login(CALL_ADMIN);
    // The example file may already carry the CALL's catalogue: start from the test catalogue either way.
    const put = await call('PUT', '/catalogue', SEED_004_DOCUMENT);
    if (put.statusCode !== 200) throw new Error(put.body);
  });

  it('refuses a dependency cycle and unknown references, naming them', async () => {
    const cyclic = { ...SEED_004_DOCUMENT, dependencies: [...SEED_004_DOCUMENT.dependencies, { from: { category: 'socle' }, requires: { line: 'postes-n2' } }] };
    const response = await call('PUT', '/catalogue', cyclic);
    expect(response.statusCode).toBe(422);
    expect(response.json().issues).toEqual([{ path: 'dependencies', message: 'dépendances circulaires : category:socle → line:postes-n2 → line:postes-n1 → category:socle' }]);
    const unknown = await call('PUT', '/catalogue', { ...SEED_004_DOCUMENT, dependencies: [{ from: { line: 'nope' }, requires: { category: 'socle' } }] });
    expect(unknown.json().issues).toEqual([{ path: 'dependencies[0].from', message: 'élément inconnu « line:nope »' }]);
  });

  it('stores the annex 5 grid exactly, and surfaces the annex 7 discrepancy', async () => {
    const existing = (await call('GET', '/grids')).json() as { code: string }[];
    if (!existing.some((g) => g.code === SEED_004_GRID_INPUT.code)) expect((await call('POST', '/grids', SEED_004_GRID_INPUT)).statusCode).toBe(201);
    const grid = (await call('GET', `/grids/${SEED_004_GRID_INPUT.code}`)).json();
    const prices = grid.prices.map((p: { line: string; options: object; monthly: string; annual: string }) => [p.line, p.options, p.monthly, p.annual]);
    expect(prices).toEqual(expect.arrayContaining(SEED_004_ANNEX_5));
    expect(prices).toHaveLength(SEED_004_ANNEX_5.length);
    expect(grid.issues).toEqual([expect.objectContaining({ kind: 'stated_elsewhere_differs', message: 'Annexe 7 (demande de souscription) indique 93.00 au lieu de 93.60' })]);
    expect(grid.prices.find((p: { line: string }) => p.line === 'postes-n2').cumulativeAnnual).toBe('336.00');
    expect(grid.inForce).toBe(true);
  });

  it('never rewrites a stored grid; a new version with one raised price compares as one change', async () => {
    const altered = { ...SEED_004_GRID_INPUT, prices: SEED_004_GRID_INPUT.prices.map((p) => (p.line === 'postes-n1' ? { ...p, monthly: '18.00', annual: '216.00' } : p)) };
    const rewrite = await call('POST', '/grids', altered);
    expect(rewrite.statusCode).toBe(422);
    expect(rewrite.json().issues[0].message).toMatch(/une grille votée ne se modifie pas/);
    const next = await call('POST', '/grids', { ...altered, code: 'grille-2027', label: 'Grille 2027', effectiveFrom: '2027-01-01', deliberation: { organ: 'Conseil communautaire', date: '2026-12-10' } });
    expect(next.statusCode).toBe(201);
    const comparison = (await call('GET', `/grids/compare?from=${SEED_004_GRID_INPUT.code}&to=grille-2027`)).json();
    expect(comparison.rows.filter((r: { change: string }) => r.change !== 'same')).toEqual([
      expect.objectContaining({ line: 'postes-n1', change: 'changed', before: { monthly: '17.00', annual: '204.00', perUnit: null }, after: { monthly: '18.00', annual: '216.00', perUnit: null }, annualDelta: '12.00' }),
    ]);
  });

  it.each([
    ['2023-09-30', 422, null],
    ['2026-12-31', 200, '204.00'],
    ['2027-01-01', 200, '216.00'],
  ])('answers the price of level 1 on %s', async (date, status, annual) => {
    const response = await call('GET', `/prices?line=postes-n1&date=${date}`);
    expect(response.statusCode).toBe(status);
    if (annual) expect(response.json().annual).toBe(annual);
    else expect(response.json().issues).toEqual([{ path: 'date', message: 'aucune grille tarifaire en vigueur le 2023-09-30' }]);
  });

  it('prices options and explains a missing one', async () => {
    const ok = await call('GET', `/prices?line=messagerie&date=2024-05-01&options=${encodeURIComponent('niveau=pro&stockage=25')}`);
    expect(ok.json()).toMatchObject({ monthly: '8.80', annual: '105.60', grid: 'annexe-5-2023-10' });
    const missing = await call('GET', `/prices?line=messagerie&date=2024-05-01&options=${encodeURIComponent('niveau=pro')}`);
    expect(missing.json().issues).toEqual([{ path: 'options', message: 'option « Stockage » manquante' }]);
  });

  it('says what a set of subscriptions lacks', async () => {
    const response = await call('POST', '/catalogue/missing-prerequisites', { lines: ['postes-n2'] });
    expect(response.json()).toEqual([
      { line: 'postes-n2', requires: 'line:postes-n1', requiresLabel: 'Niveau 1 : gestion des postes de travail' },
      { line: 'postes-n2', requires: 'category:socle', requiresLabel: "Socle d'adhésion et connexion au réseau communautaire" },
    ]);
  });

  it('refuses a replacement made from a stale version', async () => {
    const view = (await call('GET', '/catalogue')).json();
    const first = await call('PUT', '/catalogue', { ...SEED_004_DOCUMENT, categories: SEED_004_DOCUMENT.categories.map((c) => (c.code === 'conseil' ? { ...c, name: 'Conseil (modifié)' } : c)), expectedVersion: view.version });
    expect(first.statusCode).toBe(200);
    const stale = await call('PUT', '/catalogue', { ...SEED_004_DOCUMENT, expectedVersion: view.version });
    expect(stale.statusCode).toBe(409);
    expect((await call('PUT', '/catalogue', { ...SEED_004_DOCUMENT, expectedVersion: first.json().version })).statusCode).toBe(200);
  });

  it('refuses to delete a priced line: it must be withdrawn instead', async () => {
    const withoutConseil = { ...SEED_004_DOCUMENT, lines: SEED_004_DOCUMENT.lines.filter((l) => l.code !== 'postes-n2'), dependencies: SEED_004_DOCUMENT.dependencies.filter((d) => !('line' in d.from && d.from.line === 'postes-n2')) };
    const response = await call('PUT', '/catalogue', withoutConseil);
    expect(response.statusCode).toBe(422);
    expect(response.json().issues[0].message).toMatch(/retirez-la/);
    const withdrawn = { ...SEED_004_DOCUMENT, lines: SEED_004_DOCUMENT.lines.map((l) => (l.code === 'conseil' ? { ...l, status: 'withdrawn', withdrawalReason: 'security' } : l)) };
    const ok = await call('PUT', '/catalogue', withdrawn);
    expect(ok.json().lines.find((l: { code: string }) => l.code === 'conseil')).toMatchObject({ status: 'withdrawn', withdrawalReason: 'security' });
    // Seed 003 art. 4.4: a security withdrawal is only notified to the members — here Lens' CLI.
    const outbox = (await w.app.inject({ method: 'GET', url: '/api/v1/outbox', headers: { cookie: await w.login('admin@demo.mutualis.fr') } })).json() as { recipient: string; kind: string; body: string }[];
    expect(outbox.find((m) => m.kind === 'security_withdrawal')).toMatchObject({ recipient: 'cli.lens@demo.mutualis.fr' });
    await call('PUT', '/catalogue', SEED_004_DOCUMENT);
  });

  it('exports the grid as the annex a council votes: CSV, XLSX and PDF', async () => {
    const csv = await call('GET', `/grids/${SEED_004_GRID_INPUT.code}/export.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Stockage : 25 Go;boîte aux lettres;7,80;93,60');
    const xlsx = await call('GET', `/grids/${SEED_004_GRID_INPUT.code}/export.xlsx`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await call('GET', `/grids/${SEED_004_GRID_INPUT.code}/export.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps unit costs with their breakdown and checks the notice before the budget vote', async () => {
    const response = await call('PUT', '/unit-costs', {
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
    });
    expect(response.json()).toMatchObject({ total: '13500.00', unitCost: '11.25', noticeDeadline: '2026-12-31', noticeRespected: false });
  });

  it('shows the catalogue to the provider’s members, read-only, and to nobody else', async () => {
    const lens = await w.login('cli.lens@demo.mutualis.fr');
    expect((await call('GET', '/catalogue', undefined, lens)).statusCode).toBe(200);
    expect((await call('GET', `/grids/${SEED_004_GRID_INPUT.code}`, undefined, lens)).statusCode).toBe(200);
    expect((await call('PUT', '/catalogue', SEED_004_DOCUMENT, lens)).statusCode).toBe(403);
    const trouville = await w.login('elu.trouville@demo.mutualis.fr');
    expect((await call('GET', '/catalogue', undefined, trouville)).statusCode).toBe(404);
    const finance = await w.login('finances.call@demo.mutualis.fr');
    expect((await call('PUT', '/catalogue', SEED_004_DOCUMENT, finance)).statusCode).toBe(403);
  });
});
