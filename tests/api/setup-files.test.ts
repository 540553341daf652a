import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SEED_RULES } from '../../src/domain/agreements/seed-rules.fixture.ts';
import { SEED_004_ANNEX_5 } from '../../src/domain/catalogue/seed-004.fixture.ts';
import { exampleFiles } from '../../src/services/demo.ts';
import { useApiWorld } from '../support/api-harness.ts';
import { ENGINES } from '../support/test-database.ts';

const BROKEN = `version: 1
title: Fichier cassé
organisations:
  - ref: syndicat
    kind: syndicat_mixte_ouvert
    name: Syndicat de test
    provider: { shortName: ST }
  - ref: commune-a
    kind: commune
    name: Commune A
    siren: "123456789"
    inseeCode: "99999"
  - ref: commune-b
    kind: commune
    name: Commune B
    colour: bleu
memberships:
  - { provider: commune-a, member: syndicat, status: member }
  - { provider: syndicat, member: inconnue, status: member }
contacts:
  - { organisation: commune-b, lastName: UN, roles: [cli] }
  - { organisation: commune-b, lastName: DEUX, roles: [cli] }
`;

describe.each(ENGINES)('setup files (%s)', (engine) => {
  const w = useApiWorld(engine);
  const load = async (content: string, dryRun = false) =>
    w.app.inject({ method: 'POST', url: '/api/v1/setup/load', headers: { cookie: await w.login('admin@demo.mutualis.fr') }, payload: { content, dryRun } });
  const organisationCount = async () =>
    (await w.app.inject({ method: 'GET', url: '/api/v1/organisations?limit=1', headers: { cookie: await w.login('admin@demo.mutualis.fr') } })).json().total as number;

  it('reloads the five seeds without changing anything', async () => {
    for (const file of await exampleFiles()) {
      // Files 000 and 001 describe Somme Numérique at two addresses (2016, 2021): reload in order.
      const response = await load(await readFile(file, 'utf8'), true);
      expect(response.statusCode, file).toBe(200);
      expect(response.json().memberships.created, file).toBe(0);
      expect(response.json().contacts.created, file).toBe(0);
    }
  });

  it('ships seed 004 annex 5 exactly, with its catalogue, prerequisites and the annex 7 discrepancy', async () => {
    const cookie = await w.login('cli.lens@demo.mutualis.fr');
    const grid = (await w.app.inject({ method: 'GET', url: `/api/v1/providers/${w.ids.call}/grids/annexe-5-2023-10`, headers: { cookie } })).json();
    const prices = grid.prices.map((p: { line: string; options: object; monthly: string; annual: string }) => [p.line, p.options, p.monthly, p.annual]);
    expect(prices.sort()).toEqual([...SEED_004_ANNEX_5].sort());
    expect(grid.issues.map((i: { kind: string }) => i.kind)).toEqual(['stated_elsewhere_differs']);
    const catalogue = (await w.app.inject({ method: 'GET', url: `/api/v1/providers/${w.ids.call}/catalogue`, headers: { cookie } })).json();
    expect(catalogue.issues).toEqual([]);
    expect(catalogue.sharedCharges).toEqual([{ chargeLine: 'socle-reseau', triggeredBy: ['postes-n1', 'hebergement-n1'] }]);
    const missing = await w.app.inject({ method: 'POST', url: `/api/v1/providers/${w.ids.call}/catalogue/missing-prerequisites`, headers: { cookie }, payload: { lines: ['postes-n2'] } });
    expect(missing.json().map((m: { requires: string }) => m.requires)).toEqual(expect.arrayContaining(['line:postes-n1', 'category:socle']));
    const cdg = (await w.app.inject({ method: 'GET', url: '/api/v1/providers', headers: { cookie: await w.login('admin@demo.mutualis.fr') } })).json().find((p: { shortName: string }) => p.shortName === 'CDG 62');
    const hourly = (await w.app.inject({ method: 'GET', url: `/api/v1/providers/${cdg.id}/grids`, headers: { cookie: await w.login('admin@demo.mutualis.fr') } })).json();
    expect(hourly).toHaveLength(1);
  });

  it('ships the five agreements with the seeds’ rules', async () => {
    const cookie = await w.login('admin@demo.mutualis.fr');
    const list = (await w.app.inject({ method: 'GET', url: '/api/v1/agreements', headers: { cookie } })).json() as { id: string; code: string }[];
    expect(list).toHaveLength(5);
    const seedOf: Record<string, keyof typeof SEED_RULES> = {
      'mutualisation-telecom-coquelicot-2016': '000',
      'mise-a-disposition-fibre-numerique-59-62-2021': '001',
      'prestations-accompagnement-camblain-chatelain': '002',
      'convention-globale-trouville-2024': '003',
      'dmsi-lens-2024': '004',
    };
    for (const summary of list) {
      const detail = (await w.app.inject({ method: 'GET', url: `/api/v1/agreements/${summary.id}`, headers: { cookie } })).json();
      const { obligations: _obligations, ...rules } = detail.rules;
      expect(rules, summary.code).toEqual({ ...SEED_RULES[seedOf[summary.code]!] });
    }
    const lens = list.find((a) => a.code === 'dmsi-lens-2024')!;
    expect((await w.app.inject({ method: 'GET', url: `/api/v1/agreements/${lens.id}`, headers: { cookie } })).json()).toMatchObject({ effectiveOn: '2025-01-01', status: 'ending' });
  });

  it('reports every error with its path and line, and writes nothing', async () => {
    const before = await organisationCount();
    const shape = await load(BROKEN);
    expect(shape.statusCode).toBe(422);
    expect(shape.json().issues).toEqual([
      { path: 'organisations[1].siren (ligne 11)', message: 'clé de contrôle du SIREN invalide' },
      { path: 'organisations[2] (ligne 13)', message: 'clé(s) inconnue(s) : colour' },
    ]);
    const cross = await load(BROKEN.replace('siren: "123456789"', 'siren: "211407150"').replace('    colour: bleu\n', '    population: 12\n'));
    expect(cross.statusCode).toBe(422);
    expect(cross.json().issues).toEqual([
      { path: 'memberships[0].provider (ligne 18)', message: "« commune-a » n'est pas déclaré fournisseur (bloc provider)" },
      { path: 'memberships[1].member (ligne 19)', message: 'référence inconnue « inconnue »' },
      { path: 'contacts[1].roles (ligne 22)', message: "cette organisation a déjà un CLI actif : retirez-lui d'abord ce rôle" },
    ]);
    expect(await organisationCount()).toBe(before);
  });

  it('rolls back the whole file when the database refuses one row', async () => {
    const before = await organisationCount();
    // Both organisations are new by name, but the second carries Lens' SIREN under another INSEE code.
    const content = `version: 1
title: Conflit
organisations:
  - { ref: a, kind: commune, name: Nouvelle commune, inseeCode: "62001" }
  - { ref: b, kind: commune, name: Autre, inseeCode: "62498", siren: "211407150" }
`;
    const response = await load(content);
    expect(response.statusCode).toBe(422);
    expect(response.json().message).toBe('Le fichier contredit le registre');
    expect(await organisationCount()).toBe(before);
  });

  it('reports a YAML syntax error with its line', async () => {
    const response = await load('version: 1\ntitle: [unterminated\n');
    expect(response.statusCode).toBe(422);
    expect(response.json().issues[0].path).toMatch(/^ligne \d+$/);
  });

  it('applies a valid file, audits it, and is idempotent', async () => {
    const content = `version: 1
title: Petit syndicat
organisations:
  - { ref: s, kind: syndicat_intercommunal, name: SIVU informatique de test, provider: { shortName: SIVU } }
  - { ref: c, kind: commune, name: Trouville-sur-Mer, inseeCode: "14715", siren: "211407150", population: 4619 }
memberships:
  - { provider: s, member: c, status: member, since: 2026-01-01 }
contacts:
  - { organisation: c, lastName: DUPONT, firstName: Jeanne, roles: [dpo], email: dpo@trouville.example }
`;
    const first = await load(content);
    expect(first.json()).toMatchObject({ organisations: { created: 1, unchanged: 1 }, memberships: { created: 1 }, contacts: { created: 1 } });
    const second = await load(content);
    expect(second.json()).toMatchObject({ organisations: { created: 0, updated: 0, unchanged: 2 }, memberships: { unchanged: 1 }, contacts: { unchanged: 1 } });
    const audit = (await w.app.inject({ method: 'GET', url: '/api/v1/audit?entityType=setup_file', headers: { cookie: await w.login('admin@demo.mutualis.fr') } })).json();
    expect(audit[0]).toMatchObject({ action: 'load', actorLabel: 'admin@demo.mutualis.fr', after: { title: 'Petit syndicat' } });
  });

  it('publishes the JSON Schema that the committed copy matches', async () => {
    const published = (await w.app.inject({ method: 'GET', url: '/api/v1/setup/schema.json' })).json();
    const committed = JSON.parse(await readFile(new URL('../../schemas/setup-file.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(published);
  });
});
