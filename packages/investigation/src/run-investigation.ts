import { systemClock } from '@fixloop/core';
import { collectFindings } from './collect-findings.ts';
import type { InvestigationAnalyzer } from './investigation-analyzer.ts';
import type { InvestigationInput, InvestigationOptions, InvestigationPorts } from './investigation-input.ts';
import { InvestigationSteps } from './investigation-steps.ts';
import { buildInvestigationReport } from './report/build-investigation-report.ts';
import type { InvestigationFindings, InvestigationReport } from './report/investigation-report.ts';
import { linkRunbooks, type RunbookLinkPlan } from './runbooks/link-runbooks.ts';

export interface InvestigationResult {
  report: InvestigationReport;
  /** Which matching runbooks to link now (never one already linked). */
  runbookLinks: RunbookLinkPlan;
  /** Investigations are cached per issue and investigated commit. */
  cacheKey: string;
}

/**
 * Investigates an issue through the ports: the deterministic steps (code, suspects, related code,
 * similar issues, runbooks), then the analyzer when one is given, then the report. Never throws for a
 * failing step: it becomes a warning in the report.
 */
export async function runInvestigation(
  input: InvestigationInput,
  ports: InvestigationPorts,
  options: InvestigationOptions = {},
): Promise<InvestigationResult> {
  const steps = new InvestigationSteps();
  const findings = await collectFindings(input, ports, options, steps);
  const analyzer = ports.analyzer;
  if (analyzer)
    findings.analysis = await steps.run('analysis', () => analyze(analyzer, input, ports, findings));
  const report = buildInvestigationReport(findings, {
    firstSeen: input.issue.firstSeen,
    generatedAt: (ports.clock ?? systemClock).now(),
  });
  return {
    report,
    runbookLinks: linkRunbooks(input.linkedRunbooks ?? [], report.runbooks),
    cacheKey: `${input.issue.id}:${report.repository?.commit ?? 'no-repository'}`,
  };
}

/** The LLM seam: the analyzer gets the evidence and a bounded reader for the files it asks for. */
function analyze(
  analyzer: InvestigationAnalyzer,
  input: InvestigationInput,
  ports: InvestigationPorts,
  findings: InvestigationFindings,
) {
  const commit = findings.repository?.commit;
  const readFile = async (path: string, maxBytes = 64 * 1024) => {
    if (!ports.git || !commit) return null;
    const file = await ports.git.readFile(commit, path, { maxBytes });
    return file && !file.binary ? file.text : null;
  };
  return analyzer.analyze({ issue: input.issue, event: input.event, findings, readFile });
}
