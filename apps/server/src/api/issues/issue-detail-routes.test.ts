import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFixloop, TEST_BACKENDS } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import type { ApiResponse } from '../../testing/test-api-client.ts';
import { createTestUser } from '../accounts/create-test-tenancy.ts';
import { TestSessionClient } from '../accounts/test-session-client.ts';
import { sendTestEvent } from './send-test-event.ts';
import type { TestEventSpec } from './send-test-event.ts';

interface IssueJson {
  id: string;
  status: string;
  substatus: string | null;
  statusDetails: Record<string, unknown>;
  count: string;
  assignedTo: { type: string; id: string; email?: string; name: string } | null;
  isBookmarked: boolean;
  hasSeen: boolean;
  isSubscribed: boolean;
  severity: string;
  severityOverride: string | null;
  errorClass: string;
  errorClassOverride: string | null;
  priority: string;
  stats?: Record<string, [number, number][]>;
  activity?: { type: string; data: Record<string, unknown>; user: { email: string } | null }[];
}
type Errors = { detail: string; errors: Record<string, string[]> };

describe.each(TEST_BACKENDS)('issue detail API (%s)', (backend) => {
  let t: TestFixloop;
  let api: TestApiClient;
  let viewer: TestApiClient;
  let stranger: TestApiClient;
  let teammateId: number;
  let teammateEmail: string;
  let issueId: string;
  /** Moves the server's clock forward, to let an ignore duration run out. */
  let skewMs = 0;
  const spec: TestEventSpec = { fingerprint: 'detail', release: 'web@1.0', value: 'detail boom' };
  const path = () => `/api/0/issues/${issueId}/`;
  const put = (body: unknown) => api.put<IssueJson>(path(), body);
  const get = async (): Promise<IssueJson> => (await api.get<IssueJson>(path())).body;

  beforeAll(async () => {
    t = await startTestFixloop({
      backend,
      startOptions: { clock: { now: () => new Date(Date.now() + skewMs) } },
    });
    const storage = t.fixloop.storage;
    api = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(storage, { organization: 'default', role: 'admin' })).token,
    );
    viewer = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(storage, { organization: 'default', role: 'viewer' })).token,
    );
    const teammate = await createTestUserToken(storage, { organization: 'default', role: 'member' });
    teammateId = teammate.user.id;
    teammateEmail = teammate.user.email;
    await storage.projects.createOrganization({ slug: 'other', name: 'Other' });
    stranger = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(storage, { organization: 'other', role: 'owner' })).token,
    );
    // New issues are investigated automatically, which adds a comment; this test counts activities.
    await api.put('/api/0/projects/default/default/', { settings: { investigation: { auto: false } } });
    const eventId = await sendTestEvent(t, spec);
    await sendTestEvent(t, spec);
    const event = await api.get<{ groupID: string }>(`/api/0/projects/default/default/events/${eventId}/`);
    issueId = event.body.groupID;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('shows an issue with stats and activity at both paths; other tenants get 404', async () => {
    const response = await api.get<IssueJson>(path());
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: issueId, status: 'unresolved', count: '2' });
    expect(response.body.stats?.['24h']).toHaveLength(24);
    expect(response.body.stats?.['30d']).toHaveLength(30);
    expect(response.body.activity?.map((a) => a.type)).toEqual(['first_seen']);
    expect((await api.get(`/api/0/organizations/default/issues/${issueId}/`)).status).toBe(200);
    expect((await api.get(`/api/0/organizations/other/issues/${issueId}/`)).status).toBe(404);
    expect((await stranger.get(path())).status).toBe(404);
    expect((await stranger.put(path(), { status: 'resolved' })).status).toBe(404);
    expect((await api.get('/api/0/issues/abc/')).status).toBe(404);
    expect((await api.get('/api/0/issues/999999/')).status).toBe(404);
    expect((await viewer.get(path())).status).toBe(200);
    expect((await viewer.put(path(), { status: 'resolved' })).status).toBe(403);
  });

  it('resolves and unresolves, with an activity and an audit entry', async () => {
    const resolved = await put({ status: 'resolved' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', statusDetails: {} });
    expect((await put({ status: 'unresolved' })).body.status).toBe('unresolved');
    const activity = (await get()).activity?.map((a) => a.type);
    expect(activity).toEqual(['set_unresolved', 'set_resolved', 'first_seen']);
    const audit = await api.get<{
      rows: { event: string; target: string; after: Record<string, unknown> }[];
    }>('/api/0/organizations/default/audit-logs/?action=issue.update');
    expect(audit.body.rows[0]).toMatchObject({ target: `issue:${issueId}`, after: { status: 'unresolved' } });
    expect(audit.body.rows[1]).toMatchObject({ after: { status: 'resolved' } });
  });

  it('resolves in a release: events of the old release are expected, the new one regresses', async () => {
    const response = await put({ statusDetails: { inRelease: 'web@2.0' } });
    expect(response.body).toMatchObject({ status: 'resolved', statusDetails: { inRelease: 'web@2.0' } });
    await sendTestEvent(t, spec);
    expect((await get()).status).toBe('resolved');
    await sendTestEvent(t, { ...spec, release: 'web@2.0' });
    expect(await get()).toMatchObject({ status: 'unresolved', substatus: 'regressed' });
    const regressed = await api.get<IssueJson[]>(
      '/api/0/projects/default/default/issues/?query=is:regressed',
    );
    expect(regressed.body.map((i) => i.id)).toEqual([issueId]);
    expect((await get()).activity?.[0]?.type).toBe('set_regression');
    const next = await put({ status: 'resolvedInNextRelease' });
    expect(next.body).toMatchObject({ status: 'resolved', statusDetails: { inNextRelease: true } });
    const bad = await api.put<Errors>(path(), { statusDetails: { inRelease: '' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(['statusDetails.inRelease']);
  });

  it('ignores until a count of further events, then escalates', async () => {
    const response = await put({ status: 'ignored', statusDetails: { ignoreCount: 2 } });
    expect(response.body).toMatchObject({
      status: 'ignored',
      substatus: 'archived_until_condition_met',
      statusDetails: { ignoreCount: 2 },
    });
    await sendTestEvent(t, spec);
    expect((await get()).status).toBe('ignored');
    await sendTestEvent(t, spec);
    expect(await get()).toMatchObject({ status: 'unresolved', substatus: 'escalating' });
  });

  it('ignores for a duration, forever, and rejects inconsistent details', async () => {
    const before = Date.now();
    const timed = await put({ status: 'ignored', statusDetails: { ignoreDuration: 30 } });
    const until = Date.parse(String(timed.body.statusDetails['ignoreUntil']));
    expect(until).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(until).toBeLessThan(Date.now() + 31 * 60_000);
    // The first event after the duration brings the issue back.
    await sendTestEvent(t, spec);
    expect((await get()).status).toBe('ignored');
    skewMs = 31 * 60_000;
    // The clock stays ahead from here on: that time has passed for the rest of the tests.
    await sendTestEvent(t, { ...spec, at: new Date(Date.now() + skewMs) });
    expect(await get()).toMatchObject({ status: 'unresolved', substatus: 'ongoing' });
    const forever = await put({ status: 'ignored' });
    expect(forever.body).toMatchObject({ substatus: 'archived_forever', statusDetails: {} });
    const bad = await api.put<Errors>(path(), { status: 'ignored', statusDetails: { ignoreWindow: 60 } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(['statusDetails.ignoreWindow']);
    expect((await api.put<Errors>(path(), { statusDetails: { ignoreCount: -1 } })).status).toBe(400);
    expect((await put({ status: 'unresolved' })).body.status).toBe('unresolved');
  });

  it('assigns to members by email or id, and to teams; others are 400', async () => {
    const byEmail = await put({ assignedTo: teammateEmail });
    expect(byEmail.body.assignedTo).toMatchObject({
      type: 'user',
      id: String(teammateId),
      email: teammateEmail,
    });
    const byId = await put({ assignedTo: `user:${teammateId}` });
    expect(byId.body.assignedTo?.id).toBe(String(teammateId));
    const team = await api.post<{ id: string }>('/api/0/organizations/default/teams/', { slug: 'backend' });
    const byTeam = await put({ assignedTo: `team:${team.body.id}` });
    expect(byTeam.body.assignedTo).toEqual({ type: 'team', id: team.body.id, name: 'backend' });
    const outsider = await api.put<Errors>(path(), { assignedTo: 'nobody@example.com' });
    expect(outsider.status).toBe(400);
    expect(Object.keys(outsider.body.errors)).toEqual(['assignedTo']);
    expect((await put({ assignedTo: null })).body.assignedTo).toBeNull();
    const types = (await get()).activity?.slice(0, 4).map((a) => a.type);
    expect(types).toEqual(['unassigned', 'assigned', 'assigned', 'assigned']);
  });

  it('keeps bookmark, seen and subscription per user', async () => {
    const response = await put({ isBookmarked: true, hasSeen: true, isSubscribed: true });
    expect(response.body).toMatchObject({ isBookmarked: true, hasSeen: true, isSubscribed: true });
    expect(await get()).toMatchObject({ isBookmarked: true, hasSeen: true, isSubscribed: true });
    const other = (await viewer.get<IssueJson>(path())).body;
    expect(other).toMatchObject({ isBookmarked: false, hasSeen: false, isSubscribed: false });
    expect((await put({ isBookmarked: false, hasSeen: false })).body).toMatchObject({
      isBookmarked: false,
      hasSeen: false,
    });
  });

  it('marks an issue seen when a dashboard session views it; session writes need the CSRF token', async () => {
    const organization = await t.fixloop.storage.projects.getOrganizationBySlug('default');
    const user = await createTestUser(t.fixloop.storage, {
      organizationId: organization!.id,
      role: 'member',
    });
    const session = await TestSessionClient.login(t.fixloop.url, user.email, user.password);
    const token = new TestApiClient(t.fixloop.url, user.token);
    expect((await token.get<IssueJson>(path())).body.hasSeen).toBe(false);
    expect((await session.get<IssueJson>(path())).status).toBe(200);
    expect((await session.get<IssueJson>(path())).body.hasSeen).toBe(true);
    const forged = await session.request('PUT', path(), { isBookmarked: true }, { csrf: false });
    expect(forged.status).toBe(403);
    const bookmarked = await session.request<IssueJson>('PUT', path(), { isBookmarked: true });
    expect(bookmarked.body.isBookmarked).toBe(true);
    expect((await token.get<IssueJson>(path())).body.isBookmarked).toBe(true);
  });

  it('overrides severity and error class (Fixloop), searchable, cleared by null', async () => {
    const response = await put({ severity: 'blocking', errorClass: 'database' });
    expect(response.body).toMatchObject({
      severity: 'blocking',
      severityOverride: 'blocking',
      priority: 'high',
      errorClass: 'database',
      errorClassOverride: 'database',
    });
    const found = await api.get<IssueJson[]>(
      `/api/0/projects/default/default/issues/?query=${encodeURIComponent('severity:blocking error_class:database')}`,
    );
    expect(found.body.map((i) => i.id)).toEqual([issueId]);
    const high = await api.get<IssueJson[]>(
      `/api/0/projects/default/default/issues/?query=${encodeURIComponent('issue.priority:[high,medium]')}`,
    );
    expect(high.body.map((i) => i.id)).toEqual([issueId]);
    const low = await api.get<IssueJson[]>(
      `/api/0/projects/default/default/issues/?query=${encodeURIComponent('issue.priority:low')}`,
    );
    expect(low.body).toEqual([]);
    const bad = await api.put<Errors>(path(), { severity: 'catastrophic' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(['severity']);
    const cleared = await put({ severity: null, errorClass: null });
    expect(cleared.body).toMatchObject({ severityOverride: null, errorClassOverride: null });
    expect(cleared.body.severity).not.toBe('blocking');
  });

  it('deletes an issue with its events (event:admin)', async () => {
    const [eventsBefore]: ApiResponse<{ id: string }[]>[] = [
      await api.get<{ id: string }[]>(`/api/0/issues/${issueId}/events/`),
    ];
    const eventId = eventsBefore!.body[0]!.id;
    expect((await viewer.delete(path())).status).toBe(403);
    expect((await api.delete(path())).status).toBe(202);
    expect((await api.get(path())).status).toBe(404);
    expect((await api.get(`/api/0/projects/default/default/events/${eventId}/`)).status).toBe(404);
    const audit = await api.get<{ rows: { target: string }[] }>(
      '/api/0/organizations/default/audit-logs/?action=issue.delete',
    );
    expect(audit.body.rows.map((r) => r.target)).toEqual([`issue:${issueId}`]);
  });
});
