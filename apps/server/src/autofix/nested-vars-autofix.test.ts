import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutofixTestShop } from '../testing/autofix-test-shop.ts';
import { SentryNodeCrashService } from '../testing/sentry-node-crash-service.ts';

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

type Frame = { function?: string; vars?: Record<string, unknown> };

// One backend: nothing here depends on storage, and the Node autofix tests cover both.
describe('autofix of a crash below the depth the real @sentry/node sends variables to', () => {
  let shop: AutofixTestShop;
  let service: SentryNodeCrashService;
  beforeAll(async () => {
    shop = await AutofixTestShop.start('sqlite', { files: FILES });
    service = new SentryNodeCrashService(shop);
  });
  afterAll(async () => {
    await shop?.stop();
    service?.dispose();
  });

  /** Runs the service until the SDK reported its crash; returns the issue and the event's frames' vars. */
  async function crashService(name: string, module: string, call: string) {
    const issueId = await service.crash(name, module, call);
    const events = await shop.t.fixloop.storage.events.listIssueEvents(issueId, { limit: 1, offset: 0 });
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
