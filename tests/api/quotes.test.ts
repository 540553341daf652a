import { beforeAll, describe, expect, it } from 'vitest';
import { useApiWorld } from '../support/api-harness.ts';
import { ENGINES } from '../support/test-database.ts';

describe.each(ENGINES)('quotes (seed 002 art. 4.1) (%s)', (engine) => {
  const w = useApiWorld(engine);
  let admin: string;
  let cdg: string;
  let camblain: string;
  const post = (url: string, payload: unknown, cookie = admin) => w.app.inject({ method: 'POST', url, payload: payload as never, headers: { cookie } });

  beforeAll(async () => {
    admin = await w.login('admin@demo.mutualis.fr');
    const providers = (await w.app.inject({ method: 'GET', url: '/api/v1/providers', headers: { cookie: admin } })).json() as { id: string; name: string }[];
    cdg = providers.find((p) => p.name.startsWith('Centre de Gestion'))!.id;
    const found = (await w.app.inject({ method: 'GET', url: '/api/v1/organisations?q=Camblain', headers: { cookie: admin } })).json() as { items: { id: string }[] };
    camblain = found.items[0]!.id;
  });

  it('prices hours at the grid’s hourly rate, numbers quotes without gaps, and records the signature that accepts the price', async () => {
    const body = {
      providerId: cdg,
      organisationId: camblain,
      subject: 'Accompagnement à la mise en place des services numériques',
      issuedOn: '2026-03-02',
      validUntil: '2026-04-30',
      lines: [
        { line: 'accompagnement-horaire', quantity: '6.5' },
        { nature: 'Formation des agents (forfait)', quantity: '1', unitPrice: '120.00' },
      ],
    };
    const first = await post('/api/v1/quotes', body);
    expect(first.statusCode, first.body).toBe(201);
    // 6.5 h × 50.00 € = 325.00 €, plus 120.00 €.
    expect(first.json()).toMatchObject({ number: 'DEV-2026-0001', status: 'draft', total: '445.00' });
    expect(first.json().lines[0]).toMatchObject({ quantity: '6,5', unitPrice: '50.00', amount: '325.00' });
    const second = await post('/api/v1/quotes', body);
    expect(second.json().number).toBe('DEV-2026-0002');

    const id = first.json().id as string;
    const early = await post(`/api/v1/quotes/${id}/acceptance`, { acceptedOn: '2026-03-05', acceptedBy: 'Le maire' });
    expect(early.json().issues[0].message).toContain("pas encore été envoyé");
    expect((await post(`/api/v1/quotes/${id}/send`, { sentOn: '2026-03-03' })).json().status).toBe('sent');
    const late = await post(`/api/v1/quotes/${id}/acceptance`, { acceptedOn: '2026-05-02', acceptedBy: 'Le maire' });
    expect(late.json().issues[0].message).toContain('signé trop tard');
    const accepted = await post(`/api/v1/quotes/${id}/acceptance`, { acceptedOn: '2026-03-10', acceptedBy: 'M. le Maire', signedFileName: 'devis-signe.pdf', signedDocumentBase64: Buffer.from('%PDF-1.7 signé').toString('base64') });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptedBy: 'M. le Maire', signedFileName: 'devis-signe.pdf' });
    const signed = await w.app.inject({ method: 'GET', url: `/api/v1/quotes/${id}/signed-document`, headers: { cookie: admin } });
    expect(signed.body).toBe('%PDF-1.7 signé');
    const pdf = await w.app.inject({ method: 'GET', url: `/api/v1/quotes/${id}/document`, headers: { cookie: admin } });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await post(`/api/v1/quotes/${id}/decline`, { declinedOn: '2026-03-11' })).statusCode).toBe(422);
  });

  it('says which line lacks a price or has a bad quantity', async () => {
    const bad = await post('/api/v1/quotes', {
      providerId: cdg,
      organisationId: camblain,
      subject: 'Erreurs',
      validUntil: '2026-04-30',
      lines: [{ nature: 'Sans prix', quantity: '1' }, { line: 'accompagnement-horaire', quantity: '1.234' }, { line: 'inconnue', quantity: '1' }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['lines[0].unitPrice', 'lines[1].quantity', 'lines[2].line']);
  });

  it('numbers quotes without gaps even when issued at the same time', async () => {
    const body = { providerId: cdg, organisationId: camblain, subject: 'Concurrence', issuedOn: '2027-01-05', validUntil: '2027-02-05', lines: [{ line: 'accompagnement-horaire', quantity: '1' }] };
    const numbers = (await Promise.all(Array.from({ length: 6 }, () => post('/api/v1/quotes', body)))).map((r) => r.json().number as string);
    expect(numbers.sort()).toEqual(['DEV-2027-0001', 'DEV-2027-0002', 'DEV-2027-0003', 'DEV-2027-0004', 'DEV-2027-0005', 'DEV-2027-0006']);
  });
});
