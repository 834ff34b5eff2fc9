import { describe, expect, it } from 'vitest';
import type { Storage } from '@fixloop/core';
import { batchOf, createTestProject, eventWrite, newEventId, unique, writeOne } from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

async function claimPayloads(storage: Storage, kind: string): Promise<Record<string, unknown>[]> {
  const jobs = await storage.jobs.claim({
    workerId: 't',
    now: new Date(),
    limit: 1000,
    lockTimeoutMs: 60_000,
    kinds: [kind],
  });
  return jobs.map((j) => j.payload);
}

export function describeIngestGroupingContract(setup: StorageSetup): void {
  describe('ingest: issues, grouping, dedup', () => {
    const storage = useStorage(setup);

    it('creates an issue from the seed, stores the event as written and enqueues issue.created', async () => {
      const project = await createTestProject(storage());
      const write = eventWrite(project.id, { release: 'app@1.0.0' });
      const [result] = await storage().ingest.writeBatch(batchOf([write]));
      expect(result).toMatchObject({ status: 'stored', eventId: write.event.eventId, issueEvent: 'created' });
      const issueId = result?.status === 'stored' ? result.issueId : -1;
      const issue = await storage().issues.getIssue(issueId);
      expect(issue).toMatchObject({
        projectId: project.id,
        shortId: 1,
        primaryHash: write.grouping.primaryHash,
        title: write.issue.title,
        culprit: write.issue.culprit,
        type: 'error',
        level: 'error',
        platform: 'node',
        metadata: write.issue.metadata,
        status: 'unresolved',
        substatus: 'new',
        statusDetails: {},
        severity: 'annoying',
        errorClass: 'javascript',
        severityOverride: null,
        errorClassOverride: null,
        firstSeen: write.event.timestamp,
        lastSeen: write.event.timestamp,
        timesSeen: 1,
        userCount: 0,
        firstRelease: 'app@1.0.0',
        lastRelease: 'app@1.0.0',
        resolvedAt: null,
      });
      expect(await storage().events.getEvent(project.id, write.event.eventId)).toEqual({
        ...write.event,
        issueId,
      });
      expect(await storage().events.getEvent(project.id, newEventId())).toBeNull();
      expect(await claimPayloads(storage(), 'issue.created')).toContainEqual({
        issueId,
        projectId: project.id,
        eventId: write.event.eventId,
      });
      const second = await writeOne(storage(), eventWrite(project.id));
      expect((await storage().issues.getIssue(second))?.shortId).toBe(2);
      expect(await storage().issues.getIssue(987654321)).toBeNull();
    });

    it('groups by the primary hash and updates counters once per issue', async () => {
      const project = await createTestProject(storage());
      const hash = unique('h');
      const t0 = new Date('2026-01-01T10:00:00.000Z');
      const first = await writeOne(
        storage(),
        eventWrite(project.id, { hashes: [hash], timestamp: t0, release: 'a@1' }),
      );
      const later = new Date(t0.getTime() + 60_000);
      const results = await storage().ingest.writeBatch(
        batchOf([
          eventWrite(project.id, { hashes: [hash], timestamp: later, level: 'fatal', release: 'a@2' }),
          eventWrite(project.id, { hashes: [hash], timestamp: new Date(t0.getTime() + 1000) }),
        ]),
      );
      expect(results.map((r) => r.status === 'stored' && [r.issueId, r.issueEvent])).toEqual([
        [first, 'existing'],
        [first, 'existing'],
      ]);
      expect(await storage().issues.getIssue(first)).toMatchObject({
        timesSeen: 3,
        firstSeen: t0,
        lastSeen: later,
        level: 'fatal',
        substatus: 'ongoing',
        firstRelease: 'a@1',
        lastRelease: 'a@2',
      });
      expect(await storage().events.countEvents(project.id)).toBe(3);
      const events = await storage().issues.findIssueByHash(project.id, hash);
      expect(events?.id).toBe(first);
      expect(await storage().issues.findIssueByHash(project.id, 'unknown')).toBeNull();
    });

    it('groups by a secondary hash and maps every new hash to the issue', async () => {
      const project = await createTestProject(storage());
      const [h1, h2, h3] = [unique('h1'), unique('h2'), unique('h3')];
      const issueId = await writeOne(storage(), eventWrite(project.id, { hashes: [h1, h2] }));
      const results = await storage().ingest.writeBatch(
        batchOf([eventWrite(project.id, { hashes: [h3, h2] }), eventWrite(project.id, { hashes: [h3] })]),
      );
      expect(results.map((r) => r.issueId)).toEqual([issueId, issueId]);
      expect(await storage().issues.listHashes(issueId)).toEqual([h1, h2, h3].sort());
      expect((await storage().issues.findIssueByHash(project.id, h3))?.id).toBe(issueId);
      expect((await storage().issues.getIssue(issueId))?.timesSeen).toBe(3);
    });

    it('groups two new events of one batch that share a hash into one new issue', async () => {
      const project = await createTestProject(storage());
      const [h1, h2] = [unique('h1'), unique('h2')];
      const results = await storage().ingest.writeBatch(
        batchOf([eventWrite(project.id, { hashes: [h1] }), eventWrite(project.id, { hashes: [h2, h1] })]),
      );
      expect(results.map((r) => r.status === 'stored' && r.issueEvent)).toEqual(['created', 'existing']);
      expect(results[0]?.issueId).toBe(results[1]?.issueId);
      expect((await storage().issues.getIssue(results[0]?.issueId ?? -1))?.timesSeen).toBe(2);
    });

    it('stores an event id once per project: duplicates across batches and within one batch', async () => {
      const project = await createTestProject(storage());
      const write = eventWrite(project.id);
      const issueId = await writeOne(storage(), write);
      const again = await storage().ingest.writeBatch(batchOf([write]));
      expect(again).toEqual([{ status: 'duplicate', eventId: write.event.eventId, issueId }]);

      const fresh = eventWrite(project.id);
      const inBatch = await storage().ingest.writeBatch(batchOf([fresh, fresh, eventWrite(project.id)]));
      expect(inBatch[0]).toMatchObject({ status: 'stored', issueEvent: 'created' });
      expect(inBatch[1]).toEqual({
        status: 'duplicate',
        eventId: fresh.event.eventId,
        issueId: inBatch[0]?.issueId,
      });
      expect(inBatch[2]).toMatchObject({ status: 'stored', issueEvent: 'created' });
      expect((await storage().issues.getIssue(issueId))?.timesSeen).toBe(1);
      expect((await storage().issues.getIssue(inBatch[0]?.issueId ?? -1))?.timesSeen).toBe(1);
      expect(await storage().events.countEvents(project.id)).toBe(3);

      const otherProject = await createTestProject(storage());
      const sameIdElsewhere = eventWrite(otherProject.id, { eventId: write.event.eventId });
      expect((await storage().ingest.writeBatch(batchOf([sameIdElsewhere])))[0]?.status).toBe('stored');
    });

    it('regresses a resolved issue and enqueues issue.regressed', async () => {
      const project = await createTestProject(storage());
      const hash = unique('h');
      const issueId = await writeOne(storage(), eventWrite(project.id, { hashes: [hash] }));
      const resolvedAt = new Date('2026-01-02T00:00:00.000Z');
      await storage().issues.updateIssue(issueId, { status: 'resolved', substatus: null, resolvedAt });
      const write = eventWrite(project.id, {
        hashes: [hash],
        timestamp: new Date('2026-01-03T00:00:00.000Z'),
      });
      const [result] = await storage().ingest.writeBatch(batchOf([write]));
      expect(result).toEqual({
        status: 'stored',
        eventId: write.event.eventId,
        issueId,
        issueEvent: 'regressed',
      });
      expect(await storage().issues.getIssue(issueId)).toMatchObject({
        status: 'unresolved',
        substatus: 'regressed',
        resolvedAt: null,
        timesSeen: 2,
      });
      expect(await claimPayloads(storage(), 'issue.regressed')).toContainEqual({
        issueId,
        projectId: project.id,
        eventId: write.event.eventId,
      });
    });

    it('keeps an ignored issue ignored until its ignoreCount is reached', async () => {
      const project = await createTestProject(storage());
      const hash = unique('h');
      const issueId = await writeOne(storage(), eventWrite(project.id, { hashes: [hash] }));
      await storage().issues.updateIssue(issueId, {
        status: 'ignored',
        substatus: 'archived_until_condition_met',
        statusDetails: { ignoreCount: 2, ignoreCountBase: 1 },
      });
      await writeOne(storage(), eventWrite(project.id, { hashes: [hash] }));
      expect(await storage().issues.getIssue(issueId)).toMatchObject({ status: 'ignored', timesSeen: 2 });
      const [result] = await storage().ingest.writeBatch(
        batchOf([eventWrite(project.id, { hashes: [hash] })]),
      );
      expect(result).toMatchObject({ status: 'stored', issueEvent: 'existing' });
      // Sentry's substatus for an ignore that ended by count: the issue is escalating.
      expect(await storage().issues.getIssue(issueId)).toMatchObject({
        status: 'unresolved',
        substatus: 'escalating',
        statusDetails: {},
        timesSeen: 3,
      });
    });

    it('lists an issue’s events newest first with paging', async () => {
      const project = await createTestProject(storage());
      const hash = unique('h');
      const base = Date.parse('2026-01-05T00:00:00.000Z');
      const writes = [0, 1, 2].map((i) =>
        eventWrite(project.id, {
          hashes: [hash],
          receivedAt: new Date(base + i * 1000),
          timestamp: new Date(base),
        }),
      );
      const results = await storage().ingest.writeBatch(batchOf(writes));
      const issueId = results[0]?.issueId ?? -1;
      const page1 = await storage().events.listIssueEvents(issueId, { limit: 2, offset: 0 });
      const page2 = await storage().events.listIssueEvents(issueId, { limit: 2, offset: 2 });
      expect(page1.map((e) => e.eventId)).toEqual([writes[2]?.event.eventId, writes[1]?.event.eventId]);
      expect(page2.map((e) => e.eventId)).toEqual([writes[0]?.event.eventId]);
      expect(page1[0]).toEqual({ ...writes[2]?.event, issueId });
    });
  });
}
