import { newEventId } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';

/** What an API test event varies: grouping (fingerprint), the exception, and the searchable fields. */
export interface TestEventSpec {
  fingerprint: string;
  type?: string;
  value?: string;
  level?: string;
  environment?: string;
  release?: string;
  userEmail?: string;
  tags?: Record<string, string>;
  /** The exception mechanism's `handled` flag; omitted: no mechanism, so no `handled` tag. */
  handled?: boolean;
  at?: Date;
}

/** An event as an SDK sends it; the fingerprint decides its issue whatever its stack. */
export function testEvent(eventId: string, spec: TestEventSpec): Record<string, unknown> {
  const exception: Record<string, unknown> = {
    type: spec.type ?? 'TypeError',
    value: spec.value ?? 'boom',
    stacktrace: {
      frames: [{ filename: '/app/src/server.js', function: 'handle', lineno: 10, colno: 5, in_app: true }],
    },
  };
  if (spec.handled !== undefined) exception['mechanism'] = { type: 'generic', handled: spec.handled };
  return {
    event_id: eventId,
    timestamp: (spec.at ?? new Date()).getTime() / 1000,
    platform: 'node',
    level: spec.level ?? 'error',
    fingerprint: [spec.fingerprint],
    exception: { values: [exception] },
    ...(spec.environment === undefined ? {} : { environment: spec.environment }),
    ...(spec.release === undefined ? {} : { release: spec.release }),
    ...(spec.userEmail === undefined ? {} : { user: { email: spec.userEmail } }),
    ...(spec.tags === undefined ? {} : { tags: spec.tags }),
  };
}

/** Sends one event through the real store endpoint (stored once it answers) and returns its id. */
export async function sendTestEvent(
  t: TestFixloop,
  spec: TestEventSpec,
  target: { projectId: number; key: string } = t,
): Promise<string> {
  const eventId = newEventId();
  const response = await fetch(
    t.url(`/api/${target.projectId}/store/?sentry_key=${target.key}&sentry_version=7`),
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(testEvent(eventId, spec)),
    },
  );
  if (response.status !== 200) throw new Error(`store answered ${response.status}: ${await response.text()}`);
  return eventId;
}

/** Minutes before now, as a Date. */
export const minutesAgo = (minutes: number): Date => new Date(Date.now() - minutes * 60_000);
