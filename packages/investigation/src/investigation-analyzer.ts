import type { EventRecord, Issue } from '@fixloop/core';
import type { InvestigationFindings, ReportAnalysis } from './report/investigation-report.ts';

/** The issue fields an investigation reads. */
export type InvestigationIssue = Pick<
  Issue,
  'id' | 'title' | 'culprit' | 'metadata' | 'firstSeen' | 'firstRelease'
> & {
  /** `SHOP-12`, for display. */
  shortId?: string;
};

/** The event fields an investigation reads (the issue's latest event). */
export type InvestigationEvent = Pick<
  EventRecord,
  'eventId' | 'release' | 'title' | 'message' | 'culprit' | 'metadata' | 'payload'
>;

export interface AnalysisContext {
  issue: InvestigationIssue;
  event: InvestigationEvent | null;
  /** The deterministic findings, as evidence for the analysis. */
  findings: InvestigationFindings;
  /**
   * Reads a repository file at the investigated commit, at most `maxBytes` (default 64 KiB): how an
   * analyzer fetches the files it asks for. Null when missing, binary, or without a repository.
   */
  readFile(path: string, maxBytes?: number): Promise<string | null>;
}

/**
 * The seam for the LLM step: runInvestigation calls it, when one is given, after the deterministic
 * steps, and puts its answer in the report's `analysis`. A failure or a null answer leaves the
 * deterministic report as it is. Whatever leaves Fixloop must be scrubbed by the analyzer.
 */
export interface InvestigationAnalyzer {
  readonly name: string;
  analyze(context: AnalysisContext): Promise<ReportAnalysis | null>;
}
