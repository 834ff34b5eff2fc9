// Over 400 lines on purpose: the workflow store's cases (status, merge/unmerge, activity, per-user state)
// share one seeded project and its events; split files would each rebuild that seed.
import { describe, expect, it } from 'vitest';
import { planUnmerge } from '@fixloop/core';
import type { Project, Storage, User } from '@fixloop/core';
import { batchOf, createTestProject, eventWrite, unique, writeOne } from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

const T0 = Date.parse('2026-04-01T00:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

async function newUser(storage: Storage, name: string): Promise<User> {
  return storage.accounts.createUser({
    email: `${unique(name)}@example.com`,
    name,
    passwordHash: 'x',
    isSuperuser: false,
    mustChangePassword: false,
  });
}

/** One event of `hash` at `minutes`, with a user and a browser tag. */
function hit(
  project: Project,
  hash: string,
  minutes: number,
  user: string | null = null,
  browser = 'Chrome',
) {
  return eventWrite(project.id, {
    hashes: [hash],
    timestamp: at(minutes),
    userKey: user,
    tags: { browser, ...(user === null ? {} : { user }) },
  });
}

export function describeIssueWorkflowContract(setup: StorageSetup): void {
  describe('issue workflow: people, activity, ignores, merges', () => {
    const storage = useStorage(setup);

    it('keeps assignee, public flag, bookmarks, seen marks and subscriptions per user', async () => {
      const s = storage();
      const project = await createTestProject(s);
      const [ann, bob] = [await newUser(s, 'ann'), await newUser(s, 'bob')];
      const hash = unique('h');
      const id = await writeOne(s, hit(project, hash, 0));
      const other = await writeOne(s, hit(project, unique('h'), 0));
      await s.issueWorkflow.setAssignee(id, { type: 'user', id: ann.id });
      await s.issueWorkflow.setPublic(id, true);
      await s.issueWorkflow.setBookmark(id, bob.id, true);
      await s.issueWorkflow.setSeen(id, bob.id, at(1));
      let states = await s.issueWorkflow.getStates([id, other], bob.id);
      expect(states.get(id)).toEqual({
        assignee: { type: 'user', id: ann.id },
        isPublic: true,
        numComments: 0,
        isBookmarked: true,
        hasSeen: true,
        isSubscribed: true,
      });
      expect(states.get(other)).toMatchObject({
        assignee: null,
        isBookmarked: false,
        hasSeen: false,
        isSubscribed: false,
      });
      expect((await s.issueWorkflow.getStates([id], ann.id)).get(id)).toMatchObject({
        isBookmarked: false,
        isSubscribed: true,
      });
      expect((await s.issueWorkflow.getStates([id], null)).get(id)).toMatchObject({
        isBookmarked: false,
        hasSeen: false,
      });

      // A later event makes the issue unseen again; an explicit unsubscribe wins over participation.
      await writeOne(s, hit(project, hash, 5));
      await s.issueWorkflow.setSubscribed(id, bob.id, false);
      states = await s.issueWorkflow.getStates([id], bob.id);
      expect(states.get(id)).toMatchObject({ hasSeen: false, isSubscribed: false });
      await s.issueWorkflow.setBookmark(id, bob.id, false);
      await s.issueWorkflow.setSeen(id, bob.id, null);
      await s.issueWorkflow.setAssignee(id, { type: 'team', id: 3 });
      expect((await s.issueWorkflow.getStates([id], bob.id)).get(id)).toMatchObject({
        assignee: { type: 'team', id: 3 },
        isBookmarked: false,
        hasSeen: false,
      });
      expect(await s.issueWorkflow.getStates([], bob.id)).toEqual(new Map());
    });

    it('adds, lists, edits and deletes activities; notes count as comments', async () => {
      const s = storage();
      const project = await createTestProject(s);
      const ann = await newUser(s, 'ann');
      const id = await writeOne(s, hit(project, unique('h'), 0));
      const note = await s.issueWorkflow.addActivity({
        issueId: id,
        projectId: project.id,
        type: 'note',
        userId: ann.id,
        data: { text: 'looking into it', mentions: [] },
        createdAt: at(1),
      });
      expect(note).toMatchObject({
        id: expect.any(Number),
        issueId: id,
        type: 'note',
        userId: ann.id,
        data: { text: 'looking into it' },
      });
      await s.issueWorkflow.addActivity({
        issueId: id,
        projectId: project.id,
        type: 'set_resolved',
        userId: null,
        data: {},
        createdAt: at(2),
      });
      expect((await s.issueWorkflow.listActivities(id, { limit: 10, offset: 0 })).map((a) => a.type)).toEqual(
        ['set_resolved', 'note'],
      );
      expect(await s.issueWorkflow.listActivities(id, { type: 'note', limit: 10, offset: 0 })).toHaveLength(
        1,
      );
      expect(await s.issueWorkflow.listActivities(id, { limit: 1, offset: 1 })).toMatchObject([
        { type: 'note' },
      ]);
      expect((await s.issueWorkflow.getStates([id], ann.id)).get(id)).toMatchObject({
        numComments: 1,
        isSubscribed: true,
      });
      expect(await s.issueWorkflow.updateActivityData(note.id, { text: 'fixed' })).toMatchObject({
        data: { text: 'fixed' },
      });
      expect(await s.issueWorkflow.getActivity(note.id)).toMatchObject({ data: { text: 'fixed' } });
      expect(await s.issueWorkflow.deleteActivity(note.id)).toBe(true);
      expect(await s.issueWorkflow.deleteActivity(note.id)).toBe(false);
      expect(await s.issueWorkflow.getActivity(note.id)).toBeNull();
      expect(await s.issueWorkflow.updateActivityData(note.id, {})).toBeNull();
    });

    it('records regressions and count-based un-ignores from ingest as activities', async () => {
      const s = storage();
      const project = await createTestProject(s);
      const hash = unique('h');
      const id = await writeOne(s, hit(project, hash, 0));
      await s.issues.updateIssue(id, { status: 'resolved', substatus: null, resolvedAt: at(1) });
      await writeOne(s, {
        ...hit(project, hash, 2),
        event: { ...hit(project, hash, 2).event, release: 'r9' },
      });
      expect(await s.issues.getIssue(id)).toMatchObject({ status: 'unresolved', substatus: 'regressed' });
      const [regression] = await s.issueWorkflow.listActivities(id, { limit: 5, offset: 0 });
      expect(regression).toMatchObject({ type: 'set_regression', userId: null, data: { version: 'r9' } });

      await s.issues.updateIssue(id, {
        status: 'ignored',
        substatus: 'archived_until_condition_met',
        statusDetails: { ignoreCount: 2, ignoreCountBase: 2 },
      });
      await writeOne(s, hit(project, hash, 3));
      expect((await s.issues.getIssue(id))?.status).toBe('ignored');
      await writeOne(s, hit(project, hash, 4));
      expect(await s.issues.getIssue(id)).toMatchObject({
        status: 'unresolved',
        substatus: 'escalating',
        statusDetails: {},
      });
      const [escalation] = await s.issueWorkflow.listActivities(id, { limit: 5, offset: 0 });
      expect(escalation).toMatchObject({ type: 'set_escalating', data: { reason: 'ignore_count' } });
    });

    it('expires ignore durations without new events', async () => {
      const s = storage();
      const project = await createTestProject(s);
      const due = await writeOne(s, hit(project, unique('h'), 0));
      const later = await writeOne(s, hit(project, unique('h'), 0));
      const ignore = (until: Date) => ({
        status: 'ignored' as const,
        substatus: 'archived_until_condition_met' as const,
        statusDetails: { ignoreUntil: until.toISOString() },
        ignoreUntil: until,
      });
      await s.issues.updateIssue(due, ignore(at(10)));
      await s.issues.updateIssue(later, ignore(at(100)));
      expect(await s.issueWorkflow.expireIgnores(at(9))).toEqual([]);
      expect(await s.issueWorkflow.expireIgnores(at(10))).toEqual([due]);
      expect(await s.issues.getIssue(due)).toMatchObject({
        status: 'unresolved',
        substatus: 'ongoing',
        statusDetails: {},
      });
      expect((await s.issues.getIssue(later))?.status).toBe('ignored');
      expect(await s.issueWorkflow.listActivities(due, { limit: 5, offset: 0 })).toMatchObject([
        { type: 'set_unresolved', data: { reason: 'ignore_duration' } },
      ]);
      expect(await s.issueWorkflow.expireIgnores(at(10))).toEqual([]);
    });

    it('merges issues: events, hashes, counts and comments move; old ids redirect; new events follow', async () => {
      const s = storage();
      const project = await createTestProject(s);
      const ann = await newUser(s, 'ann');
      const [h1, h2, h3] = [unique('h'), unique('h'), unique('h')];
      const target =
        (
          await s.ingest.writeBatch(
            batchOf([
              hit(project, h1, 0, 'id:1'),
              hit(project, h1, 1, 'id:2'),
              hit(project, h1, 2, 'id:1', 'Safari'),
            ]),
          )
        )[0]?.issueId ?? -1;
      const source =
        (
          await s.ingest.writeBatch(
            batchOf([hit(project, h2, 30, 'id:2', 'Firefox'), hit(project, h2, 90, 'id:3')]),
          )
        )[0]?.issueId ?? -1;
      const third = await writeOne(s, hit(project, h3, -60));
      const sourceIssue = await s.issues.getIssue(source);
      await s.issueWorkflow.addActivity({
        issueId: source,
        projectId: project.id,
        type: 'note',
        userId: ann.id,
        data: { text: 'hi' },
        createdAt: at(91),
      });
      await s.issueWorkflow.setBookmark(source, ann.id, true);

      const merged = await s.issueWorkflow.mergeIssues(target, [source, third], {
        userId: ann.id,
        at: at(100),
      });
      expect(merged).toMatchObject({
        id: target,
        timesSeen: 6,
        userCount: 3,
        firstSeen: at(-60),
        lastSeen: at(90),
      });
      expect(await s.issues.getIssue(source)).toBeNull();
      expect(await s.issueWorkflow.resolveRedirect(source)).toBe(target);
      expect(await s.issueWorkflow.resolveShortIdRedirect(project.id, sourceIssue?.shortId ?? -1)).toBe(
        target,
      );
      expect(await s.issueWorkflow.resolveRedirect(target)).toBeNull();
      expect(await s.issues.listHashes(target)).toEqual([h1, h2, h3].sort());
      expect(await s.events.listIssueEvents(target, { limit: 10, offset: 0 })).toHaveLength(6);
      const browsers = await s.issues.listTagValues(target, 'browser');
      expect(browsers.map((b) => [b.value, b.timesSeen])).toEqual([
        ['Chrome', 4],
        ['Firefox', 1],
        ['Safari', 1],
      ]);
      const stats = await s.issues.issueStats({
        issueIds: [target],
        start: at(-60),
        bucketMs: 3 * 3_600_000,
        buckets: 1,
      });
      expect(stats.get(target)).toEqual([6]);
      const activities = await s.issueWorkflow.listActivities(target, { limit: 10, offset: 0 });
      expect(activities.map((a) => a.type)).toEqual(['merge', 'note']);
      expect(activities[0]?.data).toEqual({
        issues: [
          { id: String(source), shortId: sourceIssue?.shortId },
          expect.objectContaining({ id: String(third) }),
        ],
      });
      expect((await s.issueWorkflow.getStates([target], ann.id)).get(target)).toMatchObject({
        isBookmarked: true,
        numComments: 1,
      });

      const [later] = await s.ingest.writeBatch(batchOf([hit(project, h2, 120, 'id:4')]));
      expect(later).toMatchObject({ status: 'stored', issueId: target });
      expect(await s.issues.getIssue(target)).toMatchObject({ timesSeen: 7, userCount: 4 });

      // Merging the merged issue again moves the redirect along.
      const newest = await writeOne(s, hit(project, unique('h'), 130));
      await s.issueWorkflow.mergeIssues(newest, [target], { userId: null, at: at(140) });
      expect(await s.issueWorkflow.resolveRedirect(source)).toBe(newest);
      expect(await s.issueWorkflow.resolveRedirect(target)).toBe(newest);
    });

    it('refuses to merge across projects or into a missing issue', async () => {
      const s = storage();
      const [p1, p2] = [await createTestProject(s), await createTestProject(s)];
      const a = await writeOne(s, hit(p1, unique('h'), 0));
      const b = await writeOne(s, hit(p2, unique('h'), 0));
      await expect(s.issueWorkflow.mergeIssues(a, [b], { userId: null, at: at(1) })).rejects.toMatchObject({
        code: 'bad_request',
      });
      await expect(
        s.issueWorkflow.mergeIssues(987654321, [a], { userId: null, at: at(1) }),
      ).rejects.toMatchObject({ code: 'not_found' });
      expect(await s.issues.getIssue(b)).not.toBeNull();
    });

    it('unmerges hashes into a new issue with their events and counts; later events follow the hashes', async () => {
      const s = storage();
      const project = await createTestProject(s);
      const [h1, h2] = [unique('h'), unique('h')];
      const keep =
        (await s.ingest.writeBatch(batchOf([hit(project, h1, 0, 'id:1'), hit(project, h1, 1, 'id:1')])))[0]
          ?.issueId ?? -1;
      const other = await writeOne(s, hit(project, h2, 0, 'id:1'));
      await s.ingest.writeBatch(batchOf([hit(project, h2, 60, 'id:2', 'Firefox')]));
      await s.issueWorkflow.mergeIssues(keep, [other], { userId: null, at: at(61) });
      expect(await s.issues.getIssue(keep)).toMatchObject({ timesSeen: 4, userCount: 2 });

      // The events of h2 that still exist: the Firefox one at 60 (the one at 0 is left behind on purpose).
      const moved = (await s.events.listIssueEvents(keep, { limit: 10, offset: 0 })).filter(
        (e) => e.timestamp >= at(60),
      );
      const movedEvents = moved.map((e) => ({
        eventId: e.eventId,
        timestamp: e.timestamp,
        level: e.level,
        release: e.release,
        userKey: e.userKey,
        tags: e.tags,
      }));
      const source = await s.issues.getIssue(keep);
      if (source === null) throw new Error('missing');
      const created = await s.issueWorkflow.unmergeHashes({
        sourceIssueId: keep,
        move: planUnmerge([h2], movedEvents),
        seed: {
          title: 'Split',
          culprit: 'c',
          type: 'error',
          level: 'error',
          platform: 'node',
          metadata: {},
          severity: 'annoying',
          errorClass: 'javascript',
        },
        userId: null,
        at: at(70),
      });
      expect(created).toMatchObject({
        title: 'Split',
        timesSeen: 1,
        userCount: 1,
        status: 'unresolved',
        substatus: 'new',
        firstSeen: at(60),
        lastSeen: at(60),
      });
      expect(created.shortId).toBeGreaterThan(source.shortId);
      expect(await s.issues.listHashes(created.id)).toEqual([h2]);
      expect(await s.issues.listHashes(keep)).toEqual([h1]);
      expect(await s.issues.getIssue(keep)).toMatchObject({
        timesSeen: 3,
        userCount: 1,
        primaryHash: h1,
        lastSeen: at(1),
      });
      expect(
        (await s.issues.listTagValues(created.id, 'browser')).map((t) => [t.value, t.timesSeen]),
      ).toEqual([['Firefox', 1]]);
      expect((await s.issues.listTagValues(keep, 'browser')).map((t) => [t.value, t.timesSeen])).toEqual([
        ['Chrome', 3],
      ]);
      expect(
        (await s.events.listIssueEvents(created.id, { limit: 10, offset: 0 })).map((e) => e.eventId),
      ).toEqual(movedEvents.map((e) => e.eventId));
      expect((await s.issueWorkflow.listActivities(keep, { limit: 1, offset: 0 }))[0]).toMatchObject({
        type: 'unmerge_source',
        data: { fingerprints: [h2] },
      });
      expect((await s.issueWorkflow.listActivities(created.id, { limit: 1, offset: 0 }))[0]).toMatchObject({
        type: 'unmerge_destination',
      });

      const [later] = await s.ingest.writeBatch(batchOf([hit(project, h2, 80)]));
      expect(later).toMatchObject({ issueId: created.id });
      expect((await s.issues.getIssue(created.id))?.timesSeen).toBe(2);
    });

    it('deletes issues with their events, attachments and timelines', async () => {
      const s = storage();
      const project = await createTestProject(s);
      const write = hit(project, unique('h'), 0);
      const id = await writeOne(s, {
        ...write,
        timeline: [
          {
            ts: at(0).toISOString(),
            layer: 'user',
            kind: 'click',
            message: 'x',
            level: 'info',
            category: null,
            network: null,
            data: null,
            isError: false,
            source: 'breadcrumb',
          },
        ],
      });
      const keep = await writeOne(s, hit(project, unique('h'), 0));
      expect(await s.events.getTimeline(project.id, write.event.eventId)).not.toBeNull();
      expect(await s.issueWorkflow.deleteIssues([id, 987654321])).toBe(1);
      expect(await s.issues.getIssue(id)).toBeNull();
      expect(await s.events.getEvent(project.id, write.event.eventId)).toBeNull();
      expect(await s.events.getTimeline(project.id, write.event.eventId)).toBeNull();
      expect(await s.issues.getIssue(keep)).not.toBeNull();
      expect(await s.issueWorkflow.deleteIssues([])).toBe(0);
    });
  });

  describe('event reads for the Web API', () => {
    const storage = useStorage(setup);

    it("lists issue events both ways and finds an event's neighbours", async () => {
      const s = storage();
      const project = await createTestProject(s);
      const hash = unique('h');
      const writes = [0, 1, 2].map((m) => ({
        ...hit(project, hash, m),
        event: { ...hit(project, hash, m).event, receivedAt: at(m) },
      }));
      const [first] = await s.ingest.writeBatch(batchOf(writes));
      const issueId = first?.issueId ?? -1;
      const ids = writes.map((w) => w.event.eventId);
      expect(
        (await s.events.listIssueEvents(issueId, { limit: 5, offset: 0, order: 'oldest' })).map(
          (e) => e.eventId,
        ),
      ).toEqual(ids);
      expect(
        (await s.events.listIssueEvents(issueId, { limit: 5, offset: 0 })).map((e) => e.eventId),
      ).toEqual([...ids].reverse());
      expect(await s.events.getAdjacentEventIds(project.id, ids[1] ?? '')).toEqual({
        previous: ids[0],
        next: ids[2],
      });
      expect(await s.events.getAdjacentEventIds(project.id, ids[0] ?? '')).toEqual({
        previous: null,
        next: ids[1],
      });
      expect(await s.events.getAdjacentEventIds(project.id, 'f'.repeat(32))).toEqual({
        previous: null,
        next: null,
      });
    });

    it('lists recent events by level and issue tags, newest first', async () => {
      const s = storage();
      const project = await createTestProject(s);
      const mk = (m: number, level: 'error' | 'warning', service: string) => {
        const w = eventWrite(project.id, {
          hashes: [unique('h')],
          timestamp: at(m),
          receivedAt: at(m),
          level,
          tags: { service },
        });
        return w;
      };
      const writes = [mk(0, 'error', 'api'), mk(1, 'warning', 'api'), mk(2, 'error', 'web')];
      await s.ingest.writeBatch(batchOf(writes));
      const ids = (events: { eventId: string }[]) => events.map((e) => e.eventId);
      const [e0, e1, e2] = writes.map((w) => w.event.eventId);
      expect(
        ids(await s.events.listRecentEvents({ projectIds: [project.id], limit: 10, offset: 0 })),
      ).toEqual([e2, e1, e0]);
      expect(
        ids(
          await s.events.listRecentEvents({
            projectIds: [project.id],
            limit: 10,
            offset: 0,
            levels: ['error'],
          }),
        ),
      ).toEqual([e2, e0]);
      expect(
        ids(
          await s.events.listRecentEvents({
            projectIds: [project.id],
            limit: 10,
            offset: 0,
            issueTags: [{ key: 'service', value: 'api' }],
          }),
        ),
      ).toEqual([e1, e0]);
      expect(ids(await s.events.listRecentEvents({ projectIds: [project.id], limit: 1, offset: 1 }))).toEqual(
        [e1],
      );
      expect(await s.events.listRecentEvents({ projectIds: [], limit: 10, offset: 0 })).toEqual([]);
    });

    it('lists hourly outcomes in a window', async () => {
      const s = storage();
      const project = await createTestProject(s);
      const outcome = (hours: number, outcomeName: 'accepted' | 'rate_limited', quantity: number) => ({
        projectId: project.id,
        category: 'error',
        outcome: outcomeName,
        quantity,
        at: at(hours * 60 + 5),
      });
      await s.ingest.writeBatch(
        batchOf([], {
          outcomes: [
            outcome(0, 'accepted', 2),
            outcome(0, 'accepted', 3),
            outcome(1, 'rate_limited', 4),
            outcome(5, 'accepted', 1),
          ],
        }),
      );
      const rows = await s.events.listOutcomes({
        projectIds: [project.id],
        start: at(0),
        end: at(120),
        category: 'error',
      });
      expect(rows).toEqual([
        {
          projectId: project.id,
          category: 'error',
          outcome: 'accepted',
          bucket: at(0).getTime(),
          quantity: 5,
        },
        {
          projectId: project.id,
          category: 'error',
          outcome: 'rate_limited',
          bucket: at(60).getTime(),
          quantity: 4,
        },
      ]);
      expect(
        await s.events.listOutcomes({
          projectIds: [project.id],
          start: at(0),
          end: at(600),
          category: 'session',
        }),
      ).toEqual([]);
    });

    it("creates, finds and updates Web API user reports linked to the event's issue", async () => {
      const s = storage();
      const project = await createTestProject(s);
      const write = eventWrite(project.id);
      const issueId = await writeOne(s, write);
      const report = await s.events.createUserReport({
        projectId: project.id,
        eventId: write.event.eventId,
        name: 'Ann',
        email: 'ann@example.com',
        comments: 'It broke',
        url: null,
        source: 'api',
        createdAt: at(0),
      });
      expect(report).toMatchObject({
        id: expect.any(Number),
        issueId,
        source: 'api',
        comments: 'It broke',
        createdAt: at(0),
      });
      expect(await s.events.findUserReport(project.id, write.event.eventId)).toEqual(report);
      expect(await s.events.findUserReport(project.id, 'a'.repeat(32))).toBeNull();
      expect(
        await s.events.updateUserReport(report.id, {
          name: 'Ann B',
          email: 'b@example.com',
          comments: 'Still broken',
        }),
      ).toMatchObject({ name: 'Ann B', comments: 'Still broken', issueId });
      const orphan = await s.events.createUserReport({
        projectId: project.id,
        eventId: null,
        name: 'x',
        email: 'x@example.com',
        comments: 'c',
        url: null,
        source: 'api',
        createdAt: at(1),
      });
      expect(orphan.issueId).toBeNull();
      expect((await s.events.listUserReports(project.id, { limit: 10, offset: 0 })).map((r) => r.id)).toEqual(
        [orphan.id, report.id],
      );
    });
  });
}
