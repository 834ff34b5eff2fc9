import { beforeAll, describe, expect, it } from 'vitest';
import type { IssueSearchSort, Project } from '@fixloop/core';
import { createTestProject, eventWrite, writeOne } from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

const HOUR = 3_600_000;
const START = Date.parse('2026-03-10T00:00:00.000Z');

/**
 * Sentry's `?environment=` in storage: IssueStore.issueStats with `environments`,
 * issueEnvironmentTotals, and searchIssues sorting by the environments' figures.
 */
export function describeIssueEnvironmentStatsContract(setup: StorageSetup): void {
  describe('issue stats per environment', () => {
    const storage = useStorage(setup);
    let project: Project;
    let issue: number;
    let quiet: number;

    const write = (hash: string, environment: string, hour: number, userKey: string | null, to = project) => {
      const base = eventWrite(to.id, {
        hashes: [hash],
        timestamp: new Date(START + hour * HOUR + 60_000),
        userKey,
      });
      const tags = { ...base.event.tags, environment };
      return writeOne(storage(), { ...base, event: { ...base.event, environment, tags } });
    };

    beforeAll(async () => {
      project = await createTestProject(storage());
      issue = await write('mixed', 'production', 0, 'email:ann@example.com');
      await write('mixed', 'production', 2, 'email:bob@example.com');
      await write('mixed', 'production', 2, 'email:ann@example.com');
      await write('mixed', 'staging', 1, 'email:cy@example.com');
      await write('mixed', 'staging', 3, null);
      quiet = await write('quiet', 'production', 5, null);
    });

    it('counts only the given environments’ events per bucket', async () => {
      const window = { issueIds: [issue, quiet], start: new Date(START), bucketMs: HOUR, buckets: 4 };
      const every = await storage().issues.issueStats(window);
      expect(every.get(issue)).toEqual([1, 1, 2, 1]);
      const staging = await storage().issues.issueStats({ ...window, environments: ['staging'] });
      expect(staging.get(issue)).toEqual([0, 1, 0, 1]);
      expect(staging.get(quiet)).toEqual([0, 0, 0, 0]);
      const production = await storage().issues.issueStats({ ...window, environments: ['production'] });
      expect(production.get(issue)).toEqual([1, 0, 2, 0]);
      const both = await storage().issues.issueStats({ ...window, environments: ['production', 'staging'] });
      expect(both.get(issue)).toEqual([1, 1, 2, 1]);
      const daily = { ...window, bucketMs: 2 * HOUR, buckets: 3, environments: ['production'] };
      const wide = await storage().issues.issueStats(daily);
      expect(wide.get(issue)).toEqual([1, 2, 0]);
      expect(wide.get(quiet)).toEqual([0, 0, 1]);
      const later = { ...window, start: new Date(START + 2 * HOUR), environments: ['production'] };
      expect((await storage().issues.issueStats(later)).get(issue)).toEqual([2, 0, 0, 0]);
    });

    it('totals events, distinct users and first/last seen per issue in the environments', async () => {
      const totals = await storage().issues.issueEnvironmentTotals([issue, quiet], ['staging']);
      expect(totals.get(issue)).toEqual({
        count: 2,
        userCount: 1,
        firstSeen: new Date(START + HOUR + 60_000),
        lastSeen: new Date(START + 3 * HOUR + 60_000),
      });
      expect(totals.has(quiet)).toBe(false);
      const production = await storage().issues.issueEnvironmentTotals([issue, quiet], ['production']);
      expect(production.get(issue)).toMatchObject({ count: 3, userCount: 2 });
      expect(production.get(quiet)).toMatchObject({ count: 1, userCount: 0 });
      const both = await storage().issues.issueEnvironmentTotals([issue], ['production', 'staging']);
      expect(both.get(issue)).toMatchObject({ count: 5, userCount: 3 });
      expect((await storage().issues.issueEnvironmentTotals([issue], ['nowhere'])).size).toBe(0);
      expect((await storage().issues.issueEnvironmentTotals([], ['production'])).size).toBe(0);
    });

    it('sorts by last seen, first seen and events in the environments when given', async () => {
      const sorted = await createTestProject(storage());
      const x = await write('x', 'staging', 1, null, sorted);
      for (const [env, hour] of [
        ['staging', 2],
        ['staging', 3],
        ['production', 10],
      ] as const) {
        await write('x', env, hour, null, sorted);
      }
      const y = await write('y', 'staging', 0, null, sorted);
      await write('y', 'production', 11, null, sorted);
      await write('y', 'production', 12, null, sorted);
      const order = async (sort: IssueSearchSort, environments?: string[]) => {
        const { issues } = await storage().issues.searchIssues({
          projectIds: [sorted.id],
          filters: [],
          sort,
          limit: 10,
          offset: 0,
          now: new Date(START + 24 * HOUR),
          ...(environments === undefined ? {} : { environments }),
        });
        return issues.map((i) => (i.id === x ? 'x' : i.id === y ? 'y' : i.id));
      };
      expect(await order('freq')).toEqual(['x', 'y']);
      expect(await order('freq', ['production'])).toEqual(['y', 'x']);
      expect(await order('freq', ['staging'])).toEqual(['x', 'y']);
      expect(await order('date')).toEqual(['y', 'x']);
      expect(await order('date', ['staging'])).toEqual(['x', 'y']);
      expect(await order('new')).toEqual(['x', 'y']);
      expect(await order('new', ['production'])).toEqual(['y', 'x']);
      expect(await order('new', [])).toEqual(['x', 'y']);
    });
  });
}
