import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import type { ZodApp } from '../../src/api/types.ts';
import { fixedClock } from '../../src/clock.ts';
import { useApiWorld } from '../support/api-harness.ts';
import { ENGINES } from '../support/test-database.ts';

/**
 * Issue #7: each of the five example providers issues a period of the demo data (examples/*.yaml, then the
 * illustrative layer of examples/consumption). The figures below are derived by hand from the seeds' rules and the
 * demo files, not copied from the program's output. Issued on 22 November 2026, a date on which every period is
 * issuable by its policy (src/domain/billing/run-rules.ts).
 */
const NNBSP = '\u202f';
interface Case {
  code: string;
  request: { kind?: string; year: number; index?: number };
  periodLabel: string;
  member: string;
  document: 'title' | 'payment_order';
  /** [quantity, unit price, amount] per line, in the preview's order. */
  lines: [string, string, string][];
  total: string;
  warnings?: string[];
}

const CASES: Case[] = [
  {
    // Seed 004 art. 9.2.3 and annex 5: half-year in arrears, units of the monthly snapshots (demo file
    // 004-call-lens-releves-2026.csv, January–June) × the annex 5 monthly price:
    //   hébergement N1 322+322+323+325+325+326 = 1,943 × 12.00 = 23,316.00
    //   messagerie basique 180+181+181+182+182+183 = 1,089 × 6.50 = 7,078.50
    //   messagerie premium 12 × 6 = 72 × 11.80 = 849.60
    //   messagerie pro 60+60+61+61+62+62 = 366 × 8.80 = 3,220.80
    //   socle (billed once, annex 5) 335+335+335+338+338+339 = 2,020 × 7.00 = 14,140.00
    //   total 48,604.90 €, no VAT.
    code: 'dmsi-lens-2024',
    request: { year: 2026, index: 1 },
    periodLabel: '1er semestre 2026',
    member: 'Lens',
    document: 'title',
    lines: [
      [`1${NNBSP}943 poste de travail × mois`, '12.00', '23316.00'],
      [`1${NNBSP}089 boîte aux lettres × mois`, '6.50', '7078.50'],
      ['72 boîte aux lettres × mois', '11.80', '849.60'],
      ['366 boîte aux lettres × mois', '8.80', '3220.80'],
      [`2${NNBSP}020 poste de travail × mois`, '7.00', '14140.00'],
    ],
    total: '48604.90',
  },
  {
    // Seed 000 art. 4.2: the 3rd quarter of 2016 trued up on the operators' invoices (demo file
    // 000-somme-numerique-factures-2016.csv, periods starting July–September), incl. VAT (the policy passes
    // the VAT on), + 5 % management fee. No provisional title was issued, so the true-up bills everything:
    //   entrantes 495.12 + 491.88 + 498.36 = 1,485.36; bande passante 185.00 + 37.00 = 222.00
    //   sortantes 285.78 + 209.30 + 313.28 = 808.36; liaisons 3 × 372.00 = 1,116.00
    //   mobile 356.16 + 356.16 + 381.60 = 1,093.92; sum 4,725.64; fee 5 % = 236.282 → 236.28; total 4,961.92 €.
    code: 'mutualisation-telecom-coquelicot-2016',
    request: { kind: 'true_up', year: 2016, index: 3 },
    periodLabel: '3e trimestre 2016',
    member: 'Communauté de Communes du Pays du Coquelicot',
    document: 'title',
    lines: [
      ['3 ligne(s) de facture', '1485.36', '1485.36'],
      ['1 ligne(s) de facture', '222.00', '222.00'],
      ['3 ligne(s) de facture', '808.36', '808.36'],
      ['3 ligne(s) de facture', '1116.00', '1116.00'],
      ['3 ligne(s) de facture', '1093.92', '1093.92'],
      ['5 %', '4725.64', '236.28'],
    ],
    total: '4961.92',
  },
  {
    // Seed 000 art. 4.2: the penalty received from the lot 2 operator on 15 November 2016 (demo.yaml), paid back
    // to the member by payment order at the end of the civil year: 150.00 €.
    code: 'mutualisation-telecom-coquelicot-2016',
    request: { kind: 'penalty_order', year: 2016 },
    periodLabel: 'année 2016',
    member: 'Communauté de Communes du Pays du Coquelicot',
    document: 'payment_order',
    lines: [['1', '150.00', '150.00']],
    total: '150.00',
  },
  {
    // Seed 001 art. 5.1 and 5.2: half-yearly statement, units of service observed (demo file
    // 001-somme-numerique-unites-2026.csv) × the 2026 unit cost (demo.yaml: charges / forecast units):
    //   messagerie 16,200.00 / 1,440 = 11.25; units 112+114+115+117+118+120 = 696 → 7,830.00
    //   sauvegarde 8,280.00 / 552 = 15.00; units 40+41+41+43+44+45 = 254 → 3,810.00
    //   total 11,640.00 €, no VAT (reimbursement between public bodies).
    code: 'mise-a-disposition-fibre-numerique-59-62-2021',
    request: { year: 2026, index: 1 },
    periodLabel: '1er semestre 2026',
    member: 'Syndicat mixte Nord – Pas-de-Calais Numérique - La Fibre Numérique 59 62',
    document: 'title',
    lines: [
      ['696 collectivité adhérente × mois', '11.25', '7830.00'],
      ['254 collectivité adhérente × mois', '15.00', '3810.00'],
    ],
    total: '11640.00',
  },
  {
    // Seed 002 art. 4.2.1: the CDG 62's interventions of February 2026 (demo file 002-cdg62-camblain-temps.csv),
    // on time spent at 50 € per hour incl. travel: 2:30 + 1:45 + 0:50 = 305 min; 305 × 50 / 60 = 254.1666… → 254.17 €
    // (the minutes are multiplied once, rounded once). The example's grid says "non assujetti": no VAT split.
    code: 'prestations-accompagnement-camblain-chatelain',
    request: { year: 2026, index: 2 },
    periodLabel: 'février 2026',
    member: 'Camblain-Châtelain',
    document: 'title',
    lines: [['5 h 05', '50.00', '254.17']],
    total: '254.17',
  },
  {
    // Seed 003 art. 4 and 5: one annual title in arrears; the services opened on 1 April 2025 (demo-setup.yaml)
    // count 9 twelfths (April–December) of the illustrative 2025 catalogue (demo.yaml):
    //   exploitation 1,800.00 × 9/12 = 1,350.00; moyens 1,200.00 × 9/12 = 900.00
    //   stockage 500 GB × 0.60 × 9/12 = 225.00; total 2,475.00 €.
    // The title should have been issued between 1 January and 31 March 2026: issued later, with a warning.
    code: 'convention-globale-trouville-2024',
    request: { year: 2025 },
    periodLabel: 'année 2025',
    member: 'Trouville-sur-Mer',
    document: 'title',
    lines: [
      ['1 forfait × 9/12', '1800.00', '1350.00'],
      ['1 forfait × 9/12', '1200.00', '900.00'],
      ['500 Go alloué × 9/12', '0.60', '225.00'],
    ],
    total: '2475.00',
    warnings: ["la convention prévoit l'émission entre le 2026-01-01 et le 2026-03-31 : ces titres sont émis en retard"],
  },
];

describe.each(ENGINES)('each example provider issues a period of the demo data (%s)', (engine) => {
  const w = useApiWorld(engine);
  let app: ZodApp;
  let admin: string;
  const agreementIds: Record<string, string> = {};

  beforeAll(async () => {
    app = await buildApp({ database: w.deps.database, clock: fixedClock('2026-11-22T09:00:00Z') }, { sessionTtlHours: 1, secureCookies: false, webDist: '/nonexistent' });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@demo.mutualis.fr', password: 'demo-mutualis-2026' } });
    const cookie = login.cookies.find((c) => c.name === 'mutualis_session')!;
    admin = `${cookie.name}=${cookie.value}`;
    for (const a of (await app.inject({ method: 'GET', url: '/api/v1/agreements', headers: { cookie: admin } })).json() as { id: string; code: string }[]) agreementIds[a.code] = a.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each(CASES.map((c) => [`${c.code} ${c.request.kind ?? 'regular'} ${c.periodLabel}`, c] as const))('%s', async (_name, c) => {
    const url = `/api/v1/agreements/${agreementIds[c.code]}/billing`;
    const query = new URLSearchParams({ kind: c.request.kind ?? 'regular', year: String(c.request.year), index: String(c.request.index ?? 1) });
    const preview = (await app.inject({ method: 'GET', url: `${url}/preview?${query}`, headers: { cookie: admin } })).json();
    expect(preview).toMatchObject({ periodLabel: c.periodLabel, blockers: [], warnings: c.warnings ?? [], issued: null });
    const billed = preview.members.filter((m: { document: string }) => m.document !== 'none');
    expect(billed.map((m: { organisationName: string }) => m.organisationName)).toEqual([c.member]);
    const [member] = billed;
    expect(member).toMatchObject({ document: c.document, amountIncl: c.total, vat: '0.00', issues: [] });
    expect(member.lines.map((l: { quantityText: string; unitPrice: string; amount: string }) => [l.quantityText, l.unitPrice, l.amount])).toEqual(c.lines);

    const issued = await app.inject({ method: 'POST', url: `${url}/issue`, headers: { cookie: admin }, payload: { kind: c.request.kind ?? 'regular', year: c.request.year, index: c.request.index ?? 1 } });
    expect(issued.statusCode, issued.body).toBe(200);
    const { documents, created } = issued.json();
    expect(created).toBe(true);
    expect(documents).toEqual([expect.objectContaining({ kind: c.document, organisationName: c.member, amountIncl: c.total })]);
    const detail = (await app.inject({ method: 'GET', url: `/api/v1/titles/${documents[0].id}`, headers: { cookie: admin } })).json();
    expect(detail).toMatchObject({ number: documents[0].number, issuedOn: '2026-11-22', amountIncl: c.total });
    // Issued: the preview of the period says so.
    expect((await app.inject({ method: 'GET', url: `${url}/preview?${query}`, headers: { cookie: admin } })).json().issued).toMatchObject({ issuedOn: '2026-11-22', documents: 1 });
  });

  it('stops billing the lines a member leaves from the date its exit takes effect (partial, then full)', async () => {
    const url = `/api/v1/agreements/${agreementIds['convention-globale-trouville-2024']}/billing/preview?year=2026`;
    const lines = async () => ((await app.inject({ method: 'GET', url, headers: { cookie: admin } })).json().members[0].lines as { line: string; quantityText: string }[]).map((l) => [l.line, l.quantityText]);
    // 2026 has not ended (in arrears: blocked), but its preview shows what the year bills: the three lines, whole year.
    expect(await lines()).toEqual([
      ['datacenter-exploitation', '1 forfait'],
      ['datacenter-moyens', '1 forfait'],
      ['stockage', '500 Go alloué'],
    ]);
    const trouville = (await app.inject({ method: 'GET', url: '/api/v1/organisations?q=Trouville', headers: { cookie: admin } })).json().items[0].id;
    const exit = (body: object) => app.inject({ method: 'POST', url: `/api/v1/agreements/${agreementIds['convention-globale-trouville-2024']}/exit-requests`, headers: { cookie: admin }, payload: { organisationId: trouville, ...body } });
    // Seed 003 art. 7: an exit takes effect on 1 January only, notified three months before: 15 September 2025 → 1 January 2026.
    const partial = await exit({ scope: 'partial', categories: ['exploitation'], receivedOn: '2025-09-15' });
    expect(partial.statusCode, partial.body).toBe(201);
    expect(partial.json()).toMatchObject({ effectiveOn: '2026-01-01' });
    expect(await lines()).toEqual([
      ['datacenter-moyens', '1 forfait'],
      ['stockage', '500 Go alloué'],
    ]);
    expect((await exit({ scope: 'full', receivedOn: '2025-09-20' })).statusCode).toBe(201);
    expect(await lines()).toEqual([]);
  });
});
