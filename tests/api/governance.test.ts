import PizZip from 'pizzip';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiWorld } from '../support/api-harness.ts';
import { ENGINES } from '../support/test-database.ts';

interface Committee {
  id: string;
  code: string;
  kind: string;
  providerId: string;
  rhythmText: string;
  nextDueOn: string | null;
  lastHeldOn: string | null;
  compositionIssues: { message: string }[];
  members: { organisationId: string; role: string; name: string }[];
}
interface Meeting {
  id: string;
  status: string;
  agenda: { kind: string; id: string | null; title: string; status: string | null }[];
  proposals: { kind: string; id: string | null; title: string }[];
  decisions: { kind: string; summary: string; organisationName: string | null }[];
  minutes: string | null;
  updatedAt: string;
}

describe.each(ENGINES)('committees, meetings and needs (%s)', (engine) => {
  const w = useApiWorld(engine);
  let cli: string;
  let staff: string;
  let committees: Committee[];
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, cookie: string, payload?: unknown) => w.app.inject({ method, url, payload: payload as never, headers: { cookie } });
  const byCode = (code: string) => committees.find((c) => c.code === code)!;

  beforeAll(async () => {
    cli = await w.login('cli.lens@demo.mutualis.fr');
    staff = await w.login('finances.call@demo.mutualis.fr');
    committees = (await call('GET', '/api/v1/committees', await w.login('admin@demo.mutualis.fr'))).json();
  });

  it('loads seed 004’s three committees with their rhythms and seed 001’s steering committee', () => {
    const call004 = committees.filter((c) => c.providerId === w.ids.call);
    expect(call004.map((c) => [c.code, c.kind, c.rhythmText]).sort()).toEqual([
      ['comite-operationnel', 'operational', 'Mensuel, puis trimestriel'],
      ['comite-strategique', 'strategic', 'Semestriel'],
      ['comite-suivi', 'follow_up', 'À la demande'],
    ]);
    // Seed 004 art. 4: every half-year from 15 January 2025; the test clock is 15 March 2026.
    expect(byCode('comite-strategique')).toMatchObject({ lastHeldOn: '2025-07-15', nextDueOn: '2026-07-15', compositionIssues: [] });
    expect(byCode('comite-suivi').nextDueOn).toBeNull();
    // Seed 001 art. 6.3: one elected official and one agent per party, not named by the seed: four seats to fill.
    const steering = byCode('comite-pilotage');
    expect(steering).toMatchObject({ kind: 'steering', rhythmText: 'Au moins une fois par an', lastHeldOn: '2025-06-17', nextDueOn: '2026-06-17' });
    expect(steering.compositionIssues).toHaveLength(4);
    expect(steering.compositionIssues[0]!.message).toMatch(/un siège élu attendu, 0 désigné/);
  });

  it('schedules the strategic committee, decides Lens’s pending request in the minutes, and the request follows', async () => {
    const submitted = await call('POST', '/api/v1/subscription-requests', cli, { providerId: w.ids.call, organisationId: w.ids.lens, lines: [{ line: 'postes-n1', quantity: 40, wishedOn: '2026-09-01' }] });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const requestId = submitted.json().id as string;

    const strategic = byCode('comite-strategique');
    const scheduled = await call('POST', `/api/v1/committees/${strategic.id}/meetings`, staff, { scheduledOn: '2026-03-15', place: 'Hôtel communautaire' });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    let meeting = scheduled.json() as Meeting;
    expect(meeting.status).toBe('planned');
    expect(meeting.proposals.map((p) => p.id)).toContain(requestId);

    meeting = (await call('PATCH', `/api/v1/meetings/${meeting.id}`, staff, { agenda: [{ kind: 'subscription_request', requestId }, { kind: 'text', title: 'Budget 2027' }], expectedUpdatedAt: meeting.updatedAt })).json();
    expect(meeting.agenda[0]).toMatchObject({ id: requestId, status: 'Demandée' });
    expect(meeting.agenda[0]!.title).toMatch(/^Demande de souscription de Lens du 15\/03\/2026/);

    // No decision before the meeting is held; minutes only once held.
    const early = await call('POST', `/api/v1/meetings/${meeting.id}/decisions`, staff, { kind: 'subscription', requestId, outcome: 'accept' });
    expect(early.statusCode).toBe(422);
    expect(early.json().issues[0].message).toMatch(/pas encore tenue/);

    meeting = (await call('POST', `/api/v1/meetings/${meeting.id}/events`, staff, { kind: 'hold', on: '2026-03-15' })).json();
    expect(meeting.status).toBe('held');
    const decided = await call('POST', `/api/v1/meetings/${meeting.id}/decisions`, staff, { kind: 'subscription', requestId, outcome: 'accept', text: 'Ouverture envisagée en septembre' });
    expect(decided.statusCode, decided.body).toBe(201);
    meeting = decided.json();
    expect(meeting.decisions).toEqual([expect.objectContaining({ kind: 'subscription', summary: 'Demande acceptée', organisationName: 'Lens' })]);
    expect(meeting.agenda[0]!.status).toBe('Acceptée');

    // The request's status follows, through the subscription workflow (same events and history as the request page).
    const requests = (await call('GET', '/api/v1/subscription-requests', cli)).json() as { id: string; lines: { status: string; history: { event: string; note: string | null }[] }[] }[];
    const line = requests.find((r) => r.id === requestId)!.lines[0]!;
    expect(line.status).toBe('accepted');
    expect(line.history.at(-1)).toMatchObject({ event: 'accept', note: 'Comité stratégique de la DMSI du 15/03/2026 : Ouverture envisagée en septembre' });

    // A second decision on the same request finds nothing pending.
    const again = await call('POST', `/api/v1/meetings/${meeting.id}/decisions`, staff, { kind: 'subscription', requestId, outcome: 'refuse', reason: 'resources' });
    expect(again.statusCode).toBe(422);

    const refusedFinal = await call('POST', `/api/v1/meetings/${meeting.id}/events`, staff, { kind: 'finalise', on: '2026-03-15' });
    expect(refusedFinal.json().issues[0].message).toMatch(/compte rendu est vide/);
    meeting = (await call('PATCH', `/api/v1/meetings/${meeting.id}`, staff, { minutes: 'Demande de Lens acceptée.', attendance: [{ name: 'Directeur de la DMSI', present: true }], expectedUpdatedAt: meeting.updatedAt })).json();
    meeting = (await call('POST', `/api/v1/meetings/${meeting.id}/events`, staff, { kind: 'finalise', on: '2026-03-15' })).json();
    expect(meeting.status).toBe('final');
    const locked = await call('PATCH', `/api/v1/meetings/${meeting.id}`, staff, { minutes: 'Réécrit', expectedUpdatedAt: meeting.updatedAt });
    expect(locked.statusCode).toBe(422);
  });

  it('refuses a decision outside the committee’s powers and a seat for an organisation that is not a party', async () => {
    const operational = byCode('comite-operationnel');
    const meeting = (await call('POST', `/api/v1/committees/${operational.id}/meetings`, staff, { scheduledOn: '2026-03-10' })).json() as Meeting;
    await call('POST', `/api/v1/meetings/${meeting.id}/events`, staff, { kind: 'hold', on: '2026-03-10' });
    const refused = await call('POST', `/api/v1/meetings/${meeting.id}/decisions`, staff, { kind: 'grid', gridCode: 'annexe-5' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().issues[0].message).toBe('Comité opérationnel de la DMSI ne statue pas sur : grille tarifaire adoptée.');

    const body = { code: 'intrus', kind: 'operational', name: 'Comité', agreementId: undefined, rhythm: { kind: 'on_demand' }, members: [{ organisationId: w.ids.trouville, role: 'cli', name: 'Intrus' }] };
    const created = await call('POST', `/api/v1/providers/${w.ids.call}/committees`, staff, body);
    expect(created.statusCode).toBe(422);
    const accepted = await call('POST', `/api/v1/providers/${w.ids.call}/committees`, staff, { ...body, members: [{ organisationId: w.ids.lens, role: 'cli', name: 'CLI de Lens' }] });
    expect(accepted.statusCode, accepted.body).toBe(201);
  });

  it('lets Lens’s CLI record its needs and see their status; the operational committee gathers, the strategic prioritises', async () => {
    const recorded = await call('POST', '/api/v1/needs', cli, { providerId: w.ids.call, organisationId: w.ids.lens, year: 2027, kind: 'need', title: 'Wifi dans les salles municipales', submit: true });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const needId = recorded.json().id as string;
    expect(recorded.json()).toMatchObject({ status: 'submitted', statusLabel: 'Transmis', organisationName: 'Lens' });
    // A member records for itself only, and does not advise.
    expect((await call('POST', '/api/v1/needs', cli, { providerId: w.ids.call, organisationId: w.ids.trouville, year: 2027, kind: 'need', title: 'x' })).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/needs/${needId}/events`, cli, { kind: 'complete' })).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/committees', cli)).statusCode).toBe(403);

    const operational = (await call('POST', `/api/v1/committees/${byCode('comite-operationnel').id}/meetings`, staff, { scheduledOn: '2026-03-12', agenda: [{ kind: 'need', needId }] })).json() as Meeting;
    await call('POST', `/api/v1/meetings/${operational.id}/events`, staff, { kind: 'hold', on: '2026-03-12' });
    expect((await call('POST', `/api/v1/meetings/${operational.id}/decisions`, staff, { kind: 'need', needId, outcome: 'gather' })).statusCode).toBe(201);
    const strategic = (await call('POST', `/api/v1/committees/${byCode('comite-strategique').id}/meetings`, staff, { scheduledOn: '2026-03-13' })).json() as Meeting;
    await call('POST', `/api/v1/meetings/${strategic.id}/events`, staff, { kind: 'hold', on: '2026-03-13' });
    const prioritised = await call('POST', `/api/v1/meetings/${strategic.id}/decisions`, staff, { kind: 'need', needId, outcome: 'prioritise', priority: 1, roadmapYear: 2027, budget: '12000.00', resources: '15 jours DMSI' });
    expect(prioritised.statusCode, prioritised.body).toBe(201);

    const mine = (await call('GET', '/api/v1/needs', cli)).json() as { id: string; status: string; roadmap: unknown; organisationId: string }[];
    expect(mine.every((n) => n.organisationId === w.ids.lens)).toBe(true);
    expect(mine.find((n) => n.id === needId)).toMatchObject({ status: 'prioritised', roadmap: { priority: 1, year: 2027, budget: '12000.00', resources: '15 jours DMSI' } });
    // The example's acquisition request: advised, then validated before Lens orders (seed 004 art. 3.2, 9.2.2).
    const acquisition = mine.find((n) => (n as unknown as { kind: string }).kind === 'acquisition')!;
    expect((await call('POST', `/api/v1/needs/${acquisition.id}/events`, staff, { kind: 'validate' })).statusCode).toBe(422);
    expect((await call('POST', `/api/v1/needs/${acquisition.id}/events`, staff, { kind: 'advise', favourable: true, text: 'Modèle conforme au socle' })).json().status).toBe('advised');
    expect((await call('POST', `/api/v1/needs/${acquisition.id}/events`, staff, { kind: 'validate' })).json()).toMatchObject({ status: 'validated', advice: { favourable: true } });
  });

  it('generates seed 001’s annual report for the past year: figures from the year, texts edited, then final', async () => {
    const admin = await w.login('admin@demo.mutualis.fr');
    const agreements = (await call('GET', '/api/v1/agreements', admin)).json() as { id: string; code: string }[];
    const id = agreements.find((a) => a.code === 'mise-a-disposition-fibre-numerique-59-62-2021')!.id;
    const url = `/api/v1/agreements/${id}/annual-reports/2025`;
    let report = (await call('GET', url, admin)).json();
    expect(report).toMatchObject({ status: 'none', canEdit: true, year: 2025 });
    expect(report.texts.introduction).toMatch(/pour l'année 2025/);
    // Seed 001 art. 6.3: the steering committee's meeting of the year and its decision.
    expect(report.figures.meetings).toEqual([{ committeeName: 'Comité de pilotage de la convention', heldOn: '2025-06-17', decisions: ["Avis favorable sur l'exécution de la convention"] }]);

    const texts = { ...report.texts, incidents: 'Une coupure du lien de collecte le 3 mars 2025, rétablie en 4 heures.', opinion: 'Avis favorable.' };
    report = (await call('PUT', url, admin, { texts })).json();
    expect(report).toMatchObject({ status: 'draft', texts: { opinion: 'Avis favorable.' } });
    // A draft is not shown to others while a second save must name the version it read.
    expect((await call('PUT', url, admin, { texts })).statusCode).toBe(409);

    const docx = await call('GET', `${url}/document?format=docx`, admin);
    expect(docx.statusCode, docx.body).toBe(200);
    const xml = new PizZip(docx.rawPayload).file('word/document.xml')!.asText();
    expect(xml).toContain('Rapport annuel 2025');
    expect(xml).toContain('Une coupure du lien de collecte');
    expect(xml).toContain('projet de rapport');
    expect(xml).toContain('Comité de pilotage de la convention du 17 juin 2025');
    const pdf = await call('GET', `${url}/document?format=pdf`, admin);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    expect((await call('POST', `/api/v1/agreements/${id}/annual-reports/2026/final`, admin, { expectedUpdatedAt: report.updatedAt })).statusCode).toBe(422);
    report = (await call('POST', `${url}/final`, admin, { expectedUpdatedAt: report.updatedAt })).json();
    expect(report).toMatchObject({ status: 'final', finalisedOn: '2026-03-15', canEdit: false });
    const rewrite = await call('PUT', url, admin, { texts, expectedUpdatedAt: report.updatedAt });
    expect(rewrite.statusCode).toBe(422);
    expect(rewrite.json().issues[0].message).toMatch(/définitif/);
    const finalDocx = new PizZip((await call('GET', `${url}/document?format=docx`, admin)).rawPayload).file('word/document.xml')!.asText();
    expect(finalDocx).toContain('rapport définitif du 15 mars 2026');
  });

  it('counts seed 004’s services and units of the year in Lens’s agreement report', async () => {
    const agreements = (await call('GET', '/api/v1/agreements', staff)).json() as { id: string; code: string }[];
    const id = agreements.find((a) => a.code === 'dmsi-lens-2024')!.id;
    const report = (await call('GET', `/api/v1/agreements/${id}/annual-reports/2025`, staff)).json();
    // 320 workstations on the base through 2025 (335 only from 1 January 2026); mailboxes 180 + 60 + 12.
    expect(report.figures.units).toEqual(expect.arrayContaining([expect.objectContaining({ quantity: 320 }), expect.objectContaining({ quantity: 252 })]));
    expect(report.figures.meetings.map((m: { heldOn: string }) => m.heldOn)).toEqual(['2025-01-15', '2025-07-15']);
    // Members see a report only once final.
    expect((await call('GET', `/api/v1/agreements/${id}/annual-reports/2025`, cli)).statusCode).toBe(404);
  });

  it('gives the operational committee its indicators for 2025, exportable as CSV and XLSX', async () => {
    const kpis = (await call('GET', `/api/v1/providers/${w.ids.call}/kpis?year=2025&organisationId=${w.ids.lens}`, staff)).json();
    // Seed 004 example: the base opened on 1 March 2025 (320), the mailboxes and hosting after; Lens is the only member.
    expect(kpis.members.slice(0, 4)).toEqual([0, 0, 1, 1]);
    expect(kpis.openings[2]).toBe(1);
    expect(kpis.units.find((u: { months: number[] }) => u.months[2] === 320)).toBeTruthy();
    expect(kpis.pipeline).toMatchObject({ requests: expect.any(Number), averageDays: expect.any(Number) });
    const csv = await call('GET', `/api/v1/providers/${w.ids.call}/kpis/export?year=2025&format=csv`, staff);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Adhérents ayant une ligne ouverte (fin de mois);0;0;1');
    const xlsx = await call('GET', `/api/v1/providers/${w.ids.call}/kpis/export?year=2025&format=xlsx`, staff);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await call('GET', `/api/v1/providers/${w.ids.call}/kpis?year=2025`, cli)).statusCode).toBe(403);
  });
});

