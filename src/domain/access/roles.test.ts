import { describe, expect, it } from 'vitest';
import { can, scopeOf } from './roles.ts';

describe('roles and scopes', () => {
  it('derives the scope from the account', () => {
    expect(scopeOf({ role: 'admin', organisationId: null })).toEqual({ kind: 'platform' });
    expect(scopeOf({ role: 'finance', organisationId: 'p' })).toEqual({ kind: 'provider', providerId: 'p' });
    expect(scopeOf({ role: 'member_cli', organisationId: 'm' })).toEqual({ kind: 'member', organisationId: 'm' });
    expect(() => scopeOf({ role: 'member_elected', organisationId: null })).toThrow();
  });

  it.each([
    ['admin', 'account:manage', true],
    ['finance', 'account:manage', false],
    ['readonly', 'organisation:write', false],
    ['technician', 'contact:write', true],
    ['member_cli', 'contact:write', true],
    ['member_elected', 'contact:write', false],
    ['member_cli', 'audit:read', false],
    ['member_cli', 'need:record', true],
    ['member_elected', 'need:record', false],
    ['technician', 'governance:manage', true],
    ['readonly', 'governance:manage', false],
    ['member_cli', 'governance:manage', false],
  ] as const)('%s can %s: %s', (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });
});
