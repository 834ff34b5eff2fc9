import type { Investigation } from '@fixloop/core';

/** Investigation JSON: ids as strings and ISO dates, like every Sentry-style resource. */
export function serializeInvestigation(investigation: Investigation): Record<string, unknown> {
  return {
    id: String(investigation.id),
    issueId: String(investigation.issueId),
    projectId: String(investigation.projectId),
    status: investigation.status,
    trigger: investigation.trigger,
    eventId: investigation.eventId,
    commitSha: investigation.commitSha,
    summary: investigation.summary,
    confidence: investigation.confidence,
    model: investigation.model,
    promptTokens: investigation.promptTokens,
    completionTokens: investigation.completionTokens,
    costUsd: investigation.costUsd,
    commentId: investigation.commentId === null ? null : String(investigation.commentId),
    error: investigation.error,
    report: investigation.report,
    markdown: investigation.markdown,
    dateCreated: investigation.createdAt.toISOString(),
    dateFinished: investigation.finishedAt?.toISOString() ?? null,
  };
}
