import { DEFAULT_SCRUBBING } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from './build-timeline.ts';
import { normalizeEvent } from './normalize-event.ts';

const T0 = Date.parse('2026-03-01T12:00:00Z') / 1000;
const browserEvent = (breadcrumbs: unknown[], extra: Record<string, unknown> = {}) =>
  normalizeEvent(
    {
      platform: 'javascript',
      timestamp: T0 + 10,
      exception: [
        { type: 'TypeError', value: 'x is undefined', mechanism: { type: 'onerror', handled: false } },
      ],
      breadcrumbs,
      ...extra,
    },
    { projectId: 1, receivedAt: new Date(), clientIp: null, scrubbing: DEFAULT_SCRUBBING },
  ).record.payload;

describe('buildTimeline: breadcrumbs', () => {
  it('assigns layers and kinds and appends the error at the event timestamp', () => {
    const timeline = buildTimeline(
      browserEvent([
        { timestamp: T0 + 1, category: 'navigation', data: { from: '/', to: '/cart' } },
        { timestamp: T0 + 2, category: 'ui.click', message: 'button#pay' },
        { timestamp: T0 + 3, category: 'ui.input', message: 'input#email' },
        {
          timestamp: T0 + 4,
          type: 'http',
          category: 'fetch',
          data: { method: 'post', url: '/api/pay', status_code: 500 },
        },
        { timestamp: T0 + 5, category: 'console', level: 'warning', message: 'retrying' },
        { timestamp: T0 + 6, type: 'error', category: 'sentry.event', message: 'earlier error' },
      ]),
    );
    expect(timeline.map((e) => [e.layer, e.kind])).toEqual([
      ['user', 'navigation'],
      ['user', 'click'],
      ['user', 'input'],
      ['network', 'http'],
      ['frontend', 'console'],
      ['frontend', 'error'],
      ['frontend', 'error'],
    ]);
    expect(timeline[0]!.message).toBe('/ -> /cart');
    expect(timeline[3]!.network).toEqual({
      method: 'POST',
      url: '/api/pay',
      statusCode: 500,
      durationMs: null,
      failed: true,
    });
    const last = timeline.at(-1)!;
    expect(last).toMatchObject({
      isError: true,
      source: 'event',
      message: 'TypeError: x is undefined',
      level: 'error',
    });
    expect(last.ts).toBe(new Date((T0 + 10) * 1000).toISOString());
    expect(timeline.filter((e) => e.isError)).toHaveLength(1);
  });

  it('puts server crumbs on the backend layer but keeps http clients on network', () => {
    const payload = normalizeEvent(
      {
        platform: 'python',
        timestamp: T0 + 10,
        message: 'failed',
        breadcrumbs: {
          values: [
            { timestamp: T0 + 1, category: 'query', message: 'SELECT 1' },
            { timestamp: T0 + 2, category: 'django.request', level: 'warning', message: 'slow' },
            {
              timestamp: T0 + 3,
              type: 'http',
              category: 'httplib',
              data: { method: 'GET', url: 'https://api/x', status_code: 200 },
            },
            { timestamp: T0 + 4, category: 'console', message: 'print' },
          ],
        },
      },
      { projectId: 1, receivedAt: new Date(), clientIp: null, scrubbing: DEFAULT_SCRUBBING },
    ).record.payload;
    const timeline = buildTimeline(payload);
    expect(timeline.map((e) => [e.layer, e.kind])).toEqual([
      ['backend', 'query'],
      ['backend', 'log'],
      ['network', 'http'],
      ['backend', 'console'],
      ['backend', 'message'],
    ]);
    expect(timeline[2]!.network?.failed).toBe(false);
  });

  it('pairs a request crumb with its response and measures the duration', () => {
    const timeline = buildTimeline(
      browserEvent([
        { timestamp: T0 + 1, type: 'http', category: 'xhr', data: { method: 'GET', url: '/api/cart' } },
        { timestamp: T0 + 1.25, category: 'console', message: 'waiting' },
        {
          timestamp: T0 + 1.5,
          type: 'http',
          category: 'xhr',
          data: { method: 'GET', url: '/api/cart', status_code: 404 },
        },
      ]),
    );
    const http = timeline.filter((e) => e.kind === 'http');
    expect(http).toHaveLength(1);
    expect(http[0]!.ts).toBe(new Date((T0 + 1) * 1000).toISOString());
    expect(http[0]!.network).toEqual({
      method: 'GET',
      url: '/api/cart',
      statusCode: 404,
      durationMs: 500,
      failed: true,
    });
  });

  it('takes the duration from start/end timestamps in data', () => {
    const [entry] = buildTimeline(
      browserEvent([
        {
          timestamp: T0 + 2,
          type: 'http',
          category: 'fetch',
          data: {
            method: 'GET',
            url: '/a',
            status_code: 200,
            start_timestamp: (T0 + 1) * 1000,
            end_timestamp: (T0 + 1.2) * 1000,
          },
        },
      ]),
    );
    expect(entry!.network).toMatchObject({ statusCode: 200, durationMs: 200, failed: false });
  });
});

describe('buildTimeline: FULL_EVENT_TIMELINE_V1', () => {
  const document = {
    version: 'FULL_EVENT_TIMELINE_V1',
    session: 'sess-1',
    environment: 'production',
    timeline: [
      {
        ts: new Date((T0 + 0.5) * 1000).toISOString(),
        layer: 'UI',
        event: 'click',
        message: 'Pay',
        severity: 'info',
      },
      {
        ts: (T0 + 4.5) * 1000,
        layer: 'server',
        event: 'db.query',
        message: 'UPDATE orders',
        context: { rows: 0 },
      },
      { ts: T0 + 6, layer: 'quantum', event: 'mystery', message: '?' },
      {
        timestamp: T0 + 7,
        layer: 'network',
        event: 'request',
        network: { method: 'post', url: '/api/pay', status: 502, durationMs: 1200 },
      },
      { ts: 'not a time', layer: 'user', event: 'broken' },
      'garbage',
    ],
  };

  it('maps layers, drops invalid entries and merges with breadcrumbs by time', () => {
    const timeline = buildTimeline(
      browserEvent([{ timestamp: T0 + 5, category: 'console', message: 'crumb' }]),
      document,
    );
    expect(timeline.map((e) => [e.source, e.layer, e.kind])).toEqual([
      ['timeline', 'user', 'click'],
      ['timeline', 'backend', 'db.query'],
      ['breadcrumb', 'frontend', 'console'],
      ['timeline', 'backend', 'mystery'],
      ['timeline', 'network', 'request'],
      ['event', 'frontend', 'error'],
    ]);
    expect(timeline[1]!.data).toEqual({ rows: 0 });
    expect(timeline[4]!.network).toEqual({
      method: 'POST',
      url: '/api/pay',
      statusCode: 502,
      durationMs: 1200,
      failed: true,
    });
  });

  it('reads the document from contexts and from JSON bytes', () => {
    const fromContexts = buildTimeline(browserEvent([], { contexts: { full_event_timeline: document } }));
    expect(fromContexts.filter((e) => e.source === 'timeline')).toHaveLength(4);
    const bytes = new TextEncoder().encode(JSON.stringify(document));
    expect(buildTimeline(browserEvent([]), bytes).filter((e) => e.source === 'timeline')).toHaveLength(4);
  });

  it('marks a bug entry as the error instead of appending the event', () => {
    const withBug = {
      timeline: [{ ts: T0 + 9, layer: 'frontend', event: 'exception', message: 'x', bug: true }],
    };
    const timeline = buildTimeline(browserEvent([]), withBug);
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({ isError: true, source: 'timeline' });
  });

  it('survives unusable documents', () => {
    for (const bad of ['{not json', 42, { timeline: 'nope' }, null]) {
      const timeline = buildTimeline(browserEvent([]), bad);
      expect(timeline).toHaveLength(1);
      expect(timeline[0]!.source).toBe('event');
    }
  });

  it('scrubs an attached document when given settings', () => {
    const secret = {
      timeline: [
        { ts: T0, layer: 'backend', event: 'login', message: 'password=hunter2', context: { token: 't' } },
      ],
    };
    const [entry] = buildTimeline(browserEvent([]), secret, DEFAULT_SCRUBBING);
    expect(entry!.message).toBe('password=[Filtered]');
    expect(entry!.data).toEqual({ token: '[Filtered]' });
  });
});

describe('buildTimeline: ordering fast path', () => {
  it('still sorts breadcrumbs that arrive out of order, keeping ties in breadcrumb order', () => {
    const entries = buildTimeline({
      platform: 'node',
      timestamp: 1767225610,
      breadcrumbs: {
        values: [
          { timestamp: 1767225605, message: 'b' },
          { timestamp: 1767225601, message: 'a' },
          { timestamp: 1767225605, message: 'c' },
        ],
      },
    });
    expect(entries.map((e) => e.message)).toEqual(['a', 'b', 'c', '<unknown>']);
    expect(entries[0]?.ts).toBe('2026-01-01T00:00:01.000Z');
  });

  it('formats timestamps exactly as Date#toISOString', () => {
    for (const ts of [0, 0.0005, 951782400.999, 1767225599.9996, 99_999_999_999.999]) {
      const [entry] = buildTimeline({ platform: 'node', timestamp: ts, breadcrumbs: [{ timestamp: ts }] });
      expect(entry?.ts).toBe(new Date(Math.round(ts * 1000)).toISOString());
    }
  });
});
