import { afterEach, describe, expect, it } from 'vitest';
import type { Fixer } from '../src/index.ts';
import {
  buildFixPatch,
  OptionalGuardFixer,
  rejectFixAttempt,
  approveFixAttempt,
  runFixAttempt,
} from '../src/index.ts';
import { autofixHarness, BOT, type AutofixHarness } from './support/autofix-harness.ts';
import { MISSING_IMPORT, OPTIONAL_CUSTOMER, SHOP_BASE, shopEvent } from './support/shop-app.ts';
import { missingImportEvent, optionalCustomerEvent } from './support/shop-events.ts';

const harnesses: AutofixHarness[] = [];
afterEach(() => harnesses.splice(0).forEach((h) => h.cleanup()));

async function harness(files: Record<string, string>) {
  const h = await autofixHarness({ ...SHOP_BASE, ...files }, process.env);
  harnesses.push(h);
  return h;
}

/** A plausible fix that makes the crash go away but changes what greeting() says to everyone. */
const plausibleButWrong: Fixer = {
  name: 'plausible',
  category: 'A',
  canFix: () => true,
  propose: async (context) => {
    const before = (await context.repo.readText('src/orders.js')) ?? '';
    const after = before.replace('order.customer.name', "(order.customer?.nickname ?? 'guest')");
    const patch = buildFixPatch([{ path: 'src/orders.js', before, after }]);
    return {
      ok: true,
      candidate: {
        fixer: 'plausible',
        summary: 'use the nickname',
        rootCause: 'r',
        confidence: 0.9,
        category: 'A',
        categoryReasons: [],
        patch,
      },
    };
  },
};

describe('verification and policy in an attempt', () => {
  it('rejects a plausible patch that breaks another test, then verifies the next fixer', async () => {
    const h = await harness(OPTIONAL_CUSTOMER);
    const attempt = await runFixAttempt(h.input(optionalCustomerEvent()), h.ports, {
      fixers: [plausibleButWrong, new OptionalGuardFixer()],
    });
    expect(attempt.tried.map((t) => [t.fixer, t.outcome])).toEqual([
      ['plausible', 'suite_regressed'],
      ['optional-guard', 'verified'],
    ]);
    expect(attempt.tried[0]?.reason).toContain('greets the customer');
    expect(attempt.state).toBe('awaiting_approval');
    expect(h.journal.states()).toEqual([
      'reproducing',
      'generating',
      'verifying',
      'generating',
      'verifying',
      'awaiting_approval',
    ]);
  });

  it('leaves the best failed candidate for review when nothing verifies, and commits nothing', async () => {
    const h = await harness(OPTIONAL_CUSTOMER);
    const attempt = await runFixAttempt(h.input(optionalCustomerEvent()), h.ports, {
      fixers: [plausibleButWrong],
    });
    expect(attempt.state).toBe('needs_review');
    expect(attempt.reason).toContain('no candidate passed verification; best: plausible');
    expect(attempt.candidate?.patch.diff).toContain('nickname');
    expect(attempt.verdict?.regressions).toEqual(['greets the customer']);
    expect(h.repo.remoteHead('fixloop')).toBeNull();
    expect(h.journal.escalations).toEqual([]);
  });

  it('escalates an error no fixer can handle', async () => {
    const pad = 'export function padding(width) {\n  return new Array(width - 10).fill(0);\n}\n';
    const h = await harness({ 'src/pad.js': pad });
    const event = shopEvent('RangeError', 'Invalid array length', [
      { path: 'src/pad.js', fn: 'padding', line: 2, col: 10, vars: { width: 3 } },
    ]);
    const attempt = await runFixAttempt(h.input(event), h.ports);
    expect(attempt.state).toBe('needs_review');
    expect(attempt.tried.every((t) => t.outcome === 'not_applicable')).toBe(true);
    expect(h.journal.escalations).toHaveLength(1);
    expect(h.journal.escalations[0]?.reason).toContain('no fixer could handle this error');
  });

  it('routes an event without captured arguments to review as no reproduction', async () => {
    const h = await harness(MISSING_IMPORT);
    const event = shopEvent('ReferenceError', 'formatMoney is not defined', [
      { path: 'src/labels.js', fn: 'priceLabel', line: 2, col: 22 },
    ]);
    const attempt = await runFixAttempt(h.input(event), h.ports);
    expect(attempt.state).toBe('needs_review');
    expect(attempt.reason).toContain('no reproduction: the event has no captured arguments');
    expect(h.journal.escalations).toEqual([]);
  });

  it('dry run verifies and shows the diff without committing', async () => {
    const h = await harness(MISSING_IMPORT);
    const attempt = await runFixAttempt(h.input(missingImportEvent()), h.ports, { dryRun: true });
    expect(attempt.state).toBe('needs_review');
    expect(attempt.reason).toContain('dry run: verified');
    expect(attempt.commitPatch?.files.map((f) => f.path)).toEqual([
      'src/labels.js',
      'test/fixloop-issue-42.test.js',
    ]);
    expect(h.repo.remoteHead('fixloop')).toBeNull();
  });

  it('proposes category C fixes to admins only', async () => {
    const h = await harness({
      'src/payments/orders.js': OPTIONAL_CUSTOMER['src/orders.js'],
      'test/orders.test.js': OPTIONAL_CUSTOMER['test/orders.test.js'].replace(
        '../src/orders.js',
        '../src/payments/orders.js',
      ),
    });
    const attempt = await runFixAttempt(h.input(optionalCustomerEvent('src/payments/orders.js')), h.ports, {
      autoCommit: ['A', 'B', 'C'],
      permission: 'MAJOR_FIX',
    });
    expect(attempt).toMatchObject({
      state: 'awaiting_approval',
      approverRole: 'admin',
      candidate: { category: 'C' },
    });
    const member = await approveFixAttempt(attempt, { kind: 'user', userId: 5, role: 'member' }, h.ports);
    expect(member).toMatchObject({ ok: false, code: 'forbidden' });
    const agent = await approveFixAttempt(attempt, { kind: 'agent', name: 'claude' }, h.ports);
    expect(agent).toMatchObject({ ok: false, code: 'forbidden' });
    const admin = await approveFixAttempt(attempt, { kind: 'user', userId: 1, role: 'admin' }, h.ports, {
      botIdentity: BOT,
    });
    expect(admin.ok && admin.record.state).toBe('committed');
    expect(h.repo.remoteHead('main')).toBe(h.baseSha);
  });

  it('records a rejection with its reason and actor; a rejected fix cannot be approved', async () => {
    const h = await harness(OPTIONAL_CUSTOMER);
    const attempt = await runFixAttempt(h.input(optionalCustomerEvent()), h.ports);
    const actor = { kind: 'user' as const, userId: 2, name: 'grace' };
    expect(await rejectFixAttempt(attempt, actor, '  ', h.ports)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    const rejected = await rejectFixAttempt(attempt, actor, 'guests must not be greeted', h.ports);
    if (!rejected.ok) throw new Error(rejected.reason);
    expect(rejected.record.state).toBe('rejected');
    expect(h.journal.transitions.at(-1)).toMatchObject({
      from: 'awaiting_approval',
      to: 'rejected',
      actor,
      reason: 'rejected by user grace: guests must not be greeted',
    });
    expect(await approveFixAttempt(rejected.record, actor, h.ports)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(h.repo.remoteHead('fixloop')).toBeNull();
  });
});
