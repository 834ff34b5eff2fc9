import type { EventRecord } from '../events/event-types.ts';
import type { TimelineEntry } from '../timeline/timeline-entry.ts';
import type { EventSearchFilter } from '../issues/search/compile-event-search.ts';

export interface StoredEvent extends EventRecord {
  issueId: number;
}

export interface StoredAttachment {
  id: number;
  projectId: number;
  eventId: string;
  filename: string;
  contentType: string | null;
  attachmentType: string;
  size: number;
  createdAt: Date;
}

export interface StoredUserReport {
  id: number;
  projectId: number;
  eventId: string | null;
  issueId: number | null;
  name: string;
  email: string;
  comments: string;
  url: string | null;
  source: 'user_report' | 'feedback' | 'api';
  createdAt: Date;
}

export interface EventStore {
  getEvent(projectId: number, eventId: string): Promise<StoredEvent | null>;
  /** Newest first (by time received), or oldest first with `order: 'oldest'`. */
  listIssueEvents(
    issueId: number,
    options: { limit: number; offset: number; order?: 'newest' | 'oldest' },
  ): Promise<StoredEvent[]>;
  countEvents(projectId: number): Promise<number>;
  /** The stored timeline entries of an event, or null when none were stored (see EventWrite.timeline). */
  getTimeline(projectId: number, eventId: string): Promise<TimelineEntry[] | null>;
  listAttachments(projectId: number, eventId: string): Promise<StoredAttachment[]>;
  getAttachmentData(id: number): Promise<Uint8Array | null>;
  listUserReports(projectId: number, options: { limit: number; offset: number }): Promise<StoredUserReport[]>;
  /** The events received just before and after this one in its issue. */
  getAdjacentEventIds(
    projectId: number,
    eventId: string,
  ): Promise<{ previous: string | null; next: string | null }>;
  /**
   * Recent events of some projects, newest first, optionally only at some levels and only from issues
   * that carry all the given tag values (a cheap pre-filter; the caller checks each event's own tags).
   */
  listRecentEvents(query: RecentEventsQuery): Promise<StoredEvent[]>;
  /**
   * Events of some projects (or of one issue of them) that match every filter, newest (or oldest)
   * first by time received; `offset` counts matching events. Same meaning as `matchesEventSearch`.
   */
  searchEvents(query: EventSearchQuery): Promise<StoredEvent[]>;
  /** Hourly outcome rows of some projects in [start, end). */
  listOutcomes(query: {
    projectIds: number[];
    start: Date;
    end: Date;
    category?: string;
  }): Promise<OutcomeRow[]>;
  /** The report about an event, if any (reports are one per event, like Sentry's). */
  findUserReport(projectId: number, eventId: string): Promise<StoredUserReport | null>;
  /** Stores a Web API user report now, linked to the event's issue when the event is known. */
  createUserReport(report: UserReportInput): Promise<StoredUserReport>;
  updateUserReport(
    id: number,
    patch: { name: string; email: string; comments: string },
  ): Promise<StoredUserReport | null>;
  /** Sum of outcome quantities per category and outcome since `since`. */
  outcomeTotals(
    projectId: number,
    since: Date,
  ): Promise<{ category: string; outcome: string; quantity: number }[]>;
}

export interface RecentEventsQuery {
  projectIds: number[];
  limit: number;
  offset: number;
  levels?: string[];
  issueTags?: { key: string; value: string }[];
}

export interface EventSearchQuery {
  projectIds: number[];
  /** Only this issue's events. */
  issueId?: number;
  filters: EventSearchFilter[];
  /** Only events whose own timestamp is in [since, until) (either bound optional). */
  since?: Date;
  until?: Date;
  /** Newest first by time received (the default), or oldest first. */
  order?: 'newest' | 'oldest';
  limit: number;
  offset: number;
}

export interface OutcomeRow {
  projectId: number;
  category: string;
  outcome: string;
  /** Start of the hour, epoch ms. */
  bucket: number;
  quantity: number;
}

export interface UserReportInput {
  projectId: number;
  eventId: string | null;
  name: string;
  email: string;
  comments: string;
  url: string | null;
  source: StoredUserReport['source'];
  createdAt: Date;
}
