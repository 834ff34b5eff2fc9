import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutofixTestShop, waitFor } from '../testing/autofix-test-shop.ts';

/**
 * A shop whose crashes happen below the depth @sentry/node sends local variables to: an object inside an
 * object is dropped, one inside an array becomes null. Each file also checks the value elsewhere, the
 * evidence the optional-guard fixer needs.
 */
const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'shop', type: 'module', scripts: { test: 'node --test' } }),
  'src/shipping.js': [
    'function zone(customer) {',
    '  const lat = customer.address.geo.lat;',
    "  return lat > 0 ? 'north' : 'south';",
    '}',
    'export function hasGeo(customer) {',
    '  return customer.address.geo != null;',
    '}',
    'export function shippingZone(order) {',
    '  return `${order.id}:${zone(order.customer)}`;',
    '}',
    'export function longitude(order) {',
    '  const { customer } = order;',
    '  return customer.address.geo.lng.toFixed(1);',
    '}',
    '',
  ].join('\n'),
  'src/skus.js': [
    'export function firstSku(order) {',
    '  return order.lines[0].sku.code;',
    '}',
    'export function hasSku(order) {',
    '  return order.lines[0].sku !== undefined;',
    '}',
    '',
  ].join('\n'),
  'test/shop.test.js': [
    "import assert from 'node:assert/strict';",
    "import { test } from 'node:test';",
    "import { shippingZone } from '../src/shipping.js';",
    "test('zones', () => assert.equal(shippingZone({ id: 1, customer: { address: { geo: { lat: 5 } } } }), '1:north'));", // prettier-ignore
    '',
  ].join('\n'),
};

/** The service: the real @sentry/node with local variables; it crashes once the inspector is attached. */
function service(module: string, call: string): string {
  return `
const sdk = await import(process.env.SENTRY_NODE_URL);
const Sentry = sdk.init ? sdk : sdk.default;
Sentry.init({ dsn: process.env.SENTRY_DSN, includeLocalVariables: true });
const app = await import(new URL('${module}', process.env.APP_URL).href);
await new Promise((resolve) => setTimeout(resolve, 1500));
setTimeout(() => app.${call}, 0);
`;
}

type Frame = { function?: string; vars?: Record<string, unknown> };

// One backend: nothing here depends on storage, and the Node autofix tests cover both.
describe('autofix of a crash below the depth the real @sentry/node sends variables to', () => {
  let shop: AutofixTestShop;
  let dir: string;
  beforeAll(async () => {
    shop = await AutofixTestShop.start('sqlite', { files: FILES });
    dir = mkdtempSync(join(tmpdir(), 'fixloop-nested-service-'));
  });
  afterAll(async () => {
    await shop?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the service until the SDK reported its crash; returns the issue and the event's frames. */
  async function crashService(name: string, module: string, call: string) {
    const [key] = await shop.t.fixloop.storage.projects.listKeys(shop.projectId);
    const script = join(dir, `${name}.mjs`);
    writeFileSync(script, service(module, call));
    const crashed = spawnSync(process.execPath, [script], {
      env: {
        PATH: process.env['PATH'],
        SENTRY_DSN: `http://${key!.publicKey}@127.0.0.1:${shop.t.fixloop.port}/${shop.projectId}`,
        SENTRY_NODE_URL: pathToFileURL(createRequire(import.meta.url).resolve('@sentry/node')).href,
        APP_URL: pathToFileURL(join(shop.repo.workDir, 'src/')).href,
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(crashed.status, crashed.stderr).toBe(1);
    const storage = shop.t.fixloop.storage;
    const { issues } = await waitFor(
      'the issue',
      () => storage.issues.listIssues({ projectIds: [shop.projectId], sort: 'date', limit: 50, offset: 0 }),
      (list) => list.issues.some((i) => i.title.includes(name)),
    );
    const issueId = issues.find((i) => i.title.includes(name))!.id;
    const events = await storage.events.listIssueEvents(issueId, { limit: 1, offset: 0 });
    const exception = (events[0]!.payload.exception as { values: { stacktrace: { frames: Frame[] } }[] }).values[0]!; // prettier-ignore
    const vars = (fn: string) =>
      exception.stacktrace.frames.find((f) => f.function?.replace(/^Module\./, '') === fn)?.vars;
    return { issueId, vars };
  }

  /** The fix is verified: its reproduction failed on main with the event's error and passes with it. */
  async function verifiedGuard(issueId: number) {
    const [fix] = await shop.settledFixes(issueId);
    expect(fix, JSON.stringify(fix)).toMatchObject({ status: 'awaiting_approval', category: 'B', fixer: 'optional-guard' }); // prettier-ignore
    expect(fix!.verification).toMatchObject({ outcome: 'verified', reproducedBefore: true, passedAfter: true, suiteOk: true }); // prettier-ignore
    expect(shop.testPassesOn('main', fix!.testFile!, fix!.testContent!)).toBe(false);
    return fix!;
  }

  it('rebuilds an object the SDK dropped in the crash frame and in the exported caller', async () => {
    const call = "shippingZone({ id: 7, customer: { name: 'Ada', address: { geo: null } } })";
    const { issueId, vars } = await crashService("reading 'lat'", 'shipping.js', call);
    // `lat` is not assigned yet when the crash happens.
    expect(vars('zone')).toEqual({ customer: { name: 'Ada' }, lat: '<undefined>' });
    expect(vars('shippingZone')).toEqual({ order: { id: 7 } });
    const fix = await verifiedGuard(issueId);
    expect(fix.testContent).toContain('shippingZone({ id: 7, customer: { address: { geo: null } } })');
    expect(fix.testContent).toContain(
      'The crash proves customer.address.geo was null in zone() inside existing objects',
    );
    expect(fix.diff).toContain('+  const lat = customer.address.geo?.lat;');
  });

  it('rebuilds an array the SDK dropped and the object in it', async () => {
    const call = "firstSku({ id: 8, lines: [{ qty: 1, sku: undefined }, { qty: 2, sku: { code: 'x' } }] })";
    const { issueId, vars } = await crashService("reading 'code'", 'skus.js', call);
    expect(vars('firstSku')).toEqual({ order: { id: 8 } });
    const fix = await verifiedGuard(issueId);
    expect(fix.testContent).toContain('firstSku({ id: 8, lines: [{}] })');
    expect(fix.diff).toContain('+  return order.lines[0].sku?.code;');
  });

  it('follows a const destructured from the parameter back to the argument', async () => {
    const call = "longitude({ id: 9, customer: { name: 'Ada', address: { geo: null } } })";
    const { issueId, vars } = await crashService("reading 'lng'", 'shipping.js', call);
    expect(vars('longitude')).toEqual({ order: { id: 9 }, customer: { name: 'Ada' } });
    const fix = await verifiedGuard(issueId);
    expect(fix.testContent).toContain('longitude({ id: 9, customer: { address: { geo: null } } })');
    expect(fix.diff).toContain('+  return customer.address.geo?.lng.toFixed(1);');
  });
});
