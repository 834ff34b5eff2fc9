import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFixloop, TEST_BACKENDS } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';

interface RecentJson {
  id: string;
  issueId: string;
  project: string;
  severity: string;
  level: string;
  source: string | null;
  service: string | null;
  path_or_screen: string | null;
  user_email: string | null;
  message: string;
  issueUrl: string;
}
interface EventJson {
  groupID: string;
  title: string;
  level: string;
  tags: { key: string; value: string }[];
  user: { email?: string } | null;
  entries: {
    type: string;
    data: { values?: { type: string; stacktrace: { frames: { function: string }[] } }[] };
  }[];
}

const STACK = [
  'TypeError: Cannot read properties of undefined (reading "total")',
  '    at renderCart (/app/src/cart.js:12:7)',
  '    at main (/app/src/index.js:3:1)',
].join('\n');

describe.each(TEST_BACKENDS)('simple log API (%s)', (backend) => {
  let t: TestFixloop;
  let api: TestApiClient;
  let stranger: TestApiClient;
  const ids: Record<string, string> = {};

  async function log(body: unknown, how: 'header' | 'query' | 'none' = 'header', key?: string) {
    const query = how === 'query' ? `?key=${key ?? t.key}` : '';
    return fetch(t.url(`/api/errors/log${query}`), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(how === 'header' ? { 'x-fixloop-key': key ?? t.key } : {}),
      },
      body: JSON.stringify(body),
    });
  }
  const line = (over: Record<string, unknown> = {}) => ({
    source: 'web',
    service: 'shop',
    path_or_screen: '/cart',
    user_email: 'ann@example.com',
    severity: 'error',
    message: 'Cart failed to render',
    stack: STACK,
    ...over,
  });

  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    const storage = t.fixloop.storage;
    api = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(storage, { organization: 'default', role: 'viewer' })).token,
    );
    await storage.projects.createOrganization({ slug: 'other', name: 'Other' });
    stranger = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(storage, { organization: 'other', role: 'owner' })).token,
    );
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('turns a log line into a normal event, authenticated by X-Fixloop-Key', async () => {
    const response = await log(line());
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const { id } = (await response.json()) as { id: string };
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    ids['cart'] = id;
    const event = await api.get<EventJson>(`/api/0/projects/default/default/events/${id}/`);
    expect(event.status).toBe(200);
    expect(event.body.level).toBe('error');
    expect(event.body.user?.email).toBe('ann@example.com');
    expect(event.body.tags).toEqual(
      expect.arrayContaining([
        { key: 'source', value: 'web' },
        { key: 'service', value: 'shop' },
      ]),
    );
    const exception = event.body.entries.find((e) => e.type === 'exception');
    const frames = exception?.data.values?.[0]?.stacktrace.frames.map((f) => f.function);
    expect(frames).toEqual(['main', 'renderCart']);
  });

  it('accepts ?key=, groups like any event, and maps critical to fatal', async () => {
    const again = await log(line({ message: 'Cart failed again' }), 'query');
    expect(again.status).toBe(200);
    const { id } = (await again.json()) as { id: string };
    const first = await api.get<EventJson>(`/api/0/projects/default/default/events/${ids['cart']}/`);
    const second = await api.get<EventJson>(`/api/0/projects/default/default/events/${id}/`);
    expect(second.body.groupID).toBe(first.body.groupID);
    const critical = await log(
      line({ source: 'ios', service: 'app', severity: 'critical', message: 'Payment crash', stack: null }),
    );
    const criticalId = ((await critical.json()) as { id: string }).id;
    const event = await api.get<EventJson>(`/api/0/projects/default/default/events/${criticalId}/`);
    expect(event.body.level).toBe('fatal');
    expect(event.body.groupID).not.toBe(first.body.groupID);
    // A browser's sendBeacon (or a fetch avoiding the CORS preflight) sends text/plain and ?key=.
    const beacon = await fetch(t.url(`/api/errors/log?key=${t.key}`), {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify(line({ message: 'Beacon from the browser', stack: null })),
    });
    expect(beacon.status).toBe(200);
    const beaconId = ((await beacon.json()) as { id: string }).id;
    const beaconEvent = await api.get<EventJson>(`/api/0/projects/default/default/events/${beaconId}/`);
    expect(beaconEvent.status).toBe(200);
    const info = await log(
      line({ severity: 'info', service: 'api', message: 'Slow checkout', stack: undefined }),
    );
    expect(info.status).toBe(200);
  });

  it('rejects bad input with 400 naming the field, and bad keys with 401', async () => {
    const missing = await log({ ...line(), severity: 'loud' });
    expect(missing.status).toBe(400);
    const body = (await missing.json()) as { errors: Record<string, string[]> };
    expect(Object.keys(body.errors)).toEqual(['severity']);
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
    const noMessage = (await (await log(line({ message: '' }))).json()) as {
      errors: Record<string, string[]>;
    };
    expect(Object.keys(noMessage.errors)).toEqual(['message']);
    const badEmail = (await (await log(line({ user_email: 'nope' }))).json()) as {
      errors: Record<string, string[]>;
    };
    expect(Object.keys(badEmail.errors)).toEqual(['user_email']);
    const notJson = await fetch(t.url('/api/errors/log'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fixloop-key': t.key },
      body: '{"source":',
    });
    expect(notJson.status).toBe(400);
    const noKey = await log(line(), 'none');
    expect(noKey.status).toBe(401);
    expect(noKey.headers.get('access-control-allow-origin')).toBe('*');
    expect((await log(line(), 'header', 'f'.repeat(32))).status).toBe(401);
    const preflight = await fetch(t.url('/api/errors/log'), { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-fixloop-key');
  });

  it('lists recent events newest first, filtered by severity, service and source', async () => {
    const all = await api.get<{ events: RecentJson[] }>('/api/errors/recent');
    expect(all.status).toBe(200);
    expect(all.body.events.map((e) => e.message)).toEqual([
      'Slow checkout',
      'Beacon from the browser',
      'Payment crash',
      'Cart failed again',
      'Cart failed to render',
    ]);
    expect(all.body.events[4]).toMatchObject({
      id: ids['cart'],
      project: 'default',
      severity: 'error',
      level: 'error',
      source: 'web',
      service: 'shop',
      path_or_screen: '/cart',
      user_email: 'ann@example.com',
    });
    expect(all.body.events[4]?.issueUrl).toMatch(/\/organizations\/default\/issues\/\d+\/$/);
    const recent = async (query: string) =>
      (await api.get<{ events: RecentJson[] }>(`/api/errors/recent?${query}`)).body.events.map(
        (e) => e.message,
      );
    expect(await recent('severity=critical')).toEqual(['Payment crash']);
    expect(await recent('service=shop')).toEqual([
      'Beacon from the browser',
      'Cart failed again',
      'Cart failed to render',
    ]);
    expect(await recent('source=ios')).toEqual(['Payment crash']);
    expect(await recent('source=web&severity=info')).toEqual(['Slow checkout']);
    expect(await recent('limit=1')).toEqual(['Slow checkout']);
    expect(await recent('project=default&limit=2')).toEqual(['Slow checkout', 'Beacon from the browser']);
    expect((await api.get('/api/errors/recent?limit=0')).status).toBe(400);
    expect((await api.get('/api/errors/recent?severity=loud')).status).toBe(400);
  });

  it('needs a token for /recent and shows only the caller’s organizations', async () => {
    expect((await new TestApiClient(t.fixloop.url, null).get('/api/errors/recent')).status).toBe(401);
    const theirs = await stranger.get<{ events: RecentJson[] }>('/api/errors/recent');
    expect(theirs.status).toBe(200);
    expect(theirs.body.events).toEqual([]);
  });
});
