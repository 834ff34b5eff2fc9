import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEventTimeline } from '../api/events/event-timeline.ts';
import { rawPost } from '../testing/raw-http.ts';
import {
  TEST_BACKENDS,
  envelope,
  errorEvent,
  newEventId,
  startTestFixloop,
} from '../testing/test-fixloop.ts';
import type { TestFixloop } from '../testing/test-fixloop.ts';

describe.each(TEST_BACKENDS)('ingest routes (%s)', (backend) => {
  let t: TestFixloop;

  beforeAll(async () => {
    t = await startTestFixloop({ backend });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const envelopeUrl = () => t.url(`/api/${t.projectId}/envelope/?sentry_key=${t.key}&sentry_version=7`);
  const storeUrl = () => t.url(`/api/${t.projectId}/store/`);
  const storeAuth = () => ({
    'x-sentry-auth': `Sentry sentry_version=7, sentry_key=${t.key}, sentry_client=test/1`,
  });

  it('stores an envelope event, creates its issue and groups a second occurrence into it', async () => {
    const first = newEventId();
    const second = newEventId();
    for (const id of [first, second]) {
      const res = await fetch(envelopeUrl(), {
        method: 'POST',
        body: envelope({ event_id: id }, [[{ type: 'event' }, errorEvent(id)]]),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(await res.json()).toEqual({ id });
    }
    const a = await t.fixloop.storage.events.getEvent(t.projectId, first);
    const b = await t.fixloop.storage.events.getEvent(t.projectId, second);
    expect(a?.title).toContain('TypeError');
    expect(b?.issueId).toBe(a?.issueId);
    const issue = await t.fixloop.storage.issues.getIssue(a!.issueId);
    expect(issue?.timesSeen).toBe(2);
    // Its timeline is built from the stored event when read, not stored a second time.
    expect(await t.fixloop.storage.events.getTimeline(t.projectId, first)).toBeNull();
    expect((await readEventTimeline(t.fixloop.storage.events, a!, 30, new Date())).at(-1)).toMatchObject({
      source: 'event',
      isError: true,
    });
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync],
    ['br', brotliCompressSync],
  ] as const)('accepts a %s store body', async (encoding, compress) => {
    const id = newEventId();
    const res = await rawPost(storeUrl(), compress(Buffer.from(JSON.stringify(errorEvent(id)))), {
      ...storeAuth(),
      'content-type': 'application/json',
      'content-encoding': encoding,
    });
    expect(res.status, res.body).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ id });
    expect(await t.fixloop.storage.events.getEvent(t.projectId, id)).not.toBeNull();
  });

  it('accepts an envelope without Content-Type, sent chunked', async () => {
    const id = newEventId();
    const body = Buffer.from(envelope({ event_id: id }, [[{ type: 'event' }, errorEvent(id)]]));
    const res = await rawPost(envelopeUrl(), [
      body.subarray(0, 20),
      body.subarray(20, 100),
      body.subarray(100),
    ]);
    expect(res.status, res.body).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ id });
    expect(await t.fixloop.storage.events.getEvent(t.projectId, id)).not.toBeNull();
  });

  it('treats odd content types as envelopes', async () => {
    for (const contentType of ['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'nonsense']) {
      const id = newEventId();
      const body = Buffer.from(envelope({ event_id: id }, [[{ type: 'event' }, errorEvent(id)]]));
      const res = await rawPost(envelopeUrl(), body, { 'content-type': contentType });
      expect(res.status, `${contentType}: ${res.body}`).toBe(200);
    }
  });

  it('stores a duplicate event id once and still answers 200 with the id', async () => {
    const id = newEventId();
    const body = envelope({ event_id: id }, [[{ type: 'event' }, errorEvent(id)]]);
    const answers = await Promise.all([1, 2, 3].map(() => fetch(envelopeUrl(), { method: 'POST', body })));
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ id });
    }
    const event = await t.fixloop.storage.events.getEvent(t.projectId, id);
    const issue = await t.fixloop.storage.issues.getIssue(event!.issueId);
    const events = await t.fixloop.storage.events.listIssueEvents(issue!.id, { limit: 1000, offset: 0 });
    expect(events.filter((e) => e.eventId === id)).toHaveLength(1);
  });

  it('links a legacy user_report and stores feedback', async () => {
    const id = newEventId();
    const body = envelope({ event_id: id }, [
      [{ type: 'event' }, errorEvent(id, 'with report')],
      [
        { type: 'user_report' },
        { event_id: id, name: 'Ann', email: 'ann@example.com', comments: 'it broke' },
      ],
    ]);
    expect((await fetch(envelopeUrl(), { method: 'POST', body })).status).toBe(200);
    const feedbackBody = envelope({ event_id: newEventId() }, [
      [
        { type: 'feedback' },
        {
          event_id: newEventId(),
          timestamp: Date.now() / 1000,
          contexts: {
            feedback: {
              message: 'love it',
              contact_email: 'bob@example.com',
              name: 'Bob',
              url: 'https://x/y',
            },
          },
        },
      ],
    ]);
    expect((await fetch(envelopeUrl(), { method: 'POST', body: feedbackBody })).status).toBe(200);
    const reports = await t.fixloop.storage.events.listUserReports(t.projectId, { limit: 50, offset: 0 });
    const legacy = reports.find((r) => r.comments === 'it broke');
    const event = await t.fixloop.storage.events.getEvent(t.projectId, id);
    expect(legacy).toMatchObject({
      eventId: id,
      source: 'user_report',
      issueId: event!.issueId,
      name: 'Ann',
    });
    expect(reports.find((r) => r.comments === 'love it')).toMatchObject({
      source: 'feedback',
      email: 'bob@example.com',
    });
  });

  it('stores attachments beside their event', async () => {
    const id = newEventId();
    const body = envelope({ event_id: id }, [
      [{ type: 'event' }, errorEvent(id)],
      [{ type: 'attachment', filename: 'notes.txt', content_type: 'text/plain' }, 'hello attachment'],
    ]);
    expect((await fetch(envelopeUrl(), { method: 'POST', body })).status).toBe(200);
    const attachments = await t.fixloop.storage.events.listAttachments(t.projectId, id);
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ filename: 'notes.txt', size: 16 });
  });

  it('stores the attachment of an envelope bigger than a pooled buffer, sent whole or chunked', async () => {
    // The event's bytes go to the ingest thread while the attachment's stay behind in the same body.
    for (const chunked of [false, true]) {
      const id = newEventId();
      const body = Buffer.from(
        envelope({ event_id: id }, [
          [{ type: 'event' }, errorEvent(id, 'x'.repeat(20_000))],
          [{ type: 'attachment', filename: 'big.txt' }, 'y'.repeat(10_000)],
        ]),
      );
      const res = await rawPost(
        envelopeUrl(),
        chunked ? [body.subarray(0, 9000), body.subarray(9000)] : body,
      );
      expect(res.status, res.body).toBe(200);
      const attachments = await t.fixloop.storage.events.listAttachments(t.projectId, id);
      expect(attachments).toMatchObject([{ filename: 'big.txt', size: 10_000 }]);
    }
  });

  it('builds the timeline from a FULL_EVENT_TIMELINE_V1 attachment in the same envelope', async () => {
    const id = newEventId();
    const document = {
      version: 'FULL_EVENT_TIMELINE_V1',
      timeline: [
        {
          ts: new Date(Date.now() - 2000).toISOString(),
          layer: 'network',
          event: 'http',
          message: 'POST /api/pay',
          network: { method: 'post', url: '/api/pay', statusCode: 502 },
          context: { authorization: 'Bearer abc.def.ghi', card: '4111 1111 1111 1111' },
        },
      ],
    };
    const body = envelope({ event_id: id }, [
      [{ type: 'event' }, errorEvent(id)],
      [
        { type: 'attachment', filename: 'full-event-timeline.json', content_type: 'application/json' },
        document,
      ],
    ]);
    expect((await fetch(envelopeUrl(), { method: 'POST', body })).status).toBe(200);
    const timeline = await t.fixloop.storage.events.getTimeline(t.projectId, id);
    const request = timeline?.find((entry) => entry.source === 'timeline');
    expect(request).toMatchObject({
      layer: 'network',
      network: { method: 'POST', statusCode: 502, failed: true },
    });
    // Scrubbed like the event, and not kept a second time as a raw (unscrubbed) attachment.
    expect(request?.data).toMatchObject({ authorization: '[Filtered]', card: '[Filtered]' });
    expect(JSON.stringify(timeline)).not.toMatch(/abc\.def\.ghi|4111 1111/);
    expect(await t.fixloop.storage.events.listAttachments(t.projectId, id)).toEqual([]);
  });

  it('drops sessions and client reports, answers {} and counts them as outcomes', async () => {
    const since = new Date(Date.now() - 60_000);
    const body = envelope({ sent_at: new Date().toISOString() }, [
      [
        { type: 'session' },
        { sid: newEventId(), status: 'ok', started: new Date().toISOString(), attrs: { release: '1' } },
      ],
      [{ type: 'client_report' }, { timestamp: Date.now() / 1000, discarded_events: [] }],
      [{ type: 'some_future_type' }, { x: 1 }],
    ]);
    const res = await fetch(envelopeUrl(), { method: 'POST', body });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    const totals = await t.fixloop.storage.events.outcomeTotals(t.projectId, since);
    expect(totals).toContainEqual({ category: 'session', outcome: 'dropped', quantity: 1 });
    expect(totals).toContainEqual({ category: 'internal', outcome: 'dropped', quantity: 1 });
  });

  it('accepts routes without trailing slash and with repeated slashes', async () => {
    for (const path of [`/api/${t.projectId}/envelope`, `//api//${t.projectId}//envelope//`]) {
      const id = newEventId();
      const res = await fetch(t.url(`${path}?sentry_key=${t.key}`), {
        method: 'POST',
        body: envelope({ event_id: id }, [[{ type: 'event' }, errorEvent(id)]]),
      });
      expect(res.status, path).toBe(200);
    }
    const store = await rawPost(
      t.url(`/api/${t.projectId}/store`),
      Buffer.from(JSON.stringify(errorEvent(newEventId()))),
      storeAuth(),
    );
    expect(store.status).toBe(200);
  });

  it('ingests CSP reports on /security/ and /csp-report/ with an empty 200', async () => {
    const report = {
      'csp-report': {
        'document-uri': 'https://example.com/page',
        'violated-directive': 'script-src',
        'effective-directive': 'script-src',
        'blocked-uri': 'https://evil.example.net/x.js',
        'original-policy': "script-src 'self'",
      },
    };
    for (const endpoint of ['security', 'csp-report']) {
      const res = await rawPost(
        t.url(`/api/${t.projectId}/${endpoint}/?sentry_key=${t.key}`),
        Buffer.from(JSON.stringify(report)),
        {
          'content-type': 'application/csp-report',
        },
      );
      expect(res.status, res.body).toBe(200);
      expect(res.body).toBe('');
    }
  });

  it('answers 400 with a detail for malformed envelopes and JSON', async () => {
    const badEnvelope = await fetch(envelopeUrl(), {
      method: 'POST',
      body: '{not json\n{"type":"event"}\n{}',
    });
    expect(badEnvelope.status).toBe(400);
    expect(((await badEnvelope.json()) as { detail: string }).detail).toMatch(/\w/);
    expect(badEnvelope.headers.get('x-sentry-error')).toBeTruthy();
    expect(badEnvelope.headers.get('access-control-allow-origin')).toBe('*');

    const badItem = await fetch(envelopeUrl(), { method: 'POST', body: '{}\n{"type":"event"}\n{oops' });
    expect(badItem.status).toBe(400);
    const badStore = await rawPost(storeUrl(), Buffer.from('{oops'), storeAuth());
    expect(badStore.status).toBe(400);
    expect(JSON.parse(badStore.body)).toHaveProperty('detail');
    const badGzip = await rawPost(storeUrl(), Buffer.from('not gzip'), {
      ...storeAuth(),
      'content-encoding': 'gzip',
    });
    expect(badGzip.status).toBe(400);
    const empty = await rawPost(storeUrl(), Buffer.alloc(0), storeAuth());
    expect(empty.status).toBe(400);
  });

  it('answers 413 for oversized compressed and decompressed bodies, with CORS', async () => {
    const tooBigRaw = await rawPost(storeUrl(), Buffer.alloc(300 * 1024, 0x20), storeAuth());
    expect(tooBigRaw.status).toBe(413);
    expect(tooBigRaw.headers['access-control-allow-origin']).toBe('*');
    expect(JSON.parse(tooBigRaw.body)).toHaveProperty('detail');

    const bomb = gzipSync(Buffer.from(JSON.stringify({ message: 'x'.repeat(2 * 1024 * 1024) })));
    expect(bomb.length).toBeLessThan(200 * 1024);
    const tooBigDecoded = await rawPost(storeUrl(), bomb, { ...storeAuth(), 'content-encoding': 'gzip' });
    expect(tooBigDecoded.status).toBe(413);
    expect(tooBigDecoded.headers['access-control-allow-origin']).toBe('*');

    const bigEvent = envelope({}, [[{ type: 'event' }, { message: 'y'.repeat(2 * 1024 * 1024) }]]);
    const tooBigItem = await fetch(envelopeUrl(), { method: 'POST', body: bigEvent });
    expect(tooBigItem.status).toBe(413);
  });

  it('answers preflights with the CORS headers', async () => {
    const res = await fetch(t.url(`/api/${t.projectId}/envelope/`), {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toContain('x-sentry-auth');
    expect(res.headers.get('access-control-expose-headers')).toBe(
      'x-sentry-error, x-sentry-rate-limits, retry-after',
    );
    expect(res.headers.get('access-control-max-age')).toBe('3600');
    const store = await fetch(t.url(`/api/${t.projectId}/store`), { method: 'OPTIONS' });
    expect(store.status).toBe(200);
  });
});
