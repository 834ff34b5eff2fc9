import { assessConfidence } from './assess-confidence.ts';
import {
  INVESTIGATION_REPORT_VERSION,
  type InvestigationFindings,
  type InvestigationReport,
} from './investigation-report.ts';
import { listEvidence, summarizeFindings } from './summarize-findings.ts';

/** Turns findings into the stored report: summary, evidence, confidence with its reasons. */
export function buildInvestigationReport(
  findings: InvestigationFindings,
  context: { firstSeen: Date; generatedAt: Date },
): InvestigationReport {
  return {
    version: INVESTIGATION_REPORT_VERSION,
    generatedAt: context.generatedAt.toISOString(),
    summary: summarizeFindings(findings, context.firstSeen),
    confidence: assessConfidence(findings),
    evidence: listEvidence(findings),
    culprit: findings.frames[0] ?? null,
    ...findings,
  };
}
