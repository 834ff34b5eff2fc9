import { describe, expect, it } from 'vitest';
import { toFix } from './to-fix.ts';
import type { FixJson } from './to-fix.ts';

const json: FixJson = {
  id: '7',
  issue: { id: '3', shortId: 'SHOP-3', title: 'TypeError: boom' },
  title: 'Guard order.customer in src/greeting.js',
  status: 'rolled_back',
  fixer: 'optional-guard',
  explanation: null,
  reason: 'rolled back by ada: breaks checkout',
  diff: null,
  testFile: 'test/fixloop-7.test.js',
  testContent: 'test()',
  verification: {
    outcome: 'verified',
    reproducedBefore: true,
    passedAfter: true,
    suiteOk: true,
    log: 'ok 1',
  },
  commitSha: 'a'.repeat(40),
  branch: 'fixloop',
  branchUrl: null,
  rollbackSha: 'b'.repeat(40),
  events: [{ state: 'rolled_back', actor: { type: 'user', id: '2', name: 'ada' }, at: '2026-12-06T00:00:00.000Z', note: 'breaks checkout' }], // prettier-ignore
  dateCreated: '2026-12-06T00:00:00.000Z',
  dateUpdated: '2026-12-06T00:00:00.000Z',
};

describe('toFix', () => {
  it('maps the server fix JSON onto what the fix views read', () => {
    const fix = toFix(json);
    expect(fix).toMatchObject({
      source: 'rule',
      explanation: json.reason,
      diff: '',
      test: { path: 'test/fixloop-7.test.js', code: 'test()' },
      commit: { sha: json.commitSha, branch: 'fixloop', rollbackSha: json.rollbackSha },
      audit: [{ action: 'rolled_back', actor: { id: '2', name: 'ada' }, note: 'breaks checkout' }],
    });
    expect(fix.verification.map((s) => [s.phase, s.passed])).toEqual([
      ['before', false],
      ['after', true],
    ]);
    expect(fix.verification[1]!.output).toContain('ok 1');
  });

  it('knows LLM fixers, an unverified fix and an uncommitted one', () => {
    const fix = toFix({ ...json, fixer: 'llm:claude', commitSha: null, verification: { ...json.verification, outcome: null } }); // prettier-ignore
    expect(fix).toMatchObject({ source: 'ai', commit: null, verification: [] });
  });
});
