import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { fixedClock, type Issue } from '@fixloop/core';
import { BuiltinCodeSearch, GitCliWorkspace } from '@fixloop/git';
import { TestRepository, tempDir } from '@fixloop/git/test-repository';
import type { InvestigationEvent } from './investigation-analyzer.ts';
import { renderReportMarkdown } from './report/render-report-markdown.ts';
import { runInvestigation } from './run-investigation.ts';

const day = (n: number) => new Date(Date.UTC(2026, 2, n, 9));
const CART_V1 = [
  'export function total(cart) {',
  '  let sum = 0;',
  '  for (const item of cart.items) {',
  '    sum += item.price * item.quantity;',
  '  }',
  '  return sum;',
  '}',
  '',
];
const BUG_LINE = '    sum += item.price * item.quantity - item.discount.amount;';
const RUNBOOK_NULL = `---\npatterns: ["Cannot read properties of undefined"]\npriority: 5\nauto_link: true\n---\n# Null references\n`;
const RUNBOOK_TYPE = `---\npatterns: ["/^TypeError$/"]\npriority: 1\nauto_link: false\n---\n# Type errors\n`;
const RUNBOOK_DB = `---\npatterns: [ECONNREFUSED]\npriority: 9\n---\n# Database down\n`;

/** A small shop with history: innocent change, the bug, unrelated noise, and a change after firstSeen. */
function buildShop(): { repo: TestRepository; shas: Record<string, string> } {
  const repo = TestRepository.create('main');
  const ann = { name: 'Ann', email: 'ann@example.com' };
  const bob = { name: 'Bob', email: 'bob@example.com' };
  repo.write('src/cart.js', CART_V1.join('\n'));
  repo.write(
    'src/checkout.js',
    "import { total } from './cart.js';\n\nexport function checkout(cart) {\n  return { amount: total(cart) };\n}\n",
  );
  repo.write(
    'src/server.js',
    "import { checkout } from './checkout.js';\nexport const handle = (req) => checkout(req.body.cart);\n",
  );
  repo.write('runbooks/null-reference.md', RUNBOOK_NULL).write('runbooks/type-errors.md', RUNBOOK_TYPE);
  repo.write('runbooks/database.md', RUNBOOK_DB).write('runbooks/README.md', '# Runbooks\n');
  const shas: Record<string, string> = {
    initial: repo.commit('initial shop', { date: day(1), author: bob }),
  };
  repo.write(
    'src/cart.js',
    [...CART_V1.slice(0, 7), '', 'export const formatPrice = (n) => `$${n.toFixed(2)}`;', ''].join('\n'),
  );
  shas.innocent = repo.commit('add formatPrice', { date: day(5), author: bob });
  repo.write(
    'src/cart.js',
    [
      ...CART_V1.slice(0, 3),
      BUG_LINE,
      ...CART_V1.slice(4, 7),
      '',
      'export const formatPrice = (n) => `$${n.toFixed(2)}`;',
      '',
    ].join('\n'),
  );
  shas.bug = repo.commit('apply item discounts', { date: day(10), author: ann });
  repo.write('src/inventory.js', 'export const stock = new Map();\n').write('README.md', '# shop\n');
  shas.noise = repo.commit('inventory module', { date: day(11), author: bob });
  repo.git('tag', 'v1.1.0');
  const cart = [
    ...CART_V1.slice(0, 2),
    '  // TODO: validate items',
    '  for (const item of cart.items ?? []) {',
    BUG_LINE,
    ...CART_V1.slice(4, 7),
    '',
  ];
  repo.write('src/cart.js', cart.join('\n'));
  shas.afterFirstSeen = repo.commit('tolerate missing items', { date: day(13), author: bob });
  return { repo, shas };
}

function nodeEvent(release: string | null): InvestigationEvent {
  const frame = (file: string, fn: string, lineno: number, context: string, inApp = true) => ({
    filename: file, abs_path: file, function: fn, lineno, colno: 20, in_app: inApp, context_line: context,
  }); // prettier-ignore
  return {
    eventId: 'a'.repeat(32),
    release,
    title: "TypeError: Cannot read properties of undefined (reading 'amount')",
    message: '',
    culprit: 'total(src/cart)',
    metadata: { type: 'TypeError', value: "Cannot read properties of undefined (reading 'amount')" },
    payload: {
      platform: 'node',
      exception: {
        values: [
          {
            type: 'TypeError',
            value: "Cannot read properties of undefined (reading 'amount')",
            stacktrace: {
              frames: [
                frame(
                  '/app/node_modules/express/lib/router/layer.js',
                  'handle',
                  95,
                  'fn(req, res, next);',
                  false,
                ),
                frame(
                  '/app/src/server.js',
                  'handle',
                  2,
                  'export const handle = (req) => checkout(req.body.cart);',
                ),
                frame('/app/src/checkout.js', 'checkout', 4, '  return { amount: total(cart) };'),
                frame('/app/src/cart.js', 'total', 4, BUG_LINE),
              ],
            },
          },
        ],
      },
    },
  };
}

const issue: Pick<Issue, 'id' | 'title' | 'culprit' | 'metadata' | 'firstSeen' | 'firstRelease'> = {
  id: 7,
  title: "TypeError: Cannot read properties of undefined (reading 'amount') for alice@example.com",
  culprit: 'total(src/cart)',
  metadata: { type: 'TypeError' },
  firstSeen: day(12),
  firstRelease: null,
};

describe('runInvestigation on a real repository', () => {
  let repo: TestRepository;
  let shas: Record<string, string>;
  let dataDir: string;
  let git: GitCliWorkspace;
  const ports = () => ({ git, codeSearch: new BuiltinCodeSearch(), clock: fixedClock(day(14)) });

  beforeAll(() => {
    ({ repo, shas } = buildShop());
    dataDir = tempDir();
    git = new GitCliWorkspace({ dataDir, settings: { url: repo.dir } });
  });
  afterAll(() => {
    repo.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads the release the event ran and ranks the bug-introducing commit first', async () => {
    const { report } = await runInvestigation(
      { issue, event: nodeEvent('shop@1.1.0'), settings: { url: repo.dir } },
      ports(),
    );
    expect(report.warnings).toEqual([]);
    expect(report.repository).toMatchObject({
      commit: shas.noise,
      commitSource: 'release',
      ref: 'v1.1.0',
      baseBranch: 'main',
    });
    expect(report.culprit).toMatchObject({
      repoPath: 'src/cart.js',
      line: 4,
      lineCheck: 'verified',
      function: 'total',
    });
    expect(report.culprit?.mapping.rule).toBe('path-suffix');
    expect(report.frames.map((f) => f.repoPath)).toEqual(['src/cart.js', 'src/checkout.js', 'src/server.js']);
    expect(report.suspectCommits[0]).toMatchObject({
      sha: shas.bug,
      touchesCrashLine: true,
      landedAfterFirstSeen: false,
    });
    expect(report.suspectCommits[0]?.reasons.join('\n')).toMatch(
      /last changed the crashing line src\/cart\.js:4/,
    );
    const rank = (sha?: string) => report.suspectCommits.findIndex((c) => c.sha === sha);
    expect(rank(shas.innocent)).toBeGreaterThan(0);
    expect(rank(shas.noise)).toBe(-1);
    expect(report.confidence.score).toBeGreaterThanOrEqual(0.7);
  });

  it('falls back to the base head, finds the moved line, and pushes commits after firstSeen down', async () => {
    const { report, cacheKey } = await runInvestigation(
      { issue, event: nodeEvent('shop@9.9.9'), settings: { url: repo.dir } },
      ports(),
    );
    expect(report.repository).toMatchObject({
      commit: shas.afterFirstSeen,
      commitSource: 'base',
      ref: 'main',
    });
    expect(cacheKey).toBe(`7:${shas.afterFirstSeen}`);
    expect(report.culprit).toMatchObject({ line: 5, reportedLine: 4, lineCheck: 'adjusted' });
    expect(report.suspectCommits[0]?.sha).toBe(shas.bug);
    const late = report.suspectCommits.find((c) => c.sha === shas.afterFirstSeen);
    expect(late).toMatchObject({ landedAfterFirstSeen: true });
    expect(late?.score).toBeLessThan(0.05);
  });

  it('finds related code, similar resolved issues, and links runbooks once', async () => {
    const input = {
      issue,
      event: nodeEvent('v1.1.0'),
      settings: { url: repo.dir },
      linkedRunbooks: [] as string[],
      resolvedIssues: [
        { id: 2, title: 'Error: connect ECONNREFUSED 10.0.0.5:5432', type: 'Error', culprit: 'connect(src/db)' },
        { id: 3, shortId: 'SHOP-3', title: "TypeError: Cannot read properties of undefined (reading 'price')", type: 'TypeError', culprit: 'total(src/cart)', resolutionComments: ['Guarded items'], fixCommits: ['f'.repeat(40)] },
      ], // prettier-ignore
    };
    const first = await runInvestigation(input, ports());
    const related = first.report.relatedCode;
    expect(related?.functionName).toBe('total');
    expect(related?.hits).toContainEqual(
      expect.objectContaining({ kind: 'definition', path: 'src/cart.js', line: 1 }),
    );
    expect(related?.hits).toContainEqual(
      expect.objectContaining({ kind: 'call', path: 'src/checkout.js', line: 4 }),
    );
    expect(first.report.similarIssues.map((s) => s.id)).toEqual([3]);
    expect(first.report.similarIssues[0]).toMatchObject({ resolutionComments: ['Guarded items'] });
    expect(first.report.runbooks.map((r) => r.path)).toEqual([
      'runbooks/null-reference.md',
      'runbooks/type-errors.md',
    ]);
    expect(first.runbookLinks.link.map((r) => r.path)).toEqual(['runbooks/null-reference.md']);
    expect(first.runbookLinks.suggested.map((r) => r.path)).toEqual(['runbooks/type-errors.md']);
    const again = await runInvestigation(
      { ...input, linkedRunbooks: ['runbooks/null-reference.md'] },
      ports(),
    );
    expect(again.runbookLinks.link).toEqual([]);
    expect(again.runbookLinks.alreadyLinked.map((r) => r.path)).toEqual(['runbooks/null-reference.md']);
  });

  it('renders a scrubbed markdown comment naming the suspect commit', async () => {
    const { report } = await runInvestigation(
      { issue, event: nodeEvent('v1.1.0'), settings: { url: repo.dir } },
      ports(),
    );
    const markdown = renderReportMarkdown(report);
    expect(markdown).toContain(shas.bug!.slice(0, 12));
    expect(markdown).toContain(`> 4 | ${BUG_LINE}`);
    expect(markdown).toContain('In-app stack (innermost first)');
    expect(markdown).not.toContain('alice@example.com');
    expect(markdown).not.toContain('ann@example.com');
    expect(markdown).toContain('[email]');
  });
});
