import { describe, expect, it } from 'vitest';
import { cliConflict } from './roles.ts';

describe('one active CLI per member (seed 004 art. 3.1)', () => {
  const current = { id: 'a', active: true, roles: ['cli', 'technical'] as const };
  it('refuses a second active CLI', () => {
    expect(cliConflict({ id: 'b', active: true, roles: ['cli'] }, [current])).toMatch(/déjà un CLI actif/);
  });
  it('allows it once the first is inactive, and allows editing the current CLI', () => {
    expect(cliConflict({ id: 'b', active: true, roles: ['cli'] }, [{ ...current, active: false }])).toBeNull();
    expect(cliConflict({ ...current }, [current])).toBeNull();
  });
  it('ignores contacts without the role', () => {
    expect(cliConflict({ id: 'b', active: true, roles: ['dpo'] }, [current])).toBeNull();
  });
});
