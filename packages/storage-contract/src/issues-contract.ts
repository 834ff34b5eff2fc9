import { describe, expect, it } from 'vitest';
import type { EventWrite, Level, Project, Storage } from '@fixloop/core';
import { batchOf, createTestProject, eventWrite, unique } from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

interface Seeded {
  project: Project;
  ids: { a: number; b: number; c: number; d: number };
}

/** Four issues with distinct first/last seen, counts, users, levels and classes. */
async function seedIssues(storage: Storage): Promise<Seeded> {
  const project = await createTestProject(storage);
  const at = (minutes: number) => new Date(Date.parse('2026-03-01T00:00:00.000Z') + minutes * 60_000);
  const make = (hash: string, minutes: number, level: Level, userKey: string | null): EventWrite =>
    eventWrite(project.id, { hashes: [hash], timestamp: at(minutes), level, userKey });
  const [ha, hb, hc, hd] = [unique('a'), unique('b'), unique('c'), unique('d')];
  const ids: number[] = [];
  for (const write of [
    make(ha, 0, 'error', 'u1'),
    make(hb, 10, 'warning', null),
    make(hc, 20, 'fatal', null),
  ]) {
    const [r] = await storage.ingest.writeBatch(batchOf([write]));
    ids.push(r?.issueId ?? -1);
  }
  const d = eventWrite(project.id, { hashes: [hd], timestamp: at(30), level: 'info' });
  const [rd] = await storage.ingest.writeBatch(
    batchOf([{ ...d, issue: { ...d.issue, errorClass: 'network', severity: 'info' } }]),
  );
  ids.push(rd?.issueId ?? -1);
  // a: seen 3 times by 2 users, last at 40; b: seen twice, last at 50.
  await storage.ingest.writeBatch(
    batchOf([make(ha, 40, 'error', 'u2'), make(ha, 35, 'error', 'u1'), make(hb, 50, 'warning', null)]),
  );
  const [a, b, c, dd] = ids as [number, number, number, number];
  return { project, ids: { a, b, c, d: dd } };
}

export function describeIssuesContract(setup: StorageSetup): void {
  describe('issues: list, filter, sort, update', () => {
    const storage = useStorage(setup);
    let seeded: Seeded;
    const list = async (query: Partial<Parameters<Storage['issues']['listIssues']>[0]> = {}) => {
      const result = await storage().issues.listIssues({
        projectIds: [seeded.project.id],
        sort: 'date',
        limit: 50,
        offset: 0,
        ...query,
      });
      return { ids: result.issues.map((i) => i.id), total: result.total };
    };

    it('sorts by date, new, freq and user with a stable tie-break', async () => {
      seeded = await seedIssues(storage());
      const { a, b, c, d } = seeded.ids;
      expect(await list({ sort: 'date' })).toEqual({ ids: [b, a, d, c], total: 4 });
      expect((await list({ sort: 'new' })).ids).toEqual([d, c, b, a]);
      expect((await list({ sort: 'freq' })).ids).toEqual([a, b, d, c]);
      expect((await list({ sort: 'user' })).ids).toEqual([a, d, c, b]);
    });

    it('pages with a total', async () => {
      const { a, b, c, d } = seeded.ids;
      expect(await list({ limit: 2, offset: 0 })).toEqual({ ids: [b, a], total: 4 });
      expect(await list({ limit: 2, offset: 2 })).toEqual({ ids: [d, c], total: 4 });
      expect(await list({ limit: 2, offset: 4 })).toEqual({ ids: [], total: 4 });
      expect(
        await storage().issues.listIssues({ projectIds: [], sort: 'date', limit: 5, offset: 0 }),
      ).toEqual({
        issues: [],
        total: 0,
      });
    });

    it('filters by level, status, effective severity and effective error class', async () => {
      const { a, b, c, d } = seeded.ids;
      expect((await list({ level: ['fatal', 'warning'] })).ids).toEqual([b, c]);
      expect(await list({ errorClass: ['network'] })).toEqual({ ids: [d], total: 1 });
      expect((await list({ severity: ['annoying'] })).ids).toEqual([b, a, c]);

      const updated = await storage().issues.updateIssue(c, {
        severityOverride: 'blocking',
        errorClassOverride: 'database',
      });
      expect(updated).toMatchObject({
        id: c,
        severity: 'annoying',
        severityOverride: 'blocking',
        errorClassOverride: 'database',
      });
      expect((await list({ severity: ['blocking'] })).ids).toEqual([c]);
      expect((await list({ severity: ['annoying'] })).ids).toEqual([b, a]);
      expect((await list({ errorClass: ['database', 'network'] })).ids).toEqual([d, c]);

      await storage().issues.updateIssue(a, {
        status: 'resolved',
        substatus: null,
        resolvedAt: new Date('2026-03-02'),
      });
      expect(await list({ status: ['unresolved'] })).toEqual({ ids: [b, d, c], total: 3 });
      expect((await list({ status: ['resolved'], level: ['error'] })).ids).toEqual([a]);
      const other = await createTestProject(storage());
      const both = await storage().issues.listIssues({
        projectIds: [other.id],
        sort: 'date',
        limit: 5,
        offset: 0,
      });
      expect(both.total).toBe(0);
    });

    it('updates status fields and clears overrides; unknown issue gives null', async () => {
      const { b } = seeded.ids;
      const resolvedAt = new Date('2026-03-03T00:00:00.000Z');
      const details = { inRelease: 'app@2' };
      expect(
        await storage().issues.updateIssue(b, {
          status: 'resolved',
          substatus: null,
          statusDetails: details,
          resolvedAt,
        }),
      ).toMatchObject({
        status: 'resolved',
        substatus: null,
        statusDetails: details,
        resolvedAt,
        timesSeen: 2,
      });
      await storage().issues.updateIssue(seeded.ids.c, { severityOverride: null });
      expect((await storage().issues.getIssue(seeded.ids.c))?.severityOverride).toBeNull();
      expect(await storage().issues.updateIssue(987654321, { status: 'resolved' })).toBeNull();
    });
  });
}
