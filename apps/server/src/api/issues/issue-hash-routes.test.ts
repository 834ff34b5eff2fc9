import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFixloop, TEST_BACKENDS } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import { sendTestEvent } from './send-test-event.ts';

interface IssueJson {
  id: string;
  count: string;
  title: string;
}
type Errors = { errors: Record<string, string[]> };

describe.each(TEST_BACKENDS)('issue merge and unmerge API (%s)', (backend) => {
  let t: TestFixloop;
  let api: TestApiClient;
  let viewer: TestApiClient;
  let big: string;
  let small: string;
  let smallHash: string;
  let smallShortId: string;
  const list = '/api/0/projects/default/default/issues/';

  async function issueOf(eventId: string): Promise<string> {
    return (await api.get<{ groupID: string }>(`/api/0/projects/default/default/events/${eventId}/`)).body
      .groupID;
  }
  const count = async (id: string) => (await api.get<IssueJson>(`/api/0/issues/${id}/`)).body.count;

  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    const storage = t.fixloop.storage;
    api = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(storage, { organization: 'default', role: 'admin' })).token,
    );
    viewer = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(storage, { organization: 'default', role: 'viewer' })).token,
    );
    big = await issueOf(await sendTestEvent(t, { fingerprint: 'big', value: 'big one' }));
    await sendTestEvent(t, { fingerprint: 'big', value: 'big one' });
    await sendTestEvent(t, { fingerprint: 'big', value: 'big one' });
    small = await issueOf(await sendTestEvent(t, { fingerprint: 'small', type: 'RangeError' }));
    const hashes = await api.get<{ id: string }[]>(`/api/0/issues/${small}/hashes/`);
    expect(hashes.body).toHaveLength(1);
    smallHash = hashes.body[0]!.id;
    smallShortId = (await api.get<{ shortId: string }>(`/api/0/issues/${small}/`)).body.shortId;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('refuses to merge fewer than two issues, and viewers', async () => {
    const one = await api.put<Errors>(`${list}?id=${big}`, { merge: 1 });
    expect(one.status).toBe(400);
    expect(Object.keys(one.body.errors)).toEqual(['id']);
    expect((await viewer.put(`${list}?id=${big}&id=${small}`, { merge: 1 })).status).toBe(403);
  });

  it('merges into the issue with the most events; the old id redirects', async () => {
    const merged = await api.put(`${list}?id=${small}&id=${big}`, { merge: 1 });
    expect(merged.status).toBe(200);
    expect(merged.body).toEqual({ merge: { parent: big, children: [small] } });
    expect(await count(big)).toBe('4');
    const old = await api.get<IssueJson>(`/api/0/issues/${small}/`);
    expect(old.status).toBe(200);
    expect(old.body.id).toBe(big);
    expect(old.headers.get('x-fixloop-merged-into')).toBe(big);
    // The merged issue's short id still resolves, to the issue it went into.
    const resolved = await api.get<{
      groupId: string;
      shortId: string;
      projectSlug: string;
      group: IssueJson;
    }>(`/api/0/organizations/default/shortids/${smallShortId}/`);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ groupId: big, projectSlug: 'default', group: { id: big } });
    expect((await api.get('/api/0/organizations/default/shortids/DEFAULT-999/')).status).toBe(404);
    expect((await api.get('/api/0/organizations/default/shortids/nonsense/')).status).toBe(404);
    const hashes = await api.get<{ id: string }[]>(`/api/0/organizations/default/issues/${big}/hashes/`);
    expect(hashes.body.map((h) => h.id)).toContain(smallHash);
    // Later events with the merged fingerprint join the merged issue.
    expect(await issueOf(await sendTestEvent(t, { fingerprint: 'small', type: 'RangeError' }))).toBe(big);
    expect(await count(big)).toBe('5');
    const ids = (await api.get<IssueJson[]>(list)).body.map((i) => i.id);
    expect(ids).toEqual([big]);
  });

  it('rejects unmerging unknown hashes or every hash', async () => {
    const unknown = await api.delete<Errors>(`/api/0/issues/${big}/hashes/?id=deadbeef`);
    expect(unknown.status).toBe(400);
    expect(Object.keys(unknown.body.errors)).toEqual(['id']);
    const all = (await api.get<{ id: string }[]>(`/api/0/issues/${big}/hashes/`)).body.map((h) => h.id);
    const everything = all.map((h) => `id=${h}`).join('&');
    expect((await api.delete(`/api/0/issues/${big}/hashes/?${everything}`)).status).toBe(400);
    expect((await api.delete(`/api/0/issues/${big}/hashes/`)).status).toBe(400);
  });

  it('unmerges a hash with its past events into a new issue', async () => {
    const response = await api.delete(`/api/0/issues/${big}/hashes/?id=${smallHash}`);
    expect(response.status).toBe(202);
    expect(await count(big)).toBe('3');
    const issues = (await api.get<IssueJson[]>(list)).body;
    const created = issues.find((i) => i.id !== big);
    expect(created).toMatchObject({ count: '2' });
    const events = await api.get<{ groupID: string }[]>(`/api/0/issues/${created!.id}/events/`);
    expect(events.body.map((e) => e.groupID)).toEqual([created!.id, created!.id]);
    expect(await issueOf(await sendTestEvent(t, { fingerprint: 'small', type: 'RangeError' }))).toBe(
      created!.id,
    );
  });

  it('unmerges through POST /unmerge/ and returns the new issue', async () => {
    const extra = await issueOf(await sendTestEvent(t, { fingerprint: 'extra', type: 'SyntaxError' }));
    const [extraHash] = (await api.get<{ id: string }[]>(`/api/0/issues/${extra}/hashes/`)).body;
    await api.put(`${list}?id=${big}&id=${extra}`, { merge: 1 });
    const response = await api.post<{ issue: IssueJson }>(`/api/0/issues/${big}/unmerge/`, {
      hashes: [extraHash!.id],
    });
    expect(response.status).toBe(200);
    expect(response.body.issue).toMatchObject({ count: '1' });
    expect(response.body.issue.id).not.toBe(big);
    expect(await count(big)).toBe('3');
  });
});
