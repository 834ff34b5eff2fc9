import { beforeAll, describe, expect, it } from 'vitest';
import { ENVIRONMENT_TAGS_MAX_EVENTS } from '@fixloop/core';
import type { Project } from '@fixloop/core';
import { batchOf, createTestProject, eventWrite, writeOne } from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

const HOUR = 3_600_000;
const START = Date.parse('2026-04-02T00:00:00.000Z');
const at = (hour: number) => new Date(START + hour * HOUR);

/** Sentry's `?environment=` on an issue's tag breakdown: IssueStore.issueEnvironmentTags. */
export function describeIssueEnvironmentTagsContract(setup: StorageSetup): void {
  describe('issue tags per environment', () => {
    const storage = useStorage(setup);
    let project: Project;
    let issue: number;

    const write = (environment: string, hour: number, browser: string, userKey: string | null) => {
      const base = eventWrite(project.id, { hashes: ['tagged'], timestamp: at(hour), userKey });
      const tags = { environment, browser, level: 'error' };
      return writeOne(storage(), { ...base, event: { ...base.event, environment, tags } });
    };

    beforeAll(async () => {
      project = await createTestProject(storage());
      issue = await write('production', 1, 'Firefox', 'email:ann@example.com');
      await write('production', 3, 'Firefox', 'email:bob@example.com');
      await write('production', 2, 'Chrome', 'email:ann@example.com');
      await write('staging', 0, 'Safari', 'email:cy@example.com');
      await write('staging', 5, 'Firefox', null);
    });

    it('counts keys and values over the events of the environments only', async () => {
      const { keys, values } = await storage().issues.issueEnvironmentTags(issue, ['production']);
      expect(keys.map((k) => k.key)).toEqual(['browser', 'environment', 'level']);
      expect(keys[0]).toEqual({
        key: 'browser',
        totalValues: 2,
        count: 3,
        firstSeen: at(1),
        lastSeen: at(3),
      });
      expect(keys[1]).toMatchObject({ key: 'environment', totalValues: 1, count: 3 });
      const browsers = values.filter((v) => v.key === 'browser');
      expect(browsers).toEqual([
        { key: 'browser', value: 'Firefox', timesSeen: 2, firstSeen: at(1), lastSeen: at(3) },
        { key: 'browser', value: 'Chrome', timesSeen: 1, firstSeen: at(2), lastSeen: at(2) },
      ]);
      const users = values.filter((v) => v.key === 'sentry:user');
      expect(users.map((v) => [v.value, v.timesSeen])).toEqual([
        ['email:ann@example.com', 2],
        ['email:bob@example.com', 1],
      ]);
      // Most seen first, ties by key then value: browser:Firefox (2) comes before ann's sentry:user (2).
      expect(values.slice(0, 3).map((v) => `${v.key}:${v.value}`)).toEqual([
        'environment:production',
        'level:error',
        'browser:Firefox',
      ]);
    });

    it('sums several environments, and answers nothing for an environment without events', async () => {
      const staging = await storage().issues.issueEnvironmentTags(issue, ['staging']);
      expect(staging.keys.find((k) => k.key === 'browser')).toEqual({
        key: 'browser',
        totalValues: 2,
        count: 2,
        firstSeen: at(0),
        lastSeen: at(5),
      });
      expect(staging.values.filter((v) => v.key === 'sentry:user').map((v) => v.value)).toEqual([
        'email:cy@example.com',
      ]);
      const both = await storage().issues.issueEnvironmentTags(issue, ['production', 'staging']);
      const browser = both.keys.find((k) => k.key === 'browser');
      expect(browser).toEqual({
        key: 'browser',
        totalValues: 3,
        count: 5,
        firstSeen: at(0),
        lastSeen: at(5),
      });
      expect(both.values.find((v) => v.key === 'browser' && v.value === 'Firefox')?.timesSeen).toBe(3);
      expect(await storage().issues.issueEnvironmentTags(issue, ['nowhere'])).toEqual({
        keys: [],
        values: [],
      });
      expect(await storage().issues.issueEnvironmentTags(issue, [])).toEqual({ keys: [], values: [] });
      expect(await storage().issues.issueEnvironmentTags(issue + 1000, ['production'])).toEqual({
        keys: [],
        values: [],
      });
    });

    it('counts every event of a large issue, past one read batch', async () => {
      const events = Array.from({ length: 1203 }, (_, i) => {
        const base = eventWrite(project.id, { hashes: ['large'], timestamp: at(i % 7) });
        const environment = i % 3 === 0 ? 'staging' : 'production';
        const tags = { environment, shard: `s${i % 2}` };
        return { ...base, event: { ...base.event, environment, tags } };
      });
      const results = await storage().ingest.writeBatch(batchOf(events));
      const large = results[0]?.status === 'stored' ? results[0].issueId : -1;
      const { keys, values } = await storage().issues.issueEnvironmentTags(large, ['production']);
      expect(keys.find((k) => k.key === 'shard')).toMatchObject({ totalValues: 2, count: 802 });
      expect(values.filter((v) => v.key === 'shard').map((v) => [v.value, v.timesSeen])).toEqual([
        ['s0', 401],
        ['s1', 401],
      ]);
    });

    it('sums only the newest events of an issue with more than the scan bound', async () => {
      const write = (count: number, batch: string) => {
        const events = Array.from({ length: count }, (_, i) => {
          const base = eventWrite(project.id, { hashes: ['huge'], timestamp: at(i % 7) });
          const tags = { environment: 'production', batch };
          return { ...base, event: { ...base.event, environment: 'production', tags } };
        });
        return storage().ingest.writeBatch(batchOf(events));
      };
      // 50 events written first, then the bound's worth: the older 50 fall outside and are never counted.
      const [first] = await write(50, 'oldest');
      await write(ENVIRONMENT_TAGS_MAX_EVENTS, 'newer');
      const huge = first?.status === 'stored' ? first.issueId : -1;
      const { values } = await storage().issues.issueEnvironmentTags(huge, ['production']);
      expect(values.filter((v) => v.key === 'batch').map((v) => [v.value, v.timesSeen])).toEqual([
        ['newer', ENVIRONMENT_TAGS_MAX_EVENTS],
      ]);
    }, 120_000);
  });
}
