import PizZip from 'pizzip';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiWorld } from '../support/api-harness.ts';
import { ENGINES } from '../support/test-database.ts';

interface LineView {
  id: string;
  line: string;
  status: string;
  billableFrom: string | null;
  openingRecord: string | null;
  options: Record<string, string>;
  history: { event: string }[];
  quantities: { effectiveFrom: string; quantity: number }[];
}
interface RequestView {
  id: string;
  organisationId: string;
  warnings: { code: string; severity: string }[];
  lines: LineView[];
}

describe.each(ENGINES)('subscriptions from wish to opening record (%s)', (engine) => {
  const w = useApiWorld(engine);
  let cli: string;
  let staff: string;
  const post = (url: string, payload: unknown, cookie: string) => w.app.inject({ method: 'POST', url, payload: payload as never, headers: { cookie } });

  beforeAll(async () => {
    cli = await w.login('cli.lens@demo.mutualis.fr');
    staff = await w.login('technicien.call@demo.mutualis.fr');
  });

  it('loads Lens’s example history: base billable from the date the request set, lines from their opening records', async () => {
    const requests = (await w.app.inject({ method: 'GET', url: '/api/v1/subscription-requests', headers: { cookie: cli } })).json() as RequestView[];
    const first = requests.find((r) => r.lines.some((l) => l.openingRecord === 'PV-LENS-2025-01'))!;
    const base = first.lines.find((l) => l.line === 'socle-reseau')!;
    // Seed 004 art. 10.1.3: the base is billed from the request's date, before its opening on 1 March.
    expect(base).toMatchObject({ status: 'opened', billableFrom: '2025-01-01' });
    expect(base.quantities).toEqual([
      { effectiveFrom: '2025-03-01', quantity: 320 },
      { effectiveFrom: '2026-01-01', quantity: 335 },
    ]);
    expect(first.lines.find((l) => l.line === 'hebergement-n1')).toMatchObject({ billableFrom: '2025-06-01' });
    expect(first.lines.filter((l) => l.line === 'messagerie').map((l) => l.options.niveau)).toEqual(['basique', 'pro', 'premium']);
    expect(first.warnings.map((x) => x.code)).toContain('late');

    // Annex 8: the opening record lists every line opened under it, with its date; the member may print it.
    const mail = first.lines.find((l) => l.openingRecord === 'PV-LENS-2025-02')!;
    const docx = await w.app.inject({ method: 'GET', url: `/api/v1/subscription-lines/${mail.id}/opening-record?format=docx`, headers: { cookie: cli } });
    expect(docx.statusCode, docx.body).toBe(200);
    const xml = new PizZip(docx.rawPayload).file('word/document.xml')!.asText();
    expect(xml).toContain('PV-LENS-2025-02');
    expect(xml).toContain('Taille de stockage : 50 giga-octets de stockage : 12 boîte aux lettres');
    expect(xml).toContain('1er avril 2025');
    expect(xml).not.toContain('socle');
    const pdf = await w.app.inject({ method: 'GET', url: `/api/v1/subscription-lines/${mail.id}/opening-record?format=pdf`, headers: { cookie: cli } });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('as Lens’s CLI: level 2 without level 1 is refused with the reason; both together are accepted and opened by record', async () => {
    const wish = { providerId: w.ids.call, organisationId: w.ids.lens, lines: [{ line: 'postes-n2', quantity: 335, wishedOn: '2026-09-01' }] };
    const refused = await post('/api/v1/subscription-requests', wish, cli);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().issues).toEqual([{ path: 'lines[0].line', message: expect.stringContaining('nécessite Niveau 1 : Gestion des postes de travail') }]);

    const both = await post(
      '/api/v1/subscription-requests',
      { ...wish, lines: [{ line: 'postes-n1', quantity: 335, wishedOn: '2026-09-01' }, ...wish.lines] },
      cli,
    );
    expect(both.statusCode, both.body).toBe(201);
    const request = both.json() as RequestView;
    expect(request.lines.map((l) => [l.line, l.status, l.billableFrom])).toEqual([
      ['postes-n1', 'submitted', null],
      ['postes-n2', 'submitted', null],
    ]);
    // Received on 15 March 2026 (test clock) for 2026: after June 2025, flagged for the provider to decide.
    expect(request.warnings).toEqual([expect.objectContaining({ code: 'late', severity: 'warning' }), expect.objectContaining({ code: 'late', severity: 'warning' })]);

    // The CLI cannot decide; the provider's technician can.
    const line = request.lines[0]!;
    expect((await post(`/api/v1/subscription-lines/${line.id}/events`, { kind: 'accept', on: '2026-03-20' }, cli)).statusCode).toBe(403);
    const early = await post(`/api/v1/subscription-lines/${line.id}/events`, { kind: 'open', openedOn: '2026-09-01', openingRecord: 'PV-LENS-2026-01' }, staff);
    expect(early.statusCode).toBe(422);
    expect(early.json().issues[0].message).toContain("doit d’abord être acceptée");
    for (const l of request.lines) {
      expect((await post(`/api/v1/subscription-lines/${l.id}/events`, { kind: 'accept', on: '2026-03-20', note: 'Comité stratégique' }, staff)).statusCode).toBe(200);
    }
    let opened: RequestView | undefined;
    for (const l of request.lines) {
      const response = await post(`/api/v1/subscription-lines/${l.id}/events`, { kind: 'open', openedOn: '2026-09-01', openingRecord: 'PV-LENS-2026-01' }, staff);
      expect(response.statusCode, response.body).toBe(200);
      opened = response.json();
    }
    expect(opened!.lines.map((l) => [l.line, l.status, l.billableFrom, l.openingRecord])).toEqual([
      ['postes-n1', 'opened', '2026-09-01', 'PV-LENS-2026-01'],
      ['postes-n2', 'opened', '2026-09-01', 'PV-LENS-2026-01'],
    ]);
    expect(opened!.lines[0]!.history.map((h) => h.event)).toEqual(['submit', 'accept', 'open']);

    const volume = await post(`/api/v1/subscription-lines/${line.id}/quantities`, { effectiveFrom: '2027-01-01', quantity: 340 }, staff);
    expect(volume.json().lines[0].quantities).toEqual([
      { effectiveFrom: '2026-09-01', quantity: 335 },
      { effectiveFrom: '2027-01-01', quantity: 340 },
    ]);
    const audit = (await w.app.inject({ method: 'GET', url: `/api/v1/audit?organisationId=${w.ids.lens}`, headers: { cookie: await w.login('admin@demo.mutualis.fr') } })).body;
    expect(audit).toContain('subscription_line');
  });

  it('previews a request: every check and the cost over the year, without saving anything', async () => {
    const body = {
      providerId: w.ids.call,
      organisationId: w.ids.lens,
      lines: [
        { line: 'administration-n2', quantity: 100, wishedOn: '2026-10-01' },
        { line: 'messagerie', options: { niveau: 'pro', stockage: '25' }, quantity: 10, wishedOn: '2026-10-01' },
      ],
    };
    const before = ((await w.app.inject({ method: 'GET', url: '/api/v1/subscription-requests', headers: { cookie: cli } })).json() as unknown[]).length;
    const preview = await post('/api/v1/subscription-requests/preview?year=2026', body, cli);
    expect(preview.statusCode, preview.body).toBe(200);
    // Lens has hosting level 1 open (example): level 2 needs nothing more; the wish for 2026 came after June 2025.
    expect(preview.json().findings.map((f: { code: string }) => f.code)).toEqual(['late', 'late']);
    // Mail pro 25 GB: 105.60 × 10 × 3/12 = 264.00.
    expect(preview.json().estimate.lines[1]).toMatchObject({ months: 3, annualUnitPrice: '105.60', amount: '264.00' });
    expect(((await w.app.inject({ method: 'GET', url: '/api/v1/subscription-requests', headers: { cookie: cli } })).json() as unknown[]).length).toBe(before);
  });

  it('refuses a line outside the perimeter and a member asking for another organisation', async () => {
    const admin = await w.login('admin@demo.mutualis.fr');
    const perimeter = await post(`/api/v1/organisations/${w.ids.lens}/perimeter`, { providerId: w.ids.call, lines: ['socle-reseau', 'messagerie'], deliberation: { organ: 'Conseil municipal', number: 'DLB44', date: '2026-03-01' } }, admin);
    expect(perimeter.statusCode, perimeter.body).toBe(201);
    const outside = await post('/api/v1/subscription-requests', { providerId: w.ids.call, organisationId: w.ids.lens, lines: [{ line: 'administration-n2', quantity: 10, wishedOn: '2026-10-01' }] }, cli);
    expect(outside.statusCode).toBe(422);
    expect(outside.json().issues).toContainEqual({ path: 'lines[0].line', message: expect.stringMatching(/est hors du périmètre autorisé par la délibération n° DLB44 du 01\/03\/2026$/) });
    const other = await post('/api/v1/subscription-requests', { providerId: w.ids.coeurCoteFleurie, organisationId: w.ids.trouville, lines: [{ line: 'x', quantity: 1, wishedOn: '2026-10-01' }] }, cli);
    expect(other.statusCode).toBe(403);
  });

  it('tracks the member’s compliance plan and the provider’s study as tasks with dates', async () => {
    const created = await post('/api/v1/subscription-requests', { providerId: w.ids.call, organisationId: w.ids.lens, lines: [{ line: 'messagerie', options: { niveau: 'basique', stockage: '10' }, quantity: 3, wishedOn: '2026-11-01' }] }, cli);
    const requestId = created.json().id as string;
    expect((await post(`/api/v1/subscription-requests/${requestId}/tasks`, { kind: 'compliance_plan', owner: 'member', title: 'Plan', dueOn: '2026-04-30' }, cli)).statusCode).toBe(403);
    const plan = await post(`/api/v1/subscription-requests/${requestId}/tasks`, { kind: 'compliance_plan', owner: 'member', title: 'Mise en conformité du câblage', dueOn: '2026-03-01' }, staff);
    expect(plan.statusCode, plan.body).toBe(201);
    const study = await post(`/api/v1/subscription-requests/${requestId}/tasks`, { kind: 'resource_study', owner: 'provider', title: 'Étude des ressources', dueOn: '2026-05-31' }, staff);
    const tasks = study.json().tasks as { id: string; kind: string; overdue: boolean }[];
    // The test clock is 15 March 2026: the plan due on 1 March is overdue.
    expect(tasks.map((t) => [t.kind, t.overdue])).toEqual([
      ['compliance_plan', true],
      ['resource_study', false],
    ]);
    expect((await post(`/api/v1/subscription-tasks/${tasks[1]!.id}/done`, { doneOn: '2026-03-15' }, cli)).statusCode).toBe(403);
    const done = await post(`/api/v1/subscription-tasks/${tasks[0]!.id}/done`, { doneOn: '2026-03-14', note: 'Câblage refait' }, cli);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().tasks[0]).toMatchObject({ doneOn: '2026-03-14', overdue: false });
  });

  it('keeps the technical prerequisites checklist of the requested lines (annex 3)', async () => {
    const created = await post('/api/v1/subscription-requests', { providerId: w.ids.call, organisationId: w.ids.lens, lines: [{ line: 'socle-reseau', quantity: 1, wishedOn: '2026-11-01' }] }, cli);
    const request = created.json() as { id: string; checklist: { line: string; item: string; met: boolean | null }[] };
    expect(request.checklist.length).toBeGreaterThan(0);
    expect(request.checklist.every((c) => c.line === 'socle-reseau' && c.met === null)).toBe(true);
    const item = request.checklist[0]!.item;
    const declared = await post(`/api/v1/subscription-requests/${request.id}/prerequisite-checks`, { line: 'socle-reseau', item, met: true }, cli);
    expect(declared.statusCode, declared.body).toBe(200);
    expect(declared.json().checklist[0]).toMatchObject({ met: true, checkedBy: expect.any(String) });
    const audited = await post(`/api/v1/subscription-requests/${request.id}/prerequisite-checks`, { line: 'socle-reseau', item, met: false, note: 'Fibre absente' }, staff);
    expect(audited.json().checklist[0]).toMatchObject({ met: false, note: 'Fibre absente' });
    const unknown = await post(`/api/v1/subscription-requests/${request.id}/prerequisite-checks`, { line: 'socle-reseau', item: 'Inventé', met: true }, cli);
    expect(unknown.statusCode).toBe(422);
  });

  it('a member may cancel its own pending line, not one that is open', async () => {
    const created = await post('/api/v1/subscription-requests', { providerId: w.ids.call, organisationId: w.ids.lens, lines: [{ line: 'messagerie', options: { niveau: 'pro', stockage: '10' }, quantity: 5, wishedOn: '2026-10-01' }] }, cli);
    expect(created.statusCode, created.body).toBe(201);
    const line = (created.json() as RequestView).lines[0]!;
    const cancelled = await post(`/api/v1/subscription-lines/${line.id}/events`, { kind: 'cancel', on: '2026-03-16' }, cli);
    expect(cancelled.json().lines[0].status).toBe('cancelled');
    const again = await post(`/api/v1/subscription-lines/${line.id}/events`, { kind: 'accept', on: '2026-03-17' }, staff);
    expect(again.statusCode).toBe(422);
    expect(again.json().issues[0].message).toMatch(/^Impossible d(e |’)accepter une ligne annulée/);
  });
});
