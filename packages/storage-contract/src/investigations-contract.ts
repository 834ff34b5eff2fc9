import { describe, expect, it } from 'vitest';
import { createTestProject, eventWrite, unique, writeOne } from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

export function describeInvestigationsContract(setup: StorageSetup): void {
  describe('investigations and the LLM ledger', () => {
    const storage = useStorage(setup);

    it('creates, updates, lists and finds cached investigations', async () => {
      const project = await createTestProject(storage());
      const issueId = await writeOne(storage(), eventWrite(project.id, { hashes: [unique('h')] }));
      const store = storage().investigations;
      const first = await store.create({
        issueId,
        projectId: project.id,
        trigger: 'auto',
        createdAt: new Date(1000),
      });
      expect(first).toMatchObject({
        issueId,
        projectId: project.id,
        status: 'pending',
        report: null,
        costUsd: 0,
      });
      const report = { summary: 'cart is null', suspectCommits: [{ sha: 'abc', score: 0.9 }] };
      const done = await store.update(first.id, {
        status: 'completed',
        eventId: 'e'.repeat(32),
        commitSha: 'abc123',
        summary: 'cart is null',
        confidence: 0.75,
        report,
        markdown: '## Root cause',
        model: 'gpt-x',
        promptTokens: 120,
        completionTokens: 30,
        costUsd: 0.0125,
        finishedAt: new Date(2000),
      });
      expect(done).toMatchObject({
        status: 'completed',
        confidence: 0.75,
        report,
        costUsd: 0.0125,
        promptTokens: 120,
      });
      expect(done?.finishedAt?.getTime()).toBe(2000);
      const second = await store.create({
        issueId,
        projectId: project.id,
        trigger: 'manual',
        createdAt: new Date(3000),
      });
      expect((await store.listForIssue(issueId, { limit: 10, offset: 0 })).map((i) => i.id)).toEqual([
        second.id,
        first.id,
      ]);
      expect((await store.listForProjects([project.id], { limit: 1, offset: 0 })).map((i) => i.id)).toEqual([
        second.id,
      ]);
      expect(await store.listForProjects([], { limit: 10, offset: 0 })).toEqual([]);
      expect((await store.findCompleted(issueId, 'abc123', 'e'.repeat(32)))?.id).toBe(first.id);
      expect(await store.findCompleted(issueId, 'other', 'e'.repeat(32))).toBeNull();
      expect(await store.findCompleted(issueId, null, null)).toBeNull();
      expect(await store.get(987654)).toBeNull();
    });

    it('sums LLM spend per project within the UTC month', async () => {
      const project = await createTestProject(storage());
      const other = await createTestProject(storage());
      const entry = {
        issueId: null,
        purpose: 'investigation.analysis',
        provider: 'openai',
        model: 'gpt-x',
        promptTokens: 10,
        completionTokens: 5,
        outcome: 'ok' as const,
      };
      await storage().llmUsage.record({
        ...entry,
        projectId: project.id,
        costUsd: 0.5,
        at: new Date('2026-10-31T23:59:00Z'),
      });
      await storage().llmUsage.record({
        ...entry,
        projectId: project.id,
        costUsd: 0.25,
        at: new Date('2026-11-01T00:00:00Z'),
      });
      await storage().llmUsage.record({
        ...entry,
        projectId: project.id,
        costUsd: 0.125,
        at: new Date('2026-11-20T10:00:00Z'),
      });
      await storage().llmUsage.record({
        ...entry,
        projectId: other.id,
        costUsd: 9,
        at: new Date('2026-11-20T10:00:00Z'),
      });
      expect(
        await storage().llmUsage.spentThisMonth(project.id, new Date('2026-11-22T00:00:00Z')),
      ).toBeCloseTo(0.375);
      expect(await storage().llmUsage.spentThisMonth(project.id, new Date('2026-12-01T00:00:00Z'))).toBe(0);
    });
  });
}
