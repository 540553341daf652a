import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiWorld } from '../support/api-harness.ts';
import { ENGINES } from '../support/test-database.ts';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(ENGINES)('monthly snapshots (seed 004 art. 9.2.3) (%s)', (engine) => {
  const w = useApiWorld(engine);
  let staff: string;
  let cli: string;
  const upload = (body: string | Buffer, type = CSV, query = '') =>
    w.app.inject({ method: 'POST', url: `/api/v1/providers/${w.ids.call}/snapshots/import${query}`, payload: body, headers: { cookie: staff, 'content-type': type } });
  const view = async (cookie = cli) => (await w.app.inject({ method: 'GET', url: `/api/v1/organisations/${w.ids.lens}/consumption?year=2025`, headers: { cookie } })).json();

  beforeAll(async () => {
    staff = await w.login('technicien.call@demo.mutualis.fr');
    cli = await w.login('cli.lens@demo.mutualis.fr');
  });

  // Lens (example 004): base open from 1 March 2025, mail from 1 April, hosting from 1 June.
  const good = [
    'Membre;Ligne;Options;Mois;Unités',
    '216204982;socle-reseau;;2025-04;320',
    '216204982;socle-reseau;;2025-05;322',
    '62498;socle-reseau;;2025-06;325',
    '216204982;messagerie;niveau=basique;stockage=10;2025-05;180',
  ].join('\n');

  it('imports a file all at once, then a second import of the same file changes nothing', async () => {
    // The options column holds a ";" here, so this file is read with "," — see the next line.
    const file = good.replaceAll(';', ',').replace('niveau=basique,stockage=10', '"niveau=basique;stockage=10"');
    const first = await upload(file, CSV, '?fileName=releves-2025.csv');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ rows: 4, created: 4, updated: 0, unchanged: 0 });
    // A check of the same file says what an import would do, comparing with what is stored.
    expect((await upload(file, CSV, '?dryRun=true')).json()).toMatchObject({ rows: 4, created: 0, updated: 0, unchanged: 4, dryRun: true, importId: null });
    const again = await upload(file);
    expect(again.json()).toMatchObject({ rows: 4, created: 0, updated: 0, unchanged: 4 });
    const base = (await view()).series.find((s: { line: string }) => s.line === 'socle-reseau');
    expect(base.months.slice(2, 7)).toEqual([null, 320, 322, 325, null]);
  });

  it('keeps the previous value of a corrected snapshot in history', async () => {
    const corrected = await upload(['membre,ligne,mois,unites', '216204982,socle-reseau,2025-05,330'].join('\n'));
    expect(corrected.json()).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const consumption = await view();
    expect(consumption.series.find((s: { line: string }) => s.line === 'socle-reseau').months[4]).toBe(330);
    expect(consumption.corrections).toEqual([expect.objectContaining({ line: 'socle-reseau', month: '2025-05-01', previousUnits: 322 })]);
  });

  it('refuses a file with any bad row, naming every error with its row, and leaves the data unchanged', async () => {
    const before = await view();
    const bad = [
      'membre;ligne;mois;unites',
      '216204982;socle-reseau;2025-07;330',
      '999999999;socle-reseau;2025-07;10',
      '216204982;telephonie;2025-07;10',
      '216204982;socle-reseau;2025-08;-4',
      '216204982;socle-reseau;2025-09;4.5',
      '216204982;hebergement-n1;2025-05;100',
      '216204982;socle-reseau;2025-07;331',
      '',
      '216204982;socle-reseau;juillet;3',
    ].join('\n');
    const refused = await upload(bad);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain('7 erreur(s) sur 8 ligne(s)');
    expect(refused.json().issues).toEqual([
      { path: 'ligne 3, membre', message: expect.stringContaining("n'est pas un adhérent") },
      { path: 'ligne 4, ligne de service', message: expect.stringContaining('inconnue du catalogue') },
      { path: 'ligne 5, unités', message: 'unités négatives (-4)' },
      { path: 'ligne 6, unités', message: expect.stringContaining('nombre entier') },
      { path: 'ligne 7, mois', message: expect.stringContaining('en 05/2025 (ouverte du 01/06/2025)') },
      { path: 'ligne 8, ligne entière', message: 'doublon de la ligne 2 (même adhérent, service, options et mois)' },
      { path: 'ligne 10, mois', message: expect.stringContaining('mois illisible') },
    ]);
    expect(await view()).toEqual(before);
  });

  it('names a missing column', async () => {
    const response = await upload('membre;ligne;unites\n216204982;socle-reseau;3');
    expect(response.statusCode).toBe(422);
    expect(response.json().issues[0]).toEqual({ path: 'ligne 1', message: expect.stringContaining('colonne manquante : mois') });
  });

  it('reads XLSX workbooks, and JSON rows pushed by an inventory tool', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Relevés');
    sheet.addRow(['Membre', 'Ligne', 'Options', 'Mois', 'Unités']);
    sheet.addRow(['216204982', 'hebergement-n1', '', '2025-06', 300]);
    sheet.addRow(['216204982', 'hebergement-n1', '', '2025-07', 301]);
    const xlsx = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.json()).toMatchObject({ created: 2 });

    const push = (rows: unknown[]) => w.app.inject({ method: 'POST', url: `/api/v1/providers/${w.ids.call}/snapshots`, payload: { rows }, headers: { cookie: staff } });
    const pushed = await push([{ member: '62498', line: 'messagerie', options: 'niveau=pro&stockage=25', month: '2025-06', units: 61 }]);
    expect(pushed.json()).toMatchObject({ created: 1 });
    const refused = await push([{ member: '62498', line: 'messagerie', options: 'niveau=pro&stockage=25', month: '2025-07', units: -1 }]);
    expect(refused.json().issues).toEqual([{ path: 'rows[0].units', message: 'unités négatives (-1)' }]);
  });

  it('lets the member see its units but not import them', async () => {
    const mail = (await view()).series.filter((s: { line: string }) => s.line === 'messagerie') as { months: (number | null)[] }[];
    // Basic 10 GB in May (file), professional 25 GB in June (API push).
    expect(mail.map((s) => s.months.slice(4, 6))).toEqual([
      [180, null],
      [null, 61],
    ]);
    const denied = await w.app.inject({ method: 'POST', url: `/api/v1/providers/${w.ids.call}/snapshots/import`, payload: good, headers: { cookie: cli, 'content-type': CSV } });
    expect(denied.statusCode).toBe(403);
  });
});
