import type { EventWrite, ScrubbingSettings } from '@fixloop/core';
import { computeGrouping } from '@fixloop/grouping';
import { buildTimeline, classifyIssue, normalizeEvent } from '@fixloop/normalize';

export interface EventContext {
  projectId: number;
  receivedAt: Date;
  clientIp: string | null;
  scrubbing: ScrubbingSettings;
}

/** One raw SDK event -> everything storage needs: normalized record, grouping, issue seed, timeline. */
export function buildEventWrite(
  raw: unknown,
  context: EventContext,
  envelopeEventId: string | null,
  attachedTimeline?: unknown,
): EventWrite {
  const { record } = normalizeEvent(raw, {
    projectId: context.projectId,
    receivedAt: context.receivedAt,
    clientIp: context.clientIp,
    scrubbing: context.scrubbing,
    eventId: envelopeEventId,
  });
  const grouping = computeGrouping(record.payload);
  const { severity, errorClass } = classifyIssue(record.payload);
  return {
    event: record,
    grouping,
    issue: {
      title: record.title,
      culprit: record.culprit,
      type: record.type,
      level: record.level,
      platform: record.platform,
      metadata: record.metadata,
      severity,
      errorClass,
    },
    // Without an attached document the timeline is a function of the stored payload: readEventTimeline
    // builds it on read. Encoding it here as well cost a quarter of the ingest thread's time at 50 KB.
    timeline:
      attachedTimeline === undefined
        ? []
        : buildTimeline(record.payload, attachedTimeline, context.scrubbing),
  };
}
