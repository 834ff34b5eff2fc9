import { describe, expect, it } from 'vitest';
import { batchOf, createTestProject, eventWrite, timelineEntry } from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

export function describeRetentionContract(setup: StorageSetup): void {
  describe('retention and lifecycle', () => {
    const storage = useStorage(setup);

    it('purges only events, attachments and timelines received before the cutoff, per project', async () => {
      const project = await createTestProject(storage());
      const other = await createTestProject(storage());
      const cutoff = new Date('2026-02-01T00:00:00.000Z');
      const old = eventWrite(project.id, {
        receivedAt: new Date('2026-01-15'),
        timeline: [timelineEntry('old')],
      });
      const fresh = eventWrite(project.id, {
        receivedAt: new Date('2026-02-15'),
        timeline: [timelineEntry('new')],
      });
      const otherOld = eventWrite(other.id, {
        receivedAt: new Date('2026-01-15'),
        timeline: [timelineEntry('o')],
      });
      const attachment = (eventId: string) => ({
        projectId: project.id,
        eventId,
        filename: 'a.bin',
        contentType: null,
        attachmentType: 'event.attachment',
        data: new Uint8Array([1, 2, 3]),
        createdAt: new Date('2026-01-15'),
      });
      await storage().ingest.writeBatch(
        batchOf([old, fresh, otherOld], {
          attachments: [attachment(old.event.eventId), attachment(fresh.event.eventId)],
        }),
      );
      expect(await storage().retention.purgeTimelines(project.id, cutoff)).toBe(1);
      expect(await storage().events.getTimeline(project.id, old.event.eventId)).toBeNull();
      expect(await storage().events.getTimeline(project.id, fresh.event.eventId)).not.toBeNull();
      expect(await storage().events.getTimeline(other.id, otherOld.event.eventId)).not.toBeNull();

      expect(await storage().retention.purgeEvents(project.id, cutoff)).toBe(1);
      expect(await storage().events.getEvent(project.id, old.event.eventId)).toBeNull();
      expect(await storage().events.getEvent(project.id, fresh.event.eventId)).not.toBeNull();
      expect(await storage().events.getEvent(other.id, otherOld.event.eventId)).not.toBeNull();
      expect(await storage().events.listAttachments(project.id, old.event.eventId)).toEqual([]);
      expect(await storage().events.listAttachments(project.id, fresh.event.eventId)).toHaveLength(1);
      expect(await storage().retention.purgeEvents(project.id, cutoff)).toBe(0);
    });

    it('migrates idempotently and answers ping', async () => {
      const project = await createTestProject(storage());
      await storage().migrate();
      await storage().migrate();
      expect((await storage().projects.getProject(project.id))?.id).toBe(project.id);
      await expect(storage().ping()).resolves.toBeUndefined();
      expect(['sqlite', 'postgres']).toContain(storage().dialect);
    });
  });
}
