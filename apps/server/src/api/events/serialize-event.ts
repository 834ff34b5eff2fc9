import type { StoredEvent } from '@fixloop/core';
import { eventEntries } from './event-entries.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface EventTagJson {
  key: string;
  value: string;
}

/** The fields of Sentry's "simple" event, used by event lists. */
export interface SimpleEventJson {
  id: string;
  eventID: string;
  groupID: string;
  projectID: string;
  title: string;
  message: string;
  culprit: string;
  location: string | null;
  platform: string;
  dateCreated: string;
  dateReceived: string;
  'event.type': string;
  tags: EventTagJson[];
  user: Json | null;
}

function tagsOf(payload: Json): EventTagJson[] {
  const tags = payload['tags'];
  if (!Array.isArray(tags)) return [];
  return tags.flatMap((t) =>
    Array.isArray(t) && t.length === 2 ? [{ key: String(t[0]), value: String(t[1]) }] : [],
  );
}

export function serializeSimpleEvent(event: StoredEvent): SimpleEventJson {
  const payload = event.payload;
  return {
    id: event.eventId,
    eventID: event.eventId,
    groupID: String(event.issueId),
    projectID: String(event.projectId),
    title: event.title,
    message: event.message,
    culprit: event.culprit,
    location: event.culprit === '' ? null : event.culprit,
    platform: event.platform,
    dateCreated: event.timestamp.toISOString(),
    dateReceived: event.receivedAt.toISOString(),
    'event.type': event.type,
    tags: tagsOf(payload),
    user: isObject(payload['user']) ? payload['user'] : null,
  };
}

/** Sentry's full event JSON: entries, contexts, sdk, release and the neighbours in its issue. */
export function serializeEvent(
  event: StoredEvent,
  neighbours: { previous: string | null; next: string | null },
): Json {
  const payload = event.payload;
  return {
    ...serializeSimpleEvent(event),
    type: event.type,
    level: event.level,
    logger: typeof payload['logger'] === 'string' ? payload['logger'] : null,
    metadata: event.metadata,
    entries: eventEntries(payload),
    contexts: isObject(payload['contexts']) ? payload['contexts'] : {},
    sdk: isObject(payload['sdk']) ? payload['sdk'] : null,
    packages: isObject(payload['modules']) ? payload['modules'] : {},
    context: isObject(payload['extra']) ? payload['extra'] : {},
    release: event.release === null ? null : { version: event.release, shortVersion: event.release },
    environment: event.environment,
    dist: typeof payload['dist'] === 'string' ? payload['dist'] : null,
    fingerprints: [],
    errors: Array.isArray(payload['errors']) ? payload['errors'] : [],
    size: null,
    crashFile: null,
    occurrence: null,
    _meta: {},
    previousEventID: neighbours.previous,
    nextEventID: neighbours.next,
  };
}
