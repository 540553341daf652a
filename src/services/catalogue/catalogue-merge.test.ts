import { describe, expect, it } from 'vitest';
import { mergeCatalogueDocuments } from './catalogue-merge.ts';

const line = (code: string, category: string, name = code) => ({ code, category, name, kind: 'continuous' as const, unit: 'flat' as const, status: 'active' as const, options: [], responsibilities: [], technicalPrerequisites: [], annexes: [] });

describe('merging a setup file into a catalogue', () => {
  it('keeps what the file does not mention, replaces what it does, adds the rest', () => {
    const current = {
      categories: [{ code: 'internet', name: 'Internet' }],
      lines: [line('acces', 'internet'), line('messagerie', 'internet', 'ancienne')],
      dependencies: [{ from: { line: 'messagerie' }, requires: { line: 'acces' } }],
      sharedCharges: [],
    };
    const incoming = {
      categories: [{ code: 'presence', name: 'Présence en ligne' }],
      lines: [line('messagerie', 'internet', 'nouvelle'), line('page', 'presence')],
      dependencies: [{ from: { line: 'messagerie' }, requires: { line: 'acces' } }, { from: { line: 'page' }, requires: { line: 'acces' } }],
      sharedCharges: [{ chargeLine: 'acces', triggeredBy: ['page'] }],
    };
    const merged = mergeCatalogueDocuments(current, incoming);
    expect(merged.categories.map((c) => c.code)).toEqual(['internet', 'presence']);
    expect(merged.lines.map((l) => [l.code, l.name])).toEqual([['acces', 'acces'], ['messagerie', 'nouvelle'], ['page', 'page']]);
    expect(merged.dependencies).toHaveLength(2);
    expect(merged.sharedCharges).toEqual([{ chargeLine: 'acces', triggeredBy: ['page'] }]);
  });
});
