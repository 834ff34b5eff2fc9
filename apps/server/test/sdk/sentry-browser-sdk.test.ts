import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEventTimeline } from '../../src/api/events/event-timeline.ts';
import { startTestFixloop, type TestFixloop } from './start-test-fixloop.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `\n!!! SKIPPING the @sentry/browser tests: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run does).\n`,
  );
}

async function bundleClient(): Promise<string> {
  const entry = fileURLToPath(new URL('./clients/browser-client.js', import.meta.url));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
  });
  return result.outputFiles[0]!.text;
}

/** The app's own origin: serves the page and an API that fails, so the SDK records a failed fetch. */
async function startAppServer(dsn: string, script: string): Promise<Server> {
  const page = `<!doctype html><html><body>
<button id="buy">Buy</button><button id="crash">Crash</button>
<script>window.FIXLOOP_DSN = ${JSON.stringify(dsn)};</script><script src="/app.js"></script></body></html>`;
  const server = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    else if (req.url === '/app.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else if (req.url?.startsWith('/api/price'))
      res.writeHead(500, { 'content-type': 'application/json' }).end('{}');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe.skipIf(!hasChromium)('the real @sentry/browser SDK in headless Chromium', () => {
  let t: TestFixloop;
  let app: Server;
  let browser: Browser;
  let handledId: string;
  let crashId: string;

  beforeAll(async () => {
    t = await startTestFixloop();
    app = await startAppServer(t.fixloop.dsn, await bundleClient());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(app.address() as AddressInfo).port}/`);
    await page.click('#buy');
    await page.waitForFunction(
      () => (globalThis as unknown as { __sentEventIds: string[] }).__sentEventIds.length === 1,
    );
    await page.click('#crash');
    await page.waitForFunction(
      () => (globalThis as unknown as { __sentEventIds: string[] }).__sentEventIds.length === 2,
    );
    const ids = await page.evaluate(
      () => (globalThis as unknown as { __sentEventIds: string[] }).__sentEventIds,
    );
    [handledId, crashId] = [ids[0]!, ids[1]!];
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    app?.close();
    await t?.stop();
  });

  it('stores a handled error with browser contexts derived from the User-Agent', async () => {
    const event = await t.waitForEvent(handledId);
    expect(event.platform).toBe('javascript');
    expect(event.title).toBe('Error: price lookup failed with 500');
    expect(event.release).toBe('web@2.0.0');
    expect(event.userKey).toBe('id:visitor-7');
    expect(event.tags['browser.name']).toMatch(/Chrome/);
    expect(event.tags['os.name']).toBe('Linux');
    expect(event.handled).toBe(true);
  });

  it('keeps the timeline: the click, the console line and the failed fetch paired with its status', async () => {
    const event = await t.waitForEvent(handledId);
    const timeline = await readEventTimeline(t.fixloop.storage.events, event, 30, new Date());
    const click = timeline.find((e) => e.layer === 'user' && e.message.includes('#buy'));
    const consoleLine = timeline.find((e) => e.layer === 'frontend' && e.message.includes('buy clicked'));
    const fetchEntry = timeline.find((e) => e.layer === 'network' && e.network?.url?.includes('/api/price'));
    expect(click).toBeDefined();
    expect(consoleLine?.level).toBe('warning');
    expect(fetchEntry?.network).toMatchObject({ method: 'GET', statusCode: 500, failed: true });
    expect(timeline.at(-1)).toMatchObject({ isError: true, source: 'event' });
  });

  it('records an error thrown in a click handler as unhandled and blocking', async () => {
    const event = await t.waitForEvent(crashId);
    expect(event.title).toMatch(/^TypeError: Cannot read properties of null/);
    expect(event.handled).toBe(false);
    const issue = await t.fixloop.storage.issues.getIssue(event.issueId);
    expect(issue).toMatchObject({ severity: 'blocking', errorClass: 'javascript' });
  });
});
