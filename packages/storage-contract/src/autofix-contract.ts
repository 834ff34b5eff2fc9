import { isAppError } from '@fixloop/core';
import type { FixAttemptRecord, Project, Storage } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { createTestProject, eventWrite, unique, writeOne } from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

const bot = { kind: 'agent', name: 'fixloop-autofix' } as const;
const system = { kind: 'system', name: 'fixloop' } as const;

async function issueIn(storage: Storage, project: Project): Promise<number> {
  return writeOne(storage, eventWrite(project.id, { hashes: [unique('h')] }));
}

function newAttempt(project: Project, issueId: number, at = 1000) {
  return {
    projectId: project.id,
    issueId,
    trigger: 'auto' as const,
    branch: 'fixloop',
    createdAt: new Date(at),
  };
}

export function describeAutofixContract(setup: StorageSetup): void {
  describe('fix attempts, kill switches and leases', () => {
    const storage = useStorage(setup);

    it('creates one active attempt per issue, with the creation as the first audit line', async () => {
      const project = await createTestProject(storage());
      const issueId = await issueIn(storage(), project);
      const fixes = storage().fixes;
      const first = await fixes.createAttempt(
        newAttempt(project, issueId),
        system,
        'blocking: first occurrence',
      );
      expect(first.created).toBe(true);
      expect(first.attempt).toMatchObject({
        issueId,
        projectId: project.id,
        state: 'pending',
        trigger: 'auto',
        branch: 'fixloop',
        pushState: 'none',
        runs: 0,
        record: null,
        reason: 'blocking: first occurrence',
      });
      const again = await fixes.createAttempt(newAttempt(project, issueId, 2000), system, 'again');
      expect(again).toEqual({ attempt: first.attempt, created: false });
      const events = await fixes.listEvents(first.attempt.id);
      expect(events).toEqual([
        expect.objectContaining({
          from: null,
          to: 'pending',
          actor: system,
          reason: 'blocking: first occurrence',
        }),
      ]);
      expect(events[0]?.at.getTime()).toBe(1000);
    });

    it('lets exactly one of many concurrent creators win', async () => {
      const project = await createTestProject(storage());
      const issueId = await issueIn(storage(), project);
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          storage().fixes.createAttempt(newAttempt(project, issueId), system, 'x'),
        ),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.attempt.id)).size).toBe(1);
    });

    it('moves states by compare-and-set and records who moved them', async () => {
      const project = await createTestProject(storage());
      const issueId = await issueIn(storage(), project);
      const fixes = storage().fixes;
      const { attempt } = await fixes.createAttempt(newAttempt(project, issueId), system, 'new');
      const moved = await fixes.transition({
        attemptId: attempt.id,
        from: 'pending',
        to: 'reproducing',
        actor: bot,
        reason: 'building a reproduction',
        details: { step: 1 },
        at: new Date(2000),
        patch: { runs: 1, jobId: 77 },
      });
      expect(moved).toMatchObject({
        state: 'reproducing',
        runs: 1,
        jobId: 77,
        reason: 'building a reproduction',
      });
      expect(moved?.updatedAt.getTime()).toBe(2000);
      const stale = await fixes.transition({ attemptId: attempt.id, from: 'pending', to: 'failed', actor: bot, reason: 'late', at: new Date(3000) }); // prettier-ignore
      expect(stale).toBeNull();
      const user = { kind: 'user', userId: 5, name: 'ada@example.com' } as const;
      await fixes.transition({ attemptId: attempt.id, from: 'reproducing', to: 'failed', actor: user, reason: 'stop', at: new Date(4000) }); // prettier-ignore
      const trail = await fixes.listEvents(attempt.id);
      expect(trail.map((e) => [e.from, e.to, e.actor.kind])).toEqual([
        [null, 'pending', 'system'],
        ['pending', 'reproducing', 'agent'],
        ['reproducing', 'failed', 'user'],
      ]);
      expect(trail[1]?.details).toEqual({ step: 1 });
      expect(trail[2]?.actor).toEqual(user);
    });

    it('refuses a second active attempt when a closed one is reopened', async () => {
      const project = await createTestProject(storage());
      const issueId = await issueIn(storage(), project);
      const fixes = storage().fixes;
      const { attempt: old } = await fixes.createAttempt(newAttempt(project, issueId), system, 'one');
      await fixes.transition({ attemptId: old.id, from: 'pending', to: 'failed', actor: bot, reason: 'x', at: new Date(1) }); // prettier-ignore
      const { attempt: current, created } = await fixes.createAttempt(
        newAttempt(project, issueId),
        system,
        'two',
      );
      expect(created).toBe(true);
      const error = await fixes
        .transition({
          attemptId: old.id,
          from: 'failed',
          to: 'pending',
          actor: bot,
          reason: 'retry',
          at: new Date(2),
        })
        .catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe('conflict');
      expect((await fixes.getAttempt(old.id))?.state).toBe('failed');
      expect((await fixes.getAttempt(current.id))?.state).toBe('pending');
    });

    it('saves the engine record and every column, and lists and counts by state', async () => {
      const project = await createTestProject(storage());
      const issueId = await issueIn(storage(), project);
      const fixes = storage().fixes;
      const { attempt } = await fixes.createAttempt(newAttempt(project, issueId), system, 'new');
      const committedAt = new Date('2026-05-01T10:00:00.000Z');
      const record = { id: attempt.id, state: 'committed', commitSha: 'c0ffee', committedAt, tried: [] } as unknown as FixAttemptRecord; // prettier-ignore
      const saved = await fixes.update(attempt.id, {
        record,
        category: 'A',
        confidence: 0.9,
        fixer: 'missing-import',
        explanation: 'import it',
        diff: 'diff --git a/x b/x',
        testFile: 'test/fixloop-issue-1.test.js',
        testContent: 'test()',
        verificationOutcome: 'verified',
        verificationLog: '== reproduce_on_base',
        baseSha: 'base1',
        commitSha: 'c0ffee',
        pushState: 'pushed',
        pullRequestUrl: 'https://github.example/pr/1',
        checksState: 'success',
        approverRole: 'admin',
        approvedBy: 'user:ada@example.com',
        approvedAt: new Date(5000),
        rollbackSha: 'abc',
        rolledBackAt: new Date(6000),
        lastError: null,
        investigationId: 9,
        committedAt,
      });
      expect(saved).toMatchObject({
        category: 'A',
        confidence: 0.9,
        fixer: 'missing-import',
        pushState: 'pushed',
        checksState: 'success',
        approverRole: 'admin',
        investigationId: 9,
        commitSha: 'c0ffee',
      });
      expect(saved?.record?.committedAt).toEqual(committedAt);
      expect(saved?.approvedAt?.getTime()).toBe(5000);
      expect(saved?.committedAt).toEqual(committedAt);
      await fixes.transition({ attemptId: attempt.id, from: 'pending', to: 'failed', actor: bot, reason: 'x', at: new Date(7000) }); // prettier-ignore
      const other = await fixes.createAttempt(
        newAttempt(project, await issueIn(storage(), project)),
        system,
        'b',
      );
      expect(
        (await fixes.listAttempts({ projectIds: [project.id], limit: 10, offset: 0 })).map((a) => a.id),
      ).toEqual([other.attempt.id, attempt.id]);
      const failed = await fixes.listAttempts({
        projectIds: [project.id],
        states: ['failed'],
        limit: 10,
        offset: 0,
      });
      expect(failed.map((a) => a.id)).toEqual([attempt.id]);
      const ofIssue = await fixes.listAttempts({ projectIds: [project.id], issueId, limit: 10, offset: 0 });
      expect(ofIssue.map((a) => a.id)).toEqual([attempt.id]);
      expect(await fixes.listAttempts({ projectIds: [], limit: 10, offset: 0 })).toEqual([]);
      expect(await fixes.countByState([project.id])).toEqual({ failed: 1, pending: 1 });
      const note = await fixes.recordEvent({ attemptId: attempt.id, to: 'failed', actor: system, reason: 'pushed', details: null, at: new Date(8000) }); // prettier-ignore
      expect(note).toMatchObject({ from: null, to: 'failed', reason: 'pushed' });
    });

    it('keeps kill switches per scope; no row means on', async () => {
      const fixes = storage().fixes;
      const scopeId = Number.parseInt(unique('1').replace(/\D/g, '').slice(-8), 10);
      expect(await fixes.getSwitch('organization', scopeId)).toBeNull();
      const off = { scope: 'organization', scopeId, enabled: false, updatedBy: 'user:a', updatedAt: new Date(10) } as const; // prettier-ignore
      await fixes.setSwitch(off);
      expect(await fixes.getSwitch('organization', scopeId)).toEqual(off);
      expect(await fixes.getSwitch('project', scopeId)).toBeNull();
      await fixes.setSwitch({ ...off, enabled: true, updatedBy: 'user:b', updatedAt: new Date(20) });
      expect(await fixes.getSwitch('organization', scopeId)).toMatchObject({
        enabled: true,
        updatedBy: 'user:b',
      });
    });

    it('gives a lease to one owner until it expires', async () => {
      const fixes = storage().fixes;
      const key = unique('repository');
      const t = (s: number) => new Date(s * 1000);
      expect(await fixes.acquireLease(key, 'a', t(60), t(0))).toBe(true);
      expect(await fixes.acquireLease(key, 'b', t(70), t(10))).toBe(false);
      expect(await fixes.acquireLease(key, 'a', t(90), t(30))).toBe(true);
      expect(await fixes.acquireLease(key, 'b', t(100), t(80))).toBe(false);
      expect(await fixes.acquireLease(key, 'b', t(150), t(90))).toBe(true);
      await fixes.releaseLease(key, 'a');
      expect(await fixes.acquireLease(key, 'a', t(160), t(100))).toBe(false);
      await fixes.releaseLease(key, 'b');
      expect(await fixes.acquireLease(key, 'a', t(160), t(100))).toBe(true);
      const racers = await Promise.all(
        ['x', 'y', 'z', 'w'].map((o) => fixes.acquireLease(`${key}:race`, o, t(60), t(0))),
      );
      expect(racers.filter(Boolean)).toHaveLength(1);
    });
  });
}
