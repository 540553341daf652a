import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_004_ILLUSTRATIVE_BUDGET } from '../../domain/costs/seed-004-budget.fixture.ts';
import { budgetToDocument } from './budget-mapping.ts';

describe('the demo budget file', () => {
  it('is the domain fixture, so the demo shows the figures the tests check', () => {
    const file = JSON.parse(readFileSync(new URL('../../../examples/costs/004-call-dmsi-budget.json', import.meta.url), 'utf8'));
    expect(file.budget).toEqual(budgetToDocument(SEED_004_ILLUSTRATIVE_BUDGET));
    expect(file.illustrative).toMatch(/ILLUSTRATIF/);
  });
});
