import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiWorld } from '../support/api-harness.ts';
import { ENGINES } from '../support/test-database.ts';

const CSV = 'text/csv';
const csv = (...rows: string[]) => rows.join('\n');
const TIME_HEADER = 'date;durée;intervenant;membre;service;déplacement;description;référence';
const INVOICE_HEADER = 'opérateur;lot;facture;date de facture;début de période;fin de période;membre;type de prestation;site;libellé;montant HT;TVA';

describe.each(ENGINES)('time spent, operator invoices, forecasts and statements (%s)', (engine) => {
  const w = useApiWorld(engine);
  let technician: string;
  let admin: string;
  let lensCli: string;
  let coquelicotCli: string;
  let coquelicot: string;
  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: unknown, type?: string) =>
    w.app.inject({ method, url, payload: payload as never, headers: { cookie, ...(type ? { 'content-type': type } : {}) } });

  beforeAll(async () => {
    technician = await w.login('technicien.call@demo.mutualis.fr');
    admin = await w.login('admin@demo.mutualis.fr');
    lensCli = await w.login('cli.lens@demo.mutualis.fr');
    coquelicotCli = await w.login('cli.coquelicot@demo.mutualis.fr');
    coquelicot = (await inject('GET', '/api/v1/organisations?q=Coquelicot', admin)).json().items.find((o: { siren: string }) => o.siren === '248000747').id;
  });

  describe('time spent (seed 002 hourly billing, seed 004 days of work)', () => {
    const entries = async (cookie = technician) => (await inject('GET', '/api/v1/time-entries?from=2025-01-01&to=2026-12-31', cookie)).json() as { description: string; minutes: number; reference: string; id: string }[];

    it('starts with the demo entries of Lens, which its CLI sees too', async () => {
      expect((await entries()).map((e) => e.reference)).toEqual(['DMSI-2025-0812', 'DMSI-2025-0931', 'DMSI-2026-0047', 'DMSI-2026-0047-b', 'DMSI-2026-0102']);
      expect((await entries(lensCli)).length).toBe(5);
      expect(await entries(coquelicotCli)).toEqual([]);
    });

    it('refuses a file with any bad row, naming each, and saves nothing', async () => {
      const file = csv(
        TIME_HEADER,
        '31/02/2026;1:00;A. Martin;62498;gestion-projet;non;date impossible;',
        '2026-01-05;1,33;A. Martin;62498;gestion-projet;non;durée sans minutes entières;',
        '2026-01-05;1:00;A. Martin;14715;gestion-projet;non;pas membre de la CALL;',
        '2026-01-05;1:00;A. Martin;62498;inconnue;non;ligne inconnue;',
        '2026-04-01;1:00;A. Martin;62498;gestion-projet;non;dans le futur;',
        '2026-01-05;1:00;;62498;gestion-projet;peut-être;sans intervenant;T-1',
        '2026-01-06;1:00;A. Martin;62498;gestion-projet;non;bonne ligne;T-1',
        '2026-01-07;1:00;A. Martin;62498;gestion-projet;non;même ticket;T-1',
      );
      const response = await inject('POST', `/api/v1/providers/${w.ids.call}/time-entries/import`, technician, file, CSV);
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().issues.map((i: { path: string }) => i.path)).toEqual([
        'ligne 2, date',
        'ligne 3, durée',
        'ligne 4, membre',
        'ligne 5, service',
        'ligne 6, date',
        'ligne 7, intervenant',
        'ligne 7, déplacement',
        'ligne 9, référence',
      ]);
      expect((await entries()).length).toBe(5);
    });

    it('imports a file once: the same file again changes nothing, a corrected ticket is updated', async () => {
      const file = csv(TIME_HEADER, '2026-03-02;1:30;A. Martin;62498;gestion-projet;oui;Paramétrage;T-100', '2026-03-03;45 min;A. Martin;216204982;conseil-expertise;non;Sans ticket;');
      const first = await inject('POST', `/api/v1/providers/${w.ids.call}/time-entries/import?fileName=temps.csv`, technician, file, CSV);
      expect(first.json()).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0 });
      expect((await inject('POST', `/api/v1/providers/${w.ids.call}/time-entries/import`, technician, file, CSV)).json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
      const corrected = await inject('POST', `/api/v1/providers/${w.ids.call}/time-entries/import`, technician, file.replace('1:30', '2:00'), CSV);
      expect(corrected.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
      expect((await entries()).find((e) => e.reference === 'T-100')!.minutes).toBe(120);
      const audit = (await inject('GET', `/api/v1/audit?organisationId=${w.ids.lens}`, admin)).json();
      expect(JSON.stringify(audit)).toContain('time_entry');
    });

    it('sums time per quarter in hours and in days of the provider’s working day', async () => {
      const summary = (await inject('GET', '/api/v1/time-entries/summary?year=2026&period=quarter', technician)).json();
      const projet = summary.totals.find((t: { line: string; periodIndex: number }) => t.line === 'gestion-projet' && t.periodIndex === 1);
      // 24 February: 1:45; 2 March: 2:00 → 3 h 45 = 225 min; a CALL day is 7 h (420 min) → 0.54 day.
      expect(projet).toMatchObject({ entries: 2, minutes: 225, hours: '3.75', days: '0.54', workdayMinutes: 420, periodLabel: '1er trimestre 2026' });
    });

    it('records one entry from a form, names a bad field, and deletes it with a trace', async () => {
      const bad = await inject('POST', `/api/v1/providers/${w.ids.call}/time-entries`, technician, { organisationId: w.ids.lens, line: 'gestion-projet', workedOn: '2026-03-10', duration: 'une heure', person: 'B. Durand', travelIncluded: false });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().issues).toEqual([{ path: 'duration', message: expect.stringContaining('illisible') }]);
      const good = await inject('POST', `/api/v1/providers/${w.ids.call}/time-entries`, technician, { organisationId: w.ids.lens, line: 'gestion-projet', workedOn: '2026-03-10', duration: '0:30', person: 'B. Durand', travelIncluded: false, description: 'Appel' });
      expect(good.json()).toMatchObject({ created: 1 });
      const entry = (await entries()).find((e) => e.description === 'Appel')!;
      expect(entry.reference).toBe('');
      expect((await inject('DELETE', `/api/v1/time-entries/${entry.id}`, lensCli)).statusCode).toBe(403);
      expect((await inject('DELETE', `/api/v1/time-entries/${entry.id}`, technician)).statusCode).toBe(204);
      expect((await entries()).some((e) => e.description === 'Appel')).toBe(false);
    });

    it('lets a member read but not record time', async () => {
      const response = await inject('POST', `/api/v1/providers/${w.ids.call}/time-entries/import`, lensCli, csv(TIME_HEADER, '2026-01-05;1:00;A;62498;gestion-projet;non;x;'), CSV);
      expect(response.statusCode).toBe(403);
    });
  });

  describe('operator invoices and the quarterly telecom statement (seed 000 art. 4.2)', () => {
    const statement = async (cookie: string, year: number, quarter: number) => (await inject('GET', `/api/v1/organisations/${coquelicot}/statements/telecom?year=${year}&quarter=${quarter}`, cookie)).json();
    const invoiceRow = (number: string, amount = '100,00') => `Titulaire du lot 2;Lot 2;${number};05/02/2017;01/01/2017;31/01/2017;248000747;telephonie-mobile;14 lignes;Forfaits;${amount};20,00`;

    it('gives the Communauté de Communes its third-quarter 2016 statement by type, beside the forecast', async () => {
      const q3 = await statement(coquelicotCli, 2016, 3);
      expect(q3.periodLabel).toBe('3e trimestre 2016');
      const [s] = q3.statements;
      expect(s.providerName).toBe('Syndicat mixte Somme Numérique');
      expect(s.byType.map((t: { line: string; amount: string; vat: string }) => [t.line, t.amount, t.vat])).toEqual([
        ['abonnements-communications-entrantes', '1237.80', '247.56'],
        ['communications-sortantes', '673.64', '134.72'],
        ['bande-passante', '185.00', '37.00'],
        ['liaisons-donnees', '930.00', '186.00'],
        ['telephonie-mobile', '911.60', '182.32'],
      ]);
      expect([s.amount, s.vat, s.total, s.forecastAmount, s.difference]).toEqual(['3938.04', '787.60', '4725.64', '3750.00', '188.04']);
      expect(s.invoices).toHaveLength(6);
      // October's invoices (with a credit note) and the penalty belong to the fourth quarter.
      const [q4] = (await statement(coquelicotCli, 2016, 4)).statements;
      expect([q4.amount, q4.penaltiesAmount, q4.forecastAmount]).toEqual(['1454.43', '150.00', null]);
      expect((await statement(lensCli, 2016, 3)).message).toBe('Organisation introuvable');
    });

    it('renders the statement as PDF and as a workbook with the same totals', async () => {
      const pdf = await inject('GET', `/api/v1/organisations/${coquelicot}/statements/telecom?year=2016&quarter=3&format=pdf`, coquelicotCli);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const xlsx = await inject('GET', `/api/v1/organisations/${coquelicot}/statements/telecom?year=2016&quarter=3&format=xlsx`, coquelicotCli);
      expect(xlsx.headers['content-disposition']).toContain('etat-telecom-communaute-de-communes-du-pays-du-coquelicot-3e-trimestre-2016.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Par type de prestation')!;
      const total = sheet.getSheetValues().find((row) => Array.isArray(row) && row[2] === 'Total') as unknown[];
      expect(total.slice(4, 7)).toEqual([3938.04, 787.6, 4725.64]);
    });

    it('refuses an invoice file with bad rows, naming each, and saves nothing', async () => {
      const file = csv(
        INVOICE_HEADER,
        invoiceRow('F-1'),
        'Titulaire du lot 2;Lot 2;F-2;05/02/2017;01/01/2017;31/01/2017;62498;telephonie-mobile;x;x;10,00;',
        'Titulaire du lot 2;Lot 2;F-3;05/02/2017;01/01/2017;31/01/2017;248000747;hotline;x;x;10,00;',
        'Titulaire du lot 2;Lot 2;F-4;05/02/2017;01/02/2017;31/01/2017;248000747;telephonie-mobile;x;x;10,001;',
        invoiceRow('F-1').replace('05/02/2017', '06/02/2017'),
      );
      const response = await inject('POST', `/api/v1/providers/${w.ids.sommeNumerique}/operator-invoices/import`, admin, file, CSV);
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().issues.map((i: { path: string }) => i.path)).toEqual(['ligne 3, membre', 'ligne 4, service', 'ligne 5, fin de période', 'ligne 5, montant HT', 'ligne 6, date de facture']);
      expect((await statement(admin, 2017, 1)).statements).toEqual([]);
    });

    it('imports invoices once, refuses another content under the same number, and keeps the copy for the member', async () => {
      const file = csv(INVOICE_HEADER, invoiceRow('L2-2017-01-0001'));
      const url = `/api/v1/providers/${w.ids.sommeNumerique}/operator-invoices/import`;
      expect((await inject('POST', `${url}?dryRun=true`, admin, file, CSV)).json()).toMatchObject({ invoices: 1, created: 1, dryRun: true });
      expect((await statement(admin, 2017, 1)).statements).toEqual([]);
      expect((await inject('POST', url, admin, file, CSV)).json()).toMatchObject({ invoices: 1, created: 1, unchanged: 0, amount: '100.00' });
      expect((await inject('POST', url, admin, file, CSV)).json()).toMatchObject({ created: 0, unchanged: 1 });
      const changed = await inject('POST', url, admin, csv(INVOICE_HEADER, invoiceRow('L2-2017-01-0001', '120,00')), CSV);
      expect(changed.statusCode).toBe(422);
      expect(changed.json().issues[0].message).toContain('déjà enregistrée avec un autre contenu');

      const [invoice] = (await inject('GET', '/api/v1/operator-invoices?from=2017-01-01&to=2017-12-31', admin)).json();
      expect(invoice).toMatchObject({ number: 'L2-2017-01-0001', amount: '100.00', total: '120.00', members: ['Communauté de Communes du Pays du Coquelicot'], paidOn: null });
      expect((await inject('GET', '/api/v1/operator-invoices?from=2017-01-01&to=2017-12-31', coquelicotCli)).statusCode).toBe(403);
      expect((await inject('POST', `/api/v1/operator-invoices/${invoice.id}/payment`, admin, { paidOn: '2017-01-01' })).statusCode).toBe(422);
      expect((await inject('POST', `/api/v1/operator-invoices/${invoice.id}/payment`, admin, { paidOn: '2017-02-20' })).json().paidOn).toBe('2017-02-20');
      const copy = await inject('PUT', `/api/v1/operator-invoices/${invoice.id}/copy`, admin, { fileName: 'facture.pdf', contentBase64: Buffer.from('%PDF-1.4 copie').toString('base64') });
      expect(copy.json().copyFileName).toBe('facture.pdf');
      const [q1] = (await statement(coquelicotCli, 2017, 1)).statements;
      expect(q1.invoices[0]).toMatchObject({ number: 'L2-2017-01-0001', paidOn: '2017-02-20', hasCopy: true });
      const download = await inject('GET', `/api/v1/operator-invoices/${invoice.id}/copy`, coquelicotCli);
      expect(download.body).toBe('%PDF-1.4 copie');
      expect((await inject('GET', `/api/v1/operator-invoices/${invoice.id}/copy`, lensCli)).statusCode).toBe(404);
    });

    it('records a penalty against the member it concerns, and checks it', async () => {
      const url = `/api/v1/providers/${w.ids.sommeNumerique}/penalties`;
      const bad = await inject('POST', url, admin, { organisationId: w.ids.lens, operator: 'Titulaire du lot 1', receivedOn: '2027-01-01', amount: '-5', reason: 'x' });
      expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['amount', 'organisationId', 'receivedOn']);
      const good = await inject('POST', url, admin, { organisationId: coquelicot, operator: 'Titulaire du lot 1', marketLot: 'Lot 1', receivedOn: '2017-03-01', amount: '75,50', reason: 'Retard de mise en service' });
      expect(good.statusCode, good.body).toBe(201);
      expect(good.json()).toMatchObject({ amount: '75.50', organisationName: 'Communauté de Communes du Pays du Coquelicot' });
      expect((await inject('GET', '/api/v1/penalties?year=2017', coquelicotCli)).json()).toHaveLength(1);
      expect((await inject('GET', '/api/v1/penalties?year=2017', lensCli)).json()).toEqual([]);
    });
  });

  describe('forecasts and the statement of uses in units (seed 001 art. 5.2, annex 3)', () => {
    it('records forecasts all or nothing, and compares them with the snapshots', async () => {
      const url = `/api/v1/providers/${w.ids.call}/forecasts`;
      const bad = await inject('PUT', url, technician, {
        rows: [
          { organisationId: w.ids.lens, line: 'socle-reseau', year: 2026, quarter: 1, units: 1000 },
          { organisationId: w.ids.lens, line: 'messagerie', options: { niveau: 'or' }, year: 2026, units: 5 },
          { organisationId: w.ids.lens, line: 'socle-reseau', year: 2026, quarter: 2 },
        ],
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['rows[1].options', 'rows[1].options', 'rows[2]']);
      const rows = [
        { organisationId: w.ids.lens, line: 'socle-reseau', year: 2026, quarter: 1, units: 1000 },
        { organisationId: w.ids.lens, line: 'socle-reseau', year: 2026, quarter: 2, units: 1020 },
        { organisationId: w.ids.lens, line: 'socle-reseau', year: 2026, quarter: 0, units: 4050 },
      ];
      expect((await inject('PUT', url, technician, { rows })).json()).toEqual({ created: 3, updated: 0, unchanged: 0 });
      expect((await inject('PUT', url, technician, { rows })).json()).toEqual({ created: 0, updated: 0, unchanged: 3 });
      const comparison = (await inject('GET', `/api/v1/organisations/${w.ids.lens}/forecasts?year=2026`, lensCli)).json();
      const socle = comparison.rows.find((r: { line: string }) => r.line === 'socle-reseau');
      // Demo snapshots: 335, 335, 335 in the first quarter; January to October sum to 3,381 workstation-months.
      expect(socle.periods[1]).toMatchObject({ label: '1er trimestre 2026', forecastUnits: 1000, actualUnits: 1005 });
      expect(socle.periods[0]).toMatchObject({ forecastUnits: 4050, actualUnits: 3381 });
    });

    it('imports forecasts from a spreadsheet, naming bad rows as the file does', async () => {
      const url = `/api/v1/providers/${w.ids.call}/forecasts/import`;
      const bad = await inject('POST', url, technician, csv('membre;ligne;options;année;trimestre;unités', '62498;messagerie;niveau=or&stockage=10;2026;;5', '14715;socle-reseau;;2026;T5;x'), CSV);
      expect(bad.statusCode).toBe(422);
      expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['ligne 3, membre', 'ligne 3, trimestre', 'ligne 3, unités']);
      const mixed = await inject('POST', url, technician, csv('membre;ligne;options;année;trimestre;unités', '62498;messagerie;niveau=or&stockage=10;2026;;5'), CSV);
      expect(mixed.json().issues).toEqual([{ path: 'ligne 2, options', message: expect.stringContaining('« or »') }]);
      const good = await inject('POST', url, technician, csv('membre;ligne;options;année;trimestre;unités', '62498;messagerie;niveau=pro&stockage=25;2026;T1;180', '216204982;messagerie;niveau=pro&stockage=25;2026;;740'), CSV);
      expect(good.json()).toEqual({ created: 2, updated: 0, unchanged: 0 });
      const pro = (await inject('GET', `/api/v1/organisations/${w.ids.lens}/forecasts?year=2026`, technician)).json().rows.find((r: { optionsKey: string }) => r.optionsKey === 'niveau=pro&stockage=25');
      expect(pro.periods[1]).toMatchObject({ forecastUnits: 180, actualUnits: 181 });
    });

    it('states Lens’s first half-year in units, month by month, beside the forecast', async () => {
      const view = (await inject('GET', `/api/v1/organisations/${w.ids.lens}/statements/units?year=2026&period=half&index=1`, lensCli)).json();
      expect(view.periodLabel).toBe('1er semestre 2026');
      const socle = view.statements[0].rows.find((r: { line: string }) => r.line === 'socle-reseau');
      expect(socle.months.map((m: { label: string; units: number }) => `${m.label} ${m.units}`)).toEqual(['janvier 335', 'février 335', 'mars 335', 'avril 338', 'mai 338', 'juin 339']);
      expect(socle).toMatchObject({ totalUnits: 2020, yearToDateUnits: 2020, forecastUnits: 2020, differenceUnits: 0, yearForecastUnits: 4050 });
      const mail = view.statements[0].rows.filter((r: { line: string }) => r.line === 'messagerie');
      expect(mail.map((r: { options: string }) => r.options)).toHaveLength(3);
      const xlsx = await inject('GET', `/api/v1/organisations/${w.ids.lens}/statements/units?year=2026&period=half&index=1&format=xlsx`, lensCli);
      expect(xlsx.statusCode).toBe(200);
      const pdf = await inject('GET', `/api/v1/organisations/${w.ids.lens}/statements/units?year=2026&format=pdf`, lensCli);
      expect(pdf.headers['content-type']).toBe('application/pdf');
    });

    it('shows a member its operator consumption month by month with the previous year', async () => {
      const consumption = (await inject('GET', `/api/v1/organisations/${coquelicot}/consumption?year=2016`, coquelicotCli)).json();
      const mobile = consumption.amounts.find((a: { line: string }) => a.line === 'telephonie-mobile');
      expect(mobile.months.slice(6, 10)).toEqual(['296.80', '296.80', '318.00', '296.80']);
      expect(mobile.previousYear.every((m: string | null) => m === null)).toBe(true);
    });
  });
});
