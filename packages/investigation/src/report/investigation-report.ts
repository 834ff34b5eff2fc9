import type { CulpritFrame } from '../culprit/culprit-frames.ts';
import type { RelatedCode } from '../related/find-related-code.ts';
import type { RunbookMatch } from '../runbooks/match-runbooks.ts';
import type { SimilarIssue } from '../similar/find-similar-issues.ts';
import type { SuspectCommit } from '../suspects/rank-suspect-commits.ts';

export const INVESTIGATION_REPORT_VERSION = 1;

/** What an analyzer (the LLM step, later) adds to the deterministic findings. */
export interface ReportAnalysis {
  /** Who produced it, e.g. "anthropic/claude-sonnet-4". */
  by: string;
  rootCause: string;
  details?: string;
  suggestedFixes?: string[];
  relatedFiles?: string[];
  /** 0–1, the analyzer's own estimate. */
  confidence?: number;
  affectedComponent?: string;
  errorCategory?: string;
  likelyCauses?: string[];
  /** The analyzer thinks a small local change with a test would fix it. */
  canAutoFix?: boolean;
}

export interface InvestigatedRepository {
  baseBranch: string;
  baseSha: string;
  /** The commit the code was read at. */
  commit: string;
  commitSource: 'release' | 'base';
  ref: string;
}

export interface UnmappedFrame {
  depth: number;
  path: string | null;
  function: string | null;
}

/** Everything the investigation found, before it is summarized. JSON-serializable. */
export interface InvestigationFindings {
  issueId: number;
  eventId: string | null;
  title: string;
  exceptionType: string | null;
  repository: InvestigatedRepository | null;
  frames: CulpritFrame[];
  unmappedFrames: UnmappedFrame[];
  suspectCommits: SuspectCommit[];
  relatedCode: RelatedCode | null;
  similarIssues: SimilarIssue[];
  runbooks: RunbookMatch[];
  analysis: ReportAnalysis | null;
  warnings: string[];
  timings: Record<string, number>;
}

export interface EvidenceItem {
  kind:
    'repository' | 'culprit' | 'suspect-commit' | 'related-code' | 'similar-issue' | 'runbook' | 'analysis';
  summary: string;
}

export interface Confidence {
  /** 0–1. */
  score: number;
  /** Each signed contribution, e.g. "+0.25 the top suspect commit changed the crashing line". */
  reasons: string[];
}

/** The stored investigation: shown in the dashboard and rendered as the issue comment. */
export interface InvestigationReport extends InvestigationFindings {
  version: typeof INVESTIGATION_REPORT_VERSION;
  generatedAt: string;
  summary: string;
  confidence: Confidence;
  evidence: EvidenceItem[];
  /** The innermost mapped in-app frame. */
  culprit: CulpritFrame | null;
}
