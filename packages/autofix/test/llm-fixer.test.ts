import { afterEach, describe, expect, it } from 'vitest';
import { FallbackLlmClient, InMemoryLlmUsageLedger } from '@fixloop/llm';
import { fakeReply, FakeLlmServer } from '@fixloop/llm/testing';
import { runFixAttempt } from '../src/index.ts';
import { autofixHarness, type AutofixHarness } from './support/autofix-harness.ts';
import { SHOP_BASE, shopEvent } from './support/shop-app.ts';

const PAD = 'export function padding(width) {\n  return new Array(width - 10).fill(0);\n}\n';
const event = shopEvent('RangeError', 'Invalid array length', [
  { path: 'src/pad.js', fn: 'padding', line: 2, col: 10, vars: { width: 3 } },
]);

const IMPROVED_TEST = `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { padding } from '../src/pad.js';

test('issue SHOP-42: padding() of a narrow width is empty', () => {
  assert.doesNotThrow(() => padding(3), RangeError);
  assert.deepEqual(padding(3), []);
});
`;

let fake: FakeLlmServer | null = null;
const harnesses: AutofixHarness[] = [];
afterEach(async () => {
  harnesses.splice(0).forEach((h) => h.cleanup());
  await fake?.close();
});

async function setup() {
  const h = await autofixHarness({ ...SHOP_BASE, 'src/pad.js': PAD }, process.env);
  harnesses.push(h);
  fake = await FakeLlmServer.start();
  const llm = new FallbackLlmClient({
    chain: [
      { provider: 'openai-compatible', baseUrl: fake.baseUrl, model: 'fix-model', structuredOutputs: true },
    ],
    ledger: new InMemoryLlmUsageLedger(),
    maxRetries: 0,
    monthlyBudgetUsd: null,
  });
  return { h, fake, ports: { ...h.ports, llm } };
}

describe('the LLM fixer through the LlmClient port', () => {
  it('gets the previous verification failure in its next round, and its verified fix waits for approval', async () => {
    const { h, fake, ports } = await setup();
    fake.script(
      fakeReply.json({
        summary: 'shrink the margin',
        rootCause: 'width below 10',
        confidence: 0.4,
        edits: [{ path: 'src/pad.js', find: 'width - 10', replace: 'width - 9' }],
      }),
      fakeReply.json({
        summary: 'clamp at zero',
        rootCause: 'width can be below 10',
        confidence: 0.8,
        edits: [
          {
            path: 'src/pad.js',
            find: 'new Array(width - 10)',
            replace: 'new Array(Math.max(0, width - 10))',
          },
        ],
        test: IMPROVED_TEST,
      }),
    );
    const attempt = await runFixAttempt(h.input(event), ports, {
      llm: { agentName: 'claude', permission: 'MAJOR_FIX', maxRounds: 3 },
    });
    expect(attempt.tried.filter((t) => t.fixer === 'llm:claude').map((t) => t.outcome)).toEqual([
      'fix_failed',
      'verified',
    ]);
    expect(fake.requests).toHaveLength(2);
    const first = fake.requests[0]?.rawBody ?? '';
    expect(first).toContain('Invalid array length');
    expect(first).toContain('export function padding(width)');
    const second = fake.requests[1]?.rawBody ?? '';
    expect(second).toContain('Your previous fix failed verification');
    expect(second).toContain('fix_failed: the reproduction test still fails with the fix');
    expect(attempt.state).toBe('awaiting_approval');
    expect(attempt.candidate).toMatchObject({ fixer: 'llm:claude', category: 'B', confidence: 0.8 });
    expect(attempt.commitPatch?.files.find((f) => f.path === 'test/fixloop-issue-42.test.js')?.after).toBe(
      IMPROVED_TEST,
    );
    expect(h.repo.remoteHead('fixloop')).toBeNull();
  });

  it('skips an answer whose edits do not apply, and stops after its rounds', async () => {
    const { h, fake, ports } = await setup();
    fake.script(
      fakeReply.json({
        summary: 's',
        rootCause: 'r',
        confidence: 0.5,
        edits: [{ path: 'src/pad.js', find: 'not in the file', replace: 'x' }],
      }),
      fakeReply.json({
        summary: 's',
        rootCause: 'r',
        confidence: 0.5,
        edits: [{ path: 'test/fixloop-issue-42.test.js', find: '', replace: 'cheat' }],
      }),
    );
    const attempt = await runFixAttempt(h.input(event), ports, {
      llm: { agentName: 'claude', permission: 'SUGGEST', maxRounds: 2 },
    });
    const llmTries = attempt.tried.filter((t) => t.fixer === 'llm:claude');
    expect(llmTries.map((t) => t.outcome)).toEqual(['no_proposal', 'no_proposal']);
    expect(llmTries[0]?.reason).toContain('occurs 0 times');
    expect(llmTries[1]?.reason).toContain('is the reproduction test');
    expect(fake.requests[1]?.rawBody).toContain('your answer could not be used');
    expect(attempt.state).toBe('needs_review');
    expect(h.journal.escalations).toHaveLength(1);
  });

  it('is not asked when its agent may not propose fixes', async () => {
    const { h, fake, ports } = await setup();
    const attempt = await runFixAttempt(h.input(event), ports, {
      llm: { agentName: 'claude', permission: 'READ_ONLY' },
    });
    expect(fake.requests).toHaveLength(0);
    expect(attempt.tried.some((t) => t.fixer.startsWith('llm:'))).toBe(false);
  });
});
