import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKOUT_SOURCE } from '../../testing/minified-bundle.ts';
import { runSentryCli } from '../../testing/sentry-cli.ts';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import { startTestFixloop, TEST_BACKENDS } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';

const CHROMIUM = '/usr/bin/chromium';
const REPO_NODE_MODULES = fileURLToPath(new URL('../../../../../node_modules', import.meta.url));

const CLIENT_SOURCE = `import * as Sentry from '@sentry/browser';
import { computeTotal } from './checkout.js';

window.__sentEventIds = [];
Sentry.init({
  dsn: window.FIXLOOP_DSN,
  beforeSend(event) {
    window.__sentEventIds.push(event.event_id);
    return event;
  },
});

document.getElementById('buy').addEventListener('click', function onBuy() {
  try {
    computeTotal({ items: [{ price: 7, quantity: 2 }], limit: 10 });
  } catch (error) {
    Sentry.captureException(error);
  }
});
`;

type FrameJson = Record<string, unknown> & { context: [number, string][] };
interface EventJson {
  entries: {
    type: string;
    data: {
      values: { stacktrace: { frames: FrameJson[] }; rawStacktrace: { frames: FrameJson[] } | null }[];
    };
  }[];
}

/** The app minified for the browser, @sentry/browser included, with its source map in `dist/`. */
async function buildBrowserApp(root: string): Promise<string> {
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'src', 'checkout.js'), CHECKOUT_SOURCE);
  writeFileSync(join(root, 'src', 'client.js'), CLIENT_SOURCE);
  const outfile = join(root, 'dist', 'app.js');
  await build({
    entryPoints: [join(root, 'src', 'client.js')],
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'iife',
    platform: 'browser',
    outfile,
    nodePaths: [REPO_NODE_MODULES],
    logLevel: 'silent',
  });
  return outfile;
}

async function serveApp(dsn: string, script: string): Promise<Server> {
  const page = `<!doctype html><html><body><button id="buy">Buy</button>
<script>window.FIXLOOP_DSN = ${JSON.stringify(dsn)};</script><script src="/static/app.js"></script></body></html>`;
  const server = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    else if (req.url === '/static/app.js')
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe.skipIf(!existsSync(CHROMIUM)).each(TEST_BACKENDS)(
  'source maps for the real @sentry/browser in headless Chromium (%s)',
  (backend) => {
    let t: TestFixloop;
    let api: TestApiClient;
    let root: string;
    let app: Server;
    let browser: Browser;

    beforeAll(async () => {
      t = await startTestFixloop({ backend });
      const { token } = await createTestUserToken(t.fixloop.storage, {
        organization: 'default',
        scopes: ['org:read', 'project:read', 'project:releases', 'event:read'],
      });
      api = new TestApiClient(t.fixloop.url, token);
      root = mkdtempSync(join(tmpdir(), 'fixloop-browser-maps-'));
      const bundle = await buildBrowserApp(root);
      const target = { url: t.fixloop.url, token, org: 'default', project: 'default' };
      for (const command of ['inject', 'upload']) {
        const result = await runSentryCli(target, ['sourcemaps', command, join(root, 'dist')]);
        expect(result.code, result.stderr).toBe(0);
      }
      app = await serveApp(t.fixloop.dsn, readFileSync(bundle, 'utf8'));
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
    }, 90_000);
    afterAll(async () => {
      await browser?.close();
      app?.close();
      await t?.stop();
      if (root !== undefined) await rm(root, { recursive: true, force: true });
    });

    it('maps the frames of an error captured in the page back to the original sources', async () => {
      const page = await browser.newPage();
      const origin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
      await page.goto(`${origin}/`);
      await page.click('#buy');
      await page.waitForFunction(
        () => (globalThis as unknown as { __sentEventIds: string[] }).__sentEventIds.length === 1,
      );
      const [eventId] = await page.evaluate(
        () => (globalThis as unknown as { __sentEventIds: string[] }).__sentEventIds,
      );
      let event = await api.get<EventJson>(`/api/0/projects/default/default/events/${eventId}/`);
      for (let i = 0; event.status === 404 && i < 100; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        event = await api.get<EventJson>(`/api/0/projects/default/default/events/${eventId}/`);
      }
      expect(event.status).toBe(200);
      const exception = event.body.entries.find((e) => e.type === 'exception')?.data.values[0];
      const frames = exception?.stacktrace.frames ?? [];
      expect(frames.at(-1)).toMatchObject({
        absPath: `${origin}/src/checkout.js`,
        filename: '/src/checkout.js',
        function: 'computeTotal',
        lineNo: 7,
        colNo: 11,
      });
      expect(frames.at(-1)?.context).toContainEqual([7, CHECKOUT_SOURCE.split('\n')[6]]);
      // The minifier dropped the handler's name, so the call site is all a map can give for it.
      expect(frames.at(-2)).toMatchObject({ filename: '/src/client.js', lineNo: 15, colNo: 5 });
      const raw = exception?.rawStacktrace?.frames.at(-1);
      expect(raw).toMatchObject({ filename: `${origin}/static/app.js` });
      expect(raw?.['function']).not.toBe('computeTotal');
    });
  },
);
