import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { SEED_RULES } from '../../src/domain/agreements/seed-rules.fixture.ts';
import { parseCivilDate } from '../../src/domain/civil-date.ts';
import { sendDueReminders } from '../../src/services/agreements/reminders.ts';
import { createMailer } from '../../src/services/mail/mailer.ts';
import { CALL_ADMIN, useApiWorld } from '../support/api-harness.ts';
import { ENGINES } from '../support/test-database.ts';

/** Seed 004's agreement in a setup file that names the CALL and Lens by their identifiers. */
const SETUP = stringify({
  version: 1,
  title: 'Convention CALL – Lens (test)',
  organisations: [
    { ref: 'call', kind: 'communaute_agglomeration', name: "Communauté d'Agglomération de Lens-Liévin", siren: '246200364', provider: { shortName: 'CALL' } },
    { ref: 'lens', kind: 'commune', name: 'Lens', inseeCode: '62498', siren: '216204982' },
  ],
  agreements: [
    {
      provider: 'call',
      code: 'test-dmsi-lens',
      title: 'Convention de mutualisation des systèmes d’information (test)',
      type: 'service_commun',
      signedOn: '2024-12-18',
      legalityReceipt: { id: '062-216204982-20241218-DLB03_18122024-DE', receivedOn: '2024-12-19' },
      parties: [
        { organisation: 'call', role: 'provider', signatory: { name: 'Sylvain ROBERT', title: 'Président' } },
        { organisation: 'lens', role: 'member', deliberation: { organ: 'Conseil municipal', number: 'DLB03', date: '2024-12-18' } },
      ],
      rules: { ...SEED_RULES['004'], obligations: [{ kind: 'yearly', label: 'Souhaits pour l’année suivante', monthDay: '06-30' }] },
    },
  ],
});

describe.each(ENGINES)('agreements and their calendar (%s)', (engine) => {
  const w = useApiWorld(engine);
  let admin: string;
  let id: string;

  beforeAll(async () => {
    admin = await w.login('admin@demo.mutualis.fr');
    const load = await w.app.inject({ method: 'POST', url: '/api/v1/setup/load', headers: { cookie: admin }, payload: { content: SETUP } });
    if (load.statusCode !== 200) throw new Error(load.body);
    const list = (await w.app.inject({ method: 'GET', url: `/api/v1/agreements?providerId=${w.ids.call}`, headers: { cookie: admin } })).json();
    id = list.find((a: { code: string }) => a.code === 'test-dmsi-lens').id;
  });

  it('computes the effective date, status and timeline from the rules (the test clock is 15 March 2026)', async () => {
    const detail = (await w.app.inject({ method: 'GET', url: `/api/v1/agreements/${id}`, headers: { cookie: admin } })).json();
    expect(detail).toMatchObject({ effectiveOn: '2025-01-01', status: 'ending', members: ['Lens'], nextDeadline: { date: '2026-06-30' } });
    const coming = detail.timeline.filter((e: { date: string }) => e.date >= '2026-03-15').map((e: { date: string; kind: string }) => [e.date, e.kind]);
    expect(coming).toEqual([
      ['2026-06-30', 'notice'],
      ['2026-06-30', 'obligation'],
      ['2026-12-31', 'expiry'],
    ]);
  });

  it.each([
    ['2026-06-30', '2027-01-01', false],
    ['2025-07-01', '2026-01-01', true],
  ])('simulates an exit received on %s: effect on %s (late: %s)', async (receivedOn, effectiveOn, late) => {
    const response = await w.app.inject({ method: 'POST', url: `/api/v1/agreements/${id}/exit-simulation`, headers: { cookie: admin }, payload: { party: 'member', receivedOn } });
    expect(response.json()).toMatchObject({ effectiveOn, late });
    expect(response.json().explanation).toMatch(/effet au/);
  });

  it('records a partial exit: effect at the end of the fiscal year, amendment required, on the timeline', async () => {
    const finance = await w.login('finances.call@demo.mutualis.fr');
    const catalogue = (await w.app.inject({ method: 'GET', url: `/api/v1/providers/${w.ids.call}/catalogue`, headers: { cookie: finance } })).json();
    const category = catalogue.categories.find((c: { code: string }) => c.code !== 'socle')?.code;
    const post = (payload: object, cookie = finance) => w.app.inject({ method: 'POST', url: `/api/v1/agreements/${id}/exit-requests`, headers: { cookie }, payload });
    expect(category).toBeDefined();
    const created = await post({ organisationId: w.ids.lens, scope: 'partial', categories: [category], receivedOn: '2026-03-10' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ effectiveOn: '2027-01-01', late: false, amendmentRequired: true, party: 'member' });
    const base = await post({ organisationId: w.ids.lens, scope: 'partial', categories: ['socle'], receivedOn: '2026-03-10' });
    expect(base.json().issues).toEqual([{ path: 'categories', message: 'une sortie partielle conserve le socle : socle ne peut pas être quitté seul' }]);
    const unknown = await post({ organisationId: w.ids.lens, scope: 'partial', categories: ['nope'], receivedOn: '2026-03-10' });
    expect(unknown.json().issues).toEqual([{ path: 'categories', message: 'catégorie(s) inconnue(s) : nope' }]);
    const stranger = await post({ organisationId: w.ids.trouville, scope: 'full', receivedOn: '2026-03-10' });
    expect(stranger.json().issues).toEqual([{ path: 'organisationId', message: "cette organisation n'est pas partie à la convention" }]);
    expect((await post({ organisationId: w.ids.lens, scope: 'full', receivedOn: '2026-03-10' }, await w.login('cli.lens@demo.mutualis.fr'))).statusCode).toBe(403);
    const detail = (await w.app.inject({ method: 'GET', url: `/api/v1/agreements/${id}`, headers: { cookie: admin } })).json();
    expect(detail.exitRequests).toHaveLength(1);
    expect(detail.timeline.some((e: { kind: string; date: string }) => e.kind === 'exit_effective' && e.date === '2027-01-01')).toBe(true);
  });

  it('refuses an exit the agreement does not provide for', async () => {
    const response = await w.app.inject({ method: 'POST', url: `/api/v1/agreements/${id}/exit-simulation`, headers: { cookie: admin }, payload: { party: 'provider', receivedOn: '2026-01-10' } });
    expect(response.statusCode).toBe(422);
    expect(response.json().issues).toEqual([{ path: 'party', message: 'la convention ne prévoit pas de dénonciation par le fournisseur' }]);
  });

  it('gathers one calendar, as JSON and as iCalendar, and a secret feed for calendar applications', async () => {
    const calendar = (await w.app.inject({ method: 'GET', url: '/api/v1/calendar?from=2026-01-01&to=2026-12-31', headers: { cookie: admin } })).json();
    expect(calendar.some((e: { date: string; agreementCode: string }) => e.agreementCode === 'test-dmsi-lens' && e.date === '2026-06-30')).toBe(true);
    const ics = await w.app.inject({ method: 'GET', url: '/api/v1/calendar.ics?from=2026-01-01&to=2026-12-31', headers: { cookie: admin } });
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    expect(ics.body).toContain('DTSTART;VALUE=DATE:20260630');
    const lens = await w.login('cli.lens@demo.mutualis.fr');
    const feed = (await w.app.inject({ method: 'POST', url: '/api/v1/calendar/feed', headers: { cookie: lens } })).json();
    const subscribed = await w.app.inject({ method: 'GET', url: feed.path });
    expect(subscribed.statusCode).toBe(200);
    expect(subscribed.body).toContain('Souhaits pour l’année suivante');
    // A new address replaces the old one.
    const renewed = (await w.app.inject({ method: 'POST', url: '/api/v1/calendar/feed', headers: { cookie: lens } })).json();
    expect((await w.app.inject({ method: 'GET', url: feed.path })).statusCode).toBe(404);
    expect((await w.app.inject({ method: 'GET', url: renewed.path })).statusCode).toBe(200);
  });

  it('mails each reminder once, to the provider’s staff and the member’s people, captured without SMTP', async () => {
    const mailer = createMailer({ smtpUrl: undefined, from: 'test@mutualis.invalid' });
    const first = await sendDueReminders(w.deps, mailer, parseCivilDate('2026-06-01'), [30, 7]);
    expect(first).toBeGreaterThan(0);
    expect(await sendDueReminders(w.deps, mailer, parseCivilDate('2026-06-01'), [30, 7])).toBe(0);
    const outbox = (await w.app.inject({ method: 'GET', url: '/api/v1/outbox', headers: { cookie: admin } })).json() as { recipient: string; subject: string; status: string; body: string }[];
    const lensMail = outbox.find((m) => m.recipient === 'cli.lens@demo.mutualis.fr' && m.body.includes('test-dmsi-lens') === false && m.body.includes('Dernier jour pour dénoncer'));
    expect(lensMail).toMatchObject({ status: 'captured' });
    expect(lensMail?.body).toContain('30/06/2026 (J-30) : Dernier jour pour dénoncer (adhérent), effet au 01/01/2027');
    expect(outbox.filter((m) => m.recipient === 'cli.lens@demo.mutualis.fr')).toHaveLength(1);
    expect(outbox.some((m) => m.recipient === 'finances.call@demo.mutualis.fr')).toBe(true);
    expect(outbox.some((m) => m.recipient === 'elu.trouville@demo.mutualis.fr' && m.body.includes('(test)'))).toBe(false);
    // A week before, the 7-day reminder goes out once more.
    expect(await sendDueReminders(w.deps, mailer, parseCivilDate('2026-06-23'), [30, 7])).toBeGreaterThan(0);
    const provider = await w.login(CALL_ADMIN);
    expect((await w.app.inject({ method: 'GET', url: '/api/v1/outbox', headers: { cookie: provider } })).statusCode).toBe(403);
  });

  it('lists the agreements an organisation is party to', async () => {
    const list = async (query: string) => ((await w.app.inject({ method: 'GET', url: `/api/v1/agreements?${query}`, headers: { cookie: admin } })).json() as { code: string }[]).map((a) => a.code).sort();
    expect(await list(`organisationId=${w.ids.lens}`)).toEqual(['dmsi-lens-2024', 'test-dmsi-lens']);
    expect(await list(`organisationId=${w.ids.trouville}`)).toEqual(['convention-globale-trouville-2024']);
  });

  it('shows the agreement to its parties only', async () => {
    const trouville = await w.login('elu.trouville@demo.mutualis.fr');
    expect((await w.app.inject({ method: 'GET', url: `/api/v1/agreements/${id}`, headers: { cookie: trouville } })).statusCode).toBe(404);
    const lens = await w.login('cli.lens@demo.mutualis.fr');
    expect((await w.app.inject({ method: 'GET', url: `/api/v1/agreements/${id}`, headers: { cookie: lens } })).statusCode).toBe(200);
  });
});
