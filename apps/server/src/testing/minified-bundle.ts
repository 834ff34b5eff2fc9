import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** Original sources of the test app: `main` catches the RangeError `computeTotal` throws. */
export const CHECKOUT_SOURCE = `export function computeTotal(cart) {
  let total = 0;
  for (const item of cart.items) {
    total += item.price * item.quantity;
  }
  if (total > cart.limit) {
    throw new RangeError(\`cart total \${total} exceeds limit \${cart.limit}\`);
  }
  return total;
}
`;

export const APP_SOURCE = `import { computeTotal } from './checkout.js';

export function handleRequest(request) {
  const cart = { items: request.items, limit: 10 };
  return computeTotal(cart);
}

export function main() {
  try {
    handleRequest({ items: [{ price: 7, quantity: 2 }] });
  } catch (error) {
    return error;
  }
  return null;
}
`;

/**
 * Writes the app's sources under `root/src` and bundles them minified with a source map into
 * `root/<outDir>/app.min.js` (+ `.map`), the way a real build does. Returns the bundle's path.
 */
export async function buildMinifiedBundle(root: string, outDir: string): Promise<string> {
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'src', 'checkout.js'), CHECKOUT_SOURCE);
  writeFileSync(join(root, 'src', 'app.js'), APP_SOURCE);
  const outfile = join(root, outDir, 'app.min.js');
  await build({
    entryPoints: [join(root, 'src', 'app.js')],
    bundle: true,
    minify: true,
    sourcemap: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

export interface SentEvent {
  eventId: string;
  /** The stack as Node printed it for the minified bundle. */
  stack: string;
}

/**
 * Runs the minified bundle in a fresh Node process under the real @sentry/node SDK, which turns
 * `_sentryDebugIds` into `debug_meta` images, and sends the caught error to `dsn`.
 */
export async function sendErrorFromBundle(
  bundlePath: string,
  options: { dsn: string; release?: string; dist?: string },
): Promise<SentEvent> {
  const script = `
const Sentry = require(${JSON.stringify(require.resolve('@sentry/node'))});
Sentry.init({
  dsn: process.env.DSN,
  release: process.env.RELEASE || undefined,
  dist: process.env.DIST || undefined,
});
const error = require(${JSON.stringify(bundlePath)}).main();
const eventId = Sentry.captureException(error);
Sentry.flush(10000).then((ok) => {
  process.stdout.write(JSON.stringify({ ok, eventId, stack: error.stack }));
});
`;
  const scriptPath = `${bundlePath}.send-error.cjs`;
  writeFileSync(scriptPath, script);
  const { stdout } = await run(process.execPath, [scriptPath], {
    env: {
      PATH: process.env['PATH'] ?? '',
      DSN: options.dsn,
      RELEASE: options.release ?? '',
      DIST: options.dist ?? '',
    },
    timeout: 20_000,
  });
  const result = JSON.parse(stdout) as { ok: boolean; eventId: string; stack: string };
  if (!result.ok) throw new Error('@sentry/node could not flush the event');
  return { eventId: result.eventId, stack: result.stack };
}

/**
 * Runs the bundle's `main` in this process and turns the V8 stack of the error it returns into
 * Sentry frames (outermost first), as an SDK would: `abs_path` is `urlOf(file)`.
 */
export function stackFramesOf(
  bundlePath: string,
  urlOf: (file: string) => string = (file) => file,
): Record<string, unknown>[] {
  const app = require(bundlePath) as { main(): Error };
  const frames: Record<string, unknown>[] = [];
  for (const line of (app.main().stack ?? '').split('\n')) {
    const match = /^\s+at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/.exec(line);
    if (match === null || match[2] !== bundlePath) continue;
    frames.unshift({
      abs_path: urlOf(match[2]),
      filename: urlOf(match[2]),
      function: match[1] ?? '?',
      lineno: Number(match[3]),
      colno: Number(match[4]),
      in_app: true,
    });
  }
  return frames;
}
