import { describe, expect, it } from 'vitest';
import { checkApproval } from './fix-approval-rule.ts';

describe('checkApproval', () => {
  const waiting = { state: 'awaiting_approval' as const, approverRole: 'member' as const };

  it('lets members approve category B, and needs an admin or owner for category C', () => {
    expect(checkApproval({ ...waiting, category: 'B' }, 'member')).toEqual({ allowed: true });
    expect(checkApproval({ ...waiting, category: 'B' }, 'admin')).toEqual({ allowed: true });
    expect(checkApproval({ ...waiting, category: 'C' }, 'member')).toMatchObject({
      allowed: false,
      code: 'forbidden',
    });
    expect(checkApproval({ ...waiting, category: 'C', approverRole: 'admin' }, 'owner')).toEqual({
      allowed: true,
    });
    expect(checkApproval({ ...waiting, category: 'C', approverRole: 'admin' }, 'member').allowed).toBe(false);
  });

  it('lets members approve a category A fix held back by an agent permission', () => {
    expect(checkApproval({ ...waiting, category: 'A' }, 'member')).toEqual({ allowed: true });
    expect(checkApproval({ ...waiting, category: 'A', approverRole: 'admin' }, 'member').allowed).toBe(false);
  });

  it('refuses fixes that do not wait for approval', () => {
    expect(checkApproval({ state: 'committed', category: 'A', approverRole: null }, 'owner')).toMatchObject({
      allowed: false,
      code: 'conflict',
    });
  });
});
