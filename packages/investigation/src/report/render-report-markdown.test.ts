import { describe, expect, it } from 'vitest';
import type { CulpritFrame } from '../culprit/culprit-frames.ts';
import { buildInvestigationReport } from './build-investigation-report.ts';
import type { InvestigationFindings } from './investigation-report.ts';
import { renderReportMarkdown } from './render-report-markdown.ts';

const frame = (depth: number, line: number): CulpritFrame => ({
  depth,
  function: `fn${depth}`,
  runtimePath: `/app/src/f${depth}.ts`,
  repoPath: `src/f${depth}.ts`,
  mapping: {
    repoPath: `src/f${depth}.ts`,
    rule: 'path-suffix',
    detail: 'longest path suffix',
    from: '',
    matchedSegments: 2,
  },
  line,
  reportedLine: line,
  lineCheck: 'verified',
  code: {
    startLine: line - 1,
    lines: [
      'const token = "sk-abcdefghijklmnopqrstuvwx";',
      'boom(user.email); // bob@example.com',
      'x'.repeat(500),
    ],
  },
  symbolicated: false,
  inApp: true,
});

function findings(overrides: Partial<InvestigationFindings> = {}): InvestigationFindings {
  return {
    issueId: 1,
    eventId: null,
    title: 'Error: boom from 10.1.2.3',
    exceptionType: 'Error',
    repository: {
      baseBranch: 'main',
      baseSha: 'b'.repeat(40),
      commit: 'c'.repeat(40),
      commitSource: 'base',
      ref: 'main',
    },
    frames: Array.from({ length: 9 }, (_, i) => frame(i, 10 + i)),
    unmappedFrames: [{ depth: 12, path: '/app/x.js', function: null }],
    suspectCommits: [],
    relatedCode: null,
    similarIssues: [],
    runbooks: [],
    analysis: null,
    warnings: ['related code: ripgrep could not run'],
    timings: {},
    ...overrides,
  };
}

const render = (f: InvestigationFindings, options = {}) =>
  renderReportMarkdown(
    buildInvestigationReport(f, { firstSeen: new Date(0), generatedAt: new Date(0) }),
    options,
  );

describe('renderReportMarkdown', () => {
  it('trims the stack and long code lines and scrubs secrets, emails and IPs', () => {
    const markdown = render(findings());
    expect(markdown).toContain('> 10 | boom(user.email); // [email]');
    expect(markdown).toContain('token = "[Filtered]"');
    expect(markdown).toContain(`${'x'.repeat(200)}…`);
    expect(markdown).not.toContain('x'.repeat(201));
    expect(markdown).toContain('- `fn5` src/f5.ts:15\n- … 4 more frame(s) not shown');
    expect(markdown).not.toContain('fn6');
    expect(markdown).toContain('Error: boom from [ip]');
    expect(markdown).toContain('None found in the examined window.');
    expect(markdown).toContain('<details><summary>Notes</summary>');
  });

  it('stays under the length limit', () => {
    const markdown = render(findings(), { maxLength: 500 });
    expect(markdown.length).toBeLessThanOrEqual(500);
    expect(markdown.endsWith('… (report trimmed)')).toBe(true);
  });

  it('renders an issue with no repository briefly', () => {
    const markdown = render(findings({ repository: null, frames: [], unmappedFrames: [], warnings: [] }));
    expect(markdown).toContain('No repository is connected');
    expect(markdown).not.toContain('### Where it crashed');
    expect(markdown).not.toContain('### Suspect commits');
  });
});
