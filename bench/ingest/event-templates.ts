/**
 * Envelopes shaped like what @sentry/node 11 sends for an exception: envelope header, an `event` item
 * header without `length`, and the event JSON. `__EVENT_ID__` marks where the load generator puts a fresh
 * id per request (it appears in the envelope header and the payload).
 */
export const EVENT_ID_MARK = '__EVENT_ID__';

const FUNCTIONS = [
  'loadCart',
  'applyCoupon',
  'priceItems',
  'chargeCard',
  'renderInvoice',
  'syncStock',
  'sendMail',
];
const ERRORS = ['TypeError', 'RangeError', 'Error', 'ReferenceError', 'SyntaxError'];
const MODULES = ['cart', 'billing', 'stock', 'mailer', 'checkout', 'orders', 'users', 'search', 'reports'];

/**
 * The outermost frames of a Node stack are Node's own (`node:internal/...`): the SDK's ContextLines
 * integration reads no source for them, so they carry no context lines.
 */
const NODE_INTERNAL_FRAMES = [
  {
    filename: 'node:internal/process/task_queues',
    module: 'task_queues',
    function: 'process.processTicksAndRejections',
    lineno: 95,
    colno: 5,
  },
  { filename: 'node:internal/timers', module: 'timers', function: 'listOnTimeout', lineno: 581, colno: 17 },
  { filename: 'node:events', module: 'events', function: 'EventEmitter.emit', lineno: 519, colno: 28 },
];

/** Node's default `Error.stackTraceLimit`; the 50 KB events carry deeper stacks. */
const SMALL_EVENT_FRAMES = 10;
const LARGE_EVENT_FRAMES = 15;

function frame(issue: number, depth: number, withVars: boolean): Record<string, unknown> {
  const internal = NODE_INTERNAL_FRAMES[depth];
  if (internal) return { ...internal, in_app: false };
  const module = MODULES[(issue + depth) % MODULES.length]!;
  const fn = `${FUNCTIONS[(issue * 7 + depth) % FUNCTIONS.length]}${issue}`;
  const line = (issue * 13 + depth * 7) % 400;
  return {
    filename: `/srv/app/src/${module}/${module}-service.js`,
    module: `${module}:${module}-service`,
    function: fn,
    lineno: line,
    colno: 17,
    in_app: depth > 3,
    pre_context: [
      `  const total = items.reduce((a, b) => a + b.price, 0);`,
      `  if (!items) {`,
      `    return 0;`,
    ],
    context_line: `  return ${fn}(items.map((item) => item.price * rate[${depth}]));`,
    post_context: ['}', '', `export function next${depth}() {`],
    ...(withVars
      ? { vars: { items: '[Array]', rate: { eur: 1.08, usd: 1, gbp: 0.86 }, user: `u-${depth}` } }
      : {}),
  };
}

function breadcrumb(i: number, big: boolean): Record<string, unknown> {
  const http = i % 3 === 0;
  return http
    ? {
        type: 'http',
        category: 'http',
        timestamp: 1763800000 + i,
        data: {
          method: 'GET',
          url: `http://inventory.internal/api/items/${i}`,
          status_code: i % 7 === 0 ? 500 : 200,
        },
        ...(big ? { message: 'x'.repeat(180) } : {}),
      }
    : {
        category: 'console',
        level: 'log',
        message: `processing order ${i} ${big ? 'y'.repeat(300) : ''}`,
        timestamp: 1763800000 + i,
      };
}

/** One event of roughly `targetBytes` for issue number `issue` (distinct issues group apart). */
export function buildEnvelopeTemplate(issue: number, targetBytes: number): string {
  const big = targetBytes > 20_000;
  const type = ERRORS[issue % ERRORS.length]!;
  const event: Record<string, unknown> = {
    event_id: EVENT_ID_MARK,
    timestamp: 1763800123.456,
    platform: 'node',
    level: 'error',
    server_name: 'web-3',
    release: 'shop@1.4.2',
    environment: 'production',
    exception: {
      values: [
        {
          type,
          value: `Cannot read properties of undefined (reading 'price') in step ${issue}`,
          mechanism: { type: 'generic', handled: true },
          stacktrace: {
            frames: Array.from({ length: big ? LARGE_EVENT_FRAMES : SMALL_EVENT_FRAMES }, (_, d) =>
              frame(issue, d, big),
            ),
          },
        },
      ],
    },
    breadcrumbs: { values: Array.from({ length: big ? 100 : 6 }, (_, i) => breadcrumb(i, big)) },
    contexts: {
      trace: { trace_id: '4c79f60c11214eb38604f4ae0781bfb2', span_id: 'fa90fdead5f74052' },
      runtime: { name: 'node', version: 'v20.20.2' },
      os: { kernel_version: '6.1.0', name: 'Linux', version: '6.1.0' },
      app: { app_start_time: '2026-11-22T10:00:00.000Z', app_memory: 81234567 },
      device: { arch: 'x64', memory_size: 25769803776, free_memory: 12884901888, processor_count: 2 },
      culture: { locale: 'en-US', timezone: 'UTC' },
    },
    tags: { feature: 'checkout', region: 'eu-west-1' },
    user: { id: `user-${issue % 50}`, ip_address: '10.0.0.7' },
    request: {
      method: 'POST',
      url: `http://shop.example.com/api/orders/${issue}`,
      headers: { 'user-agent': 'curl/8.0' },
    },
    sdk: {
      name: 'sentry.javascript.node',
      version: '11.12.0',
      integrations: ['Http', 'Console', 'OnUncaughtException'],
    },
    extra: big
      ? {
          order: Array.from({ length: 50 }, (_, i) => ({
            sku: `sku-${i}`,
            qty: i % 4,
            note: 'z'.repeat(60),
          })),
        }
      : {},
  };
  let json = JSON.stringify(event);
  if (json.length < targetBytes) {
    (event.extra as Record<string, unknown>).padding = 'p'.repeat(targetBytes - json.length - 14);
    json = JSON.stringify(event);
  }
  const header = JSON.stringify({
    event_id: EVENT_ID_MARK,
    sent_at: '2026-11-22T10:00:00.000Z',
    sdk: { name: 'sentry.javascript.node', version: '11.12.0' },
  });
  return `${header}\n{"type":"event"}\n${json}`;
}
