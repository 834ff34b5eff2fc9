import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutofixTestShop, SHOP_CRASHES } from '../testing/autofix-test-shop.ts';
import type { TestFixloop } from '../testing/test-fixloop.ts';

const postgres = process.env['FIXLOOP_TEST_DATABASE_URL'] ? describe : describe.skip;

postgres('two Fixloop processes sharing one PostgreSQL', () => {
  let shop: AutofixTestShop;
  let second: TestFixloop;
  beforeAll(async () => {
    shop = await AutofixTestShop.start('postgres');
    second = await shop.startSecondInstance();
  });
  afterAll(async () => {
    // The first instance drops the shared schema; the second only leaves.
    await second.stop({ keepDir: true });
    await rm(second.dir, { recursive: true, force: true });
    await shop.stop();
  });

  it('never work on the same repository at once', async () => {
    const issues = [
      await shop.ingest(SHOP_CRASHES.misspelledName()),
      await shop.ingest(SHOP_CRASHES.missingCustomer()),
    ];
    const windows: Array<[number, number]> = [];
    for (const issueId of issues) {
      const [fix] = await shop.settledFixes(issueId);
      expect(['committed', 'awaiting_approval']).toContain(fix!.status);
      const attempt = await shop.t.fixloop.storage.fixes.getAttempt(Number(fix!.id));
      const events = await shop.t.fixloop.storage.fixes.listEvents(attempt!.id);
      const working = events.filter((e) => e.to !== 'pending').map((e) => e.at.getTime());
      windows.push([Math.min(...working), Math.max(...working)]);
    }
    const [first, next] = windows.sort((a, b) => a[0] - b[0]) as [[number, number], [number, number]];
    expect(next[0]).toBeGreaterThanOrEqual(first[1]);
    expect(shop.repo.remoteHead('main')).toBe(shop.mainSha);
  });
});
