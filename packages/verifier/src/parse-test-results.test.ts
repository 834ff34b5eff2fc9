import { describe, expect, it } from 'vitest';
import { parseTestResults } from './parse-test-results.ts';

const sorted = (set: Set<string>) => [...set].sort();

describe('parseTestResults', () => {
  it('reads node:test TAP with nested suites', () => {
    const output = [
      'TAP version 13',
      '# Subtest: cart',
      '    # Subtest: adds',
      '    ok 1 - adds',
      '    # Subtest: fails',
      '    not ok 2 - fails',
      '      ---',
      '      error: x',
      '    # Subtest: inner',
      '        # Subtest: deep',
      '        ok 1 - deep',
      '    ok 3 - inner',
      'not ok 1 - cart',
      '# Subtest: skipped',
      'ok 2 - skipped # SKIP',
      '# Subtest: top',
      'ok 3 - top',
      '1..3',
    ].join('\n');
    const results = parseTestResults(output);
    expect(sorted(results.passed)).toEqual(['cart > adds', 'cart > inner', 'cart > inner > deep', 'top']);
    expect(sorted(results.failed)).toEqual(['cart', 'cart > fails']);
  });

  it('reads the node:test spec reporter', () => {
    const output = [
      '▶ cart',
      '  ✔ adds (0.89ms)',
      '  ✖ fails (0.32ms)',
      '    Error: x',
      '✖ cart (7.1ms)',
      '✔ top (0.2ms)',
      '✖ failing tests:',
    ].join('\n');
    const results = parseTestResults(output);
    expect(sorted(results.passed)).toEqual(['cart > adds', 'top']);
    expect(sorted(results.failed)).toEqual(['cart', 'cart > fails']);
  });

  it('reads Vitest output, colours and durations removed', () => {
    const output = [
      ' \u001b[31m❯\u001b[39m a.test.ts (2 tests | 1 failed) 19ms',
      '   \u001b[32m✓\u001b[39m works\u001b[32m 1\u001b[2mms\u001b[22m\u001b[39m',
      '\u001b[31m   \u001b[31m×\u001b[31m breaks\u001b[39m\u001b[32m 7\u001b[2mms\u001b[22m\u001b[39m',
      '\u001b[41m\u001b[1m FAIL \u001b[22m\u001b[49m a.test.ts\u001b[2m > \u001b[22mbreaks',
    ].join('\n');
    const results = parseTestResults(output);
    expect(sorted(results.failed)).toEqual(['breaks']);
    expect(results.passed.has('works')).toBe(true);
  });

  it('reads Jest failures', () => {
    const output = [
      '  cart',
      '    ✓ adds (3 ms)',
      '    ✕ totals (2 ms)',
      '',
      '  ● cart › totals',
      '',
      '    TypeError: x',
    ].join('\n');
    const results = parseTestResults(output);
    expect(results.failed.has('cart > totals')).toBe(true);
  });

  it('reads pytest verbose lines and the short summary', () => {
    const output = [
      'tests/test_cart.py::test_adds PASSED                                    [ 50%]',
      'tests/test_cart.py::test_totals FAILED                                  [100%]',
      'FAILED tests/test_cart.py::test_totals - TypeError: x',
    ].join('\n');
    const results = parseTestResults(output);
    expect(sorted(results.passed)).toEqual(['tests/test_cart.py::test_adds']);
    expect(sorted(results.failed)).toEqual(['tests/test_cart.py::test_totals']);
  });
});
