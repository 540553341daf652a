import { cents, type Cents } from '../money.ts';

/**
 * Exact split of an amount over weights by the largest-remainder method: each part is the floor of its
 * exact share, and the cents left over go one by one to the largest remainders. The parts always add up
 * to the total to the cent (seed 004 art. 2 "la bonne répartition des coûts"); a zero weight gets nothing;
 * equal weights differ by at most one cent. Ties go to the larger weight, then to the earlier position, so
 * the same input always gives the same split. Weights are non-negative integers (units, basis points).
 */
export function allocateLargestRemainder(total: Cents, weights: readonly number[]): Cents[] {
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`Clé de répartition invalide : ${w} (entier positif ou nul attendu)`);
  }
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum === 0) {
    if (total === 0) return weights.map(() => cents(0));
    throw new RangeError(`Impossible de répartir ${total} centimes : la clé est nulle pour tous`);
  }
  const negative = total < 0;
  const amount = BigInt(negative ? -total : total);
  const den = BigInt(sum);
  const floors: bigint[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (const w of weights) {
    const product = amount * BigInt(w);
    floors.push(product / den);
    remainders.push(product % den);
    given += product / den;
  }
  const order = weights.map((_, i) => i).sort((a, b) => {
    const byRemainder = remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : 0;
    return byRemainder || weights[b]! - weights[a]! || a - b;
  });
  let left = amount - given;
  for (const i of order) {
    if (left === 0n) break;
    floors[i] = floors[i]! + 1n;
    left -= 1n;
  }
  return floors.map((f) => cents(Number(negative ? -f : f)));
}

/** The same split keyed by name, e.g. a pool over service lines or a line's cost over members. */
export function allocateByKey<K>(total: Cents, weights: readonly (readonly [K, number])[]): Map<K, Cents> {
  const parts = allocateLargestRemainder(total, weights.map(([, w]) => w));
  return new Map(weights.map(([k], i) => [k, parts[i]!]));
}
