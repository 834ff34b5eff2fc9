import { describe, expect, it } from 'vitest';
import {
  batchOf,
  createTestProject,
  eventWrite,
  newEventId,
  timelineEntry,
  unique,
  writeOne,
} from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

export function describeIngestSideItemsContract(setup: StorageSetup): void {
  describe('ingest: counters, timelines, attachments, reports, outcomes, atomicity', () => {
    const storage = useStorage(setup);

    it('counts distinct users and tag values per issue', async () => {
      const project = await createTestProject(storage());
      const hash = unique('h');
      const w = (userKey: string | null, browser: string) =>
        eventWrite(project.id, { hashes: [hash], userKey, tags: { browser } });
      const [first] = await storage().ingest.writeBatch(
        batchOf([w('id:1', 'Chrome'), w('id:2', 'Chrome'), w('id:1', 'Firefox')]),
      );
      const issueId = first?.issueId ?? -1;
      await storage().ingest.writeBatch(
        batchOf([w('id:1', 'Chrome'), w(null, 'Chrome'), w('id:3', 'Safari')]),
      );
      expect(await storage().issues.getIssue(issueId)).toMatchObject({ timesSeen: 6, userCount: 3 });
      const browsers = await storage().issues.listTagValues(issueId, 'browser');
      expect(browsers.map((t) => [t.value, t.timesSeen])).toEqual([
        ['Chrome', 4],
        ['Firefox', 1],
        ['Safari', 1],
      ]);
      expect(browsers[0]?.firstSeen).toBeInstanceOf(Date);
      const users = await storage().issues.listTagValues(issueId, 'sentry:user');
      expect(users.map((t) => [t.value, t.timesSeen])).toEqual([
        ['id:1', 3],
        ['id:2', 1],
        ['id:3', 1],
      ]);
      const all = await storage().issues.listTagValues(issueId);
      expect(new Set(all.map((t) => t.key))).toEqual(new Set(['browser', 'sentry:user']));
      expect(await storage().issues.listTagValues(issueId, 'browser', 1)).toHaveLength(1);
    });

    it('counts every tag value of events with many tags, across batches and issues', async () => {
      const project = await createTestProject(storage());
      // 40 tags: more than one multi-row statement holds, and not a multiple of its size.
      const tags = (round: number) =>
        Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, `v${i % 3 === 0 ? round : 0}`]));
      const hashes = [unique('many'), unique('many')];
      const w = (issue: number, round: number) =>
        eventWrite(project.id, { hashes: [hashes[issue]!], userKey: `id:${round}`, tags: tags(round) });
      const [a, b] = await storage().ingest.writeBatch(batchOf([w(0, 1), w(1, 1), w(0, 2)]));
      await storage().ingest.writeBatch(batchOf([w(0, 1)]));
      const first = await storage().issues.listTagValues(a?.issueId ?? -1);
      const seen = (key: string) => first.filter((t) => t.key === key).map((t) => [t.value, t.timesSeen]);
      expect(new Set(first.map((t) => t.key)).size).toBe(41);
      expect(seen('k1')).toEqual([['v0', 3]]);
      expect(seen('k39')).toEqual([
        ['v1', 2],
        ['v2', 1],
      ]);
      expect(seen('sentry:user')).toEqual([
        ['id:1', 2],
        ['id:2', 1],
      ]);
      expect(await storage().issues.getIssue(a?.issueId ?? -1)).toMatchObject({ timesSeen: 3, userCount: 2 });
      const second = await storage().issues.listTagValues(b?.issueId ?? -1);
      expect(second).toHaveLength(41);
      expect(second.every((t) => t.timesSeen === 1)).toBe(true);
    });

    it('stores timelines only for events that have one', async () => {
      const project = await createTestProject(storage());
      const timeline = [timelineEntry('GET /x'), { ...timelineEntry('boom'), isError: true, network: null }];
      const withTimeline = eventWrite(project.id, { timeline });
      const without = eventWrite(project.id);
      await storage().ingest.writeBatch(batchOf([withTimeline, without]));
      expect(await storage().events.getTimeline(project.id, withTimeline.event.eventId)).toEqual(timeline);
      expect(await storage().events.getTimeline(project.id, without.event.eventId)).toBeNull();
    });

    it('stores attachments and returns their bytes', async () => {
      const project = await createTestProject(storage());
      const write = eventWrite(project.id);
      const data = new Uint8Array([0, 1, 2, 255, 254, 10, 13]);
      const createdAt = new Date('2026-01-01T10:00:01.000Z');
      await storage().ingest.writeBatch(
        batchOf([write], {
          attachments: [
            {
              projectId: project.id,
              eventId: write.event.eventId,
              filename: 'log.txt',
              contentType: 'text/plain',
              attachmentType: 'event.attachment',
              data,
              createdAt,
            },
          ],
        }),
      );
      const [attachment, ...rest] = await storage().events.listAttachments(project.id, write.event.eventId);
      expect(rest).toEqual([]);
      expect(attachment).toMatchObject({
        projectId: project.id,
        eventId: write.event.eventId,
        filename: 'log.txt',
        contentType: 'text/plain',
        attachmentType: 'event.attachment',
        size: data.byteLength,
        createdAt,
      });
      expect(await storage().events.getAttachmentData(attachment?.id ?? -1)).toEqual(data);
      expect(await storage().events.getAttachmentData(987654321)).toBeNull();
    });

    it('links user reports to the issue of their event, also within the same batch', async () => {
      const project = await createTestProject(storage());
      const write = eventWrite(project.id);
      const report = (eventId: string | null, at: string) => ({
        projectId: project.id,
        eventId,
        name: 'Ann',
        email: 'ann@example.com',
        comments: `it broke ${at}`,
        url: null,
        source: 'user_report' as const,
        createdAt: new Date(at),
      });
      const [result] = await storage().ingest.writeBatch(
        batchOf([write], {
          userReports: [
            report(write.event.eventId, '2026-01-01T10:00:00.000Z'),
            report(newEventId(), '2026-01-01T10:00:01.000Z'),
            report(null, '2026-01-01T10:00:02.000Z'),
          ],
        }),
      );
      const reports = await storage().events.listUserReports(project.id, { limit: 10, offset: 0 });
      expect(reports.map((r) => [r.comments, r.issueId])).toEqual([
        ['it broke 2026-01-01T10:00:02.000Z', null],
        ['it broke 2026-01-01T10:00:01.000Z', null],
        ['it broke 2026-01-01T10:00:00.000Z', result?.issueId],
      ]);
      expect(reports[2]).toMatchObject({
        eventId: write.event.eventId,
        email: 'ann@example.com',
        source: 'user_report',
      });
      expect(await storage().events.listUserReports(project.id, { limit: 1, offset: 2 })).toHaveLength(1);
    });

    it('sums outcomes per category and outcome', async () => {
      const project = await createTestProject(storage());
      const at = new Date('2026-01-01T10:20:00.000Z');
      const outcome = (category: string, quantity: number, when = at) => ({
        projectId: project.id,
        category,
        outcome: 'accepted' as const,
        quantity,
        at: when,
      });
      await storage().ingest.writeBatch(
        batchOf([], { outcomes: [outcome('error', 2), outcome('error', 3)] }),
      );
      await storage().ingest.writeBatch(
        batchOf([], {
          outcomes: [
            outcome('error', 1),
            outcome('attachment', 4),
            outcome('error', 100, new Date('2025-12-01')),
          ],
        }),
      );
      expect(await storage().events.outcomeTotals(project.id, new Date('2026-01-01T00:00:00.000Z'))).toEqual([
        { category: 'attachment', outcome: 'accepted', quantity: 4 },
        { category: 'error', outcome: 'accepted', quantity: 6 },
      ]);
      expect(await storage().events.outcomeTotals(project.id, new Date('2026-01-02T00:00:00.000Z'))).toEqual(
        [],
      );
    });

    it('writes a batch atomically: a failure midway leaves nothing behind and rejects', async () => {
      const project = await createTestProject(storage());
      const good = eventWrite(project.id);
      const known = eventWrite(project.id);
      const knownIssue = await writeOne(storage(), known);
      const sameIssue = eventWrite(project.id, { hashes: known.grouping.hashes });
      const bad = eventWrite(987654321);
      await expect(
        storage().ingest.writeBatch(
          batchOf([good, sameIssue, bad], {
            outcomes: [
              { projectId: project.id, category: 'error', outcome: 'accepted', quantity: 3, at: new Date() },
            ],
          }),
        ),
      ).rejects.toThrow();
      expect(await storage().events.getEvent(project.id, good.event.eventId)).toBeNull();
      expect(await storage().issues.findIssueByHash(project.id, good.grouping.primaryHash)).toBeNull();
      expect(await storage().events.countEvents(project.id)).toBe(1);
      expect((await storage().issues.getIssue(knownIssue))?.timesSeen).toBe(1);
      expect(await storage().events.outcomeTotals(project.id, new Date(0))).toEqual([]);
      const retry = await storage().ingest.writeBatch(batchOf([good]));
      expect(retry[0]?.status).toBe('stored');
    });
  });
}
