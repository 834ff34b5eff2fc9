import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawPost } from '../testing/raw-http.ts';
import {
  TEST_BACKENDS,
  envelope,
  errorEvent,
  newEventId,
  startTestFixloop,
} from '../testing/test-fixloop.ts';
import type { TestFixloop } from '../testing/test-fixloop.ts';

const WEB_KEY = '0123456789abcdef0123456789abcdef';
const API_KEY = 'fedcba9876543210fedcba9876543210';

describe.each(TEST_BACKENDS)('ingest auth and rate limiting (%s)', (backend) => {
  let t: TestFixloop;
  let webId: number;
  let apiId: number;

  beforeAll(async () => {
    t = await startTestFixloop({
      backend,
      configFile: {
        organizations: [
          {
            slug: 'acme',
            name: 'Acme',
            projects: [
              { slug: 'web', name: 'Web', platform: 'javascript', keys: [WEB_KEY] },
              { slug: 'api', name: 'API', keys: [API_KEY], rateLimit: { count: 2, windowSeconds: 3600 } },
            ],
          },
        ],
      },
    });
    const org = await t.fixloop.storage.projects.getOrganizationBySlug('acme');
    webId = (await t.fixloop.storage.projects.getProjectBySlug(org!.id, 'web'))!.id;
    apiId = (await t.fixloop.storage.projects.getProjectBySlug(org!.id, 'api'))!.id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  const body = (id: string, headers: Record<string, unknown> = { event_id: id }) =>
    Buffer.from(envelope(headers, [[{ type: 'event' }, errorEvent(id)]]));
  const post = (projectId: number, buffer: Buffer, headers: Record<string, string> = {}, query = '') =>
    rawPost(t.url(`/api/${projectId}/envelope/${query}`), buffer, headers);

  it('creates config-file projects with their pinned keys and no default organization', async () => {
    expect((await t.fixloop.storage.projects.listOrganizations()).map((o) => o.slug)).toEqual(['acme']);
    expect((await t.fixloop.storage.projects.listKeys(webId)).map((k) => k.publicKey)).toEqual([WEB_KEY]);
    expect((await t.fixloop.storage.projects.getProject(webId))?.platform).toBe('javascript');
    expect(t.fixloop.dsn).toContain(`${WEB_KEY}@`);
  });

  it.each([
    ['x-sentry-auth', { 'x-sentry-auth': `Sentry sentry_version=7, sentry_key=${WEB_KEY}` }, ''],
    ['authorization sentry', { authorization: `Sentry sentry_key=${WEB_KEY}, sentry_version=7` }, ''],
    ['basic', { authorization: `Basic ${Buffer.from(`${WEB_KEY}:`).toString('base64')}` }, ''],
    ['query', {}, `?sentry_key=${WEB_KEY}&sentry_version=7`],
  ])('accepts the key from %s', async (_name, headers, query) => {
    const id = newEventId();
    const res = await post(webId, body(id), headers, query);
    expect(res.status, res.body).toBe(200);
    expect(await t.fixloop.storage.events.getEvent(webId, id)).not.toBeNull();
  });

  it('accepts the key from the envelope header dsn (tunnels)', async () => {
    const id = newEventId();
    const res = await post(webId, body(id, { event_id: id, dsn: `http://${WEB_KEY}@localhost/${webId}` }));
    expect(res.status, res.body).toBe(200);
  });

  it('answers 400 header mismatch when the envelope dsn names another project', async () => {
    const id = newEventId();
    const res = await post(webId, body(id, { event_id: id, dsn: `http://${WEB_KEY}@localhost/${apiId}` }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).detail).toContain('header mismatch');
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers 401 without credentials, 403 for unknown keys and keys of other projects', async () => {
    const missing = await post(webId, body(newEventId()));
    expect(missing.status).toBe(401);
    expect(missing.headers['x-sentry-error']).toBe('missing authorization information');
    expect(missing.headers['access-control-allow-origin']).toBe('*');
    expect(JSON.parse(missing.body)).toEqual({ detail: 'missing authorization information' });

    const unknown = await post(webId, body(newEventId()), {}, `?sentry_key=${'9'.repeat(32)}`);
    expect(unknown.status).toBe(403);
    expect(unknown.headers['access-control-allow-origin']).toBe('*');
    // Negative lookups are cached; the answer stays the same.
    expect((await post(webId, body(newEventId()), {}, `?sentry_key=${'9'.repeat(32)}`)).status).toBe(403);

    const otherProject = await post(webId, body(newEventId()), {}, `?sentry_key=${API_KEY}`);
    expect(otherProject.status).toBe(403);
    expect(JSON.parse(otherProject.body).detail).toContain('does not belong');

    const unknownProject = await post(999999, body(newEventId()), {}, `?sentry_key=${WEB_KEY}`);
    expect(unknownProject.status).toBe(403);
  });

  it('answers 429 with Retry-After and X-Sentry-Rate-Limits once the window is used up', async () => {
    const query = `?sentry_key=${API_KEY}`;
    for (let i = 0; i < 2; i += 1)
      expect((await post(apiId, body(newEventId()), {}, query)).status).toBe(200);
    const limited = await post(apiId, body(newEventId()), {}, query);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(limited.headers['x-sentry-rate-limits']).toBe(`${retryAfter}::project:quota_exceeded`);
    expect(limited.headers['access-control-allow-origin']).toBe('*');
    // Sessions are not counted against the event limit.
    const session = envelope({}, [[{ type: 'session' }, { sid: newEventId(), status: 'ok' }]]);
    expect((await post(apiId, Buffer.from(session), {}, query)).status).toBe(200);
    await expect
      .poll(async () => await t.fixloop.storage.events.outcomeTotals(apiId, new Date(0)))
      .toContainEqual({
        category: 'error',
        outcome: 'rate_limited',
        quantity: 1,
      });
  });
});
