import { describe, expect, it } from 'vitest';
import { exitData, type AgreementData } from './document-data.ts';

const base = { convention_titre: 'Convention' } as AgreementData;
const exit = {
  id: '00000000-0000-4000-8000-000000000001',
  organisationId: '00000000-0000-4000-8000-000000000002',
  organisationName: 'Lens',
  party: 'member' as const,
  scope: 'full' as const,
  categories: [],
  receivedOn: '2026-07-15',
  effectiveOn: '2027-01-01',
  noticeDeadline: '2026-06-30',
  late: false,
  mayBeHeldUntil: null,
  amendmentRequired: false,
  amendmentId: null,
};

describe('what an exit acknowledgement says', () => {
  it.each([
    [{}, 'respecte le préavis'],
    [{ late: true }, "après le 30 juin 2026 : elle prend effet à l'échéance suivante"],
    // Seed 004 art. 13: a late member may be held one more year.
    [{ late: true, mayBeHeldUntil: '2028-01-01' }, "maintenir l'adhésion jusqu'au 1er janvier 2028"],
    [{ scope: 'partial' as const, categories: ['hebergement'], amendmentRequired: true }, 'Un avenant précise le nouveau périmètre'],
  ])('%o → %s', (over, text) => {
    const data = exitData(base, { ...exit, ...over });
    expect(data.sortie_explication).toContain(text);
    expect(data.sortie_dernier_jour).toBe('31 décembre 2026');
  });
});
