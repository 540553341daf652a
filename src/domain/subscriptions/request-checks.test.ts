import { describe, expect, it } from 'vitest';
import { SEED_004_CATALOGUE } from '../catalogue/seed-004.fixture.ts';
import { parseCivilDate as d } from '../civil-date.ts';
import { checkRequest, type RequestContext, type RequestedLine } from './request-checks.ts';

const context: RequestContext = {
  catalogue: SEED_004_CATALOGUE,
  currentLines: [],
  perimeter: null,
  agreementInForce: { from: d('2025-01-01'), before: d('2027-01-01') },
  wishDeadline: '06-30',
  population: 31_000,
  receivedOn: d('2025-05-15'),
};
const line = (code: string, quantity = 40, options: Record<string, string> = {}): RequestedLine => ({ line: code, options, quantity, wishedOn: d('2026-01-01') });

describe('subscription request checks (seed 004 art. 10, annexes 6–7)', () => {
  it('refuses category 1 level 2 without level 1 and without the base, saying what to add', () => {
    const findings = checkRequest([line('postes-n2')], context);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['prerequisite', 'refusal'],
      ['prerequisite', 'refusal'],
    ]);
    expect(findings.map((f) => f.message).join(' | ')).toMatch(/nécessite Niveau 1 : gestion des postes de travail.*\|.*nécessite Socle d'adhésion/);
  });

  it('accepts level 1 and level 2 requested together with the base', () => {
    expect(checkRequest([line('socle-reseau'), line('postes-n1'), line('postes-n2')], context)).toEqual([]);
  });

  it('counts lines the member already has as met prerequisites', () => {
    expect(checkRequest([line('postes-n2')], { ...context, currentLines: ['socle-reseau', 'postes-n1'] })).toEqual([]);
  });

  it.each([
    ['an unknown line', [line('telephonie')], 'unknown_line', 'lines[0].line'],
    ['a zero volume', [line('socle-reseau', 0)], 'quantity', 'lines[0].quantity'],
    ['a fractional volume', [line('socle-reseau', 2.5)], 'quantity', 'lines[0].quantity'],
    ['a mailbox without its level', [line('socle-reseau'), line('messagerie', 10, { stockage: '25' })], 'options', 'lines[1].options.niveau'],
    ['a mailbox size that does not exist', [line('socle-reseau'), line('messagerie', 10, { niveau: 'pro', stockage: '100' })], 'options', 'lines[1].options.stockage'],
    ['an option the line does not have', [line('socle-reseau', 10, { couleur: 'bleu' })], 'options', 'lines[0].options.couleur'],
  ] as const)('refuses %s', (_label, lines, code, path) => {
    expect(checkRequest([...lines], context)).toEqual([expect.objectContaining({ severity: 'refusal', code, path })]);
  });

  it('refuses a line outside the perimeter the deliberation authorised (annex 6)', () => {
    const findings = checkRequest([line('socle-reseau'), line('hebergement-n1')], { ...context, perimeter: { lines: ['socle-reseau', 'postes-n1'], deliberation: 'la délibération n° DLB03 du 18/12/2024' } });
    expect(findings).toEqual([expect.objectContaining({ code: 'perimeter', path: 'lines[1].line', message: expect.stringContaining('DLB03') })]);
  });

  it('flags a wish received after June for the next year, for the provider to decide (art. 3.2, 5.2)', () => {
    const findings = checkRequest([line('socle-reseau')], { ...context, receivedOn: d('2025-07-01') });
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', code: 'late', message: expect.stringContaining('30/06/2025') })]);
  });

  it('refuses a wished date outside the agreement in force', () => {
    const after = checkRequest([{ ...line('socle-reseau'), wishedOn: d('2027-02-01') }], { ...context, receivedOn: d('2026-01-10') });
    expect(after).toEqual([expect.objectContaining({ code: 'agreement', message: expect.stringContaining('avant le 01/01/2027') })]);
    expect(checkRequest([line('socle-reseau')], { ...context, agreementInForce: null })[0]).toMatchObject({ code: 'agreement', severity: 'refusal' });
  });

  it('warns, without refusing, when a commune is above the offer’s population target (seed 002)', () => {
    const findings = checkRequest([line('socle-reseau')], { ...context, maxPopulation: 3500, wishDeadline: undefined });
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', code: 'eligibility' })]);
  });
});
