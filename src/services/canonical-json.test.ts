import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalSet } from './canonical-json.ts';

describe('canonical JSON', () => {
  it('ignores key order and undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: undefined }] })).toBe(canonicalJson({ a: [{ y: 2 }], b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
  it('orders sets', () => {
    expect(canonicalSet([{ a: 2 }, { a: 1 }])).toEqual([{ a: 1 }, { a: 2 }]);
  });
});
