import type { Level } from '../events/event-types.ts';

/** The layers the dashboard filters the timeline by. */
export const TIMELINE_LAYERS = ['user', 'network', 'frontend', 'backend'] as const;
export type TimelineLayer = (typeof TIMELINE_LAYERS)[number];

export interface TimelineNetwork {
  method: string | null;
  url: string | null;
  statusCode: number | null;
  durationMs: number | null;
  /** True when the request failed or answered >= 400. */
  failed: boolean;
}

/**
 * One line of an event's timeline: a normalized breadcrumb or a FULL_EVENT_TIMELINE_V1 entry.
 * Network requests appear once, with their response paired in `network`.
 */
export interface TimelineEntry {
  /** ISO 8601 UTC. */
  ts: string;
  layer: TimelineLayer;
  /** What happened: navigation, click, input, http, console, error, log, query, … */
  kind: string;
  message: string;
  level: Level;
  category: string | null;
  network: TimelineNetwork | null;
  data: Record<string, unknown> | null;
  /** Marks the event's own error in place. */
  isError: boolean;
  source: 'breadcrumb' | 'timeline' | 'event';
}
