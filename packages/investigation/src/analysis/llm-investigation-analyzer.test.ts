import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FallbackLlmClient, InMemoryLlmUsageLedger } from '@fixloop/llm';
import { FakeLlmServer, fakeReply } from '@fixloop/llm/testing';
import type { AnalysisContext } from '../investigation-analyzer.ts';
import type { InvestigationFindings } from '../report/investigation-report.ts';
import { LlmInvestigationAnalyzer } from './llm-investigation-analyzer.ts';

const FILES: Record<string, string> = {
  'src/cart.js':
    'export function total(cart) {\n  // owner: jane.doe@example.com\n  return cart.lines.items.length;\n}\n',
  'src/server.js': 'import { total } from "./cart.js";\n',
};

function context(): AnalysisContext {
  const findings: InvestigationFindings = {
    issueId: 7,
    eventId: 'e'.repeat(32),
    title: "TypeError: Cannot read properties of undefined (reading 'items')",
    exceptionType: 'TypeError',
    repository: null,
    frames: [
      {
        depth: 0,
        function: 'total',
        runtimePath: '/app/src/cart.js',
        repoPath: 'src/cart.js',
        mapping: { rule: 'suffix', stackRoot: '/app/', sourceRoot: '' } as never,
        line: 3,
        reportedLine: 3,
        lineCheck: 'unchecked' as never,
        code: { startLine: 1, lines: FILES['src/cart.js']!.split('\n') },
        symbolicated: false,
        inApp: true,
      },
    ],
    unmappedFrames: [],
    suspectCommits: [],
    relatedCode: null,
    similarIssues: [],
    runbooks: [],
    analysis: null,
    warnings: [],
    timings: {},
  };
  return {
    issue: {
      id: 7,
      title: findings.title,
      culprit: 'total(src/cart)',
      metadata: {},
      firstSeen: new Date('2026-11-20T00:00:00Z'),
      firstRelease: null,
    },
    event: null,
    findings,
    readFile: async (path) => FILES[path] ?? null,
  };
}

const ANALYSIS = {
  rootCauseSummary: 'cart.lines is undefined for carts created before the lines refactor',
  detailedAnalysis: 'src/cart.js:3 reads cart.lines.items',
  affectedComponent: 'cart',
  errorCategory: 'null_reference',
  likelyCauses: ['old carts have no lines'],
  suggestedFixes: ['default cart.lines to an empty list'],
  relatedFiles: ['src/cart.js'],
  canAutoFix: true,
  confidence: 0.8,
};

describe('LlmInvestigationAnalyzer', () => {
  let server: FakeLlmServer;
  let client: FallbackLlmClient;
  beforeEach(async () => {
    server = await FakeLlmServer.start();
    client = new FallbackLlmClient({
      chain: [{ provider: 'openai', model: 'gpt-4o', apiKey: 'k', baseUrl: server.baseUrl }],
      ledger: new InMemoryLlmUsageLedger(),
      sleep: async () => undefined,
      monthlyBudgetUsd: null,
    });
  });
  afterEach(() => server.close());

  it('asks for files, reads them, and returns the structured analysis with summed usage', async () => {
    server.script(
      fakeReply.json(
        { files: ['src/cart.js', 'src/missing.js'], reason: 'the crash site' },
        { usage: { promptTokens: 100, completionTokens: 10 } },
      ),
      fakeReply.json(ANALYSIS, { usage: { promptTokens: 300, completionTokens: 50 } }),
    );
    const analyzer = new LlmInvestigationAnalyzer(client, { projectId: 1, issueId: 7 });
    const analysis = await analyzer.analyze(context());
    expect(analysis).toMatchObject({
      by: 'openai/gpt-4o',
      rootCause: ANALYSIS.rootCauseSummary,
      errorCategory: 'null_reference',
      canAutoFix: true,
      confidence: 0.8,
    });
    expect(server.requests).toHaveLength(2);
    const second = server.requests[1]!.rawBody;
    expect(second).toContain('return cart.lines.items.length');
    expect(second).toContain('src/cart.js:3 in total');
    expect(analyzer.usage).toMatchObject({ promptTokens: 400, completionTokens: 60 });
    // The owner's email in the file was scrubbed before it left the process.
    expect(server.receivedText()).not.toContain('jane.doe@example.com');
  });

  it('returns null when every provider fails, so the deterministic report stands', async () => {
    server.script(...Array.from({ length: 10 }, () => fakeReply.error(500)));
    const analyzer = new LlmInvestigationAnalyzer(client, { projectId: 1, issueId: 7 });
    expect(await analyzer.analyze(context())).toBeNull();
  });
});
