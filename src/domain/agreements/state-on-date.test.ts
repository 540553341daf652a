import { describe, expect, it } from 'vitest';
import { parseCivilDate as d } from '../civil-date.ts';
import { SEED_RULES } from './seed-rules.fixture.ts';
import { agreementStateOn, type AgreementVersion, type DatedAmendment } from './state-on-date.ts';

const base: AgreementVersion = {
  title: 'Convention de mutualisation',
  annexes: ['Annexe 1', 'Annexe 5 — tarifs 2023'],
  rules: SEED_RULES['004'],
  parties: [
    { organisationId: 'CALL', role: 'provider' },
    { organisationId: 'LENS', role: 'member' },
    { organisationId: 'LIEVIN', role: 'member' },
  ],
};
const amendments: DatedAmendment[] = [
  { number: 1, takesEffectOn: d('2025-07-01'), changes: { annexes: ['Annexe 1', 'Annexe 5 — tarifs 2025'] } },
  { number: 2, takesEffectOn: d('2026-01-01'), changes: { withdrawCategories: [{ organisationId: 'LENS', categories: ['cat-3'] }] } },
  { number: 3, takesEffectOn: null, changes: { title: 'never approved' } },
  { number: 4, takesEffectOn: d('2025-09-01'), changes: { addParties: [{ organisationId: 'AVION', role: 'member' }] } },
];

describe('agreement state on a date', () => {
  it.each([
    ['2025-03-01', [], 'Annexe 5 — tarifs 2023', ['CALL', 'LENS', 'LIEVIN']],
    ['2025-07-01', [1], 'Annexe 5 — tarifs 2025', ['CALL', 'LENS', 'LIEVIN']],
    ['2025-12-31', [1, 4], 'Annexe 5 — tarifs 2025', ['CALL', 'LENS', 'LIEVIN', 'AVION']],
    ['2026-01-01', [1, 4, 2], 'Annexe 5 — tarifs 2025', ['CALL', 'LENS', 'AVION']],
  ] as const)('on %s: amendments %j applied, %s, parties %j', (on, applied, annex, parties) => {
    const state = agreementStateOn(base, amendments, [{ organisationId: 'LIEVIN', scope: 'full', effectiveOn: d('2026-01-01') }], d(on));
    expect(state.amendmentsApplied).toEqual(applied);
    expect(state.annexes[1]).toBe(annex);
    expect(state.parties.map((p) => p.organisationId)).toEqual(parties);
    expect(state.title).toBe('Convention de mutualisation');
  });

  it('a partial withdrawal keeps the party and records the categories it left', () => {
    const state = agreementStateOn(base, amendments, [], d('2026-02-01'));
    expect(state.parties.find((p) => p.organisationId === 'LENS')?.withdrawnCategories).toEqual(['cat-3']);
  });
});
