import { describe, expect, it } from 'vitest';
import { channel, delivery } from './alerting-contract.ts';
import { batchOf, createTestProject, eventWrite, timelineEntry, unique } from './contract-fixtures.ts';
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

    it('purges finished jobs and sent alert deliveries before the cutoff; pending and running ones stay', async () => {
      const day = (d: number) => new Date(Date.UTC(2001, 0, d));
      const cutoff = day(20);
      const kind = unique('retention-job');
      const enqueue = () => storage().jobs.enqueue({ kind, payload: {}, runAt: day(1), maxAttempts: 1 });
      const ids = [await enqueue(), await enqueue(), await enqueue(), await enqueue(), await enqueue()];
      const claimed = await storage().jobs.claim({ workerId: 'w', now: day(1), limit: 4, lockTimeoutMs: 1e12, kinds: [kind] }); // prettier-ignore
      expect(claimed.map((j) => j.id)).toEqual(ids.slice(0, 4));
      await storage().jobs.complete(ids[0]!, day(10)); // done, old
      await storage().jobs.fail(ids[1]!, 'boom', null, day(10)); // failed, old
      await storage().jobs.complete(ids[2]!, day(25)); // done after the cutoff
      // ids[3] is still running, ids[4] still pending.
      expect(await storage().retention.purgeFinishedJobs(cutoff)).toBe(2);
      const left = await Promise.all(ids.map((id) => storage().jobs.getJob(id)));
      expect(left.map((j) => j?.state ?? null)).toEqual([null, null, 'done', 'running', 'pending']);

      const { organizationId } = await createTestProject(storage());
      const ch = await channel(storage(), organizationId);
      const record = async (at: Date, status: 'sent' | 'pending') => {
        const { delivery: entry } = await storage().alerts.recordDelivery({ ...delivery(organizationId, ch.id, unique('d')), at }); // prettier-ignore
        if (status === 'sent') await storage().alerts.updateDelivery(entry.id, { status, at });
        return entry.id;
      };
      const deliveries = [await record(day(10), 'sent'), await record(day(10), 'pending'), await record(day(25), 'sent')]; // prettier-ignore
      expect(await storage().retention.purgeAlertDeliveries(cutoff)).toBe(1);
      const kept = await Promise.all(deliveries.map((id) => storage().alerts.getDelivery(id)));
      expect(kept.map((d) => d?.status ?? null)).toEqual([null, 'pending', 'sent']);
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
