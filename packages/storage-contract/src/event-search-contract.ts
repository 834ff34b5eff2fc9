import { beforeAll, describe, expect, it } from 'vitest';
import { matchesEventSearch, parseEventSearch } from '@fixloop/core';
import type { EventSearchFilter, EventWrite, Project, StoredEvent } from '@fixloop/core';
import { batchOf, createTestProject, eventWrite, writeOne } from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

const T0 = Date.parse('2026-03-10T12:00:00.000Z');

interface Spec {
  hash: string;
  environment: string;
  level: EventWrite['event']['level'];
  release: string | null;
  userKey: string | null;
  value: string;
  tags: Record<string, string>;
}

function write(projectId: number, spec: Spec, minute: number): EventWrite {
  const base = eventWrite(projectId, {
    hashes: [spec.hash],
    timestamp: new Date(T0 + minute * 60_000),
    level: spec.level,
    release: spec.release,
    userKey: spec.userKey,
    title: `TypeError: ${spec.value}`,
  });
  const tags: Record<string, string> = { level: spec.level, environment: spec.environment, ...spec.tags };
  if (spec.release !== null) tags['release'] = spec.release;
  if (spec.userKey !== null) tags['user'] = spec.userKey;
  const metadata = { type: 'TypeError', value: spec.value };
  return { ...base, event: { ...base.event, environment: spec.environment, tags, metadata } };
}

const SPEC_PLAIN: Spec = {
  hash: 'plain',
  environment: 'production',
  level: 'error',
  release: null,
  userKey: null,
  value: 'plain',
  tags: {},
};

/** Queries whose storage result must equal the in-memory evaluator's over the seeded events. */
const DIFFERENTIAL_QUERIES = [
  '',
  'environment:staging',
  '!environment:staging',
  'environment:[production, staging]',
  'release:web@1.0',
  'release:web@*',
  '!release:web@1.0',
  'has:release',
  '!has:release',
  'level:warning',
  'level:[warning, fatal]',
  'user.email:ann@example.com',
  'user.email:*@example.com',
  'has:user',
  'browser:Firefox',
  'browser:*fox',
  '!browser:Firefox',
  'has:browser',
  'error.type:TypeError',
  'error.value:*declined*',
  'declined',
  '!declined',
  '"out of range"',
  'title:*range*',
  'environment:production browser:Chrome level:error',
];

/** EventStore.searchEvents: newest first, every filter holds, offset counts matching events. */
export function describeEventSearchContract(setup: StorageSetup): void {
  describe('event search', () => {
    const storage = useStorage(setup);
    let project: Project;
    let other: Project;
    let issues: number[];
    let all: StoredEvent[];

    beforeAll(async () => {
      project = await createTestProject(storage());
      other = await createTestProject(storage());
      const specs: Spec[] = [
        {
          hash: 'a',
          environment: 'production',
          level: 'error',
          release: 'web@1.0',
          userKey: 'email:ann@example.com',
          value: 'card declined',
          tags: { browser: 'Firefox' },
        },
        {
          hash: 'a',
          environment: 'staging',
          level: 'warning',
          release: 'web@2.0',
          userKey: 'email:bob@example.com',
          value: 'card declined',
          tags: { browser: 'Chrome' },
        },
        {
          hash: 'b',
          environment: 'production',
          level: 'error',
          release: null,
          userKey: null,
          value: 'amount out of range',
          tags: { browser: 'Chrome' },
        },
        {
          hash: 'b',
          environment: 'staging',
          level: 'fatal',
          release: 'web@1.0',
          userKey: 'id:7',
          value: 'amount out of range',
          tags: {},
        },
        {
          hash: 'a',
          environment: 'production',
          level: 'error',
          release: 'web@1.0',
          userKey: 'email:ann@example.com',
          value: 'card declined',
          tags: { browser: 'Firefox' },
        },
      ];
      issues = [];
      for (const [i, spec] of specs.entries())
        issues.push(await writeOne(storage(), write(project.id, spec, i)));
      await writeOne(storage(), write(other.id, { ...specs[0]!, hash: 'a' }, 9));
      all = await storage().events.searchEvents({
        projectIds: [project.id],
        filters: [],
        limit: 100,
        offset: 0,
      });
    });

    const search = (query: string, extra: { issueId?: number; limit?: number; offset?: number } = {}) => {
      const parsed = parseEventSearch(query, { now: new Date(T0), userId: null });
      if (!parsed.ok) throw new Error(`${query}: ${parsed.error.message}`);
      return storage().events.searchEvents({
        projectIds: [project.id],
        filters: parsed.filters,
        limit: extra.limit ?? 100,
        offset: extra.offset ?? 0,
        ...(extra.issueId === undefined ? {} : { issueId: extra.issueId }),
      });
    };
    const ids = (events: StoredEvent[]) => events.map((e) => e.eventId);

    it('lists every event of the projects newest first, and none for no projects', async () => {
      expect(all).toHaveLength(5);
      const received = all.map((e) => e.receivedAt.getTime());
      expect(received).toEqual([...received].sort((a, b) => b - a));
      expect(
        await storage().events.searchEvents({ projectIds: [], filters: [], limit: 10, offset: 0 }),
      ).toEqual([]);
    });

    it.each(DIFFERENTIAL_QUERIES)('agrees with matchesEventSearch: %s', async (query) => {
      const parsed = parseEventSearch(query, { now: new Date(T0), userId: null });
      if (!parsed.ok) throw new Error(parsed.error.message);
      const expected = all.filter((e) => matchesEventSearch(e, parsed.filters));
      expect(ids(await search(query))).toEqual(ids(expected));
    });

    it('finds what each filter names', async () => {
      expect(await search('environment:staging')).toHaveLength(2);
      expect(await search('user.email:ann@example.com')).toHaveLength(2);
      expect(await search('browser:Chrome')).toHaveLength(2);
      expect(await search('!has:release')).toHaveLength(1);
      expect(await search('environment:staging level:fatal')).toHaveLength(1);
    });

    it('keeps events whose own timestamp is in [since, until)', async () => {
      const window = (since?: number, until?: number) =>
        storage().events.searchEvents({
          projectIds: [project.id],
          filters: [],
          limit: 100,
          offset: 0,
          ...(since === undefined ? {} : { since: new Date(T0 + since * 60_000) }),
          ...(until === undefined ? {} : { until: new Date(T0 + until * 60_000) }),
        });
      const minutes = (events: StoredEvent[]) => events.map((e) => (e.timestamp.getTime() - T0) / 60_000);
      expect(minutes(await window(1, 3))).toEqual([2, 1]);
      expect(minutes(await window(3))).toEqual([4, 3]);
      expect(minutes(await window(undefined, 1))).toEqual([0]);
      const staging = parseEventSearch('environment:staging', { now: new Date(T0), userId: null });
      if (!staging.ok) throw new Error(staging.error.message);
      const since = new Date(T0 + 2 * 60_000);
      const found = await storage().events.searchEvents({
        projectIds: [project.id],
        filters: staging.filters,
        since,
        limit: 10,
        offset: 0,
      });
      expect(minutes(found)).toEqual([3]);
    });

    it('limits to one issue and pages by matching events', async () => {
      const issueA = issues[0]!;
      const inA = await search('', { issueId: issueA });
      expect(inA.map((e) => e.issueId)).toEqual([issueA, issueA, issueA]);
      const firefox = ids(await search('browser:Firefox', { issueId: issueA }));
      expect(firefox).toHaveLength(2);
      expect(ids(await search('browser:Firefox', { issueId: issueA, limit: 1, offset: 1 }))).toEqual([
        firefox[1],
      ]);
      expect(await search('browser:Firefox', { issueId: issueA, limit: 1, offset: 2 })).toEqual([]);
      const oldest = (filters: EventSearchFilter[], offset: number) =>
        storage().events.searchEvents({
          projectIds: [project.id],
          issueId: issueA,
          filters,
          order: 'oldest',
          limit: 1,
          offset,
        });
      expect(ids(await oldest([], 0))).toEqual([inA.at(-1)!.eventId]);
      const firefoxOnly = parseEventSearch('browser:Firefox', { now: new Date(T0), userId: null });
      if (!firefoxOnly.ok) throw new Error(firefoxOnly.error.message);
      expect(ids(await oldest(firefoxOnly.filters, 0))).toEqual([firefox[1]]);
      expect(ids(await oldest(firefoxOnly.filters, 1))).toEqual([firefox[0]]);
      const production = ids(await search('environment:production'));
      expect(ids(await search('environment:production', { limit: 2, offset: 1 }))).toEqual(
        production.slice(1, 3),
      );
    });

    it('walks past its scan batches, with ties in time received, and pages the same way', async () => {
      const big = await createTestProject(storage());
      const writes = Array.from({ length: 1_200 }, (_, i) => {
        const base = write(
          big.id,
          { ...SPEC_PLAIN, tags: i % 7 === 0 ? { browser: 'Firefox' } : { browser: 'Chrome' } },
          Math.floor(i / 3),
        );
        // Three events per instant: the order must still be total (newest first, then by row).
        return { ...base, event: { ...base.event, receivedAt: new Date(T0 + Math.floor(i / 3) * 1000) } };
      });
      for (let i = 0; i < writes.length; i += 300) {
        await storage().ingest.writeBatch(batchOf(writes.slice(i, i + 300)));
      }
      const query = (filters: EventSearchFilter[], limit: number, offset: number) =>
        storage().events.searchEvents({ projectIds: [big.id], filters, limit, offset });
      const every = await query([], 2_000, 0);
      expect(every).toHaveLength(1_200);
      const parsed = parseEventSearch('browser:Firefox', { now: new Date(T0), userId: null });
      if (!parsed.ok) throw new Error(parsed.error.message);
      const expected = ids(every.filter((e) => matchesEventSearch(e, parsed.filters)));
      expect(expected).toHaveLength(172);
      expect(ids(await query(parsed.filters, 1_000, 0))).toEqual(expected);
      const pages: string[] = [];
      for (let offset = 0; offset < expected.length; offset += 50) {
        pages.push(...ids(await query(parsed.filters, 50, offset)));
      }
      expect(pages).toEqual(expected);
      expect(ids(await query(parsed.filters, 5, 170))).toEqual(expected.slice(170));
    });
  });
}
