/**
 * normalizeEvent (scrubbing on / off) and buildTimeline throughput on ~5 KB @sentry/node-shaped exception events
 * (15 frames with context lines, 8 breadcrumbs, contexts, request, user, tags) plus some @sentry/browser ones
 * (fetch / xhr / console / ui.click / navigation breadcrumbs).
 *
 *   npx tsx packages/normalize/bench/normalize-bench.ts [runs]
 *
 * Inputs are re-parsed from JSON before timing, as ingest parses them, so no run benefits from the identity
 * of input objects. Times are CPU µs of
 * this process (user + system, GC threads included). The machine is shared: the best of several runs is the
 * number to quote.
 */
import { DEFAULT_SCRUBBING, type ScrubbingSettings, type SentryEvent } from '@fixloop/core';
import { buildTimeline, normalizeEvent } from '../src/index.ts';

const NODE_EVENTS = 270;
const BROWSER_EVENTS = 30;
const ROUNDS = 5;
const APP_ROOT = '/srv/app';
const PACKAGES = ['express', 'pg', '@prisma/client', 'ioredis', 'fastify', 'axios'];
const ERRORS = [
  ['TypeError', (i: number) => `Cannot read properties of undefined (reading 'field${i % 17}')`],
  ['Error', (i: number) => `Order ${1000 + i} not found for user 5f2b8c1e-7a3d-4e2b-9c1f-0a1b2c3d4e5f`],
  [
    'PrismaClientKnownRequestError',
    (i: number) => `Unique constraint failed on the fields: (\`email\`) #${i}`,
  ],
] as const;
const BROWSER_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const BASE_TS = 1_767_225_600;

function appFrame(i: number, depth: number): Record<string, unknown> {
  const file = `${APP_ROOT}/dist/services/orders-${i % 31}/handler-${depth}.js`;
  return {
    filename: file,
    abs_path: file,
    module: `dist.services.orders-${i % 31}:handler-${depth}`,
    function: `OrderService${i % 13}.handle${depth}`,
    lineno: 10 + depth * 7,
    colno: 5 + depth,
    in_app: true,
    pre_context: ['', `  async handle${depth}(req) {`, '    const user = await this.users.find(req.id);'],
    context_line: `    const value = user.profile.field${(i + depth) % 17} + ${depth};`,
    post_context: ['    return value;', '  }', ''],
  };
}

function libraryFrame(i: number, depth: number): Record<string, unknown> {
  const pkg = PACKAGES[(i + depth) % PACKAGES.length] as string;
  const file = `${APP_ROOT}/node_modules/${pkg}/lib/router/layer-${depth % 4}.js`;
  return {
    filename: file,
    abs_path: file,
    module: `${pkg.replace('/', '.')}.lib.router:layer-${depth % 4}`,
    function: depth % 3 === 0 ? 'Layer.handle [as handle_request]' : 'next',
    lineno: 95 + depth,
    colno: 12,
    in_app: false,
    pre_context: ['  try {', '    fn(req, res, next);'],
    context_line: '    return fn.apply(this, arguments);',
    post_context: ['  } catch (err) {', '    next(err);'],
  };
}

function nodeCrumbs(i: number, ts: number): Record<string, unknown>[] {
  return [
    { timestamp: ts - 9.1, category: 'console', level: 'log', message: `worker ${i % 4} ready on :3000` },
    {
      timestamp: ts - 5.2,
      type: 'http',
      category: 'http',
      data: { url: `https://api.stripe.com/v1/customers/cus_${i}`, method: 'GET', status_code: 200 },
    },
    { timestamp: ts - 4.8, category: 'query', message: `SELECT * FROM orders WHERE id = $1 LIMIT 1` },
    { timestamp: ts - 3.3, category: 'console', level: 'warning', message: 'slow query took 812ms' },
    {
      timestamp: ts - 2.5,
      type: 'http',
      category: 'http',
      data: { url: 'http://inventory.internal:8080/items?sku=A-1&page=2', method: 'POST', status_code: 503 },
      level: 'error',
    },
    {
      timestamp: ts - 1.9,
      category: 'console',
      level: 'error',
      message: `retrying order ${1000 + i} (attempt 2)`,
    },
    { timestamp: ts - 1.1, category: 'auth', message: `user ${i} authenticated via session cookie` },
    { timestamp: ts - 0.4, category: 'console', level: 'log', message: `GET /api/orders/${i} 500 - 41ms` },
  ];
}

/** One ~5 KB @sentry/node 11 event as it arrives in the envelope item. */
export function nodeEvent(i: number): SentryEvent {
  const ts = BASE_TS + i * 1.37;
  const frames: Record<string, unknown>[] = [
    {
      filename: 'node:internal/process/task_queues',
      module: 'task_queues',
      function: 'process.processTicksAndRejections',
      lineno: 95,
      colno: 5,
      in_app: false,
    },
    {
      filename: 'node:events',
      module: 'events',
      function: 'EventEmitter.emit',
      lineno: 517,
      colno: 28,
      in_app: false,
    },
  ];
  for (let depth = 2; depth < 7; depth++) frames.push(libraryFrame(i, depth));
  for (let depth = 7; depth < 15; depth++) frames.push(appFrame(i, depth));
  const [type, value] = ERRORS[i % ERRORS.length] as (typeof ERRORS)[number];
  return {
    event_id: (i.toString(16) + 'a3f9c2d14b7e4e2f9c0d1e2f3a4b5c6d').slice(0, 32),
    timestamp: ts,
    platform: 'node',
    level: 'error',
    server_name: `api-${i % 3}.prod.internal`,
    environment: 'production',
    release: 'orders-api@2.14.1',
    transaction: `GET /api/orders/:id`,
    sdk: {
      name: 'sentry.javascript.node',
      version: '11.12.0',
      integrations: [
        'InboundFilters',
        'FunctionToString',
        'LinkedErrors',
        'RequestData',
        'Console',
        'Http',
        'Undici',
        'OnUncaughtException',
        'OnUnhandledRejection',
        'ContextLines',
        'LocalVariables',
        'Context',
        'Modules',
        'Express',
      ],
      packages: [{ name: 'npm:@sentry/node', version: '11.12.0' }],
    },
    tags: { region: 'eu-west-1', 'feature.flag': i % 2 ? 'checkout-v2' : 'checkout-v1' },
    user: { id: String(4000 + i), email: `user${i}@example.com`, ip_address: '{{auto}}' },
    request: {
      url: `https://shop.example.com/api/orders/${i}?include=items&session_id=abc${i}`,
      method: 'GET',
      query_string: `include=items&session_id=abc${i}`,
      headers: {
        host: 'shop.example.com',
        'user-agent': 'okhttp/4.12.0',
        accept: 'application/json',
        'accept-encoding': 'gzip',
        authorization: `Bearer eyJhbGciOiJIUzI1NiJ9.${i}.sig`,
        cookie: `sid=${i}abc; theme=dark`,
        'x-request-id': `req-${i}-7f3e`,
        'x-forwarded-for': '203.0.113.9',
      },
    },
    contexts: {
      trace: {
        trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
        span_id: '00f067aa0ba902b7',
        op: 'http.server',
        status: 'internal_error',
      },
      runtime: { name: 'node', version: 'v20.18.0' },
      app: { app_start_time: '2026-01-01T00:00:00.000Z', app_memory: 183_500_800 },
      os: { kernel_version: '6.1.0-28-cloud-amd64', name: 'Linux', version: '6.1.0' },
      device: {
        boot_time: '2025-12-30T10:00:00.000Z',
        arch: 'x64',
        memory_size: 8_254_029_824,
        free_memory: 1_234_567_890,
        processor_count: 2,
        cpu_description: 'AMD EPYC 7B13',
        processor_frequency: 2450,
      },
      culture: { locale: 'en-US', timezone: 'UTC' },
      cloud_resource: { 'cloud.provider': 'gcp', 'cloud.region': 'europe-west1' },
    },
    exception: {
      values: [
        {
          type,
          value: value(i),
          mechanism: {
            type: i % 4 ? 'auto.middleware.express' : 'onunhandledrejection',
            handled: i % 4 !== 0,
          },
          stacktrace: { frames },
        },
      ],
    },
    breadcrumbs: nodeCrumbs(i, ts),
    extra: { orderId: 1000 + i, retry: 2 },
  } as SentryEvent;
}

function browserCrumbs(i: number, ts: number): Record<string, unknown>[] {
  return [
    { timestamp: ts - 12, category: 'navigation', data: { from: '/', to: `/cart/${i}` } },
    { timestamp: ts - 10.5, category: 'ui.click', message: 'body > div#app > button.add-to-cart' },
    {
      timestamp: ts - 10.2,
      type: 'http',
      category: 'fetch',
      data: { method: 'POST', url: '/api/cart', status_code: 201 },
    },
    {
      timestamp: ts - 8.8,
      category: 'console',
      level: 'warning',
      message: 'Deprecated API used: document.domain',
    },
    { timestamp: ts - 6.1, category: 'ui.input', message: 'input#coupon' },
    {
      timestamp: ts - 4.0,
      type: 'http',
      category: 'xhr',
      data: { method: 'GET', url: `/api/coupons/SAVE${i}?token=t${i}`, status_code: 404 },
    },
    { timestamp: ts - 2.2, category: 'ui.click', message: 'button#checkout' },
    {
      timestamp: ts - 1.0,
      type: 'http',
      category: 'fetch',
      data: { method: 'POST', url: '/api/checkout', status_code: 500 },
      level: 'error',
    },
    { timestamp: ts - 0.3, category: 'console', level: 'error', message: `Checkout failed for cart ${i}` },
  ];
}

/** A @sentry/browser 11 event: minified frames, UA-derived contexts, more breadcrumbs. */
export function browserEvent(i: number): SentryEvent {
  const ts = BASE_TS + i * 2.11;
  const frames = Array.from({ length: 10 }, (_, depth) => ({
    filename: `https://shop.example.com/assets/index-${(i % 5).toString(16)}f3a9.js`,
    abs_path: `https://shop.example.com/assets/index-${(i % 5).toString(16)}f3a9.js`,
    function: depth % 2 ? `Checkout.submit${depth}` : '?',
    lineno: 1,
    colno: 10_000 + depth * 37,
    in_app: true,
  }));
  return {
    event_id: (i.toString(16) + 'b7e1c2d14b7e4e2f9c0d1e2f3a4b5c6d').slice(0, 32),
    timestamp: ts,
    platform: 'javascript',
    level: 'error',
    environment: 'production',
    release: 'shop-web@5.2.0',
    sdk: {
      name: 'sentry.javascript.browser',
      version: '11.12.0',
      integrations: [
        'InboundFilters',
        'FunctionToString',
        'BrowserApiErrors',
        'Breadcrumbs',
        'GlobalHandlers',
        'LinkedErrors',
        'Dedupe',
        'HttpContext',
      ],
    },
    request: {
      url: `https://shop.example.com/checkout/${i}`,
      headers: { 'User-Agent': BROWSER_UA, Referer: 'https://shop.example.com/' },
    },
    user: { ip_address: '{{auto}}' },
    contexts: { trace: { trace_id: '5cf92f3577b34da6a3ce929d0e0e4736', span_id: '10f067aa0ba902b7' } },
    exception: {
      values: [
        {
          type: 'TypeError',
          value: `Failed to fetch (checkout ${i})`,
          mechanism: { type: 'auto.browser.global_handlers.onunhandledrejection', handled: false },
          stacktrace: { frames },
        },
      ],
    },
    breadcrumbs: browserCrumbs(i, ts),
  } as SentryEvent;
}

export function corpus(): SentryEvent[] {
  const events: SentryEvent[] = [];
  for (let i = 0; i < NODE_EVENTS; i++) events.push(nodeEvent(i));
  for (let i = 0; i < BROWSER_EVENTS; i++) events.push(browserEvent(i));
  return events;
}

const OPTIONS = { projectId: 1, receivedAt: new Date((BASE_TS + 1000) * 1000), clientIp: '198.51.100.7' };
const OFF: ScrubbingSettings = { ...DEFAULT_SCRUBBING, enabled: false };

/** CPU time (user + system) rather than wall time: other agents' load on the shared cores then counts less. */
function cpuMicros(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

function timeNormalize(events: SentryEvent[], scrubbing: ScrubbingSettings): number {
  const copies = Array.from({ length: ROUNDS }, () =>
    events.map((e) => JSON.parse(JSON.stringify(e)) as SentryEvent),
  );
  const start = process.cpuUsage();
  for (const round of copies) for (const event of round) normalizeEvent(event, { ...OPTIONS, scrubbing });
  return cpuMicros(start) / (events.length * ROUNDS);
}

function timeTimeline(events: SentryEvent[]): number {
  const payloads = events.map(
    (e) => normalizeEvent(e, { ...OPTIONS, scrubbing: DEFAULT_SCRUBBING }).record.payload,
  );
  const copies = Array.from({ length: ROUNDS }, () =>
    payloads.map((p) => JSON.parse(JSON.stringify(p)) as SentryEvent),
  );
  const start = process.cpuUsage();
  for (const round of copies) for (const payload of round) buildTimeline(payload);
  return cpuMicros(start) / (events.length * ROUNDS);
}

function main(): void {
  const runs = Number(process.argv[2] ?? 7);
  const events = corpus();
  const bytes = events.reduce((sum, e) => sum + JSON.stringify(e).length, 0) / events.length;
  const results = { on: [] as number[], off: [] as number[], timeline: [] as number[] };
  // The first run warms the JIT and is not counted.
  for (let run = 0; run <= runs; run++) {
    const on = timeNormalize(events, DEFAULT_SCRUBBING);
    const off = timeNormalize(events, OFF);
    const timeline = timeTimeline(events);
    if (run === 0) continue;
    results.on.push(on);
    results.off.push(off);
    results.timeline.push(timeline);
  }
  const fmt = (xs: number[]): string =>
    `best ${Math.min(...xs).toFixed(1)} µs/event (runs: ${xs.map((x) => x.toFixed(1)).join(', ')})`;
  console.log(
    `${events.length} events, ${Math.round(bytes)} bytes of JSON on average, ${ROUNDS} rounds per run`,
  );
  console.log(`normalizeEvent, scrubbing on:  ${fmt(results.on)}`);
  console.log(`normalizeEvent, scrubbing off: ${fmt(results.off)}`);
  console.log(`buildTimeline:                 ${fmt(results.timeline)}`);
}

if (process.argv[1]?.endsWith('normalize-bench.ts')) main();
