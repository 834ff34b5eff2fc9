import type { Clock, CodeSearch, GitWorkspace, RepositorySettings } from '@fixloop/core';
import type {
  InvestigationAnalyzer,
  InvestigationEvent,
  InvestigationIssue,
} from './investigation-analyzer.ts';
import type { SimilarIssueCandidate } from './similar/find-similar-issues.ts';

export interface InvestigationInput {
  issue: InvestigationIssue;
  /** The issue's latest event; null investigates from the issue alone. */
  event: InvestigationEvent | null;
  /** The project's repository; null when none is connected. */
  settings: RepositorySettings | null;
  /** Resolved issues of the project to compare with (with resolution comments and fix commits). */
  resolvedIssues?: readonly SimilarIssueCandidate[];
  /** Runbook paths already linked to the issue. */
  linkedRunbooks?: readonly string[];
}

export interface InvestigationPorts {
  git?: GitWorkspace;
  codeSearch?: CodeSearch;
  /** The LLM step, when configured. */
  analyzer?: InvestigationAnalyzer;
  clock?: Clock;
}

export interface InvestigationOptions {
  /** Fetch before investigating (default true). */
  fetch?: boolean;
  /** History window before firstSeen for `git log` (default 30 days). */
  lookbackDays?: number;
  contextLines?: number;
  maxFrames?: number;
  maxSuspects?: number;
  blameRadius?: number;
  maxCommits?: number;
}
