import { DEFAULT_POLICY_RULES } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { buildFixPatch } from '../source/build-fix-patch.ts';
import { categorizePatch } from './categorize-patch.ts';
import { decideFixAction } from './decide-fix-action.ts';
import { globPattern } from './glob-pattern.ts';

const typo = { category: 'A' as const, reasons: ['corrects a misspelled name'] };

function change(path: string, before: string, after: string) {
  return buildFixPatch([{ path, before, after }]);
}

describe('globPattern', () => {
  it('matches folders, names anywhere and alternatives', () => {
    expect(globPattern('**/migrations/**').test('db/migrations/001.sql')).toBe(true);
    expect(globPattern('**/migrations/**').test('migrations/001.sql')).toBe(true);
    expect(globPattern('*.tsx').test('src/ui/Button.tsx')).toBe(true);
    expect(globPattern('src/*.js').test('src/a/b.js')).toBe(false);
    expect(globPattern('*.{yml,yaml}').test('.github/ci.yaml')).toBe(true);
  });
});

describe('categorizePatch with the seed rules', () => {
  it('keeps a typo fix in plain library code at A', () => {
    const patch = change('src/lib/money.js', 'a(x)\n', 'b(x)\n');
    expect(categorizePatch(patch, typo, DEFAULT_POLICY_RULES).category).toBe('A');
  });

  it('raises API and service code to B and UI, payments, auth, schema and config to C', () => {
    expect(
      categorizePatch(change('src/api/orders.js', 'a\n', 'b\n'), typo, DEFAULT_POLICY_RULES).category,
    ).toBe('B');
    for (const path of [
      'src/components/Cart.jsx',
      'src/payments/charge.js',
      'src/auth/login.js',
      'db/migrations/002.js',
      'config/app.json',
      '.env',
    ]) {
      expect(categorizePatch(change(path, 'a\n', 'b\n'), typo, DEFAULT_POLICY_RULES).category, path).toBe(
        'C',
      );
    }
  });

  it('reads changed lines for content rules, and ignores the reproduction test', () => {
    const stripe = change('src/lib/checkout.js', 'x\n', 'stripe.charges.create(x)\n');
    const result = categorizePatch(stripe, typo, DEFAULT_POLICY_RULES);
    expect(result.category).toBe('C');
    expect(result.reasons[1]).toContain('payments');
    const test = buildFixPatch([
      { path: 'test/fixloop-issue-1.test.js', before: null, after: 'process.env.X\n' },
    ]);
    expect(categorizePatch(test, typo, DEFAULT_POLICY_RULES, ['test/fixloop-issue-1.test.js']).category).toBe(
      'A',
    );
  });

  it('never lowers the fixer category', () => {
    const guard = { category: 'B' as const, reasons: ['adds a guard'] };
    expect(categorizePatch(change('src/lib/x.js', 'a\n', 'b\n'), guard, []).category).toBe('B');
  });
});

describe('decideFixAction', () => {
  it('commits A, waits on B, proposes C to admins', () => {
    expect(decideFixAction('A', 'MINOR_FIX').action).toBe('commit');
    expect(decideFixAction('B', 'MAJOR_FIX')).toMatchObject({
      action: 'await_approval',
      approverRole: 'member',
    });
    expect(decideFixAction('C', 'MAJOR_FIX', { autoCommit: ['A', 'B', 'C'] })).toMatchObject({
      action: 'await_approval',
      approverRole: 'admin',
    });
  });

  it('caps by the agent permission', () => {
    expect(decideFixAction('A', 'SUGGEST').action).toBe('await_approval');
    expect(decideFixAction('A', 'READ_ONLY').action).toBe('not_allowed');
    expect(decideFixAction('B', 'MINOR_FIX', { autoCommit: ['A', 'B'] }).action).toBe('await_approval');
    expect(decideFixAction('B', 'MAJOR_FIX', { autoCommit: ['A', 'B'] }).action).toBe('commit');
  });
});
