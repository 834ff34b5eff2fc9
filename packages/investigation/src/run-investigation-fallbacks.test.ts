import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { fixedClock } from '@fixloop/core';
import { BuiltinCodeSearch, GitCliWorkspace } from '@fixloop/git';
import { TestRepository, tempDir } from '@fixloop/git/test-repository';
import type { InvestigationAnalyzer, InvestigationEvent } from './investigation-analyzer.ts';
import { renderReportMarkdown } from './report/render-report-markdown.ts';
import { runInvestigation } from './run-investigation.ts';

const day = (n: number) => new Date(Date.UTC(2026, 4, n, 9));
const issue = {
  id: 11,
  title: "AttributeError: 'NoneType' object has no attribute 'price'",
  culprit: 'app.services.cart in apply_discount',
  metadata: { type: 'AttributeError' },
  firstSeen: day(20),
  firstRelease: 'shop@1.1.0',
};

/** sentry-python style: module + relative filename + abs_path, crashing frame last. */
function pythonEvent(): InvestigationEvent {
  const frame = (module: string, file: string, fn: string, lineno: number, context: string) => ({
    module, filename: file, abs_path: `/srv/shop/${file}`, function: fn, lineno, context_line: context, in_app: true,
  }); // prettier-ignore
  return {
    eventId: 'b'.repeat(32),
    release: null,
    title: issue.title,
    message: '',
    culprit: issue.culprit,
    metadata: { type: 'AttributeError' },
    payload: {
      platform: 'python',
      exception: {
        values: [
          {
            type: 'AttributeError',
            stacktrace: {
              frames: [
                frame('app.api', 'app/api.py', 'checkout', 3, 'return apply_discount(cart, code)'),
                frame(
                  'app.services.cart',
                  'app/services/cart.py',
                  'apply_discount',
                  3,
                  'return cart.total - coupon.price',
                ),
              ],
            },
          },
        ],
      },
    },
  };
}

describe('runInvestigation for Python, without a repository, and with an analyzer', () => {
  let repo: TestRepository;
  let bug: string;
  let late: string;
  let dataDir: string;
  let git: GitCliWorkspace;

  beforeAll(() => {
    repo = TestRepository.create('main');
    repo.write('app/__init__.py', '').write('app/services/__init__.py', '');
    repo.write(
      'app/services/cart.py',
      'def apply_discount(cart, code):\n    coupon = find(code)\n    return cart.total\n',
    );
    repo.write(
      'app/api.py',
      'from app.services.cart import apply_discount\ndef checkout(cart, code):\n    return apply_discount(cart, code)\n',
    );
    repo.commit('api', { date: day(1) });
    repo.write(
      'app/services/cart.py',
      'def apply_discount(cart, code):\n    coupon = find(code)\n    return cart.total - coupon.price\n',
    );
    bug = repo.commit('discounts', { date: day(15) });
    repo.git('tag', 'v1.1.0');
    repo.write(
      'app/services/cart.py',
      'def apply_discount(cart, code):\n    coupon = find(code)\n    return cart.total - coupon.price  # TODO\n',
    );
    late = repo.commit('todo', { date: day(16) });
    dataDir = tempDir();
    git = new GitCliWorkspace({ dataDir, settings: { url: repo.dir } });
  });
  afterAll(() => {
    repo.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('maps module paths and demotes commits missing from the first release', async () => {
    const { report } = await runInvestigation(
      { issue, event: pythonEvent(), settings: { url: repo.dir } },
      { git, codeSearch: new BuiltinCodeSearch(), clock: fixedClock(day(21)) },
    );
    expect(report.frames.map((f) => [f.repoPath, f.mapping.rule])).toEqual([
      ['app/services/cart.py', 'python-module'],
      ['app/api.py', 'python-module'],
    ]);
    expect(report.culprit).toMatchObject({ line: 3, lineCheck: 'mismatch' });
    expect(report.suspectCommits[0]).toMatchObject({ sha: bug, touchesCrashLine: true });
    expect(report.suspectCommits[0]?.reasons[0]).toBe(
      'git blame: last changed the crashing line app/services/cart.py:3 (+0.50)',
    );
    const demoted = report.suspectCommits.find((c) => c.sha === late);
    expect(demoted?.reasons.at(-1)).toBe('not part of the first release shop@1.1.0 (score ×0.05)');
    expect(demoted?.score).toBeLessThan(0.05);
    expect(report.relatedCode?.hits).toContainEqual(
      expect.objectContaining({ kind: 'definition', path: 'app/services/cart.py', line: 1 }),
    );
  });

  it('hands the evidence to an analyzer, which may read files, and keeps its answer', async () => {
    const seen: string[] = [];
    const analyzer: InvestigationAnalyzer = {
      name: 'scripted',
      async analyze(context) {
        seen.push((await context.readFile('app/services/cart.py')) ?? 'missing');
        seen.push(String(await context.readFile('nope.py')));
        return {
          by: 'scripted',
          rootCause: 'find() returns None for unknown codes.',
          confidence: 0.9,
          suggestedFixes: ['Guard coupon'],
        };
      },
    };
    const { report } = await runInvestigation(
      { issue, event: pythonEvent(), settings: { url: repo.dir } },
      { git, analyzer },
    );
    expect(seen[0]).toContain('coupon.price');
    expect(seen[1]).toBe('null');
    expect(report.summary.startsWith('find() returns None for unknown codes.')).toBe(true);
    expect(report.confidence.reasons.at(-1)).toContain('analysis');
    expect(renderReportMarkdown(report)).toContain('### Analysis (scripted)');
  });

  it('turns a failing analyzer or an unreachable repository into warnings, not failures', async () => {
    const broken: InvestigationAnalyzer = {
      name: 'down',
      analyze: () => Promise.reject(new Error('model unavailable')),
    };
    const missing = new GitCliWorkspace({
      dataDir: tempDir(),
      settings: { url: `${repo.dir}-missing` },
      timeouts: { remoteMs: 10_000 },
    });
    const { report, cacheKey } = await runInvestigation(
      {
        issue,
        event: pythonEvent(),
        settings: { url: `${repo.dir}-missing` },
        resolvedIssues: [{ id: 3, title: issue.title, culprit: issue.culprit, type: 'AttributeError' }],
      },
      { git: missing, analyzer: broken },
    );
    expect(report.warnings.map((w) => w.split(':')[0])).toEqual(['repository', 'analysis']);
    expect(report.analysis).toBeNull();
    expect(report.similarIssues.map((s) => s.id)).toEqual([3]);
    expect(cacheKey).toBe('11:no-repository');
  });

  it('works with no repository at all', async () => {
    const { report } = await runInvestigation({ issue, event: null, settings: null }, {});
    expect(report.summary).toContain('No repository is connected');
    expect(report.confidence.score).toBe(0.1);
    expect(renderReportMarkdown(report)).toContain('without an LLM');
  });
});
