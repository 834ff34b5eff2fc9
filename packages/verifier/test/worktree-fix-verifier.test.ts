import { afterEach, describe, expect, it } from 'vitest';
import type { FileChange } from '@fixloop/core';
import { ProcessTestRunner, sandboxEnvironment, WorktreeFixVerifier } from '../src/index.ts';
import { ORDERS_JS, REPRO_TEST, shopFixture } from './shop-fixture.ts';
import { diffOf } from './diff-of.ts';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const timeouts = { installMs: 60_000, testMs: 30_000, suiteMs: 60_000 };

async function setup(extraFiles: Record<string, string> = {}) {
  const fixture = await shopFixture(extraFiles);
  cleanups.push(fixture.cleanup);
  const runner = new ProcessTestRunner({ env: sandboxEnvironment({ from: { PATH: process.env.PATH } }) });
  const verifier = new WorktreeFixVerifier({ git: fixture.git, runner });
  return { ...fixture, verifier };
}

function fix(
  after: string,
  path = 'src/orders.js',
  before = ORDERS_JS,
): { diff: string; files: FileChange[] } {
  return diffOf([{ path, before, after }]);
}

const GUARDED = ORDERS_JS.replace('order.customer.name', "order.customer?.name ?? 'guest'");

describe('WorktreeFixVerifier', () => {
  it('verifies a fix: the test fails on the base, passes with the fix, the suite stays green', async () => {
    const { verifier, base, repo } = await setup();
    const verdict = await verifier.verify({
      baseSha: base.sha,
      reproduction: REPRO_TEST,
      testCommand: 'npm test',
      fix: fix(GUARDED),
      timeouts,
    });
    expect(verdict.reason).toContain('passes with the fix');
    expect(verdict.outcome).toBe('verified');
    expect(verdict.steps.map((step) => [step.name, step.ok])).toEqual([
      ['reproduce_on_base', true],
      ['apply_fix', true],
      ['reproduce_on_fix', true],
      ['suite_on_fix', true],
    ]);
    expect(verdict.steps[0]?.log).toContain("Cannot read properties of undefined (reading 'name')");
    expect(repo.remoteHead('main')).toBe(base.sha);
  });

  it('rejects a plausible patch that fixes the crash but breaks another test', async () => {
    const { verifier, base } = await setup();
    const breaksNames = ORDERS_JS.replace('order.customer.name', "order.customer?.nickname ?? 'guest'");
    const verdict = await verifier.verify({
      baseSha: base.sha,
      reproduction: REPRO_TEST,
      testCommand: 'npm test',
      fix: fix(breaksNames),
      timeouts,
    });
    expect(verdict.outcome).toBe('suite_regressed');
    expect(verdict.verified).toBe(false);
    expect(verdict.regressions).toEqual(['names the customer']);
    expect(verdict.steps.map((step) => step.name)).toContain('suite_on_base');
  });

  it('reports no reproduction when the test passes on the base', async () => {
    const { verifier, base } = await setup();
    const passing = {
      ...REPRO_TEST,
      content: REPRO_TEST.content.replace('{ id: 1 }', "{ customer: { name: 'x' } }"),
    };
    const verdict = await verifier.verify({
      baseSha: base.sha,
      reproduction: passing,
      testCommand: 'npm test',
      fix: fix(GUARDED),
      timeouts,
    });
    expect(verdict.outcome).toBe('no_reproduction');
    expect(verdict.steps.map((step) => step.name)).toEqual(['reproduce_on_base']);
  });

  it('reports no reproduction when the test fails with a different error', async () => {
    const { verifier, base } = await setup();
    const other = {
      ...REPRO_TEST,
      content: REPRO_TEST.content.replace(
        'customerName({ id: 1 })',
        'customerName({ customer: { get name() { throw new TypeError("other") } } })',
      ),
    };
    const verdict = await verifier.reproduce({ baseSha: base.sha, reproduction: other, timeouts });
    expect(verdict.outcome).toBe('no_reproduction');
    expect(verdict.reason).toContain('not with the captured TypeError');
  });

  it('rejects a fix that does not make the reproduction pass, and one that does not apply', async () => {
    const { verifier, base } = await setup();
    const useless = fix(ORDERS_JS.replace('export function badge', '// badge\nexport function badge'));
    const verdict = await verifier.verify({
      baseSha: base.sha,
      reproduction: REPRO_TEST,
      testCommand: 'npm test',
      fix: useless,
      timeouts,
    });
    expect(verdict.outcome).toBe('fix_failed');
    const stale = fix(GUARDED, 'src/orders.js', ORDERS_JS.replace('name', 'title'));
    const conflict = await verifier.verify({
      baseSha: base.sha,
      reproduction: REPRO_TEST,
      testCommand: 'npm test',
      fix: stale,
      timeouts,
    });
    expect(conflict.outcome).toBe('patch_does_not_apply');
  });

  it('accepts a fix when the suite already failed on the base, as long as no passing test breaks', async () => {
    const flaky = `import { test } from 'node:test';\nimport assert from 'node:assert/strict';\ntest('known broken', () => assert.fail('broken on main'));\n`;
    const { verifier, base } = await setup({ 'test/broken.test.js': flaky });
    const verdict = await verifier.verify({
      baseSha: base.sha,
      reproduction: REPRO_TEST,
      testCommand: 'npm test',
      fix: fix(GUARDED),
      timeouts,
    });
    expect(verdict.outcome).toBe('verified');
    expect(verdict.reason).toContain('already fails on the base');
  });

  it('stops a hanging test at its timeout and keeps secrets out of the environment', async () => {
    const { verifier, base } = await setup({
      'src/orders.js': ORDERS_JS + '\nconsole.log("ENV", JSON.stringify(process.env));\n',
    });
    process.env.FIXLOOP_SECRET_KEY = 'do-not-leak';
    const hanging = { ...REPRO_TEST, command: 'node --test test/fixloop-issue-1.test.js; sleep 30' };
    const started = Date.now();
    const verdict = await verifier.reproduce({
      baseSha: base.sha,
      reproduction: hanging,
      timeouts: { ...timeouts, testMs: 3_000 },
    });
    delete process.env.FIXLOOP_SECRET_KEY;
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(verdict.outcome).toBe('no_reproduction');
    expect(verdict.steps[0]?.timedOut).toBe(true);
    expect(verdict.steps[0]?.log).toContain('"CI":"true"');
    expect(verdict.steps[0]?.log).not.toContain('do-not-leak');
  });

  it('runs the configured install command first', async () => {
    const { verifier, base } = await setup();
    const verdict = await verifier.reproduce({
      baseSha: base.sha,
      reproduction: REPRO_TEST,
      installCommand: 'exit 3',
      timeouts,
    });
    expect(verdict.outcome).toBe('install_failed');
    expect(verdict.steps.map((step) => [step.name, step.exitCode])).toEqual([['install', 3]]);
  });
});
