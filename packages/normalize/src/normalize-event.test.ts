import { AppError, DEFAULT_SCRUBBING } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { normalizeEvent, type NormalizeOptions } from './normalize-event.ts';

const receivedAt = new Date('2026-03-01T12:00:00.000Z');
const options: NormalizeOptions = {
  projectId: 7,
  receivedAt,
  clientIp: '203.0.113.9',
  scrubbing: DEFAULT_SCRUBBING,
};
const norm = (raw: unknown, extra: Partial<NormalizeOptions> = {}) =>
  normalizeEvent(raw, { ...options, ...extra });
const CHROME_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

describe('normalizeEvent: top level', () => {
  it('rejects non-objects with invalid_payload', () => {
    for (const raw of [null, 'x', 3, [1]]) {
      expect(() => norm(raw)).toThrow(AppError);
      try {
        norm(raw);
      } catch (error) {
        expect((error as AppError).code).toBe('invalid_payload');
      }
    }
  });

  it('normalizes event ids; the envelope header wins; missing gets a random id', () => {
    expect(norm({ event_id: 'ABCDEF01-2345-6789-ABCD-EF0123456789' }).record.eventId).toBe(
      'abcdef0123456789abcdef0123456789',
    );
    expect(norm({ event_id: 'a'.repeat(32) }, { eventId: 'b'.repeat(32) }).record.eventId).toBe(
      'b'.repeat(32),
    );
    const random = norm({}).record.eventId;
    expect(random).toMatch(/^[0-9a-f]{32}$/);
    expect(norm({}).record.eventId).not.toBe(random);
    const bad = norm({ event_id: 'nope' });
    expect(bad.record.eventId).toMatch(/^[0-9a-f]{32}$/);
    expect(bad.errors).toContainEqual({ type: 'invalid_data', name: 'event_id', value: 'nope' });
  });

  it('parses RFC 3339 (naive = UTC, offsets, nanoseconds) and epoch floats', () => {
    expect(norm({ timestamp: '2025-03-06T10:19:51.132514327Z' }).record.timestamp.toISOString()).toBe(
      '2025-03-06T10:19:51.133Z',
    );
    expect(norm({ timestamp: '2025-03-06T10:19:51' }).record.timestamp.toISOString()).toBe(
      '2025-03-06T10:19:51.000Z',
    );
    expect(norm({ timestamp: '2025-06-03T02:00:23.5+02:00' }).record.timestamp.toISOString()).toBe(
      '2025-06-03T00:00:23.500Z',
    );
    const epoch = norm({ timestamp: 1744286109.372 });
    expect(epoch.record.timestamp.toISOString()).toBe('2025-04-10T11:55:09.372Z');
    expect(epoch.record.payload.timestamp).toBe(1744286109.372);
    expect(norm({ timestamp: '1744286109.5' }).record.payload.timestamp).toBe(1744286109.5);
  });

  it('falls back to receivedAt for a missing or invalid timestamp and sets received', () => {
    const missing = norm({});
    expect(missing.record.timestamp.toISOString()).toBe(receivedAt.toISOString());
    expect(missing.record.payload.received).toBe(receivedAt.getTime() / 1000);
    const invalid = norm({ timestamp: 'yesterday' });
    expect(invalid.record.timestamp.toISOString()).toBe(receivedAt.toISOString());
    expect(invalid.errors.map((e) => e.name)).toContain('timestamp');
    expect((invalid.record.payload.errors as { name: string }[]).map((e) => e.name)).toContain('timestamp');
  });

  it('maps level aliases and Python ints; defaults to error', () => {
    const cases: [unknown, string][] = [
      ['log', 'info'],
      ['critical', 'fatal'],
      ['warn', 'warning'],
      ['WARNING', 'warning'],
      [10, 'debug'],
      [20, 'info'],
      [30, 'warning'],
      [40, 'error'],
      ['50', 'fatal'],
      [undefined, 'error'],
      ['bogus', 'error'],
    ];
    for (const [level, expected] of cases) expect(norm({ level }).record.level).toBe(expected);
  });

  it('defaults platform and environment; keeps string fields only', () => {
    const { record, errors } = norm({ release: { bad: 1 }, dist: 12, logger: 'app', server_name: ' web-1 ' });
    expect(record.platform).toBe('other');
    expect(record.environment).toBe('production');
    expect(record.release).toBeNull();
    expect(record.payload.dist).toBe('12');
    expect(record.payload.server_name).toBe('web-1');
    expect(errors.map((e) => e.name)).toContain('release');
  });
});

describe('normalizeEvent: tags', () => {
  it('accepts a map and a list of pairs and stores pairs', () => {
    const map = norm({ tags: { region: ' eu ', n: 5 } }).record;
    expect(map.payload.tags).toEqual(
      expect.arrayContaining([
        ['region', 'eu'],
        ['n', '5'],
      ]),
    );
    expect(map.tags.region).toBe('eu');
    const list = norm({ tags: [['a', '1'], ['b', '2'], ['oops'], ['c', { x: 1 }]] });
    expect(list.record.tags).toMatchObject({ a: '1', b: '2' });
    expect(list.record.tags.c).toBeUndefined();
    expect(list.errors.length).toBe(2);
  });

  it('cuts keys and values to 200 characters', () => {
    const { record } = norm({ tags: { ['k'.repeat(250)]: 'v'.repeat(300) } });
    expect(record.tags['k'.repeat(200)]).toBe('v'.repeat(200));
  });

  it('adds the auto tags', () => {
    const { record } = norm({
      level: 'warning',
      environment: 'staging',
      release: 'app@1.2.3',
      transaction: '/checkout',
      platform: 'javascript',
      request: { url: 'https://shop.example/checkout?step=2', headers: { 'User-Agent': CHROME_UA } },
      user: { id: 42 },
      exception: { values: [{ type: 'Error', value: 'x', mechanism: { type: 'onerror', handled: false } }] },
      tags: { level: 'ignored-by-auto' },
    });
    expect(record.tags).toMatchObject({
      level: 'warning',
      environment: 'staging',
      release: 'app@1.2.3',
      transaction: '/checkout',
      browser: 'Chrome 120',
      'browser.name': 'Chrome',
      os: 'Windows 10',
      'os.name': 'Windows',
      handled: 'no',
      mechanism: 'onerror',
      url: 'https://shop.example/checkout',
      user: 'id:42',
    });
    expect(record.handled).toBe(false);
  });
});

describe('normalizeEvent: messages', () => {
  it('formats %s list params and {name} dict params when formatted is missing', () => {
    expect(norm({ logentry: { message: 'a %s b %d', params: ['x', 3] } }).record.message).toBe('a x b 3');
    expect(norm({ logentry: { message: 'hi {name}!', params: { name: 'Ann' } } }).record.message).toBe(
      'hi Ann!',
    );
    expect(norm({ logentry: { message: 'x %s', params: ['y'], formatted: 'given' } }).record.message).toBe(
      'given',
    );
  });

  it('aliases a message string or object to logentry', () => {
    const str = norm({ message: 'Something broke\nsecond line' }).record;
    expect(str.title).toBe('Something broke');
    expect(str.payload.logentry).toEqual({ formatted: 'Something broke\nsecond line' });
    expect(str.payload.message).toBeUndefined();
    const obj = norm({ message: { message: 'tpl %s', params: ['v'] } }).record;
    expect(obj.message).toBe('tpl v');
  });

  it('trims messages to 8192 characters', () => {
    expect(norm({ message: 'x'.repeat(10_000) }).record.message.length).toBe(8192);
  });

  it('uses <unknown> when there is nothing to show', () => {
    expect(norm({}).record.title).toBe('<unknown>');
  });
});

describe('normalizeEvent: exceptions, title, culprit', () => {
  const nodeFrames = [
    { filename: '/app/node_modules/express/lib/router.js', function: 'handle', module: 'express.lib:router' },
    { filename: 'node:internal/process/task_queues', function: 'processTicksAndRejections' },
    { filename: '/app/src/checkout.js', function: 'placeOrder', module: 'src:checkout', in_app: true },
  ];

  it('titles a captured message by its text when the SDK attached a typeless synthetic exception', () => {
    // What @sentry/node 11 sends for captureMessage: the stack trace rides on a synthetic exception.
    const { record } = norm({
      platform: 'node',
      logentry: { message: 'Payment %s declined by %s', params: ['p-1', 'visa'] },
      exception: {
        values: [
          {
            value: 'Payment p-1 declined by visa',
            mechanism: { type: 'generic', handled: true, synthetic: true },
            stacktrace: { frames: [{ filename: '/srv/a.js', function: '?', in_app: true }] },
          },
        ],
      },
    });
    expect(record.title).toBe('Payment p-1 declined by visa');
    expect(record.metadata).toEqual({ title: 'Payment p-1 declined by visa' });
  });

  it('treats a null mechanism as absent, not as invalid data', () => {
    const { record, errors } = norm({
      exception: { values: [{ type: 'ZeroDivisionError', mechanism: null }] },
    });
    expect(errors).toEqual([]);
    expect(record.handled).toBe(true); // no mechanism: handled, as in Sentry
  });

  it('accepts a bare exception list and null values', () => {
    const { record } = norm({ exception: [null, { type: 'TypeError', value: 'x is undefined\nmore' }] });
    expect(record.title).toBe('TypeError: x is undefined');
    expect(record.type).toBe('error');
    expect(record.metadata).toMatchObject({ type: 'TypeError', value: 'x is undefined\nmore' });
  });

  it('builds a JS culprit from the top in-app frame and marks library frames not in-app', () => {
    const { record } = norm({
      platform: 'node',
      exception: { values: [{ type: 'Error', value: 'boom', stacktrace: { frames: nodeFrames } }] },
    });
    expect(record.culprit).toBe('placeOrder(src:checkout)');
    expect(record.metadata).toMatchObject({ filename: '/app/src/checkout.js', function: 'placeOrder' });
    const frames = (
      record.payload.exception as { values: { stacktrace: { frames: { in_app?: boolean }[] } }[] }
    ).values[0]!.stacktrace.frames;
    expect(frames.map((f) => f.in_app)).toEqual([false, false, true]);
  });

  it('leaves in_app unset when unknown and uses the top frame', () => {
    const { record } = norm({
      platform: 'javascript',
      exception: [
        {
          type: 'Error',
          value: 'x',
          stacktrace: { frames: [{ filename: 'https://a/app.js', function: 'go' }] },
        },
      ],
    });
    const frame = (record.payload.exception as { values: { stacktrace: { frames: object[] } }[] }).values[0]!
      .stacktrace.frames[0];
    expect(frame).not.toHaveProperty('in_app');
    expect(record.culprit).toBe('go(https://a/app.js)');
  });

  it('uses "module in function" on other platforms and the transaction as fallback', () => {
    const py = norm({
      platform: 'python',
      exception: [
        {
          type: 'KeyError',
          value: "'id'",
          stacktrace: { frames: [{ module: 'shop.views', function: 'cart', in_app: true }] },
        },
      ],
    }).record;
    expect(py.culprit).toBe('shop.views in cart');
    expect(norm({ message: 'm', transaction: '/api/orders' }).record.culprit).toBe('/api/orders');
  });

  it('keeps the title and culprit of CSP reports', () => {
    const { record } = norm({
      type: 'csp',
      message: "Blocked 'script' from 'evil.example'",
      culprit: 'script-src',
    });
    expect(record.type).toBe('csp');
    expect(record.title).toBe("Blocked 'script' from 'evil.example'");
    expect(record.culprit).toBe('script-src');
  });

  it('reports handled true when no mechanism says unhandled, null without exception', () => {
    expect(
      norm({ exception: [{ type: 'E', mechanism: { type: 'generic', handled: true } }] }).record.handled,
    ).toBe(true);
    expect(norm({ message: 'm' }).record.handled).toBeNull();
  });
});

describe('normalizeEvent: breadcrumbs, request, user, contexts', () => {
  it('accepts breadcrumbs as a list, converts timestamps and keeps the newest 100', () => {
    const crumbs = Array.from({ length: 120 }, (_, i) => ({
      message: `c${i}`,
      timestamp: `2026-03-01T11:00:${String(i % 60).padStart(2, '0')}Z`,
    }));
    const values = (
      norm({ breadcrumbs: crumbs }).record.payload.breadcrumbs as {
        values: { message: string; timestamp: number }[];
      }
    ).values;
    expect(values.length).toBe(100);
    expect(values[0]!.message).toBe('c20');
    expect(values[0]!.timestamp).toBe(Date.parse('2026-03-01T11:00:20Z') / 1000);
  });

  it('turns header pairs into a map and derives browser/os/device contexts from the User-Agent', () => {
    const iphone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';
    const { record } = norm(
      {
        request: {
          headers: [
            ['User-Agent', iphone],
            ['X-Num', 3],
          ],
          cookies: 'a=b',
          query_string: [['q', '1']],
        },
      },
      { scrubbing: { ...DEFAULT_SCRUBBING, enabled: false } },
    );
    const request = record.payload.request as Record<string, unknown>;
    expect(request.headers).toEqual({ 'User-Agent': iphone, 'X-Num': '3' });
    expect(request.cookies).toBe('a=b');
    expect(request.query_string).toEqual([['q', '1']]);
    expect(record.payload.contexts).toMatchObject({
      browser: { name: 'Mobile Safari', version: '17.1' },
      os: { name: 'iOS', version: '17.1' },
      device: { model: 'iPhone', brand: 'Apple' },
    });
    expect(record.tags.device).toBe('iPhone');
  });

  it('does not overwrite contexts the SDK sent', () => {
    const { record } = norm({
      contexts: { browser: { name: 'Firefox', version: '126.0' } },
      request: { headers: { 'user-agent': CHROME_UA } },
    });
    expect(record.tags.browser).toBe('Firefox 126');
  });

  it('infers the IP for {{auto}} and sdk.settings.infer_ip', () => {
    expect(norm({ user: { ip_address: '{{auto}}' } }).record.payload.user).toEqual({
      ip_address: '203.0.113.9',
    });
    const inferred = norm({
      sdk: { name: 'sentry.javascript.browser', settings: { infer_ip: 'auto' } },
    }).record;
    expect(inferred.userKey).toBe('ip:203.0.113.9');
    expect(norm({ user: { ip_address: '1.1.1.1' } }).record.userKey).toBe('ip:1.1.1.1');
    expect(
      norm({ user: { ip_address: '{{auto}}' } }, { clientIp: null }).record.payload.user,
    ).toBeUndefined();
  });

  it('derives the user key in order id, email, username, ip', () => {
    expect(norm({ user: { email: 'a@b.c', username: 'ann', ip_address: '1.1.1.1' } }).record.userKey).toBe(
      'email:a@b.c',
    );
    expect(norm({ user: { username: 'ann', ip_address: '1.1.1.1' } }).record.userKey).toBe('username:ann');
    expect(norm({ user: 'not an object' }).errors.map((e) => e.name)).toContain('user');
  });
});
