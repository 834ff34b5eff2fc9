import { AppError } from '@fixloop/core';
import type { AttachmentWrite } from '@fixloop/core';
import { dataCategoryOf, normalizeEventId, parseJsonLenient } from '@fixloop/ingest';
import type { Envelope, EnvelopeItem } from '@fixloop/ingest';
import { userReportFromFeedback, userReportFromLegacy } from '@fixloop/normalize';
import type { EventProcessor, EventTask } from './event-processor.ts';
import type { EventContext } from './event-write-builder.ts';
import { IngestUnitBuilder } from './ingest-unit-builder.ts';
import { extractAttachedTimeline } from './timeline-attachment.ts';

/** Item types Sentry knows but Fixloop does not keep: counted as dropped per category. Others are skipped. */
const DROPPED_TYPES = new Set([
  'transaction',
  'session',
  'sessions',
  'client_report',
  'profile',
  'profile_chunk',
  'replay_event',
  'replay_recording',
  'replay_video',
  'check_in',
  'span',
  'otel_span',
  'log',
  'otel_log',
  'statsd',
  'metric_buckets',
  'metric_meta',
  'security',
  'raw_security',
  'nel',
  'form_data',
  'unreal_report',
]);

export interface ProcessedEnvelope {
  builder: IngestUnitBuilder;
  /** The id answered to the SDK: the envelope's event_id, else the first event's; null -> `{}`. */
  responseId: string | null;
}

/** Number of items that the per-project rate limit counts. */
export function countEvents(envelope: Envelope): number {
  let count = 0;
  for (const item of envelope.items) if (item.headers.type === 'event') count += 1;
  return count;
}

export async function processEnvelope(
  envelope: Envelope,
  context: EventContext,
  processor: EventProcessor,
): Promise<ProcessedEnvelope> {
  const builder = new IngestUnitBuilder(context.projectId, context.receivedAt);
  const envelopeEventId = normalizeEventId(envelope.headers['event_id']);
  const timeline = extractAttachedTimeline(envelope.items);
  const attachedTimeline = timeline?.document;
  // The heavy part (parse, normalize, group) of every event item at once, possibly on another thread.
  const tasks: EventTask[] = envelope.items
    .filter((item) => item.headers.type === 'event')
    .map((item) => ({ raw: item.payload, envelopeEventId, attachedTimeline }));
  const writes = tasks.length > 0 ? await processor.process(tasks, context) : [];
  let nextWrite = 0;
  let firstEventId: string | null = null;
  for (const item of envelope.items) {
    const type = item.headers.type;
    if (type === 'event') {
      const write = writes[nextWrite++]!;
      builder.unit.events.push(write);
      builder.outcome('error', 'accepted');
      firstEventId ??= write.event.eventId;
    } else if (type === 'attachment' && item === timeline?.item && writes.length > 0) {
      // Kept as the event's timeline, PII-scrubbed; a raw copy would bypass scrubbing.
      builder.outcome('attachment', 'accepted');
    } else if (type === 'attachment') {
      addAttachment(builder, item, envelopeEventId ?? firstEventId, context);
    } else if (type === 'feedback') {
      const report = userReportFromFeedback(parseItemJson(item), context);
      builder.unit.userReports.push(report);
      builder.outcome('feedback', 'accepted');
    } else if (type === 'user_report') {
      builder.unit.userReports.push(
        userReportFromLegacy(parseItemJson(item), { ...context, source: 'user_report' }),
      );
      builder.outcome('default', 'accepted');
    } else if (DROPPED_TYPES.has(type)) {
      builder.outcome(dataCategoryOf(type), 'dropped');
    }
  }
  return { builder, responseId: envelopeEventId ?? firstEventId };
}

function parseItemJson(item: EnvelopeItem): unknown {
  try {
    return parseJsonLenient(item.payload);
  } catch (error) {
    throw new AppError('invalid_payload', `invalid ${item.headers.type} item: ${(error as Error).message}`);
  }
}

function addAttachment(
  builder: IngestUnitBuilder,
  item: EnvelopeItem,
  eventId: string | null,
  context: EventContext,
): void {
  if (eventId === null) {
    // An attachment without an event id has nothing to hang on; Relay drops it too.
    builder.outcome('attachment', 'invalid');
    return;
  }
  const { headers } = item;
  const write: AttachmentWrite = {
    projectId: context.projectId,
    eventId,
    filename:
      typeof headers['filename'] === 'string' && headers['filename'] !== ''
        ? headers['filename']
        : 'attachment',
    contentType: typeof headers['content_type'] === 'string' ? headers['content_type'] : null,
    attachmentType:
      typeof headers['attachment_type'] === 'string' ? headers['attachment_type'] : 'event.attachment',
    data: item.payload,
    createdAt: context.receivedAt,
  };
  builder.unit.attachments.push(write);
  builder.outcome('attachment', 'accepted');
}
