import { AppError } from '@fixloop/core';
import type { EventRecord, ProcessingError, ScrubbingSettings } from '@fixloop/core';
import { eventHandled, eventTags } from './event-auto-tags.ts';
import { normalizeBreadcrumbs } from './event-breadcrumbs.ts';
import { normalizeContexts } from './event-contexts.ts';
import { eventCulprit } from './event-culprit.ts';
import { normalizeException, normalizeStacktrace } from './event-exception.ts';
import {
  eventType,
  normalizeFingerprint,
  normalizeObjectField,
  normalizePlatform,
  normalizeStringFields,
} from './event-fields.ts';
import { parseEventId, randomEventId } from './event-id.ts';
import { parseLevel } from './event-level.ts';
import { normalizeLogEntry } from './event-message.ts';
import { headerValue, normalizeRequest } from './event-request.ts';
import { normalizeTags } from './event-tags.ts';
import { epochToDate, parseTimestamp } from './event-timestamp.ts';
import { eventMetadata, eventTitle } from './event-title.ts';
import { normalizeUser, userKey } from './event-user.ts';
import { copyJsonObject, isObject, type JsonObject } from './json-value.ts';
import { scrubPii } from './pii-scrubber.ts';
import { ProcessingErrors } from './processing-errors.ts';
import { addUserAgentContexts } from './user-agent-contexts.ts';

export interface NormalizeOptions {
  projectId: number;
  receivedAt: Date;
  /** The client's IP (socket or trusted X-Forwarded-For), for `{{auto}}` / sdk.settings.infer_ip === 'auto'. */
  clientIp: string | null;
  scrubbing: ScrubbingSettings;
  /** Envelope header event_id (32 hex, already normalized); wins over the payload's. */
  eventId?: string | null;
}

const STRING_FIELDS = ['release', 'dist', 'logger', 'transaction', 'server_name', 'culprit'] as const;

/**
 * Shapes an SDK event the way Relay does (spec §4), scrubs PII, then derives what storage indexes. Never throws
 * for a bad field: it is dropped and recorded in `errors` and in `payload.errors`.
 */
export function normalizeEvent(
  raw: unknown,
  options: NormalizeOptions,
): { record: EventRecord; errors: ProcessingError[] } {
  if (!isObject(raw)) throw new AppError('invalid_payload', 'event must be a JSON object');
  const errors = new ProcessingErrors();
  const shaped = shapeEvent(raw, options, errors);
  const earlier = Array.isArray(raw.errors) ? raw.errors : [];
  shaped.errors = [...earlier, ...errors.list];
  const payload = scrubPii(shaped, options.scrubbing);
  return {
    record: deriveRecord(payload, options),
    errors: (payload.errors as ProcessingError[]).slice(earlier.length),
  };
}

function shapeEvent(raw: JsonObject, options: NormalizeOptions, errors: ProcessingErrors): JsonObject {
  const out = copyJsonObject(raw);
  out.event_id = parseEventId(options.eventId) ?? parseEventId(raw.event_id) ?? randomEventId();
  if (raw.event_id !== undefined && parseEventId(raw.event_id) === null)
    errors.invalid('event_id', raw.event_id);
  const receivedAt = options.receivedAt.getTime() / 1000;
  const timestamp = parseTimestamp(raw.timestamp);
  if (timestamp === null && raw.timestamp !== undefined) errors.invalid('timestamp', raw.timestamp);
  out.timestamp = timestamp ?? receivedAt;
  out.received = receivedAt;
  out.level = parseLevel(raw.level) ?? 'error';
  if (raw.level !== undefined && parseLevel(raw.level) === null) errors.invalid('level', raw.level);
  out.platform = normalizePlatform(raw.platform, errors);
  normalizeStringFields(out, ['environment', ...STRING_FIELDS], errors);
  out.environment ??= 'production';
  out.tags = normalizeTags(raw.tags, errors);
  shapeOptional(out, raw, options, errors);
  return out;
}

function shapeOptional(
  out: JsonObject,
  raw: JsonObject,
  options: NormalizeOptions,
  errors: ProcessingErrors,
): void {
  const put = (key: string, value: unknown): void => {
    if (value === null || value === undefined) delete out[key];
    else out[key] = value;
  };
  put('logentry', normalizeLogEntry(raw.logentry, raw.message, errors));
  delete out.message;
  put('exception', normalizeException(raw.exception, errors));
  put('threads', normalizeThreads(raw.threads, errors));
  put('breadcrumbs', normalizeBreadcrumbs(raw.breadcrumbs, errors));
  const request = normalizeRequest(raw.request, errors);
  put('request', request);
  put('user', normalizeUser(raw.user, raw.sdk, options.clientIp, errors));
  put('fingerprint', normalizeFingerprint(raw.fingerprint, errors));
  for (const key of ['extra', 'sdk', 'modules', 'debug_meta']) normalizeObjectField(out, key, errors);
  const contexts = normalizeContexts(raw.contexts, errors);
  addUserAgentContexts(contexts, headerValue(request, 'user-agent'));
  put('contexts', Object.keys(contexts).length ? contexts : null);
  out.type = eventType(raw.type, out.exception !== undefined);
}

function normalizeThreads(value: unknown, errors: ProcessingErrors): JsonObject | null {
  if (value === undefined || value === null) return null;
  const list = Array.isArray(value) ? value : isObject(value) ? value.values : undefined;
  if (!Array.isArray(list)) {
    errors.invalid('threads', value);
    return null;
  }
  const values = list.filter(isObject).map((thread) => {
    const stacktrace = normalizeStacktrace(thread.stacktrace, errors);
    return stacktrace ? { ...thread, stacktrace } : thread;
  });
  return { values };
}

function deriveRecord(payload: JsonObject, options: NormalizeOptions): EventRecord {
  const logentry = isObject(payload.logentry) ? payload.logentry : null;
  const message = typeof logentry?.formatted === 'string' ? logentry.formatted : '';
  const title = eventTitle(payload, message);
  const culprit = eventCulprit(payload);
  const metadata = eventMetadata(payload, title, message);
  const handled = eventHandled(payload);
  const key = userKey(payload.user);
  const tags = eventTags(payload.tags as [string, string][], { event: payload, handled, userKey: key });
  payload.tags = Object.entries(tags);
  payload.title = title;
  payload.culprit = culprit;
  payload.metadata = metadata;
  return {
    projectId: options.projectId,
    eventId: payload.event_id as string,
    timestamp: epochToDate(payload.timestamp as number),
    receivedAt: options.receivedAt,
    type: eventType(payload.type, payload.exception !== undefined),
    level: parseLevel(payload.level) ?? 'error',
    platform: payload.platform as string,
    environment: payload.environment as string,
    release: typeof payload.release === 'string' ? payload.release : null,
    title,
    culprit,
    message,
    metadata,
    userKey: key,
    tags,
    handled,
    payload,
  };
}
