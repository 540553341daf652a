import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_RULES } from '../../src/domain/agreements/seed-rules.fixture.ts';
import { useApiWorld } from '../support/api-harness.ts';
import { ENGINES } from '../support/test-database.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const documentXml = (body: Buffer) => new PizZip(body).file('word/document.xml')!.asText();
/** The built-in convention template with one paragraph's text replaced, as an administrator would edit it in Word. */
const editedTemplate = (from: string, to: string) => {
  const zip = new PizZip(readFileSync('templates/convention.docx'));
  zip.file('word/document.xml', zip.file('word/document.xml')!.asText().replace(from, to));
  return zip.generate({ type: 'nodebuffer' });
};

describe.each(ENGINES)('agreements written, amended, renewed and printed (%s)', (engine) => {
  const w = useApiWorld(engine);
  let admin: string;
  let lensAgreement: string;
  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, cookie = admin) => w.app.inject({ method, url, payload: payload as never, headers: { cookie } });

  beforeAll(async () => {
    admin = await w.login('admin@demo.mutualis.fr');
    const list = (await inject('GET', '/api/v1/agreements')).json() as { id: string; code: string }[];
    lensAgreement = list.find((a) => a.code === 'dmsi-lens-2024')!.id;
  });

  it('a partial exit writes an amendment that needs every member and waits for the end of the year (seed 004 art. 13)', async () => {
    const exit = await inject('POST', `/api/v1/agreements/${lensAgreement}/exit-requests`, { organisationId: w.ids.lens, scope: 'partial', categories: ['hebergement'], receivedOn: '2026-03-01' });
    expect(exit.statusCode, exit.body).toBe(201);
    expect(exit.json()).toMatchObject({ effectiveOn: '2027-01-01', amendmentRequired: true });
    const amendmentId = exit.json().amendmentId as string;
    expect(amendmentId).toBeTruthy();

    const pending = (await inject('GET', `/api/v1/agreements/${lensAgreement}/amendments`)).json()[0];
    expect(pending).toMatchObject({ number: 1, status: 'pending', notBefore: '2027-01-01' });
    // Unanimity of the members: Lens must approve; the CALL's own approval is not asked.
    expect(pending.approvals).toEqual([expect.objectContaining({ organisationId: w.ids.lens, required: true, approvedOn: null })]);
    const notAsked = await inject('POST', `/api/v1/agreements/${lensAgreement}/amendments/${amendmentId}/approvals`, { organisationId: w.ids.call, approvedOn: '2026-03-10' });
    expect(notAsked.statusCode).toBe(422);
    expect(notAsked.json().issues[0]).toMatchObject({ path: 'organisationId' });

    const approved = await inject('POST', `/api/v1/agreements/${lensAgreement}/amendments/${amendmentId}/approvals`, { organisationId: w.ids.lens, approvedOn: '2026-03-10', deliberationNumber: 'DLB12' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedOn: '2026-03-10', takesEffectOn: '2027-01-01' });

    const before = (await inject('GET', `/api/v1/agreements/${lensAgreement}/state?on=2026-12-31`)).json();
    expect(before.amendmentsApplied).toEqual([]);
    expect(before.parties.find((p: { organisationId: string }) => p.organisationId === w.ids.lens).withdrawnCategories).toEqual([]);
    const after = (await inject('GET', `/api/v1/agreements/${lensAgreement}/state?on=2027-01-01`)).json();
    expect(after.amendmentsApplied).toEqual([1]);
    expect(after.parties.find((p: { organisationId: string }) => p.organisationId === w.ids.lens).withdrawnCategories).toEqual(['hebergement']);

    const detail = (await inject('GET', `/api/v1/agreements/${lensAgreement}`)).json();
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toContain('amendment_effective');
    const audit = (await inject('GET', `/api/v1/audit?organisationId=${w.ids.lens}`)).body;
    expect(audit).toContain('agreement_amendment');
  });

  it('refuses a partial exit from the base, and the approval of an unknown amendment', async () => {
    const base = await inject('POST', `/api/v1/agreements/${lensAgreement}/exit-requests`, { organisationId: w.ids.lens, scope: 'partial', categories: ['socle'], receivedOn: '2026-03-01' });
    expect(base.statusCode).toBe(422);
    const unknown = await inject('POST', `/api/v1/agreements/${lensAgreement}/amendments/00000000-0000-4000-8000-000000000000/approvals`, { organisationId: w.ids.lens, approvedOn: '2026-03-10' });
    expect(unknown.statusCode).toBe(404);
  });

  it('creates an agreement, corrects it with a version check, and records express renewal letters (seed 000 art. 5)', async () => {
    const body = {
      code: 'telecom-test-2025',
      title: 'Mutualisation télécom (test)',
      type: 'pooling',
      signedOn: '2025-05-18',
      parties: [
        { organisation: w.ids.call, role: 'provider' },
        { organisation: w.ids.lens, role: 'member', deliberation: { organ: 'Conseil municipal', number: 'D-7', date: '2025-04-30' } },
      ],
      rules: SEED_RULES['000'],
    };
    const created = await inject('POST', '/api/v1/agreements', { ...body, providerId: w.ids.call });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ effectiveOn: '2025-05-18', status: 'ending' });
    expect((await inject('POST', '/api/v1/agreements', { ...body, providerId: w.ids.call })).json().issues[0].path).toBe('code');

    const stale = await inject('PUT', `/api/v1/agreements/${id}`, { ...body, title: 'Renommée', expectedUpdatedAt: '2020-01-01T00:00:00.000Z' });
    expect(stale.statusCode).toBe(409);
    const renamed = await inject('PUT', `/api/v1/agreements/${id}`, { ...body, title: 'Renommée', expectedUpdatedAt: created.json().updatedAt });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().title).toBe('Renommée');

    const late = await inject('POST', `/api/v1/agreements/${id}/renewal-letters`, { receivedOn: '2026-04-19' });
    expect(late.statusCode).toBe(422);
    expect(late.json().issues[0].message).toContain('18/04/2026');
    const letter = await inject('POST', `/api/v1/agreements/${id}/renewal-letters`, { receivedOn: '2026-04-10' });
    expect(letter.statusCode, letter.body).toBe(201);
    expect(letter.json().renewedUntil).toBe('2027-05-17');
    const again = await inject('POST', `/api/v1/agreements/${id}/renewal-letters`, { receivedOn: '2026-04-11' });
    expect(again.statusCode).toBe(422);
    const renewed = (await inject('GET', `/api/v1/agreements/${id}`)).json();
    expect(renewed).toMatchObject({ expressRenewals: 1, status: 'in_force', renewalLetters: [{ receivedOn: '2026-04-10', renewedUntil: '2027-05-17' }] });

    // The amendment of an agreement renewed by letter waits for the next expiry.
    const amendment = await inject('POST', `/api/v1/agreements/${id}/amendments`, { subject: 'Nouvelle annexe tarifaire', proposedOn: '2026-03-01', changes: { annexes: ['Annexe tarifaire 2026'] } });
    expect(amendment.statusCode, amendment.body).toBe(201);
    for (const organisationId of [w.ids.call, w.ids.lens]) {
      await inject('POST', `/api/v1/agreements/${id}/amendments/${amendment.json().id}/approvals`, { organisationId, approvedOn: '2026-03-05' });
    }
    const state = (await inject('GET', `/api/v1/agreements/${id}/amendments`)).json()[0];
    expect(state).toMatchObject({ status: 'approved', takesEffectOn: '2026-05-18' });
  });

  it('refuses an amendment that changes nothing or names strangers', async () => {
    const empty = await inject('POST', `/api/v1/agreements/${lensAgreement}/amendments`, { subject: 'Rien', proposedOn: '2026-03-01', changes: {} });
    expect(empty.statusCode).toBe(400);
    const stranger = await inject('POST', `/api/v1/agreements/${lensAgreement}/amendments`, { subject: 'Retrait', proposedOn: '2026-03-01', changes: { removeParties: [w.ids.trouville] } });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().issues[0].path).toBe('changes.removeParties[0]');
  });

  it('prints the agreement, the amendment and the exit acknowledgement as DOCX and PDF', async () => {
    const detail = (await inject('GET', `/api/v1/agreements/${lensAgreement}`)).json();
    const docx = await inject('GET', `/api/v1/agreements/${lensAgreement}/document?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe(DOCX);
    const xml = documentXml(docx.rawPayload);
    expect(xml).toContain('Lens');
    expect(xml).toContain('délibération n° DLB03 (Conseil municipal) du 18 décembre 2024');
    expect(xml).toContain('062-216204982-20241218-DLB03_18122024-DE');
    expect(xml).not.toMatch(/\{[a-z_#/]+\}/);
    const pdf = await inject('GET', `/api/v1/agreements/${lensAgreement}/document?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const amendment = await inject('GET', `/api/v1/agreements/${lensAgreement}/amendments/${detail.amendments[0].id}/document?format=docx`);
    expect(documentXml(amendment.rawPayload)).toContain('se retire des catégories de services : hebergement');
    const ack = await inject('GET', `/api/v1/agreements/${lensAgreement}/exit-requests/${detail.exitRequests[0].id}/acknowledgement?format=docx`);
    const ackXml = documentXml(ack.rawPayload);
    expect(ackXml).toContain('1er janvier 2027');
    expect(ackXml).toContain('Catégories quittées : hebergement');
    expect((await inject('GET', `/api/v1/agreements/${lensAgreement}/exit-requests/${detail.exitRequests[0].id}/acknowledgement?format=pdf`)).statusCode).toBe(200);
  });

  it("uses a provider's own Word template once it passes validation, and refuses a broken one with the tag at fault", async () => {
    const url = `/api/v1/providers/${w.ids.call}/document-templates/convention`;
    const upload = (body: Buffer, fileName = 'modele.docx') => w.app.inject({ method: 'PUT', url: `${url}?fileName=${fileName}`, payload: body, headers: { cookie: admin, 'content-type': DOCX } });
    const broken = await upload(editedTemplate('{convention_titre}', '{convention_titre} {adherent_nmo}'));
    expect(broken.statusCode).toBe(422);
    expect(broken.json().issues).toEqual([expect.objectContaining({ path: '{adherent_nmo}' })]);
    const unclosed = await upload(editedTemplate('{convention_titre}', '{#annexes}{convention_titre}'));
    expect(unclosed.statusCode).toBe(422);
    expect(unclosed.json().issues[0]).toMatchObject({ path: '{annexes}', message: expect.stringContaining('jamais fermée') });
    expect((await upload(Buffer.from('pas un docx'))).json().issues[0].message).toContain('pas un document Word');

    expect((await upload(editedTemplate('{convention_titre}', 'MODÈLE PERSO {convention_titre}'), 'perso.docx')).statusCode).toBe(204);
    const list = (await inject('GET', `/api/v1/providers/${w.ids.call}/document-templates`)).json();
    expect(list.find((t: { kind: string }) => t.kind === 'convention').custom).toMatchObject({ fileName: 'perso.docx' });
    expect(documentXml((await inject('GET', `/api/v1/agreements/${lensAgreement}/document?format=docx`)).rawPayload)).toContain('MODÈLE PERSO');

    expect((await inject('DELETE', url)).statusCode).toBe(204);
    expect(documentXml((await inject('GET', `/api/v1/agreements/${lensAgreement}/document?format=docx`)).rawPayload)).not.toContain('MODÈLE PERSO');
    expect((await inject('DELETE', url)).statusCode).toBe(404);
  });

  it('lets a member print its own agreement but not manage templates', async () => {
    const cli = await w.login('cli.lens@demo.mutualis.fr');
    expect((await inject('GET', `/api/v1/agreements/${lensAgreement}/document?format=pdf`, undefined, cli)).statusCode).toBe(200);
    expect((await inject('GET', `/api/v1/providers/${w.ids.call}/document-templates`, undefined, cli)).statusCode).toBe(403);
    expect((await inject('POST', `/api/v1/agreements/${lensAgreement}/amendments`, { subject: 'x', proposedOn: '2026-03-01', changes: { annexes: ['x'] } }, cli)).statusCode).toBe(403);
  });
});
