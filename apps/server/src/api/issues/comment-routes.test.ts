import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFixloop, TEST_BACKENDS } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import { sendTestEvent } from './send-test-event.ts';

interface CommentJson {
  id: string;
  type: string;
  data: { text: string; mentions: string[] };
  user: { id: string; email: string } | null;
  dateCreated: string;
}

describe.each(TEST_BACKENDS)('issue comments and activity API (%s)', (backend) => {
  let t: TestFixloop;
  let admin: TestApiClient;
  let member: TestApiClient;
  let viewer: TestApiClient;
  let stranger: TestApiClient;
  let memberEmail: string;
  let issueId: string;
  const comments = () => `/api/0/issues/${issueId}/comments/`;

  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    const storage = t.fixloop.storage;
    const client = async (organization: string, role: 'admin' | 'member' | 'viewer' | 'owner') => {
      const created = await createTestUserToken(storage, { organization, role });
      return { client: new TestApiClient(t.fixloop.url, created.token), email: created.user.email };
    };
    admin = (await client('default', 'admin')).client;
    const m = await client('default', 'member');
    member = m.client;
    memberEmail = m.email;
    viewer = (await client('default', 'viewer')).client;
    await storage.projects.createOrganization({ slug: 'other', name: 'Other' });
    stranger = (await client('other', 'owner')).client;
    // Automatic investigations post their own comment; this test counts comments.
    await admin.put('/api/0/projects/default/default/', { settings: { investigation: { auto: false } } });
    const eventId = await sendTestEvent(t, { fingerprint: 'commented' });
    issueId = (await admin.get<{ groupID: string }>(`/api/0/projects/default/default/events/${eventId}/`))
      .body.groupID;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('adds comments (201) in Sentry’s note shape and counts them on the issue', async () => {
    const first = await member.post<CommentJson>(comments(), { text: 'Looking into it', mentions: [] });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      type: 'note',
      data: { text: 'Looking into it', mentions: [] },
      user: { email: memberEmail },
    });
    expect(first.body.dateCreated).toMatch(/Z$/);
    // GlitchTip's form, `{data: {text}}`, is accepted too.
    const glitchTip = await admin.post<CommentJson>(comments(), { data: { text: 'Fixed in #12' } });
    expect(glitchTip.status).toBe(201);
    expect(glitchTip.body.data).toEqual({ text: 'Fixed in #12', mentions: [] });
    const issue = await admin.get<{ numComments: number }>(`/api/0/issues/${issueId}/`);
    expect(issue.body.numComments).toBe(2);
  });

  it('validates comments and checks access', async () => {
    const empty = await admin.post<{ errors: Record<string, string[]> }>(comments(), { text: '   ' });
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.errors)).toEqual(['text']);
    expect((await admin.post(comments(), {})).status).toBe(400);
    const nested = await admin.post<{ errors: Record<string, string[]> }>(comments(), { data: { text: '' } });
    expect(Object.keys(nested.body.errors)).toEqual(['data.text']);
    const missing = await admin.post<{ errors: Record<string, string[]> }>(comments(), { mentions: [] });
    expect(Object.keys(missing.body.errors)).toEqual(['text']);
    expect((await viewer.post(comments(), { text: 'hi' })).status).toBe(403);
    expect((await viewer.get(comments())).status).toBe(200);
    expect((await stranger.get(comments())).status).toBe(404);
    expect((await stranger.get(`/api/0/organizations/other/issues/${issueId}/comments/`)).status).toBe(404);
    expect((await stranger.post(comments(), { text: 'hi' })).status).toBe(404);
  });

  it('lists comments newest first with Link pagination', async () => {
    const page = await admin.get<CommentJson[]>(`${comments()}?limit=1`);
    expect(page.body.map((c) => c.data.text)).toEqual(['Fixed in #12']);
    expect(page.headers.get('link')).toContain('rel="next"; results="true"; cursor="0:1:0"');
    const next = await admin.get<CommentJson[]>(`${comments()}?limit=1&cursor=0:1:0`);
    expect(next.body.map((c) => c.data.text)).toEqual(['Looking into it']);
    expect(next.headers.get('link')).toContain('rel="next"; results="false"');
    // Sentry's current docs put issue sub-resources under the organization.
    const orgPath = await admin.get<CommentJson[]>(
      `/api/0/organizations/default/issues/${issueId}/comments/`,
    );
    expect(orgPath.body.map((c) => c.data.text)).toEqual(['Fixed in #12', 'Looking into it']);
  });

  it('lets authors and admins edit and delete comments, and audits it', async () => {
    const [newest, oldest] = (await admin.get<CommentJson[]>(comments())).body;
    expect((await member.put(`${comments()}${newest!.id}/`, { text: 'mine now' })).status).toBe(403);
    const edited = await member.put<CommentJson>(`${comments()}${oldest!.id}/`, { text: 'Still looking' });
    expect(edited.status).toBe(200);
    expect(edited.body.data.text).toBe('Still looking');
    expect((await admin.delete(`${comments()}${oldest!.id}/`)).status).toBe(204);
    expect((await admin.delete(`${comments()}${oldest!.id}/`)).status).toBe(404);
    expect((await admin.get<CommentJson[]>(comments())).body.map((c) => c.id)).toEqual([newest!.id]);
    const audit = await admin.get<{ rows: { event: string }[] }>('/api/0/organizations/default/audit-logs/');
    const actions = audit.body.rows.map((r) => r.event);
    expect(actions).toEqual(
      expect.arrayContaining(['issue.comment.create', 'issue.comment.update', 'issue.comment.delete']),
    );
  });

  it('shows the activity log newest first, ending with first_seen', async () => {
    await admin.put(`/api/0/issues/${issueId}/`, { status: 'resolved' });
    const activity = await admin.get<{ type: string }[]>(
      `/api/0/organizations/default/issues/${issueId}/activities/`,
    );
    expect(activity.status).toBe(200);
    expect(activity.body.map((a) => a.type)).toEqual(['set_resolved', 'note', 'first_seen']);
  });
});
