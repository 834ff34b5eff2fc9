import type { EventRecord } from '../events/event-types.ts';
import type { TimelineEntry } from '../timeline/timeline-entry.ts';

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
  /** Newest first. */
  listIssueEvents(issueId: number, options: { limit: number; offset: number }): Promise<StoredEvent[]>;
  countEvents(projectId: number): Promise<number>;
  getTimeline(projectId: number, eventId: string): Promise<TimelineEntry[] | null>;
  listAttachments(projectId: number, eventId: string): Promise<StoredAttachment[]>;
  getAttachmentData(id: number): Promise<Uint8Array | null>;
  listUserReports(projectId: number, options: { limit: number; offset: number }): Promise<StoredUserReport[]>;
  /** Sum of outcome quantities per category and outcome since `since`. */
  outcomeTotals(
    projectId: number,
    since: Date,
  ): Promise<{ category: string; outcome: string; quantity: number }[]>;
}
