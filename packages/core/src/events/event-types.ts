export const LEVELS = ['fatal', 'error', 'warning', 'info', 'debug'] as const;
export type Level = (typeof LEVELS)[number];

/** Sentry's event `type`. Only these are grouped into issues here; transactions are dropped at ingest. */
export type EventType = 'error' | 'default' | 'csp' | 'hpkp' | 'expectct' | 'expectstaple' | 'feedback';

/** The seeds' severity: how much a problem hurts users. Derived at ingest, overridable per issue. */
export const SEVERITIES = ['blocking', 'annoying', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where a problem comes from. Derived from exception type, mechanism and context; overridable per issue. */
export const ERROR_CLASSES = [
  'javascript',
  'network',
  'api',
  'database',
  'auth',
  'validation',
  'runtime',
  'crash',
  'unknown',
] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

/**
 * A Sentry event after normalization (spec §4): always a plain JSON object whose known keys have the
 * documented shapes (tags as [k, v][], exception as {values}, breadcrumbs as {values}, timestamps as
 * epoch seconds). Unknown keys are kept.
 */
export type SentryEvent = Record<string, unknown>;

/** What a processing step dropped or fixed in an event; stored in the event's `errors` like Sentry does. */
export interface ProcessingError {
  type: string;
  name?: string;
  value?: unknown;
}

/** The metadata shown on an issue (Sentry's `metadata`). */
export interface IssueMetadata {
  type?: string;
  value?: string;
  filename?: string;
  function?: string;
  title?: string;
  [key: string]: unknown;
}

/** Fields derived from a normalized event that storage indexes and issues summarize. */
export interface EventRecord {
  projectId: number;
  /** 32 lowercase hex characters. */
  eventId: string;
  timestamp: Date;
  receivedAt: Date;
  type: EventType;
  level: Level;
  platform: string;
  environment: string;
  release: string | null;
  title: string;
  culprit: string;
  message: string;
  metadata: IssueMetadata;
  /** Stable identity of the affected user ("id:42", "email:a@b.c", "ip:1.2.3.4"), or null. */
  userKey: string | null;
  /** Tags, de-duplicated by key (last wins), including the auto tags (level, environment, release, …). */
  tags: Record<string, string>;
  /** false when any exception's mechanism says unhandled; null when the event has no exception. */
  handled: boolean | null;
  /** The whole normalized event, stored compressed. */
  payload: SentryEvent;
}
