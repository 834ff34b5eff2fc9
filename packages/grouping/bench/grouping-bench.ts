/**
 * computeGrouping throughput on @sentry/node-shaped exception events (15 frames with context lines,
 * app / node_modules / node: internal frames, in_app set like the SDK does).
 *
 *   npx tsx packages/grouping/bench/grouping-bench.ts [runs]
 *
 * Reports µs/event for (a) the first sight of 300 distinct stacks (fresh process-wide caches are not
 * possible inside one process, so every run uses new stacks) and (b) 10 repeated rounds over them.
 * The machine is shared: the best of several runs is the number to quote.
 */
import { pathToFileURL } from 'node:url';
import type { SentryEvent } from '@fixloop/core';
import { computeGrouping } from '../src/index.ts';

const DISTINCT = 300;
const ROUNDS = 10;
const APP_ROOT = '/srv/app';

const PACKAGES = ['express', 'pg', '@prisma/client', 'ioredis', 'fastify', 'koa', 'axios', 'undici'];
const INTERNALS = [
  ['node:internal/process/task_queues', 'task_queues', 'process.processTicksAndRejections'],
  ['node:internal/timers', 'timers', 'listOnTimeout'],
  ['node:events', 'events', 'EventEmitter.emit'],
  ['node:internal/streams/readable', 'readable', 'Readable.push'],
] as const;
const ERRORS = [
  ['TypeError', (i: number) => `Cannot read properties of undefined (reading 'field${i % 17}')`],
  ['Error', (i: number) => `Order ${1000 + i} not found for user 5f2b8c1e-7a3d-4e2b-9c1f-0a1b2c3d4e5f`],
  ['RangeError', (i: number) => `Invalid array length at index ${i}`],
] as const;

function appFrame(run: number, stack: number, depth: number) {
  const file = `${APP_ROOT}/dist/services/svc-${run}-${stack % 97}/handler-${depth}.js`;
  return {
    filename: file,
    abs_path: file,
    module: `dist.services.svc-${run}-${stack % 97}:handler-${depth}`,
    function: `Service${stack % 13}.handle${depth}`,
    lineno: 10 + depth * 7,
    colno: 5 + depth,
    in_app: true,
    pre_context: ['', `  async handle${depth}(req) {`, '    const user = await this.users.find(req.id);'],
    context_line: `    const value = user.profile.field${(stack + depth) % 17} + ${depth};`,
    post_context: ['    return value;', '  }', ''],
  };
}

function libraryFrame(stack: number, depth: number) {
  const pkg = PACKAGES[(stack + depth) % PACKAGES.length] as string;
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

function internalFrame(depth: number) {
  const [filename, module, fn] = INTERNALS[depth % INTERNALS.length] as (typeof INTERNALS)[number];
  return { filename, module, function: fn, lineno: 95, colno: 5, in_app: false };
}

/** One distinct @sentry/node-like event: callers first, crash frame last (Sentry's order). */
export function nodeEvent(run: number, stack: number): SentryEvent {
  const frames: Record<string, unknown>[] = [];
  for (let depth = 0; depth < 15; depth++) {
    if (depth < 2) frames.push(internalFrame(depth + stack));
    else if (depth < 7) frames.push(libraryFrame(stack, depth));
    else frames.push(appFrame(run, stack, depth));
  }
  const [type, value] = ERRORS[stack % ERRORS.length] as (typeof ERRORS)[number];
  return {
    event_id: `${run}${stack}`.padStart(32, '0'),
    platform: 'node',
    level: 'error',
    sdk: { name: 'sentry.javascript.node', version: '11.12.0' },
    tags: { transaction: `GET /orders/${stack % 20}` },
    exception: {
      values: [
        { type, value: value(stack), mechanism: { type: 'generic', handled: true }, stacktrace: { frames } },
      ],
    },
  };
}

interface Timing {
  wall: number;
  cpu: number;
}

/**
 * Events are cloned up front so no run benefits from the identity of input objects (a real server
 * parses fresh JSON per event). CPU time is reported beside wall time: on a shared machine it is
 * the steadier of the two.
 */
function timeEvents(events: SentryEvent[], rounds: number): Timing {
  const copies = Array.from({ length: rounds }, () => events.map((e) => structuredClone(e)));
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const round of copies) for (const event of round) computeGrouping(event);
  const wall = Number(process.hrtime.bigint() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const count = events.length * rounds;
  return { wall: wall / count, cpu: (cpu.user + cpu.system) / count };
}

function main(): void {
  const runs = Number(process.argv[2] ?? 5);
  // Warm the JIT on stacks that are never measured.
  timeEvents(
    Array.from({ length: DISTINCT }, (_, i) => nodeEvent(-1, i)),
    3,
  );
  const first: Timing[] = [];
  const repeated: Timing[] = [];
  for (let run = 0; run < runs; run++) {
    const events = Array.from({ length: DISTINCT }, (_, i) => nodeEvent(run, i));
    first.push(timeEvents(events, 1));
    repeated.push(timeEvents(events, ROUNDS));
  }
  const fmt = (xs: Timing[]) => {
    const best = (pick: (t: Timing) => number) => Math.min(...xs.map(pick)).toFixed(1);
    const all = xs.map((x) => x.wall.toFixed(0)).join(', ');
    return `best ${best((t) => t.wall)} µs/event wall, ${best((t) => t.cpu)} µs cpu (wall per run: ${all})`;
  };
  console.log(`first sight of ${DISTINCT} distinct stacks: ${fmt(first)}`);
  console.log(`repeated (${ROUNDS} rounds over the same ${DISTINCT}): ${fmt(repeated)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
