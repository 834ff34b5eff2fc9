export { runInvestigation, type InvestigationResult } from './run-investigation.ts';
export type { InvestigationInput, InvestigationOptions, InvestigationPorts } from './investigation-input.ts';
export type {
  AnalysisContext,
  InvestigationAnalyzer,
  InvestigationEvent,
  InvestigationIssue,
} from './investigation-analyzer.ts';
export {
  CodeMapper,
  type FrameMapping,
  type MappableFrame,
  type MappingRule,
} from './code-mapping/code-mapper.ts';
export { runtimePathSegments } from './code-mapping/runtime-path.ts';
export { eventStackFrames, type StackFrame } from './culprit/event-stack-frames.ts';
export {
  locateCulpritFrames,
  type CulpritFrame,
  type CulpritFrameOptions,
} from './culprit/culprit-frames.ts';
export { resolveInvestigatedCommit, type InvestigatedCommit } from './culprit/investigated-commit.ts';
export type { LineCheck } from './culprit/frame-line-check.ts';
export { gatherCommitEvidence, type CommitEvidence, type BlameEvidence } from './suspects/commit-evidence.ts';
export {
  rankSuspectCommits,
  type RankSuspectCommitsInput,
  type SuspectCommit,
} from './suspects/rank-suspect-commits.ts';
export type { SuspectTarget } from './suspects/suspect-scoring.ts';
export { findRelatedCode, type RelatedCode, type RelatedCodeTarget } from './related/find-related-code.ts';
export { classifyRelatedCode, type RelatedCodeHit } from './related/classify-related-code.ts';
export {
  findSimilarIssues,
  type SimilarIssue,
  type SimilarIssueCandidate,
  type SimilarIssueTarget,
} from './similar/find-similar-issues.ts';
export { textSimilarity, normalizeIssueText } from './similar/text-similarity.ts';
export { parseRunbook, type Runbook, type RunbookPattern } from './runbooks/parse-runbook.ts';
export { loadRunbooks } from './runbooks/load-runbooks.ts';
export { matchRunbooks, type RunbookFields, type RunbookMatch } from './runbooks/match-runbooks.ts';
export { linkRunbooks, runbookKey, type RunbookLinkPlan } from './runbooks/link-runbooks.ts';
export { buildInvestigationReport } from './report/build-investigation-report.ts';
export { renderReportMarkdown, type RenderOptions } from './report/render-report-markdown.ts';
export { scrubSensitiveText } from './report/scrub-sensitive-text.ts';
export {
  INVESTIGATION_REPORT_VERSION,
  type Confidence,
  type EvidenceItem,
  type InvestigatedRepository,
  type InvestigationFindings,
  type InvestigationReport,
  type ReportAnalysis,
  type UnmappedFrame,
} from './report/investigation-report.ts';
export {
  LlmInvestigationAnalyzer,
  type LlmInvestigationAnalyzerOptions,
} from './analysis/llm-investigation-analyzer.ts';
export { llmAnalysisSchema, fileRequestSchema, type LlmAnalysis } from './analysis/llm-analysis-schema.ts';
