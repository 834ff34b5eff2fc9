import { describe, expect, it } from 'vitest';
import type { EventWrite } from '@fixloop/core';
import { batchOf, createTestProject, eventWrite, timelineEntry } from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

/** The adapter's codec applied ahead of time, as ingest worker threads do. */
export type PreEncode = (write: EventWrite) => EventWrite;

export function describeIngestPreEncodedContract(setup: StorageSetup, preEncode: PreEncode): void {
  describe('ingest: writes pre-encoded off the writer thread', () => {
    const storage = useStorage(setup);

    it('stores a pre-encoded write exactly like the plain one, also after a thread hop', async () => {
      const project = await createTestProject(storage());
      const timeline = [timelineEntry('GET /x'), { ...timelineEntry('boom'), isError: true, network: null }];
      const plain = eventWrite(project.id, { timeline, tags: { browser: 'Chrome 120' } });
      // structuredClone is what postMessage does: Buffers arrive as plain Uint8Arrays.
      const encoded = structuredClone(preEncode(plain));
      expect(encoded.encoded?.record).toBeInstanceOf(Uint8Array);
      expect(encoded.event.payload).toEqual({});
      const withoutTimeline = structuredClone(preEncode(eventWrite(project.id)));
      expect(withoutTimeline.encoded?.timeline).toBeNull();

      const results = await storage().ingest.writeBatch(batchOf([encoded, withoutTimeline]));
      expect(results.map((r) => r.status)).toEqual(['stored', 'stored']);
      const stored = await storage().events.getEvent(project.id, plain.event.eventId);
      const issueId = results[0]?.status === 'stored' ? results[0].issueId : -1;
      expect(stored).toEqual({ ...plain.event, issueId });
      expect(await storage().events.getTimeline(project.id, plain.event.eventId)).toEqual(timeline);
      expect(await storage().events.getTimeline(project.id, withoutTimeline.event.eventId)).toBeNull();
      const issue = await storage().issues.getIssue(issueId);
      expect(issue).toMatchObject({ title: plain.issue.title, timesSeen: 1 });
      expect(await storage().issues.listTagValues(issueId, 'browser')).toMatchObject([
        { key: 'browser', value: 'Chrome 120', timesSeen: 1 },
      ]);
    });
  });
}
