import { z } from 'zod';
import { parseStackString } from './parse-stack-string.ts';

export const LOG_SEVERITIES = ['info', 'warning', 'error', 'critical'] as const;
export type LogSeverity = (typeof LOG_SEVERITIES)[number];

/** The simple log API's body (the in-house logger's fields). */
export const logBody = z.object({
  source: z.string().trim().min(1).max(100),
  service: z.string().trim().min(1).max(100),
  path_or_screen: z.string().trim().max(1000).nullish(),
  user_email: z.email().max(320).nullish(),
  severity: z.enum(LOG_SEVERITIES),
  message: z.string().trim().min(1).max(8192),
  stack: z.string().max(65_536).nullish(),
});
export type LogBody = z.infer<typeof logBody>;

export const LEVEL_OF: Record<LogSeverity, string> = {
  info: 'info',
  warning: 'warning',
  error: 'error',
  critical: 'fatal',
};

export function severityOfLevel(level: string): LogSeverity {
  if (level === 'fatal') return 'critical';
  if (level === 'error' || level === 'warning') return level;
  return 'info';
}

/**
 * A log line as a Sentry event, so normalization, grouping and the batcher treat it like any other:
 * a parseable stack becomes an exception (grouped by its frames), otherwise the message is grouped.
 * `source` and `service` become tags (and logger / server_name), the path or screen the transaction.
 */
export function logToSentryEvent(body: LogBody, eventId: string, now: Date): Record<string, unknown> {
  const parsed = body.stack ? parseStackString(body.stack) : null;
  const path = body.path_or_screen ?? null;
  const event: Record<string, unknown> = {
    event_id: eventId,
    timestamp: now.getTime() / 1000,
    platform: parsed?.platform ?? 'other',
    level: LEVEL_OF[body.severity],
    logger: body.source,
    server_name: body.service,
    message: body.message,
    tags: { source: body.source, service: body.service },
    contexts: { fixloop_log: { source: body.source, service: body.service, path_or_screen: path } },
    sdk: { name: 'fixloop.log-api', version: '1.0.0' },
  };
  if (path !== null && path !== '') event['transaction'] = path;
  if (body.user_email) event['user'] = { email: body.user_email };
  if (parsed !== null) {
    event['exception'] = {
      values: [
        {
          type: parsed.type ?? 'Error',
          value: parsed.value ?? body.message,
          stacktrace: { frames: parsed.frames },
          mechanism: { type: 'fixloop.log-api', handled: true },
        },
      ],
    };
  } else if (body.stack) {
    event['extra'] = { stack: body.stack };
  }
  return event;
}
