import type {
  ErrorClass,
  EventRecord,
  EventType,
  IssueMetadata,
  Level,
  Severity,
} from '../events/event-types.ts';
import type { GroupingResult } from '../events/grouping-result.ts';
import type { TimelineEntry } from '../timeline/timeline-entry.ts';

/** What a new issue is created with; an existing issue only updates its counters and last-seen fields. */
export interface IssueSeed {
  title: string;
  culprit: string;
  type: EventType;
  level: Level;
  platform: string;
  metadata: IssueMetadata;
  severity: Severity;
  errorClass: ErrorClass;
}

export interface EventWrite {
  event: EventRecord;
  grouping: GroupingResult;
  issue: IssueSeed;
  /**
   * Timeline entries to store beside the event. Empty when the timeline can be rebuilt from the stored
   * event itself (breadcrumbs and `contexts` timelines are part of it): it is then built when read, not
   * stored twice. Only an attached FULL_EVENT_TIMELINE_V1 document, which is not part of the event,
   * needs stored entries.
   */
  timeline: TimelineEntry[];
  /**
   * The stored form of `event` (its payload blob) and of `timeline`, encoded ahead of time with the
   * storage codec by an ingest worker thread, so the one writer thread does not spend its time on JSON
   * and compression. When present, adapters store these bytes as they are, and `event.payload` and
   * `timeline` may be empty.
   */
  encoded?: { record: Uint8Array; timeline: Uint8Array | null };
}

export interface AttachmentWrite {
  projectId: number;
  eventId: string;
  filename: string;
  contentType: string | null;
  attachmentType: string;
  data: Uint8Array;
  createdAt: Date;
}

/** A legacy `user_report` item, a `feedback` item or a Web API user-feedback POST. */
export interface UserReportWrite {
  projectId: number;
  /** The event the report is about; null for feedback not tied to an event. */
  eventId: string | null;
  name: string;
  email: string;
  comments: string;
  url: string | null;
  source: 'user_report' | 'feedback' | 'api';
  createdAt: Date;
}

/** Per-category counters of what ingestion accepted and dropped (Sentry's "outcomes"). */
export interface OutcomeWrite {
  projectId: number;
  /** Sentry data category: error, transaction, session, attachment, internal, feedback, default, … */
  category: string;
  outcome: 'accepted' | 'dropped' | 'rate_limited' | 'invalid' | 'duplicate';
  quantity: number;
  at: Date;
}

export interface IngestBatch {
  events: EventWrite[];
  attachments: AttachmentWrite[];
  userReports: UserReportWrite[];
  outcomes: OutcomeWrite[];
}

export type EventWriteResult =
  | { status: 'stored'; eventId: string; issueId: number; issueEvent: 'created' | 'regressed' | 'existing' }
  | { status: 'duplicate'; eventId: string; issueId: number | null };

/**
 * The ingest hot path. `writeBatch` is ONE transaction: when it resolves, everything in the batch is
 * durable (group commit: the HTTP layer acknowledges requests only after this resolves). It also
 * enqueues `issue.created` / `issue.regressed` jobs in the same transaction (transactional outbox),
 * so no acknowledged event can miss its follow-up work.
 *
 * Within a project, an `event_id` is stored once; later copies (also within the same batch) report
 * `duplicate` and change nothing. Results are in the order of `batch.events`.
 */
export interface IngestStore {
  writeBatch(batch: IngestBatch): Promise<EventWriteResult[]>;
}
