import { describe, expect, it } from 'vitest';
import { cents } from '../money.ts';
import { allocateByKey, allocateLargestRemainder } from './allocation.ts';
import { seededRandom } from './seeded-random.ts';

const int = (random: () => number, max: number) => Math.floor(random() * (max + 1));

describe('allocateLargestRemainder', () => {
  it.each([
    // 100 € over three equal members: 33.34 + 33.33 + 33.33, never 99.99.
    [10000, [1, 1, 1], [3334, 3333, 3333]],
    [10000, [1, 2, 1], [2500, 5000, 2500]],
    [1, [1, 1], [1, 0]],
    [-10000, [1, 1, 1], [-3334, -3333, -3333]],
    [500, [0, 3, 0, 2], [0, 300, 0, 200]],
    [0, [0, 0], [0, 0]],
    // Ties go to the larger weight, then to the earlier member.
    [5, [2, 1, 1], [3, 1, 1]],
  ])('%i cents over %j → %j', (total, weights, expected) => {
    expect(allocateLargestRemainder(cents(total), weights)).toEqual(expected);
  });

  it('refuses an amount over a key that is zero for everyone, and negative or decimal weights', () => {
    expect(() => allocateLargestRemainder(cents(100), [0, 0])).toThrow(/clé est nulle/);
    expect(() => allocateLargestRemainder(cents(100), [1, -1])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(cents(100), [0.5, 1])).toThrow(RangeError);
  });

  it('properties over 2 000 random splits: parts sum to the total, zero weights get nothing, each part is within one cent of its exact share, more weight never gets less', () => {
    const random = seededRandom(20261122);
    for (let run = 0; run < 2000; run++) {
      const n = 1 + int(random, 12);
      const weights: number[] = Array.from({ length: n }, () => (random() < 0.2 ? 0 : int(random, 5000)));
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      const total = cents(int(random, 100_000_000) * (random() < 0.1 ? -1 : 1));
      const parts = allocateLargestRemainder(total, weights);
      const sumW = weights.reduce((s, w) => s + w, 0);
      expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
      weights.forEach((w, i) => {
        if (w === 0) expect(parts[i]).toBe(0);
        const exact = (total * w) / sumW;
        expect(Math.abs(parts[i]! - exact)).toBeLessThan(1 + 1e-6);
        weights.forEach((v, j) => {
          if (w > v) expect(Math.abs(parts[i]!)).toBeGreaterThanOrEqual(Math.abs(parts[j]!));
        });
      });
    }
  });

  it('proportionality: scaling every weight by the same factor gives the same split', () => {
    const random = seededRandom(7);
    for (let run = 0; run < 500; run++) {
      const weights = Array.from({ length: 1 + int(random, 8) }, () => 1 + int(random, 300));
      const factor = 1 + int(random, 50);
      const total = cents(int(random, 10_000_000));
      expect(allocateLargestRemainder(total, weights.map((w) => w * factor))).toEqual(allocateLargestRemainder(total, weights));
    }
  });
});

describe('allocateByKey', () => {
  it('keys the parts by member', () => {
    expect([...allocateByKey(cents(1000), [['lens', 2], ['lievin', 1]])]).toEqual([['lens', 667], ['lievin', 333]]);
  });
});
