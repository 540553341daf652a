import { describe, expect, it } from 'vitest';
import { parseCivilDate as d } from '../civil-date.ts';
import { coverageKey, createFileChecker } from './file-checks.ts';

const members = new Map([['216204982', 'LENS'], ['62498', 'LENS']]);
const coverage = new Map([
  [coverageKey('LENS', 'postes-n1', ''), [{ openedOn: d('2025-03-15'), withdrawnOn: d('2026-01-01') }]],
  [coverageKey('LENS', 'messagerie', 'niveau=pro&stockage=25'), [{ openedOn: d('2025-04-01'), withdrawnOn: null }]],
]);
const row = (month: string, line = 'postes-n1', optionsKey = '', member = '216204982', units = 1) => ({ member, line, optionsKey, month: d(month), units });

describe('checks across a snapshot file', () => {
  it('accepts months while the line was open, by SIREN or INSEE code, and gathers them by year', () => {
    const checker = createFileChecker(members, coverage);
    // Opened on 15 March: March counts; withdrawn from 1 January: December is the last month.
    expect(checker.check(row('2025-03-01', 'postes-n1', '', '216204982', 30), 2)).toBeNull();
    expect(checker.check(row('2025-12-01', 'postes-n1', '', '62498', 31), 3)).toBeNull();
    expect(checker.check(row('2026-02-01', 'messagerie', 'niveau=pro&stockage=25', '62498', 5), 4)).toBeNull();
    const years = [...checker.years()].map((y) => [y.organisationId, y.line, y.year, [...y.units]]);
    expect(years).toEqual([
      ['LENS', 'postes-n1', 2025, [-1, -1, 30, -1, -1, -1, -1, -1, -1, -1, -1, 31]],
      ['LENS', 'messagerie', 2026, [-1, 5, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1]],
    ]);
  });

  it.each([
    ['before the opening', row('2025-02-01'), 'aucune souscription ouverte de postes-n1 pour cet adhérent en 02/2025 (ouverte du 15/03/2025 au 01/01/2026)'],
    ['after the withdrawal', row('2026-01-01'), 'en 01/2026'],
    ['another option combination', row('2025-05-01', 'messagerie', 'niveau=basique&stockage=10'), 'aucune souscription ouverte de messagerie (niveau=basique&stockage=10)'],
  ])('refuses a month %s', (_label, snapshot, message) => {
    expect(createFileChecker(members, coverage).check(snapshot, 9)).toEqual([{ row: 9, column: 'month', message: expect.stringContaining(message) }]);
  });

  it('a withdrawal during a month keeps that month', () => {
    const mid = new Map([[coverageKey('LENS', 'postes-n1', ''), [{ openedOn: d('2025-01-01'), withdrawnOn: d('2025-06-15') }]]]);
    expect(createFileChecker(members, mid).check(row('2025-06-01'), 2)).toBeNull();
    expect(createFileChecker(members, mid).check(row('2025-07-01'), 2)).not.toBeNull();
  });

  it('refuses an organisation that is not a member', () => {
    expect(createFileChecker(members, coverage).check(row('2025-05-01', 'postes-n1', '', '999999999'), 4)).toMatchObject([{ column: 'member' }]);
  });

  it('names the first row of a duplicate, even through the other identifier', () => {
    const checker = createFileChecker(members, coverage);
    checker.check(row('2025-05-01'), 2);
    checker.check(row('2025-06-01'), 3);
    expect(checker.check(row('2025-05-01', 'postes-n1', '', '62498'), 4_000_000)).toEqual([{ row: 4_000_000, column: 'ligne', message: 'doublon de la ligne 2 (même adhérent, service, options et mois)' }]);
  });
});
