import { describe, expect, it } from 'vitest';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

export function describeAuditContract(setup: StorageSetup): void {
  describe('audit log', () => {
    const storage = useStorage(setup);

    it('records entries with old and new values and lists them newest first, filtered', async () => {
      const audit = storage().audit;
      const base = { userId: 7, tokenId: null, createdAt: new Date('2026-01-01T00:00:00Z') };
      const first = await audit.record({
        ...base,
        organizationId: 1,
        actor: 'user:ann@example.com',
        action: 'issue.update',
        target: 'issue:5',
        before: { status: 'unresolved' },
        after: { status: 'resolved' },
      });
      expect(first).toMatchObject({ organizationId: 1, userId: 7, before: { status: 'unresolved' } });
      expect(first.createdAt.toISOString()).toBe('2026-01-01T00:00:00.000Z');
      await audit.record({
        ...base,
        organizationId: 1,
        actor: 'token:ci',
        userId: null,
        tokenId: 3,
        action: 'token.create',
        target: 'token:3',
        before: null,
        after: { name: 'ci' },
      });
      await audit.record({
        ...base,
        organizationId: 2,
        actor: 'system',
        action: 'issue.update',
        target: 'issue:9',
        before: null,
        after: null,
      });

      const org1 = await audit.list({ organizationId: 1, limit: 10, offset: 0 });
      expect(org1.map((e) => e.action)).toEqual(['token.create', 'issue.update']);
      expect(org1[0]).toMatchObject({ tokenId: 3, userId: null, after: { name: 'ci' }, before: null });
      const updates = await audit.list({ action: 'issue.update', limit: 10, offset: 0 });
      expect(updates.map((e) => e.target)).toEqual(['issue:9', 'issue:5']);
      expect(await audit.list({ target: 'issue:5', limit: 10, offset: 0 })).toHaveLength(1);
      expect(await audit.list({ limit: 1, offset: 1 })).toHaveLength(1);
    });
  });
}
