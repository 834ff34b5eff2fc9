import { retentionCutoff } from '@fixloop/core';
import type { EventStore, StoredEvent, TimelineEntry } from '@fixloop/core';
import { buildTimeline } from '@fixloop/normalize';

/**
 * An event's timeline as the API serves it. Entries stored at ingest (events that came with a
 * FULL_EVENT_TIMELINE_V1 attachment) are read back; every other event's timeline is built from the event
 * itself, which holds its breadcrumbs and `contexts` timelines already scrubbed, exactly as ingest would
 * have built it. Either way it is shown only while the event is younger than the project's timeline
 * retention: the retention job deletes stored entries on a schedule, and a built timeline would
 * otherwise outlive them.
 */
export async function readEventTimeline(
  events: Pick<EventStore, 'getTimeline'>,
  event: StoredEvent,
  timelineRetentionDays: number,
  now: Date,
): Promise<TimelineEntry[]> {
  if (event.receivedAt < retentionCutoff(now, timelineRetentionDays)) return [];
  const stored = await events.getTimeline(event.projectId, event.eventId);
  return stored ?? buildTimeline(event.payload);
}
