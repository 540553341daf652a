import { describe, expect, it } from 'vitest';
import { useApiWorld } from '../support/api-harness.ts';

describe('the API describes itself', () => {
  const w = useApiWorld('pglite');

  it('serves an OpenAPI 3 document with every route, and a browsable page', async () => {
    const spec = (await w.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/organisations', '/api/v1/providers/{id}/grids/{code}', '/api/v1/calendar']));
    // Request schemas carry the field rules: the SIREN example and the French description of q.
    expect(JSON.stringify(spec.paths['/api/v1/organisations'].get.parameters)).toContain('Nom, code INSEE ou SIREN');
    const page = await w.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('names the field and the reason of a validation error, in French', async () => {
    const cookie = await w.login('admin@demo.mutualis.fr');
    const response = await w.app.inject({ method: 'GET', url: '/api/v1/organisations?limit=abc&sort=colour', headers: { cookie } });
    expect(response.statusCode).toBe(400);
    const issues = response.json().issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path).sort()).toEqual(['limit', 'sort']);
    expect(issues.every((i) => !/Invalid|expected/.test(i.message))).toBe(true);
  });
});
