import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFixloop, TEST_BACKENDS } from '../../src/testing/test-fixloop.ts';
import type { TestFixloop } from '../../src/testing/test-fixloop.ts';
import { createTestUserToken, TestApiClient } from '../../src/testing/test-api-client.ts';
import { minutesAgo, sendTestEvent } from '../../src/api/issues/send-test-event.ts';

const script = fileURLToPath(new URL('./glitchtip-triage-client.mjs', import.meta.url));
const run = promisify(execFile);

interface Line {
  kind: 'issue' | 'resolved' | 'stats';
  id?: string;
  title?: string;
  count?: string;
  lastDay?: number;
  status?: string;
  accepted?: number;
}

describe.each(TEST_BACKENDS)('a GlitchTip-style triage script against a live server (%s)', (backend) => {
  let t: TestFixloop;
  let token: string;
  let api: TestApiClient;
  const issue: Record<string, string> = {};

  const issueOf = async (eventId: string) =>
    (await api.get<{ groupID: string }>(`/api/0/projects/default/default/events/${eventId}/`)).body.groupID;

  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    token = (await createTestUserToken(t.fixloop.storage, { organization: 'default', role: 'member' })).token;
    api = new TestApiClient(t.fixloop.url, token);
    await api.put('/api/0/projects/default/default/', { settings: { investigation: { auto: false } } });
    const noise = { fingerprint: 'noise', type: 'Error', value: 'ResizeObserver loop limit exceeded' };
    issue['noise'] = await issueOf(await sendTestEvent(t, { ...noise, at: minutesAgo(30) }));
    await sendTestEvent(t, { ...noise, at: minutesAgo(5) });
    issue['real'] = await issueOf(
      await sendTestEvent(t, { fingerprint: 'real', type: 'TypeError', value: 'cart is undefined' }),
    );
    issue['db'] = await issueOf(
      await sendTestEvent(t, { fingerprint: 'db', type: 'QueryError', value: 'deadlock detected' }),
    );
    issue['old'] = await issueOf(
      await sendTestEvent(t, {
        fingerprint: 'old',
        type: 'RangeError',
        value: 'ancient',
        at: minutesAgo(2 * 24 * 60),
      }),
    );
    issue['done'] = await issueOf(
      await sendTestEvent(t, { fingerprint: 'done', type: 'SyntaxError', value: 'fixed already' }),
    );
    await api.put(`/api/0/issues/${issue['done']}/`, { status: 'resolved' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('lists the last day’s unresolved errors page by page, comments on and resolves the noise, reads stats', async () => {
    const { stdout } = await run(process.execPath, [script], {
      env: {
        ...process.env,
        FIXLOOP_URL: t.fixloop.url,
        FIXLOOP_TOKEN: token,
        FIXLOOP_ORG: 'default',
        TRIAGE_MATCH: 'ResizeObserver',
        PAGE_SIZE: '2',
      },
    });
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    const listed = lines.filter((l) => l.kind === 'issue');
    expect(listed.map((l) => l.id).sort()).toEqual([issue['noise'], issue['real'], issue['db']].sort());
    expect(listed.find((l) => l.id === issue['noise'])).toMatchObject({ count: '2', lastDay: 2 });
    expect(lines.filter((l) => l.kind === 'resolved')).toEqual([
      { kind: 'resolved', id: issue['noise'], status: 'resolved' },
    ]);
    expect(lines.at(-1)).toEqual({ kind: 'stats', accepted: 6, rateLimited: 0 });

    const noise = await api.get<{ status: string; numComments: number }>(`/api/0/issues/${issue['noise']}/`);
    expect(noise.body).toMatchObject({ status: 'resolved', numComments: 1 });
    const [comment] = (
      await api.get<{ data: { text: string } }[]>(`/api/0/issues/${issue['noise']}/comments/`)
    ).body;
    expect(comment?.data.text).toContain('known noise');
    const real = await api.get<{ status: string }>(`/api/0/issues/${issue['real']}/`);
    expect(real.body.status).toBe('unresolved');
  });

  it('fails loudly with a bad token', async () => {
    const result = await run(process.execPath, [script], {
      env: { ...process.env, FIXLOOP_URL: t.fixloop.url, FIXLOOP_TOKEN: 'fxl_wrong', FIXLOOP_ORG: 'default' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stderr: string }).stderr).toContain('401');
  });
});
