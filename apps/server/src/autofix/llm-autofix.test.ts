import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeLlmServer, fakeReply } from '@fixloop/llm/testing';
import { AutofixTestShop, SHOP_CRASHES, waitFor } from '../testing/autofix-test-shop.ts';
import type { FixJson } from '../testing/autofix-test-shop.ts';
import { TEST_BACKENDS } from '../testing/test-fixloop.ts';

const THROW_LINE = "throw new RangeError('not enough stock');";
/** Plausible: the crash is gone, but `reserve` now returns 0 for everything, which the suite catches. */
const BREAKS_SUITE = {
  summary: 'never throw when reserving',
  rootCause: 'reserve throws when the stock is short',
  confidence: 0.6,
  edits: [{ path: 'src/stock.js', find: `  if (qty > stock.available) ${THROW_LINE}\n  return stock.available - qty;`, replace: '  return 0;' }], // prettier-ignore
};
const CLAMPS = {
  summary: 'reserve nothing when the stock is short',
  rootCause: 'reserve throws instead of reserving nothing',
  confidence: 0.8,
  edits: [{ path: 'src/stock.js', find: THROW_LINE, replace: 'return 0;' }],
};

/** The investigation the runner does first (two LLM calls), then one reply per fixer round. */
function investigationReplies() {
  return [
    fakeReply.json({ files: ['src/stock.js'], reason: 'crash site' }),
    fakeReply.json({ rootCauseSummary: 'reserve throws on short stock', detailedAnalysis: 'src/stock.js:2', affectedComponent: 'stock', errorCategory: 'logic', likelyCauses: ['overbooking'], suggestedFixes: ['clamp'], relatedFiles: ['src/stock.js'], canAutoFix: true, confidence: 0.6 }), // prettier-ignore
  ];
}

describe.each(TEST_BACKENDS)('the LLM fixer, verified in a worktree (%s)', (backend) => {
  let shop: AutofixTestShop;
  let llm: FakeLlmServer;
  beforeAll(async () => {
    llm = await FakeLlmServer.start();
    shop = await AutofixTestShop.start(backend, {
      env: { OPENAI_KEY_FOR_TEST: 'sk-test' },
      project: { investigation: { auto: false }, autofix: { maxLlmRounds: 2 } },
      config: {
        llm: {
          enabled: true,
          chain: [{ provider: 'openai', model: 'gpt-4o', apiKey: 'env:OPENAI_KEY_FOR_TEST', baseUrl: llm.baseUrl }], // prettier-ignore
        },
      },
    });
  });
  afterAll(async () => {
    await shop.stop();
    await llm.close();
  });

  const fixRequests = () =>
    llm.requests.filter((r) => r.rawBody.includes('reproduction') && r.rawBody.includes('edits'));

  it('never commits a patch that fails verification: the attempt goes to review with its diff', async () => {
    llm.script(...investigationReplies(), fakeReply.json(BREAKS_SUITE), fakeReply.json(BREAKS_SUITE));
    const issueId = await shop.ingest(SHOP_CRASHES.overbooked());
    const [fix] = await shop.settledFixes(issueId);
    expect(llm.remaining).toBe(0);
    expect(fix).toMatchObject({ status: 'needs_review', fixer: 'llm:llm', commitSha: null });
    expect(fix!.verification).toMatchObject({ outcome: 'suite_regressed', reproducedBefore: true, passedAfter: true, suiteOk: false }); // prettier-ignore
    expect(fix!.diff).toContain('+  return 0;');
    expect(fix!.reason).toContain('no candidate passed verification');
    expect(shop.repo.remoteHead('fixloop')).toBeNull();
    expect(shop.repo.remoteHead('main')).toBe(shop.mainSha);
    // The second round was told why the first one failed.
    expect(fixRequests()).toHaveLength(2);
    expect(fixRequests()[1]!.rawBody).toContain('suite_regressed');
  });

  it('verifies a later round and leaves the LLM fix (category B) for approval; rejecting commits nothing', async () => {
    llm.requests.length = 0;
    llm.script(fakeReply.json(BREAKS_SUITE), fakeReply.json(CLAMPS));
    const issueId = await lastIssue(shop);
    const [previous] = await shop.fixesOf(issueId);
    const retry = await shop.api.post<FixJson>(`/api/0/fixes/${previous!.id}/retry/`, {});
    expect(retry.status).toBe(202);
    const [fix] = await shop.settledFixes(issueId);
    expect(fix).toMatchObject({ id: previous!.id, status: 'awaiting_approval', category: 'B', fixer: 'llm:llm', commitSha: null }); // prettier-ignore
    expect(fix!.diff).toContain('+  if (qty > stock.available) return 0;');
    expect(fix!.verification.outcome).toBe('verified');
    expect(shop.repo.remoteHead('fixloop')).toBeNull();

    const noReason = await shop.api.post(`/api/0/fixes/${fix!.id}/reject/`, { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ errors: { reason: [expect.any(String)] } });
    const rejected = await shop.api.post<FixJson>(`/api/0/fixes/${fix!.id}/reject/`, { reason: 'we want a 409 instead' }); // prettier-ignore
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.approvals).toEqual([expect.objectContaining({ decision: 'rejected', reason: expect.stringContaining('we want a 409 instead') })]); // prettier-ignore
    expect(shop.repo.remoteHead('fixloop')).toBeNull();
  });

  it('stops a running attempt at its next step once the project switch is turned off', async () => {
    llm.requests.length = 0;
    llm.script(fakeReply.json(CLAMPS, { delayMs: 1500 }));
    const issueId = await lastIssue(shop);
    const [previous] = await shop.fixesOf(issueId);
    expect((await shop.api.post(`/api/0/fixes/${previous!.id}/retry/`, {})).status).toBe(202);
    await waitFor(
      'the fix request',
      async () => fixRequests().length,
      (n) => n === 1,
    );
    const off = await shop.api.put('/api/0/projects/acme/shop/autofix/', { enabled: false });
    expect(off.status).toBe(200);
    const [fix] = await shop.settledFixes(issueId);
    expect(fix).toMatchObject({ id: previous!.id, status: 'failed', commitSha: null });
    expect(fix!.reason).toContain('stopped before verification');
    expect(fix!.events.at(-1)).toMatchObject({ state: 'failed', from: 'verifying' });
    expect(shop.repo.remoteHead('fixloop')).toBeNull();
    expect((await shop.api.put('/api/0/projects/acme/shop/autofix/', { enabled: true })).status).toBe(200);
  });

  it('verifies and keeps the stronger test the LLM wrote with its fix', async () => {
    const improved = [
      "import assert from 'node:assert/strict';",
      "import { test } from 'node:test';",
      "import { reserve } from '../src/stock.js';",
      "test('reserves nothing when the stock is short', () => assert.equal(reserve({ available: 2 }, 5), 0));",
      '',
    ].join('\n');
    llm.script(fakeReply.json({ ...CLAMPS, test: improved }));
    const issueId = await lastIssue(shop);
    const [previous] = await shop.fixesOf(issueId);
    expect((await shop.api.post(`/api/0/fixes/${previous!.id}/retry/`, {})).status).toBe(202);
    const [fix] = await shop.settledFixes(issueId);
    expect(fix).toMatchObject({ status: 'awaiting_approval', testContent: improved });
    expect(fix!.diff).toContain("+test('reserves nothing when the stock is short'");
    expect(fix!.verification).toMatchObject({
      outcome: 'verified',
      reproducedBefore: true,
      passedAfter: true,
    });
    expect(shop.testPassesOn('main', fix!.testFile!, improved)).toBe(false);
  });
});

async function lastIssue(shop: AutofixTestShop): Promise<number> {
  const { issues } = await shop.t.fixloop.storage.issues.listIssues({ projectIds: [shop.projectId], sort: 'date', limit: 1, offset: 0 }); // prettier-ignore
  return issues[0]!.id;
}
