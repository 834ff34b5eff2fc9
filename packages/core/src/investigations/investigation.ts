export type InvestigationStatus = 'pending' | 'running' | 'completed' | 'failed';
export type InvestigationTrigger = 'auto' | 'manual';

/**
 * One investigation of an issue: the stored report of what a good on-call engineer would look at first.
 * `report` is the structured result (culprit, suspect commits, related code, similar issues, runbooks,
 * LLM analysis when one ran); `markdown` is what was (or would be) posted as the issue comment.
 */
export interface Investigation {
  id: number;
  issueId: number;
  projectId: number;
  status: InvestigationStatus;
  trigger: InvestigationTrigger;
  /** The event it looked at and the repository commit it read; together the cache key. */
  eventId: string | null;
  commitSha: string | null;
  summary: string | null;
  /** 0..1 */
  confidence: number | null;
  report: unknown;
  markdown: string | null;
  /** The model of the LLM step, when one ran. */
  model: string | null;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  /** The issue comment the report was posted as, once posted. */
  commentId: number | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export type InvestigationPatch = Partial<
  Pick<
    Investigation,
    | 'status'
    | 'eventId'
    | 'commitSha'
    | 'summary'
    | 'confidence'
    | 'report'
    | 'markdown'
    | 'model'
    | 'promptTokens'
    | 'completionTokens'
    | 'costUsd'
    | 'commentId'
    | 'error'
    | 'finishedAt'
  >
>;
