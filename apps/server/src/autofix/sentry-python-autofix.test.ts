import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeLlmServer, fakeReply } from '@fixloop/llm/testing';
import type { FixJson } from '../testing/autofix-test-shop.ts';
import {
  missingPythonTools,
  PYTHON,
  PYTHON_SHOP_CRASHES,
  PYTHON_TEST_COMMAND,
  PythonTestShop,
} from '../testing/python-test-shop.ts';
import { createTestUserToken, TestApiClient } from '../testing/test-api-client.ts';

const missing = missingPythonTools();
if (missing)
  console.warn(`\n!!! SKIPPING the sentry-python autofix test: ${missing}; .ci/run installs it.\n`);

const TYPO = 'return format_totl(subtotal, currency)';
const RENAME = {
  summary: 'call format_total, the function that exists',
  rootCause: 'order_total calls format_totl, a misspelling of format_total',
  confidence: 0.9,
  edits: [{ path: 'shop/orders.py', find: TYPO, replace: 'return format_total(subtotal, currency)' }],
};
const LOOKUP = 'rates = [RATES[code.upper()] for code in codes]';
const NO_RATE_FOR_UNKNOWN = {
  summary: 'an unknown code gives no discount',
  rootCause: 'apply_discounts looks every code up in RATES, which has no entry for unknown codes',
  confidence: 0.8,
  edits: [{ path: 'shop/discounts.py', find: LOOKUP, replace: 'rates = [RATES.get(code.upper(), 0.0) for code in codes]' }], // prettier-ignore
};

/** The investigation the runner does first (two LLM calls), then the fixer's one round. */
function replies(path: string, fix: unknown) {
  return [
    fakeReply.json({ files: [path], reason: 'crash site' }),
    fakeReply.json({ rootCauseSummary: 'bug', detailedAnalysis: path, affectedComponent: 'shop', errorCategory: 'logic', likelyCauses: ['bug'], suggestedFixes: ['fix'], relatedFiles: [path], canAutoFix: true, confidence: 0.9 }), // prettier-ignore
    fakeReply.json(fix),
  ];
}

type Frame = { function?: string; vars?: Record<string, unknown> };
type Exception = { type: string; value: string; stacktrace: { frames: Frame[] } };

// One backend: nothing here depends on storage, and the Node autofix tests cover both.
describe.skipIf(missing !== null)('autofix of a crash reported by the real sentry-python', () => {
  let shop: PythonTestShop;
  let llm: FakeLlmServer;
  let member: TestApiClient;
  beforeAll(async () => {
    llm = await FakeLlmServer.start();
    const chain = [{ provider: 'openai', model: 'gpt-4o', apiKey: 'env:OPENAI_KEY_FOR_TEST', baseUrl: llm.baseUrl }]; // prettier-ignore
    shop = await PythonTestShop.start(
      'sqlite',
      { investigation: { auto: false }, autofix: { maxLlmRounds: 1 } },
      { llm: { enabled: true, chain } },
    );
    const { token } = await createTestUserToken(shop.t.fixloop.storage, { organization: 'acme', role: 'member', scopes: ['event:read', 'project:read', 'project:write'] }); // prettier-ignore
    member = new TestApiClient(shop.t.fixloop.url, token);
  });
  afterAll(async () => {
    await shop?.stop();
    await llm?.close();
  });

  /**
   * Crashes the service, waits for the verified LLM fix, approves it as a member and checks the commit on
   * the remote: parent, files, and its test failing on main with the event's exception while the fix
   * branch passes it and the whole suite (`tests` of them). Returns the fix and the event's exception.
   */
  async function fixAndApprove(crash: keyof typeof PYTHON_SHOP_CRASHES, path: string, tests: number) {
    const parent = shop.repo.remoteHead('fixloop') ?? shop.mainSha;
    const event = await shop.crashService(PYTHON_SHOP_CRASHES[crash]);
    const exception = (event.payload.exception as { values: Exception[] }).values[0]!;
    const [fix] = await shop.settledFixes(event.issueId);
    expect(fix, JSON.stringify(fix)).toMatchObject({ status: 'awaiting_approval', category: 'B', fixer: 'llm:llm', commitSha: null }); // prettier-ignore
    expect(fix!.verification).toMatchObject({ outcome: 'verified', reproducedBefore: true, passedAfter: true, suiteOk: true }); // prettier-ignore
    expect(fix!.verification.log).toContain(PYTHON_TEST_COMMAND);
    // The reproduction runs on the interpreter the test command names, not on whichever python3 is on PATH.
    expect(fix!.verification.log).toContain(`${PYTHON} -m pytest -q ${fix!.testFile}`);
    expect(fix!.testFile).toMatch(/^tests\/test_fixloop_issue_\d+\.py$/);
    expect(llm.remaining).toBe(0);
    expect(shop.repo.remoteHead('fixloop')).toBe(parent === shop.mainSha ? null : parent);

    const approved = await member.post<FixJson>(`/api/0/fixes/${fix!.id}/approve/`, {});
    expect(approved.body).toMatchObject({ status: 'committed', pushState: 'pushed' });
    const sha = approved.body.commitSha!;
    expect(shop.repo.remoteHead('fixloop')).toBe(sha);
    expect(shop.repo.remoteHead('main')).toBe(shop.mainSha);
    const commit = shop.repo.git('-C', shop.repo.remoteDir, 'show', '--name-only', '--format=%P', sha);
    expect(commit.split('\n').filter(Boolean)).toEqual([parent, path, fix!.testFile]);

    const test = { path: fix!.testFile!, content: fix!.testContent! };
    const onMain = shop.pytestOn('main', [test.path], test);
    expect(onMain.passed).toBe(false);
    expect(onMain.output).toContain(`Failed: ${exception.type}: ${exception.value}`);
    expect(shop.pytestOn('fixloop', [test.path])).toMatchObject({ passed: true });
    const suite = shop.pytestOn('fixloop', []);
    expect(suite.output).toContain(`${tests} passed`);
    expect(suite.passed).toBe(true);
    return { fix: fix!, exception };
  }

  it('rebuilds arguments past the SDK depth limit, verifies the fix and commits it once approved', async () => {
    llm.script(...replies('shop/orders.py', RENAME));
    const { fix, exception } = await fixAndApprove('misspelledName', 'shop/orders.py', 4);
    expect(exception).toMatchObject({ type: 'NameError', value: "name 'format_totl' is not defined" });
    // The real SDK sends leaves as repr strings and the level past its depth limit as one repr.
    const crashing = exception.stacktrace.frames.find((f) => f.function === 'order_total');
    expect(crashing!.vars).toMatchObject({ currency: "'USD'", order: { id: "'A-1'", lines: [{ qty: '2', options: { gift: "{'wrap': 'red'}" } }] } }); // prettier-ignore
    expect(fix.testContent).toContain('from shop.orders import order_total');
    expect(fix.testContent).toContain(`"options": {"gift": {'wrap': 'red'}}`);
    expect(fix.testContent).toContain("currency='USD'");
    expect(fix.testContent).toContain('except NameError as error:');
    expect(fix.diff).toContain(`-    ${TYPO}`);
    expect(shop.pytestOn('main', [])).toMatchObject({ passed: true });
  });

  it('runs a crashed async function with its captured *args and keyword-only argument', async () => {
    llm.script(...replies('shop/discounts.py', NO_RATE_FOR_UNKNOWN));
    const { fix, exception } = await fixAndApprove('unknownCode', 'shop/discounts.py', 5);
    expect(exception).toMatchObject({ type: 'KeyError', value: "'WINTER'" });
    expect(fix.testContent).toContain("asyncio.run(apply_discounts(100, *['summer', 'winter'], cap=0.3))");
    expect(fix.testContent).toContain('except KeyError as error:');
  });
});
