import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutofixTestShop, SHOP_CRASHES } from '../testing/autofix-test-shop.ts';
import { RunnerToolbox, testRunnerShopFiles } from '../testing/test-runner-shop.ts';
import type { ShopTestRunner } from '../testing/test-runner-shop.ts';

/**
 * What each runner prints when the reproduction fails because the captured ReferenceError was thrown
 * (the test title names the error too, so the title alone proves nothing), and when the whole suite (the
 * shop's own test and the reproduction) passes.
 */
const RUNNERS: [ShopTestRunner, { threw: RegExp; suitePassed: RegExp }][] = [
  ['vitest', { threw: /Received:\s+"ReferenceError: formatTotl is not defined"/, suitePassed: /> vitest run\s[^]*Tests\s+2 passed \(2\)/ }], // prettier-ignore
  ['jest', { threw: /Error name:\s+"ReferenceError"\s+Error message:\s+"formatTotl is not defined"/, suitePassed: /> jest\s[^]*Tests:\s+2 passed, 2 total/ }], // prettier-ignore
  ['jest-esm', { threw: /Error name:\s+"ReferenceError"\s+Error message:\s+"formatTotl is not defined"/, suitePassed: /--experimental-vm-modules" jest\s[^]*Tests:\s+2 passed, 2 total/ }], // prettier-ignore
  // assert.doesNotThrow(fn, ReferenceError) reports "unwanted" only for a ReferenceError; others propagate.
  ['mocha', { threw: /Got unwanted exception\.\s+Actual message: "formatTotl is not defined"/, suitePassed: /> mocha\s[^]*✔ counts items[^]*2 passing/ }], // prettier-ignore
];

// One backend (sqlite): the runners, not the storage, are under test, and each case takes 6-17 s.
describe.each(RUNNERS)('verified autofix in a %s repository (sqlite)', (runner, prints) => {
  let toolbox: RunnerToolbox;
  let shop: AutofixTestShop;
  beforeAll(async () => {
    toolbox = RunnerToolbox.create(runner);
    shop = await AutofixTestShop.start('sqlite', {
      files: testRunnerShopFiles(runner),
      repository: { installCommand: toolbox.installCommand },
    });
  });
  afterAll(async () => {
    await shop?.stop();
    toolbox?.remove();
  });

  it('writes the reproduction for the repository’s runner, proves the fix with it, and commits to the fix branch', async () => {
    const [fix] = await shop.settledFixes(await shop.ingest(SHOP_CRASHES.misspelledName()));
    expect(fix).toMatchObject({ status: 'committed', fixer: 'misspelled-name', branch: 'fixloop', pushState: 'pushed' }); // prettier-ignore
    expect(fix!.verification).toMatchObject({ outcome: 'verified', reproducedBefore: true, passedAfter: true, suiteOk: true }); // prettier-ignore
    const log = fix!.verification.log!;
    expect(log).toContain(`== install: ${toolbox.installCommand} (exit 0`);
    expect(log).toMatch(prints.threw);
    expect(log).toMatch(prints.suitePassed);
    expect(fix!.diff).toContain('+  return formatTotal(order.amount);');
    const testFile = fix!.testFile!;
    expect(testFile).toMatch(/^test\/fixloop-issue-\d+\.test\.js$/);
    expect(fix!.testContent).toContain('orderTotal({ amount: 3 })');

    // The remote: fix and test in one commit on top of main; main untouched.
    expect(shop.repo.remoteHead('main')).toBe(shop.mainSha);
    expect(shop.repo.remoteHead('fixloop')).toBe(fix!.commitSha);
    const commit = shop.commitSummary(fix!.commitSha!);
    expect(commit.split('\n')[0]).toBe(shop.mainSha);
    expect(commit).toContain('src/orders.js');
    expect(commit).toContain(testFile);

    // Run by the real runner: it fails on main with the event's error and passes on the fix branch...
    const test = { [testFile]: fix!.testContent! };
    const onMain = toolbox.runTestOn(shop.repo.remoteDir, 'main', testFile, test);
    expect(onMain.ok).toBe(false);
    expect(onMain.output).toMatch(prints.threw);
    expect(toolbox.runTestOn(shop.repo.remoteDir, 'fixloop', testFile, test)).toMatchObject({ ok: true });
    // ...and it still fails when a "fix" only trades the ReferenceError for another error.
    const fixed = shop.repo.remoteFile('fixloop', 'src/orders.js');
    const otherError = { ...test, 'src/orders.js': fixed.replace('formatTotal(order.amount)', 'formatTotal(order.amount.value)') }; // prettier-ignore
    const traded = toolbox.runTestOn(shop.repo.remoteDir, 'fixloop', testFile, otherError);
    expect(traded.ok).toBe(false);
    expect(traded.output).toContain("Cannot read properties of undefined (reading 'toFixed')");
  });
});
