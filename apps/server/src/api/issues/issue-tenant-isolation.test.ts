import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApiClient } from '../../testing/test-api-client.ts';
import { TEST_BACKENDS, startTestFixloop } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { TEST_PASSWORD, createTestOrg } from '../accounts/create-test-tenancy.ts';
import type { TestOrg } from '../accounts/create-test-tenancy.ts';
import { TestSessionClient } from '../accounts/test-session-client.ts';
import { sendTestEvent } from './send-test-event.ts';

type Call = [method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, expected?: number];

/**
 * Tenant isolation of issues, events, comments, tags, feedback and stats: organization A's owner, by
 * token and by session, gets 404 on every endpoint naming organization B or one of its issues or events
 * (bulk changes through A's own lists select nothing: 204), and B is unchanged afterwards.
 */
describe.each(TEST_BACKENDS)('tenant isolation of issues, events and stats (%s)', (backend) => {
  let t: TestFixloop;
  let a: TestOrg;
  let b: TestOrg;
  let calls: Call[];
  let bIssues: string[];
  let bOwner: TestApiClient;

  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    a = await createTestOrg(t.fixloop.storage, 'org-a');
    b = await createTestOrg(t.fixloop.storage, 'org-b');
    bOwner = new TestApiClient(t.fixloop.url, b.users.owner.token);
    // Automatic investigations would add comments of their own; this test counts B's comments.
    await bOwner.put(`/api/0/projects/org-b/${b.project.slug}/`, {
      settings: { investigation: { auto: false } },
    });
    const target = { projectId: b.project.id, key: b.publicKey };
    const event = await sendTestEvent(t, { fingerprint: 'b-one', tags: { browser: 'Firefox' } }, target);
    await sendTestEvent(t, { fingerprint: 'b-two', type: 'RangeError' }, target);
    const project = `/api/0/projects/org-b/${b.project.slug}`;
    const issue = (await bOwner.get<{ groupID: string }>(`${project}/events/${event}/`)).body.groupID;
    bIssues = (await bOwner.get<{ id: string }[]>(`${project}/issues/`)).body.map((i) => i.id).sort();
    const comment = await bOwner.post<{ id: string }>(`/api/0/issues/${issue}/comments/`, { text: 'B only' });
    const [hash] = (await bOwner.get<{ id: string }[]>(`/api/0/issues/${issue}/hashes/`)).body;
    const feedback = { event_id: event, name: 'B', email: 'b@example.com', comments: 'mine' };
    expect((await bOwner.post(`${project}/user-feedback/`, feedback)).status).toBe(200);
    const shortId = (await bOwner.get<{ shortId: string }>(`/api/0/issues/${issue}/`)).body.shortId;
    const ids = bIssues.map((id) => `id=${id}`).join('&');
    const i = `/api/0/issues/${issue}`;
    const o = `/api/0/organizations/org-b/issues/${issue}`;
    calls = [
      ['GET', '/api/0/organizations/org-b/issues/'],
      ['PUT', `/api/0/organizations/org-b/issues/?${ids}`, { status: 'resolved' }],
      ['PUT', `/api/0/organizations/org-b/issues/?${ids}`, { merge: 1 }],
      ['DELETE', `/api/0/organizations/org-b/issues/?${ids}`],
      ['GET', `${project}/issues/`],
      ['PUT', `${project}/issues/?${ids}`, { status: 'resolved' }],
      ['DELETE', `${project}/issues/?${ids}`],
      // B's issues addressed through A's own lists select nothing.
      ['PUT', `/api/0/organizations/org-a/issues/?${ids}`, { status: 'resolved' }, 204],
      ['PUT', `/api/0/projects/org-a/${a.project.slug}/issues/?${ids}`, { merge: 1 }, 204],
      ['DELETE', `/api/0/organizations/org-a/issues/?${ids}`, undefined, 204],
      ['GET', `${i}/`],
      ['PUT', `${i}/`, { status: 'ignored', assignedTo: 'me', severity: 'info' }],
      ['DELETE', `${i}/`],
      ['GET', `${o}/`],
      ['GET', `/api/0/organizations/org-a/issues/${issue}/`],
      ['PUT', `/api/0/organizations/org-a/issues/${issue}/`, { status: 'resolved' }],
      ['GET', `${i}/events/`],
      ['GET', `${o}/events/`],
      ['GET', `${i}/events/latest/`],
      ['GET', `${i}/events/oldest/`],
      ['GET', `${i}/events/${event}/`],
      ['GET', `/api/0/organizations/org-a/issues/${issue}/events/latest/`],
      ['GET', `${project}/events/`],
      ['GET', `${project}/events/${event}/`],
      ['GET', `${project}/events/${event}/timeline/`],
      ['GET', `/api/0/projects/org-a/${a.project.slug}/events/${event}/`],
      ['GET', `${i}/comments/`],
      ['POST', `${i}/comments/`, { text: 'intruder' }],
      ['PUT', `${i}/comments/${comment.body.id}/`, { text: 'pwned' }],
      ['DELETE', `${i}/comments/${comment.body.id}/`],
      ['GET', `${o}/comments/`],
      ['GET', `${i}/activities/`],
      ['GET', `${i}/tags/`],
      ['GET', `${i}/tags/browser/`],
      ['GET', `${i}/tags/browser/values/`],
      ['GET', `${o}/tags/browser/values/`],
      ['GET', `${i}/hashes/`],
      ['DELETE', `${i}/hashes/?id=${hash?.id ?? 'x'}`],
      ['POST', `${i}/unmerge/`, { hashes: [hash?.id ?? 'x'] }],
      ['GET', `/api/0/organizations/org-b/shortids/${shortId}/`],
      ['GET', `/api/0/organizations/org-a/shortids/${shortId}/`],
      ['GET', `${project}/user-feedback/`],
      ['POST', `${project}/user-feedback/`, { ...feedback, comments: 'pwned' }],
      ['GET', `${project}/stats/`],
      ['GET', '/api/0/organizations/org-b/stats_v2/'],
      ['GET', '/api/0/organizations/org-b/stats/summary/'],
      ['GET', `/api/0/organizations/org-a/stats_v2/?project=${b.project.id}`, undefined, 400],
    ];
  });
  afterAll(() => t?.stop());

  it.each(['token', 'session'] as const)('org A’s owner by %s gets nothing of org B', async (kind) => {
    const token = new TestApiClient(t.fixloop.url, a.users.owner.token);
    const session =
      kind === 'session'
        ? await TestSessionClient.login(t.fixloop.url, a.users.owner.email, TEST_PASSWORD)
        : null;
    const failures: string[] = [];
    for (const [method, path, body, expected = 404] of calls) {
      const response = session
        ? await session.request(method, path, body)
        : await token.request(method, path, body);
      if (response.status !== expected) failures.push(`${method} ${path} -> ${response.status}`);
    }
    expect(failures).toEqual([]);
    expect(calls.length).toBeGreaterThanOrEqual(40);

    const issues = await bOwner.get<
      { id: string; status: string; assignedTo: unknown; numComments: number }[]
    >(`/api/0/projects/org-b/${b.project.slug}/issues/?query=`);
    expect(issues.body.map((x) => x.id).sort()).toEqual(bIssues);
    expect(issues.body.map((x) => [x.status, x.assignedTo])).toEqual([
      ['unresolved', null],
      ['unresolved', null],
    ]);
    expect(issues.body.reduce((n, x) => n + x.numComments, 0)).toBe(1);
    const reports = await bOwner.get<{ comments: string }[]>(
      `/api/0/projects/org-b/${b.project.slug}/user-feedback/`,
    );
    expect(reports.body.map((r) => r.comments)).toEqual(['mine']);
    const recent = await token.get<{ events: { project: string }[] }>('/api/errors/recent');
    expect(recent.body.events).toEqual([]);
  });
});
