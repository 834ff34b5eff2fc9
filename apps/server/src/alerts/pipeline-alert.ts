import { knowMoreDetails, PIPELINE_ALERT_KINDS } from '@fixloop/core';
import type { AlertPipelineDetails, FixStatus, PipelineAlertKind } from '@fixloop/core';
import type { AlertingContext } from './alerting-context.ts';
import type { AlertDispatcher } from './alert-dispatcher.ts';
import type { PipelineEventInput } from './alert-job-kinds.ts';
import { loadIssueSubject } from './issue-alert-subject.ts';

const FIX_STATUS: Readonly<Record<PipelineAlertKind, FixStatus>> = {
  investigation_done: 'none',
  fix_committed: 'committed',
  needs_review: 'proposed',
  escalation: 'none',
  fix_tests_failed: 'tests_failed',
};

/** Reads an `alerts.pipeline` payload (`event`, or `kind` as an alias); null when it is not one. */
export function parsePipelinePayload(payload: Record<string, unknown>): PipelineEventInput | null {
  const event = payload['event'] ?? payload['kind'];
  const issueId = Number(payload['issueId']);
  if (!PIPELINE_ALERT_KINDS.includes(event as PipelineAlertKind) || !Number.isSafeInteger(issueId))
    return null;
  const text = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string) : undefined);
  const files = payload['relatedFiles'];
  const investigationId = Number(payload['investigationId']);
  return {
    event: event as PipelineAlertKind,
    issueId,
    ...(Number.isSafeInteger(investigationId) ? { investigationId } : {}),
    ...(text('rootCause') !== undefined ? { rootCause: text('rootCause') } : {}),
    ...(Array.isArray(files)
      ? { relatedFiles: files.filter((f): f is string => typeof f === 'string') }
      : {}),
    ...(text('fixStatus') !== undefined ? { fixStatus: text('fixStatus') as FixStatus } : {}),
    ...(text('commitSha') !== undefined ? { commitSha: text('commitSha') } : {}),
    ...(text('fixUrl') !== undefined ? { fixUrl: text('fixUrl') } : {}),
  };
}

/**
 * A pipeline step becomes `pipeline` alerts (investigation done, fix committed, …). Its details are kept
 * per issue, so Know More and the weekly report can tell the fix status later.
 */
export async function runPipelineAlert(
  context: AlertingContext,
  dispatcher: AlertDispatcher,
  input: PipelineEventInput,
  sourceKey: string,
): Promise<void> {
  const { storage, clock } = context;
  const subject = await loadIssueSubject(storage, context.baseUrl(), input.issueId, null);
  if (subject === null) return;
  const investigation =
    input.investigationId !== undefined ? await storage.investigations.get(input.investigationId) : null;
  const fromInvestigation = knowMoreDetails(investigation, []);
  const details: AlertPipelineDetails = {
    rootCause: input.rootCause ?? fromInvestigation.rootCause,
    relatedFiles: input.relatedFiles ?? fromInvestigation.relatedFiles,
    fixStatus: input.fixStatus ?? FIX_STATUS[input.event],
    commitSha: input.commitSha ?? null,
    fixUrl: input.fixUrl ?? null,
  };
  const now = clock.now();
  await storage.alerts.recordPipelineEvent({
    issueId: subject.issue.id,
    projectId: subject.project.id,
    kind: input.event,
    details,
    createdAt: now,
  });
  const trigger = {
    type: 'pipeline' as const,
    kind: input.event,
    pipeline: details,
    issue: subject.summary,
    tags: subject.tags,
    dashboardUrl: context.baseUrl(),
  };
  await dispatcher.dispatch(trigger, subject.project, sourceKey);
}
