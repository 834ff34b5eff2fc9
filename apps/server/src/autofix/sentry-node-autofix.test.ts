import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutofixTestShop } from '../testing/autofix-test-shop.ts';
import { SentryNodeCrashService } from '../testing/sentry-node-crash-service.ts';
import { TEST_BACKENDS } from '../testing/test-fixloop.ts';

describe.each(TEST_BACKENDS)('autofix of a crash reported by the real @sentry/node (%s)', (backend) => {
  let shop: AutofixTestShop;
  let service: SentryNodeCrashService;
  beforeAll(async () => {
    shop = await AutofixTestShop.start(backend);
    service = new SentryNodeCrashService(shop);
  });
  afterAll(async () => {
    await shop.stop();
    service.dispose();
  });
  const crashService = (name: string, module: string, call: string) => service.crash(name, module, call);

  it('commits a verified fix to the fix branch of the remote within 60 s, with no LLM', async () => {
    const started = Date.now();
    const issueId = await crashService('formatTotl', 'orders.js', 'orderTotal({ amount: 3 })');
    const [fix] = await shop.settledFixes(issueId);
    expect(fix).toMatchObject({ status: 'committed', category: 'A', fixer: 'misspelled-name', pushState: 'pushed' }); // prettier-ignore
    expect(Date.now() - started).toBeLessThan(60_000);
    // The reproduction calls the crashing function with the arguments the SDK captured.
    expect(fix!.testContent).toContain('orderTotal({ amount: 3 })');
    expect(shop.repo.remoteHead('fixloop')).toBe(fix!.commitSha);
    expect(shop.repo.remoteHead('main')).toBe(shop.mainSha);
    expect(shop.testPassesOn('main', fix!.testFile!, fix!.testContent!)).toBe(false);
    expect(shop.testPassesOn('fixloop', fix!.testFile!, fix!.testContent!)).toBe(true);
  });

  it('infers the exported caller through Array.map, whose outer frames carry no vars', async () => {
    const issueId = await crashService('toUpperCse', 'labels.js', "shoutAll([{ name: 'ada' }])");
    const [fix] = await shop.settledFixes(issueId);
    expect(fix).toMatchObject({ status: 'committed', category: 'A', fixer: 'misspelled-name' });
    expect(fix!.testContent).toContain('shoutAll([{ name: "ada" }])');
    expect(fix!.diff).toContain('+  return order.name.toUpperCase();');
    expect(shop.testPassesOn('main', fix!.testFile!, fix!.testContent!)).toBe(false);
    expect(shop.testPassesOn('fixloop', fix!.testFile!, fix!.testContent!)).toBe(true);
  });
});
