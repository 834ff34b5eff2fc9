import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import {
  envelope,
  errorEvent,
  newEventId,
  startTestFixloop,
  TEST_BACKENDS,
} from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';

interface IssueJson {
  id: string;
  status: string;
  substatus: string | null;
  statusDetails: Record<string, unknown>;
}

describe.each(TEST_BACKENDS)('resolve in release, over HTTP (%s)', (backend) => {
  let t: TestFixloop;
  let api: TestApiClient;

  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    const { token } = await createTestUserToken(t.fixloop.storage, { organization: 'default' });
    api = new TestApiClient(t.fixloop.url, token);
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** Sends one event of the named error and release; returns its issue. */
  const send = async (message: string, release: string | null): Promise<IssueJson> => {
    const id = newEventId();
    const event = { ...errorEvent(id, message), ...(release === null ? {} : { release }) };
    const response = await fetch(t.url(`/api/${t.projectId}/envelope/?sentry_key=${t.key}`), {
      method: 'POST',
      body: envelope({ event_id: id }, [[{ type: 'event' }, event]]),
    });
    expect(response.status).toBe(200);
    const stored = await t.fixloop.storage.events.getEvent(t.projectId, id);
    expect(stored).not.toBeNull();
    return (await api.get<IssueJson>(`/api/0/issues/${stored!.issueId}/`)).body;
  };

  const resolve = (issue: IssueJson, body: Record<string, unknown>) =>
    api.put<IssueJson>(`/api/0/issues/${issue.id}/`, body);

  const createRelease = async (version: string) => {
    const created = await api.post('/api/0/projects/default/default/releases/', { version });
    expect([201, 208]).toContain(created.status);
  };

  it('keeps an issue resolved in a release for events of older releases; a newer one regresses it', async () => {
    const issue = await send('resolved in 1.2.0', 'shop@1.1.0');
    await createRelease('shop@1.2.0');
    const resolved = await resolve(issue, { status: 'resolved', statusDetails: { inRelease: 'shop@1.2.0' } });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', statusDetails: { inRelease: 'shop@1.2.0' } });

    expect((await send('resolved in 1.2.0', 'shop@1.1.0')).status).toBe('resolved');
    expect((await send('resolved in 1.2.0', 'shop@1.0.5')).status).toBe('resolved');
    expect((await send('resolved in 1.2.0', 'shop@1.1.0-rc.1')).status).toBe('resolved');
    const regressed = await send('resolved in 1.2.0', 'shop@1.2.0');
    expect(regressed).toMatchObject({ status: 'unresolved', substatus: 'regressed', statusDetails: {} });
  });

  it('regresses on a newer release after "resolved in the next release", not on the current one', async () => {
    const issue = await send('resolved in next', 'shop@2.0.0');
    const resolved = await resolve(issue, { status: 'resolvedInNextRelease' });
    expect(resolved.body).toMatchObject({ status: 'resolved', statusDetails: { inNextRelease: true } });
    expect((await send('resolved in next', 'shop@2.0.0')).status).toBe('resolved');
    expect((await send('resolved in next', 'shop@1.9.0')).status).toBe('resolved');
    expect((await send('resolved in next', 'shop@2.0.1')).status).toBe('unresolved');
  });

  it('regresses on events without a release, and on releases it cannot order', async () => {
    const issue = await send('no release', 'build-abc');
    await resolve(issue, { status: 'resolved', statusDetails: { inRelease: 'build-def' } });
    expect((await send('no release', 'build-abc')).status).toBe('resolved');
    expect((await send('no release', null)).status).toBe('unresolved');
  });

  it('resolves in the issue\'s latest release with inRelease "latest"', async () => {
    const issue = await send('latest', 'shop@3.0.0');
    const resolved = await resolve(issue, { statusDetails: { inRelease: 'latest' } });
    expect(resolved.body).toMatchObject({ status: 'resolved', statusDetails: { inRelease: 'shop@3.0.0' } });
    expect((await send('latest', 'shop@2.9.0')).status).toBe('resolved');
    expect((await send('latest', 'shop@3.0.0')).status).toBe('unresolved');
  });
});
