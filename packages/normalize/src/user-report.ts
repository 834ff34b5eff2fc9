import { AppError } from '@fixloop/core';
import type { ScrubbingSettings, UserReportWrite } from '@fixloop/core';
import { parseEventId } from './event-id.ts';
import { epochToDate, parseTimestamp } from './event-timestamp.ts';
import { coerceString, isObject, truncate } from './json-value.ts';
import { scrubPii } from './pii-scrubber.ts';

/** Sentry's column limits for user reports. */
const MAX_NAME = 128;
const MAX_EMAIL = 75;
const MAX_COMMENTS = 4096;

/** A `feedback` envelope item: an event whose `contexts.feedback` holds the report. */
export function userReportFromFeedback(
  raw: unknown,
  options: { projectId: number; receivedAt: Date; scrubbing: ScrubbingSettings },
): UserReportWrite {
  if (!isObject(raw)) throw new AppError('invalid_payload', 'feedback must be a JSON object');
  const contexts = isObject(raw.contexts) ? raw.contexts : {};
  if (!isObject(contexts.feedback)) {
    throw new AppError('invalid_payload', 'feedback item has no contexts.feedback object');
  }
  const feedback = scrubPii(contexts.feedback, options.scrubbing);
  const comments = text(feedback.message);
  if (!comments) throw new AppError('invalid_payload', 'feedback has no message');
  const user = isObject(raw.user) ? raw.user : {};
  const request = isObject(raw.request) ? raw.request : {};
  const ts = parseTimestamp(raw.timestamp);
  return {
    projectId: options.projectId,
    eventId: parseEventId(feedback.associated_event_id),
    name: truncate(text(feedback.name) || text(user.name) || text(user.username), MAX_NAME),
    email: truncate(text(feedback.contact_email) || text(user.email), MAX_EMAIL),
    comments: truncate(comments, MAX_COMMENTS),
    url: text(feedback.url) || text(request.url) || null,
    source: 'feedback',
    createdAt: ts === null ? options.receivedAt : epochToDate(ts),
  };
}

/** A legacy `user_report` item or a Web API body `{event_id, name, email, comments}`. */
export function userReportFromLegacy(
  raw: unknown,
  options: { projectId: number; receivedAt: Date; source: 'user_report' | 'api' },
): UserReportWrite {
  if (!isObject(raw)) throw new AppError('invalid_payload', 'user report must be a JSON object');
  const eventId = parseEventId(raw.event_id);
  if (!eventId) {
    throw new AppError('invalid_payload', 'user report needs an event_id (32 hex characters)', {
      field: 'event_id',
    });
  }
  const comments = text(raw.comments);
  if (!comments) throw new AppError('invalid_payload', 'user report has no comments', { field: 'comments' });
  return {
    projectId: options.projectId,
    eventId,
    name: truncate(text(raw.name), MAX_NAME),
    email: truncate(text(raw.email), MAX_EMAIL),
    comments: truncate(comments, MAX_COMMENTS),
    url: null,
    source: options.source,
    createdAt: options.receivedAt,
  };
}

function text(value: unknown): string {
  return coerceString(value)?.trim() ?? '';
}
