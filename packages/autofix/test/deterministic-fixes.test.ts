import { afterEach, describe, expect, it } from 'vitest';
import { approveFixAttempt, runFixAttempt } from '../src/index.ts';
import { positionOf } from './support/fix-context-for.ts';
import { autofixHarness, BOT, type AutofixHarness } from './support/autofix-harness.ts';
import { changedFiles, runTestAt } from './support/run-test-at.ts';
import {
  MISSING_IMPORT,
  MISSPELLED_MEMBER,
  OPTIONAL_CUSTOMER,
  SHOP_BASE,
  shopEvent,
  WRONG_CASE_PATH,
} from './support/shop-app.ts';

const harnesses: AutofixHarness[] = [];
afterEach(() => harnesses.splice(0).forEach((h) => h.cleanup()));

async function harness(files: Record<string, string>) {
  const h = await autofixHarness({ ...SHOP_BASE, ...files }, process.env);
  harnesses.push(h);
  return h;
}

/** The commit on the remote fix branch holds the fix and its test; the test fails on the base and passes on the fix. */
function expectProvenCommit(h: AutofixHarness, sha: string, fixedPath: string) {
  expect(h.repo.remoteHead('fixloop')).toBe(sha);
  expect(h.repo.remoteHead('main')).toBe(h.baseSha);
  const testPath = 'test/fixloop-issue-42.test.js';
  expect(changedFiles(h.repo.remoteDir, sha)).toEqual([fixedPath, testPath].sort());
  const test = h.repo.remoteFile(sha, testPath);
  expect(runTestAt(h.repo.remoteDir, h.baseSha, testPath, test).exitCode).not.toBe(0);
  expect(runTestAt(h.repo.remoteDir, sha, testPath).exitCode).toBe(0);
  const message = h.repo.git('--git-dir', h.repo.remoteDir, 'log', '-1', '--format=%an <%ae>%n%B', sha);
  expect(message).toContain(`${BOT.name} <${BOT.email}>`);
  expect(message).toContain('SHOP-42');
  expect(message).toContain('Root cause:');
  expect(message).toContain('the reproduction test fails on the base');
}

describe('runFixAttempt with the deterministic fixers on a real repository', () => {
  it('(a) imports a missing function, proves it and commits fix and test to the fix branch', async () => {
    const h = await harness(MISSING_IMPORT);
    const at = positionOf(MISSING_IMPORT['src/labels.js'], 'formatMoney');
    const event = shopEvent('ReferenceError', 'formatMoney is not defined', [
      { path: 'src/labels.js', fn: 'priceLabel', ...at, vars: { cents: 1250 } },
    ]);
    const attempt = await runFixAttempt(h.input(event), h.ports, { botIdentity: BOT });
    expect(attempt.reason).toMatch(/committed automatically/);
    expect(attempt.state).toBe('committed');
    expect(attempt.candidate).toMatchObject({ fixer: 'missing-import', category: 'A' });
    expect(h.repo.remoteFile('fixloop', 'src/labels.js')).toContain(
      "import { formatMoney } from './money.js';",
    );
    expectProvenCommit(h, attempt.commitSha ?? '', 'src/labels.js');
    expect(h.journal.states()).toEqual(['reproducing', 'generating', 'verifying', 'committed']);
  });

  it('(b) corrects a misspelled member of an imported module', async () => {
    const h = await harness(MISSPELLED_MEMBER);
    const at = positionOf(MISSPELLED_MEMBER['src/inventory.js'], 'lookupp');
    const event = shopEvent('TypeError', 'stock.lookupp is not a function', [
      { path: 'src/inventory.js', fn: 'available', ...at, vars: { sku: 'A1' } },
    ]);
    const attempt = await runFixAttempt(h.input(event), h.ports, { botIdentity: BOT });
    expect(attempt.state).toBe('committed');
    expect(attempt.candidate?.fixer).toBe('misspelled-name');
    expect(h.repo.remoteFile('fixloop', 'src/inventory.js')).toContain('stock.lookup(sku)');
    expectProvenCommit(h, attempt.commitSha ?? '', 'src/inventory.js');
  });

  it('(c) fixes an import path that is off by letter case (ERR_MODULE_NOT_FOUND)', async () => {
    const h = await harness(WRONG_CASE_PATH);
    const frames = [
      {
        filename: 'node:internal/modules/esm/resolve',
        function: 'finalizeResolution',
        lineno: 283,
        in_app: false,
      },
    ];
    const value = "Cannot find module '/srv/shop/src/Slugify.js' imported from /srv/shop/src/report.js";
    const event = {
      platform: 'node',
      exception: { values: [{ type: 'Error', value, stacktrace: { frames } }] },
    };
    const attempt = await runFixAttempt(h.input(event), h.ports, { botIdentity: BOT });
    expect(attempt.state).toBe('committed');
    expect(attempt.candidate?.fixer).toBe('module-path');
    expect(attempt.reproduction?.content).toContain("import('../src/report.js')");
    expect(h.repo.remoteFile('fixloop', 'src/report.js')).toContain("from './slugify.js'");
    expectProvenCommit(h, attempt.commitSha ?? '', 'src/report.js');
  });

  it('(d) guards an optional value, waits for approval as category B, and commits once approved', async () => {
    const h = await harness(OPTIONAL_CUSTOMER);
    const at = positionOf(OPTIONAL_CUSTOMER['src/orders.js'], 'name');
    const event = shopEvent('TypeError', "Cannot read properties of undefined (reading 'name')", [
      { path: 'src/orders.js', fn: 'greeting', ...at, vars: { order: { id: 9 } } },
    ]);
    const attempt = await runFixAttempt(h.input(event), h.ports, { botIdentity: BOT });
    expect(attempt.state).toBe('awaiting_approval');
    expect(attempt).toMatchObject({
      approverRole: 'member',
      candidate: { fixer: 'optional-guard', category: 'B' },
    });
    expect(attempt.commitPatch?.diff).toContain("+  return 'Hello ' + (order.customer?.name ?? 'guest');");
    expect(h.repo.remoteHead('fixloop')).toBeNull();
    const approved = await approveFixAttempt(attempt, { kind: 'user', userId: 3, name: 'ada' }, h.ports, {
      botIdentity: BOT,
    });
    if (!approved.ok) throw new Error(approved.reason);
    expect(approved.record.state).toBe('committed');
    expect(h.journal.transitions.at(-1)).toMatchObject({
      to: 'committed',
      actor: { kind: 'user', userId: 3 },
    });
    expectProvenCommit(h, approved.record.commitSha ?? '', 'src/orders.js');
    expect(h.repo.git('--git-dir', h.repo.remoteDir, 'log', '-1', '--format=%B', 'fixloop')).toContain(
      'Approved-by: ada',
    );
  });
});
