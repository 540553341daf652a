import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { contentKeys, daysText, hoursText, parseDuration, parseTimeEntry, sumTime, type RawTimeEntry } from './time-entries.ts';

const catalogue: Catalogue = {
  categories: [{ code: 'accompagnement', name: 'Accompagnement' }],
  lines: [{ code: 'intervention', categoryCode: 'accompagnement', name: 'Intervention', kind: 'one_off', unit: 'hour', status: 'active', options: [] }],
  dependencies: [],
};
const raw = (over: Partial<RawTimeEntry> = {}): RawTimeEntry => ({
  workedOn: '12/03/2026',
  duration: '1:30',
  person: 'A. Martin',
  member: '62498',
  line: 'intervention',
  travel: 'oui',
  description: 'Installation du poste du secrétariat',
  reference: '',
  row: 2,
  ...over,
});

describe('durations of interventions', () => {
  it.each([
    ['1:30', 90],
    ['1h30', 90],
    ['2 h', 120],
    ['2', 120],
    ['1,5', 90],
    ['1.25', 75],
    ['45 min', 45],
    ['0:50', 50],
  ])('reads %j as %i minutes', (text, minutes) => expect(parseDuration(text)).toBe(minutes));

  it.each([
    ['1,33', 'ne fait pas un nombre entier de minutes'],
    ['1:75', 'au-delà de 59'],
    ['0:00', 'durée nulle'],
    ['25 h', 'au-delà de 24 h'],
    ['une heure', 'illisible'],
  ])('refuses %j', (text, message) => expect(parseDuration(text)).toContain(message));
});

describe('one time entry', () => {
  it('reads a row of a ticketing export', () => {
    expect(parseTimeEntry(raw(), catalogue)).toEqual({
      ok: true,
      value: { workedOn: '2026-03-12', minutes: 90, person: 'A. Martin', member: '62498', line: 'intervention', travelIncluded: true, description: 'Installation du poste du secrétariat', reference: '' },
    });
  });

  it('names every bad column of a row', () => {
    const result = parseTimeEntry(raw({ workedOn: '31/02/2026', duration: '-1', person: ' ', member: '', line: 'inconnue', travel: 'peut-être' }), catalogue);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.column)).toEqual(['date', 'durée', 'intervenant', 'membre', 'service', 'déplacement']);
  });
});

describe('keys of entries without reference', () => {
  it('tells identical rows apart by rank and is the same on a second import', () => {
    const parsed = parseTimeEntry(raw(), catalogue);
    if (!parsed.ok) throw new Error('row should be valid');
    const entry = { ...parsed.value, organisationId: 'lens' };
    const keys = contentKeys([entry, entry, { ...entry, reference: 'GLPI-42' }]);
    expect(new Set(keys).size).toBe(3);
    expect(keys[2]).toBe('ref:GLPI-42');
    expect(contentKeys([entry, entry])).toEqual(keys.slice(0, 2));
  });
});

describe('time summed per period (seed 002: 50 € per hour; seed 004: days of work)', () => {
  const entries = [
    { organisationId: 'a', line: 'intervention', workedOn: '2026-01-10', minutes: 90 },
    { organisationId: 'a', line: 'intervention', workedOn: '2026-03-31', minutes: 50 },
    { organisationId: 'a', line: 'intervention', workedOn: '2026-04-01', minutes: 30 },
    { organisationId: 'b', line: 'intervention', workedOn: '2026-02-01', minutes: 420 },
  ];

  it('sums per quarter', () => {
    expect(sumTime(entries, 'quarter').map((t) => [t.organisationId, t.period.index, t.entries, t.minutes])).toEqual([
      ['a', 1, 2, 140],
      ['a', 2, 1, 30],
      ['b', 1, 1, 420],
    ]);
  });

  it('shows hours and days with two decimals, half up', () => {
    expect(hoursText(140)).toBe('2.33');
    expect(hoursText(50)).toBe('0.83');
    expect(hoursText(45)).toBe('0.75');
    expect(daysText(420, 420)).toBe('1.00');
    expect(daysText(210, 450)).toBe('0.47');
  });
});
