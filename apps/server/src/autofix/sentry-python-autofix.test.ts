import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeLlmServer, fakeReply } from '@fixloop/llm/testing';
import type { FixJson } from '../testing/autofix-test-shop.ts';
import { missingPythonTools, PYTHON_TEST_COMMAND, PythonTestShop } from '../testing/python-test-shop.ts';
import { createTestUserToken, TestApiClient } from '../testing/test-api-client.ts';

const missing = missingPythonTools();
if (missing)
  console.warn(`\n!!! SKIPPING the sentry-python autofix test: ${missing}; .ci/run installs it.\n`);

const TYPO = 'return format_totl(subtotal, currency)';
const FIX = {
  summary: 'call format_total, the function that exists',
  rootCause: 'order_total calls format_totl, a misspelling of format_total',
  confidence: 0.9,
  edits: [{ path: 'shop/orders.py', find: TYPO, replace: 'return format_total(subtotal, currency)' }],
};
const INVESTIGATION = [
  fakeReply.json({ files: ['shop/orders.py'], reason: 'crash site' }),
  fakeReply.json({ rootCauseSummary: 'misspelled name', detailedAnalysis: 'shop/orders.py:12', affectedComponent: 'orders', errorCategory: 'logic', likelyCauses: ['typo'], suggestedFixes: ['rename'], relatedFiles: ['shop/orders.py'], canAutoFix: true, confidence: 0.9 }), // prettier-ignore
];

type Frame = { function?: string; vars?: Record<string, unknown> };

// The reproduction runs `python3 -m pytest`: on a pyenv machine that would be pyenv's interpreter, so
// pyenv is pointed at the system one the shop's test command names. Without pyenv it changes nothing.
const pyenvVersion = process.env['PYENV_VERSION'];

// One backend: nothing here depends on storage, and the Node autofix tests cover both.
describe.skipIf(missing !== null)('autofix of a crash reported by the real sentry-python', () => {
  let shop: PythonTestShop;
  let llm: FakeLlmServer;
  beforeAll(async () => {
    process.env['PYENV_VERSION'] = 'system';
    llm = await FakeLlmServer.start();
    const chain = [{ provider: 'openai', model: 'gpt-4o', apiKey: 'env:OPENAI_KEY_FOR_TEST', baseUrl: llm.baseUrl }]; // prettier-ignore
    shop = await PythonTestShop.start(
      'sqlite',
      { investigation: { auto: false }, autofix: { maxLlmRounds: 1 } },
      { llm: { enabled: true, chain } },
    );
  });
  afterAll(async () => {
    await shop?.stop();
    await llm?.close();
    if (pyenvVersion === undefined) delete process.env['PYENV_VERSION'];
    else process.env['PYENV_VERSION'] = pyenvVersion;
  });

  it('reproduces the crash from the frame vars with pytest, verifies the fix and commits it once approved', async () => {
    llm.script(...INVESTIGATION, fakeReply.json(FIX));
    const event = await shop.crashService();
    const exception = (event.payload.exception as { values: { type: string; stacktrace: { frames: Frame[] } }[] }).values[0]!; // prettier-ignore
    expect(exception.type).toBe('NameError');
    // The real SDK sends leaves as repr strings and the level past its depth limit as one repr.
    const crashing = exception.stacktrace.frames.find((f) => f.function === 'order_total');
    expect(crashing!.vars).toMatchObject({ currency: "'USD'", order: { id: "'A-1'", lines: [{ qty: '2', options: { gift: "{'wrap': 'red'}" } }] } }); // prettier-ignore

    const [fix] = await shop.settledFixes(event.issueId);
    expect(fix, JSON.stringify(fix)).toMatchObject({ status: 'awaiting_approval', category: 'B', fixer: 'llm:llm', commitSha: null }); // prettier-ignore
    expect(fix!.verification).toMatchObject({ outcome: 'verified', reproducedBefore: true, passedAfter: true, suiteOk: true }); // prettier-ignore
    expect(fix!.verification.log).toContain("name 'format_totl' is not defined");
    expect(fix!.verification.log).toContain(PYTHON_TEST_COMMAND);
    expect(fix!.testFile).toMatch(/^tests\/test_fixloop_issue_\d+\.py$/);
    expect(fix!.testContent).toContain('from shop.orders import order_total');
    expect(fix!.testContent).toContain(`"options": {"gift": {'wrap': 'red'}}`);
    expect(fix!.testContent).toContain("currency='USD'");
    expect(fix!.testContent).toContain('except NameError as error:');
    expect(fix!.diff).toContain(`-    ${TYPO}`);
    expect(llm.remaining).toBe(0);
    expect(shop.repo.remoteHead('fixloop')).toBeNull();

    const { token } = await createTestUserToken(shop.t.fixloop.storage, { organization: 'acme', role: 'member', scopes: ['event:read', 'project:read', 'project:write'] }); // prettier-ignore
    const approved = await new TestApiClient(shop.t.fixloop.url, token).post<FixJson>(`/api/0/fixes/${fix!.id}/approve/`, {}); // prettier-ignore
    expect(approved.body).toMatchObject({ status: 'committed', pushState: 'pushed' });
    const sha = approved.body.commitSha!;
    expect(shop.repo.remoteHead('fixloop')).toBe(sha);
    expect(shop.repo.remoteHead('main')).toBe(shop.mainSha);
    expect(shop.repo.git('-C', shop.repo.remoteDir, 'show', '--name-only', '--format=%P', sha).split('\n').filter(Boolean)).toEqual([shop.mainSha, 'shop/orders.py', fix!.testFile]); // prettier-ignore

    // The committed test fails on main with the event's exception, passes on the fix with the whole suite.
    const test = { path: fix!.testFile!, content: fix!.testContent! };
    const onMain = shop.pytestOn('main', [test.path], test);
    expect(onMain.passed).toBe(false);
    expect(onMain.output).toContain(`Failed: ${exception.type}: name 'format_totl' is not defined`);
    expect(shop.pytestOn('fixloop', [test.path])).toMatchObject({ passed: true });
    const suite = shop.pytestOn('fixloop', []);
    expect(suite.output).toMatch(/\b3 passed\b/);
    expect(suite.passed).toBe(true);
    expect(shop.pytestOn('main', [])).toMatchObject({ passed: true });
  });
});
