import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiWorld } from '../support/api-harness.ts';
import { ENGINES } from '../support/test-database.ts';

/**
 * The cost model on the demo's illustrative budget of the CALL (examples/costs): seed 004 art. 9 (costs split
 * by category, management and administration borne by the CALL alone, depreciation in operating costs),
 * art. 9.2.3 (the grid moves with the number of member communes), art. 13 (a leaving member's share).
 */
describe.each(ENGINES)('cost model (%s)', (engine) => {
  const w = useApiWorld(engine);
  let finance: string;
  let technician: string;
  let cli: string;
  const url = (year = 2027) => `/api/v1/providers/${w.ids.call}/cost-budgets/${year}`;
  const get = (path: string, cookie = finance) => w.app.inject({ method: 'GET', url: path, headers: { cookie } });

  beforeAll(async () => {
    finance = await w.login('finances.call@demo.mutualis.fr');
    technician = await w.login('technicien.call@demo.mutualis.fr');
    cli = await w.login('cli.lens@demo.mutualis.fr');
  });

  it('shows the budget with its split: unit costs per line, what the CALL bears alone, the depreciation schedules', async () => {
    const response = await get(url());
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json();
    expect(view.issues).toEqual([]);
    // No actual amounts yet for 2027: only the depreciation, known in advance, is there.
    expect(view.totals).toMatchObject({ forecast: '615240.00', sharedForecast: '474240.00', providerAloneForecast: '141000.00', actual: '46000.00' });
    expect(Object.fromEntries(view.lines.map((l: { line: string; unitCost: string }) => [l.line, l.unitCost]))).toMatchObject({ 'socle-reseau': '84.00', 'postes-n1': '204.00', 'hebergement-n1': '144.00' });
    expect(view.depreciation[0].schedule).toHaveLength(5);
    expect(view.flows.filter((f: { line: string | null }) => f.line === null).map((f: { sourceLabel: string }) => f.sourceLabel)).toContain('Responsable de la DMSI');
    expect((await get(`/api/v1/providers/${w.ids.call}/cost-budgets`)).json().map((b: { fiscalYear: number }) => b.fiscalYear)).toEqual([2026, 2027]);
    // A year without a budget starts empty.
    expect((await get(url(2030))).json()).toMatchObject({ updatedAt: null, document: { charges: [] } });
  });

  it('proposes next year’s grid: with these forecast units it is annex 5 again, as a PDF annex and a workbook', async () => {
    const proposal = (await get(`${url()}/proposal`)).json();
    expect(proposal.currentGrid.code).toBeTruthy();
    expect(proposal.rows.find((r: { line: string }) => r.line === 'socle-reseau')).toMatchObject({ proposedMonthly: '7.00', proposedAnnual: '84.00', currentAnnual: '84.00', changePercent: '0,00' });
    expect(proposal.totals.gap).toBe('0.00');
    const pdf = await get(`${url()}/proposal?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('proposition-tarifaire-2027');
    const xlsx = await get(`${url()}/proposal?format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const grid = workbook.getWorksheet('Grille proposée')!;
    const socle = grid.getSheetValues().find((row) => Array.isArray(row) && String(row[1]).startsWith('Adhésion au socle')) as unknown[];
    expect(socle[5]).toBe(84);
    expect(workbook.getWorksheet('Répartition des charges')!.rowCount).toBeGreaterThan(10);
  });

  it('simulates two more communes: the same costs over more workstations lower the base and hosting prices', async () => {
    const response = await w.app.inject({
      method: 'POST',
      url: `${url()}/simulation`,
      headers: { cookie: finance },
      payload: {
        joining: [
          { name: 'Avion', volumes: [{ line: 'socle-reseau', units: 60 }, { line: 'postes-n1', units: 60 }] },
          { name: 'Sallaumines', volumes: [{ line: 'socle-reseau', units: 40 }, { line: 'hebergement-n1', units: 40 }] },
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const sim = response.json();
    const price = (line: string) => sim.scenarioProposal.rows.find((r: { line: string }) => r.line === line).proposedAnnual;
    // 84 000 / 1 100 → 6.36 a month; 163 200 / 860 → 15.81; 72 000 / 540 → 11.11.
    expect([price('socle-reseau'), price('postes-n1'), price('hebergement-n1')]).toEqual(['76.32', '189.72', '133.32']);
    const lens = sim.members.find((m: { name: string }) => m.name.includes('Lens'));
    // 341 workstations, 260 mailboxes, 328 hosted workstations (October 2026 snapshots).
    expect(lens).toMatchObject({ status: 'member', current: '98658.00', proposed: '98658.00', scenario: '92536.08', difference: '-6121.92' });
    expect(sim.members.filter((m: { status: string }) => m.status === 'joining').map((m: { name: string; scenario: string }) => [m.name, m.scenario])).toEqual([
      ['Avion', (60 * 76.32 + 60 * 189.72).toFixed(2)],
      ['Sallaumines', (40 * 76.32 + 40 * 133.32).toFixed(2)],
    ]);
    const leaving = await w.app.inject({ method: 'POST', url: `${url()}/simulation`, headers: { cookie: finance }, payload: { leaving: [w.ids.trouville] } });
    expect(leaving.statusCode).toBe(422);
    expect(leaving.json().issues[0].path).toBe('leaving.0');
  });

  it('records a budget whole, refuses one that cannot be split with every issue, and leaves it to the provider’s finance staff', async () => {
    const current = (await get(url(2028))).json().document;
    const bad = { ...current, staff: [{ id: 'dir', label: 'Directeur', role: 'management', forecast: '90000', actual: null, shares: [{ line: 'postes-n1', percent: '10' }] }], charges: [{ id: 'x', label: 'Licence', nature: 'licences', forecast: '10', actual: null, target: { kind: 'key', key: 'absente' } }] };
    const refused = await w.app.inject({ method: 'PUT', url: url(2028), headers: { cookie: finance }, payload: bad });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().issues.map((i: { path: string }) => i.path).sort()).toEqual(['charges.0.target', 'staff.0.shares']);
    const good = { ...current, charges: [{ id: 'licences', label: 'Licences', nature: 'licences', forecast: '1000', actual: null, target: { kind: 'line', line: 'socle-reseau' } }], forecastUnits: [{ line: 'socle-reseau', units: 3 }] };
    const saved = await w.app.inject({ method: 'PUT', url: url(2028), headers: { cookie: finance }, payload: good });
    expect(saved.statusCode, saved.body).toBe(200);
    // 1 000 € over 3 workstations: 333.33 (half up).
    expect(saved.json().lines[0]).toMatchObject({ line: 'socle-reseau', forecast: '1000.00', unitCost: '333.33' });
    expect((await w.app.inject({ method: 'PUT', url: url(2028), headers: { cookie: technician }, payload: good })).statusCode).toBe(403);
    const audit = (await get(`/api/v1/audit?organisationId=${w.ids.call}`)).body;
    expect(audit).toContain(`${w.ids.call}/2028`);
  });

  it('reconciles the year: actual costs split by actual use, against what was billed', async () => {
    const response = await get(`${url(2026)}/reconciliation`);
    expect(response.statusCode, response.body).toBe(200);
    const r = response.json();
    const lens = r.members.find((m: { name: string }) => m.name.includes('Lens'));
    expect(lens.cells.map((c: { line: string }) => c.line).sort()).toEqual(['hebergement-n1', 'messagerie', 'socle-reseau']);
    // Lens is the only member with recorded use: it carries each line's whole actual cost.
    const socle = lens.cells.find((c: { line: string }) => c.line === 'socle-reseau');
    expect(socle.allocated).toBe('85660.00');
    expect(Number(r.totals.surplus)).toBeCloseTo(Number(r.totals.billed) - Number(r.totals.cost), 2);
    expect(r.unallocated.map((u: { line: string }) => u.line).sort()).toEqual(['administration-n2', 'postes-n1', 'postes-n2']);
  });

  it('shows a member what its share is made of, and only its own; the budget itself stays with the provider', async () => {
    const response = await get(`/api/v1/organisations/${w.ids.lens}/cost-share?providerId=${w.ids.call}&year=2027`, cli);
    expect(response.statusCode, response.body).toBe(200);
    const share = response.json();
    const socle = share.lines.find((l: { line: string }) => l.line === 'socle-reseau');
    // 341 of the 1 000 forecast workstations: 341 × 84 €, made of flows, renewal and staff.
    expect(socle).toMatchObject({ units: 341, serviceUnits: 1000, unitCost: '84.00', share: '28644.00' });
    expect(socle.byNature.map((n: { nature: string; amount: string }) => [n.nature, n.amount])).toEqual([['flows', '10230.00'], ['renewal', '7774.80'], ['staff', '10639.20']]);
    expect((await get(`/api/v1/organisations/${w.ids.trouville}/cost-share?providerId=${w.ids.call}&year=2027`, cli)).statusCode).toBe(404);
    expect((await get(url(), cli)).statusCode).toBe(403);
    expect((await get(`${url()}/proposal`, cli)).statusCode).toBe(403);
    expect((await get(`/api/v1/providers/${w.ids.coeurCoteFleurie}/cost-budgets/2027`)).statusCode).toBe(404);
  });
});
