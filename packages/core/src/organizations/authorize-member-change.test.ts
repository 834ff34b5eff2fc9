import { describe, expect, it } from 'vitest';
import { authorizeMemberChange, roleAtLeast } from './authorize-member-change.ts';
import type { MemberChange, MemberChangeActor } from './authorize-member-change.ts';

const actor = (role: MemberChangeActor['role'], extra: Partial<MemberChangeActor> = {}) => ({
  role,
  canManageMembers: role === 'owner' || role === 'admin',
  isSelf: false,
  ...extra,
});

describe('authorizeMemberChange', () => {
  it.each<[string, MemberChangeActor, MemberChange, boolean]>([
    ['owner adds an owner', actor('owner'), { kind: 'add', role: 'owner' }, true],
    ['admin adds a member', actor('admin'), { kind: 'add', role: 'member' }, true],
    ['admin cannot add an owner', actor('admin'), { kind: 'add', role: 'owner' }, false],
    ['member cannot add', actor('member'), { kind: 'add', role: 'viewer' }, false],
    ['admin demotes a member', actor('admin'), { kind: 'role', targetRole: 'member', role: 'viewer' }, true],
    [
      'admin cannot demote an owner',
      actor('admin'),
      { kind: 'role', targetRole: 'owner', role: 'admin' },
      false,
    ],
    [
      'admin cannot promote to owner',
      actor('admin'),
      { kind: 'role', targetRole: 'admin', role: 'owner' },
      false,
    ],
    ['owner demotes an owner', actor('owner'), { kind: 'role', targetRole: 'owner', role: 'admin' }, true],
    ['admin removes a viewer', actor('admin'), { kind: 'remove', targetRole: 'viewer' }, true],
    ['admin cannot remove an owner', actor('admin'), { kind: 'remove', targetRole: 'owner' }, false],
    ['viewer leaves', actor('viewer', { isSelf: true }), { kind: 'remove', targetRole: 'viewer' }, true],
    ['viewer cannot remove others', actor('viewer'), { kind: 'remove', targetRole: 'viewer' }, false],
    [
      'owner token without member:admin cannot',
      actor('owner', { canManageMembers: false }),
      { kind: 'role', targetRole: 'member', role: 'admin' },
      false,
    ],
  ])('%s', (_name, who, change, allowed) => {
    const decision = authorizeMemberChange(who, change);
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.reason).toMatch(/owner|member:admin/);
  });

  it('ranks roles', () => {
    expect(roleAtLeast('owner', 'admin')).toBe(true);
    expect(roleAtLeast('admin', 'admin')).toBe(true);
    expect(roleAtLeast('member', 'admin')).toBe(false);
    expect(roleAtLeast('viewer', 'member')).toBe(false);
  });
});
