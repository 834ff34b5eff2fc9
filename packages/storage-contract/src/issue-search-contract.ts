import { describe, expect, it } from 'vitest';
import { matchesIssueSearch, parseIssueSearch } from '@fixloop/core';
import type { IssueSearchFilter, IssueSearchSort } from '@fixloop/core';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';
import { SEARCH_NOW, ago, searchableIssue, seedSearchWorld } from './issue-search-seed.ts';
import type { SearchWorld } from './issue-search-seed.ts';

const HOUR = 3_600_000;

/** Queries whose SQL result must equal the in-memory evaluator's, on the seeded world. */
const DIFFERENTIAL_QUERIES = [
  '',
  'is:unresolved',
  'is:resolved',
  'is:ignored',
  'is:archived',
  '!is:unresolved',
  'is:[resolved, ignored]',
  'is:new',
  'is:ongoing',
  'is:regressed',
  'is:assigned',
  'is:unassigned',
  'is:for_review',
  'is:escalating',
  'level:error',
  'level:[fatal, warning]',
  '!level:info',
  'level:err*',
  'severity:blocking',
  'severity:[annoying, info]',
  'errorClass:database',
  '!error_class:runtime',
  'error.type:TypeError',
  'error.type:*Error',
  'error.value:*call*',
  'environment:production',
  'environment:staging',
  '!environment:staging',
  'environment:prod*',
  'release:1.0',
  'release:[1.1, 2.0-beta]',
  'release:2.*',
  '!release:1.0',
  'firstRelease:1.0',
  'url:*checkout',
  'server:web-8',
  'region:eu',
  'region:[us]',
  '!region:eu',
  'tags[region]:eu',
  'has:region',
  '!has:release',
  'has:url',
  'user.email:ann@example.com',
  'user.email:*@example.com',
  'user.id:9',
  'user.id:[7, 9]',
  'has:user.email',
  'error.handled:false',
  'error.handled:true',
  'error.unhandled:true',
  'assigned:me',
  'assigned:none',
  'assigned:team:42',
  '!assigned:me',
  'bookmarks:me',
  '!bookmarks:me',
  'has:assignee',
  'age:-24h',
  'age:+24h',
  'age:-4d',
  'firstSeen:-3d',
  'firstSeen:>2026-03-08T00:00:00Z',
  'firstSeen:2026-03-01',
  'lastSeen:-1h',
  'lastSeen:+1h',
  'lastSeen:<-2h',
  'last_seen:>=-6h',
  'times_seen:>1',
  'times_seen:>=4',
  'times_seen:1',
  '!times_seen:>2',
  'user_count:>=2',
  'cannot',
  '"call stack"',
  '!cannot',
  'CHECKOUT',
  '50%_off',
  '50%',
  'message:slow',
  'message:"took 3s"',
  'title:Warning*',
  'platform:node',
  'project:nope',
  'is:unresolved level:error environment:production',
  'is:unresolved !level:warning times_seen:>2 assigned:me',
  'severity:blocking is:unresolved',
];

export function describeIssueSearchContract(setup: StorageSetup): void {
  describe('issue search: filters, sorts, pages, stats', () => {
    const storage = useStorage(setup);
    let world: SearchWorld;
    const compile = (query: string, userId: number | null = world.users.ann.id): IssueSearchFilter[] => {
      const result = parseIssueSearch(query, { now: SEARCH_NOW, userId });
      if (!result.ok) throw new Error(`${query}: ${result.error.message}`);
      return result.filters;
    };
    const search = async (query: string, sort: IssueSearchSort = 'date', page = { limit: 50, offset: 0 }) => {
      const result = await storage().issues.searchIssues({
        projectIds: [world.project.id],
        filters: compile(query),
        sort,
        now: SEARCH_NOW,
        ...page,
      });
      return { ids: result.issues.map((i) => i.id), total: result.total };
    };

    it('seeds a world of issues', async () => {
      world = await seedSearchWorld(storage());
      expect(Object.values(world.ids).every((id) => id > 0)).toBe(true);
    });

    it('answers every query exactly like the in-memory evaluator', async () => {
      const s = storage();
      const { a, b, c, d } = world.ids;
      const items = [];
      for (const id of [a, b, c, d]) {
        const issue = await s.issues.getIssue(id);
        if (issue === null) throw new Error('seeded issue vanished');
        items.push(
          await searchableIssue(s, issue, world.project.slug, [world.users.ann.id, world.users.bob.id]),
        );
      }
      const byDate = [...items].sort((x, y) => y.issue.lastSeen.getTime() - x.issue.lastSeen.getTime());
      for (const query of DIFFERENTIAL_QUERIES) {
        const filters = compile(query);
        const expected = byDate
          .filter((item) => matchesIssueSearch(item, filters))
          .map((item) => item.issue.id);
        expect({ query, ids: (await search(query)).ids }).toEqual({ query, ids: expected });
      }
    });

    it('returns the expected issues for representative filters', async () => {
      const { a, b, c, d } = world.ids;
      expect((await search('is:unresolved')).ids).toEqual([b, a]);
      expect((await search('environment:staging')).ids).toEqual([b]);
      expect((await search('!environment:staging')).ids).toEqual([a, d, c]);
      expect((await search('user.email:ann@example.com')).ids).toEqual([a]);
      expect((await search('error.handled:true')).ids).toEqual([c]);
      expect((await search('assigned:me')).ids).toEqual([a]);
      expect((await search('bookmarks:me')).ids).toEqual([b]);
      expect((await search('severity:blocking')).ids).toEqual([b, c]);
      expect((await search('times_seen:>=4')).ids).toEqual([d]);
      expect((await search('age:-24h')).ids).toEqual([]);
      expect((await search('lastSeen:-1h')).ids).toEqual([b, a]);
      expect((await search('firstSeen:2026-03-01')).ids).toEqual([b]);
      expect((await search('50%_off')).ids).toEqual([d]);
      expect((await search('50%_of')).ids).toEqual([d]);
      expect((await search('5_%')).ids).toEqual([]);
      expect((await search('release:2.*')).ids).toEqual([b]);
      expect((await search(`project:${world.project.slug}`)).ids).toEqual([b, a, d, c]);
    });

    it('searches several projects and keeps the others out', async () => {
      const both = await storage().issues.searchIssues({
        projectIds: [world.project.id, world.other.id],
        filters: compile('error.type:TypeError'),
        sort: 'date',
        limit: 10,
        offset: 0,
        now: SEARCH_NOW,
      });
      expect(both.issues.map((i) => i.id)).toEqual([world.ids.a, world.ids.e]);
      expect((await search(`project:${world.other.slug}`)).ids).toEqual([]);
      const none = await storage().issues.searchIssues({
        projectIds: [],
        filters: [],
        sort: 'date',
        limit: 5,
        offset: 0,
        now: SEARCH_NOW,
      });
      expect(none).toEqual({ issues: [], total: 0 });
    });

    it('sorts by date, new, freq, user, priority and trends', async () => {
      const { a, b, c, d } = world.ids;
      expect((await search('', 'date')).ids).toEqual([b, a, d, c]);
      expect((await search('', 'new')).ids).toEqual([d, a, c, b]);
      expect((await search('', 'freq')).ids).toEqual([d, a, b, c]);
      expect((await search('', 'user')).ids).toEqual([a, b, d, c]);
      // b (overridden) and c are blocking; then by last seen.
      expect((await search('', 'priority')).ids).toEqual([b, c, a, d]);
      // Events in the last 24 hours: d 3, a 2, b 1, c 0.
      expect((await search('', 'trends')).ids).toEqual([d, a, b, c]);
    });

    it('pages with offsets and a total', async () => {
      const { a, b, c, d } = world.ids;
      expect(await search('', 'date', { limit: 3, offset: 0 })).toEqual({ ids: [b, a, d], total: 4 });
      expect(await search('', 'date', { limit: 3, offset: 3 })).toEqual({ ids: [c], total: 4 });
      expect(await search('level:error', 'date', { limit: 1, offset: 1 })).toEqual({ ids: [], total: 1 });
    });

    it('counts events per issue in hourly and daily buckets from ingest', async () => {
      const { a, b, d } = world.ids;
      const hourStart = Math.floor(SEARCH_NOW.getTime() / HOUR) * HOUR - 23 * HOUR;
      const hourly = await storage().issues.issueStats({
        issueIds: [a, b, 987654],
        start: new Date(hourStart),
        bucketMs: HOUR,
        buckets: 24,
      });
      const seriesA = hourly.get(a) ?? [];
      expect(seriesA).toHaveLength(24);
      expect(seriesA.reduce((x, y) => x + y, 0)).toBe(2);
      expect(seriesA[21]).toBe(1);
      expect(seriesA[22]).toBe(1);
      expect(hourly.get(987654)).toEqual(new Array(24).fill(0));
      const dayStart = Math.floor(SEARCH_NOW.getTime() / (24 * HOUR)) * 24 * HOUR - 13 * 24 * HOUR;
      const daily = await storage().issues.issueStats({
        issueIds: [b, d],
        start: new Date(dayStart),
        bucketMs: 24 * HOUR,
        buckets: 14,
      });
      expect(daily.get(b)?.reduce((x, y) => x + y, 0)).toBe(2);
      expect(daily.get(d)?.slice(12)).toEqual([2, 2]);
      expect(ago(0).getTime()).toBe(SEARCH_NOW.getTime());
    });

    it('finds issues by short id and summarizes tag keys and pages their values', async () => {
      const s = storage();
      const a = await s.issues.getIssue(world.ids.a);
      expect((await s.issues.findIssueByShortId(world.project.id, a?.shortId ?? -1))?.id).toBe(world.ids.a);
      expect(await s.issues.findIssueByShortId(world.other.id, 999)).toBeNull();
      const keys = await s.issues.listTagKeys(world.ids.d);
      expect(keys.find((k) => k.key === 'region')).toMatchObject({ totalValues: 2, count: 4 });
      expect(keys.map((k) => k.key)).not.toContain('sentry:user');
      expect(await s.issues.listTagKeys(world.ids.d, 'region')).toHaveLength(1);
      const first = await s.issues.listTagValuesPage(world.ids.d, 'region', { limit: 1, offset: 0 });
      const second = await s.issues.listTagValuesPage(world.ids.d, 'region', { limit: 1, offset: 1 });
      expect([...first, ...second].map((v) => [v.value, v.timesSeen])).toEqual([
        ['eu', 3],
        ['us', 1],
      ]);
    });
  });
}
