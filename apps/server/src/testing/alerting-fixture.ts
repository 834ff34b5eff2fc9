import type { Clock } from '@fixloop/core';
import { createTestUserToken, TestApiClient } from './test-api-client.ts';
import { FakeProviderServer } from './fake-provider-server.ts';
import { envelope, errorEvent, newEventId, startTestFixloop } from './test-fixloop.ts';
import type { TestBackend, TestFixloop } from './test-fixloop.ts';

/** Real time plus an offset that tests move forward (backoff, throttle windows, digests). */
export class OffsetClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface AlertingFixture {
  t: TestFixloop;
  /** An owner of the `default` organization with every scope. */
  api: TestApiClient;
  fake: FakeProviderServer;
  clock: OffsetClock;
  stop(): Promise<void>;
}

/**
 * A real Fixloop (fresh database) whose alert deliveries retry quickly in place (one short retry), with
 * a fake provider server for every channel kind and an offset clock.
 */
export async function startAlertingFixture(
  backend: TestBackend,
  options: { configFile?: unknown; env?: Record<string, string>; fake?: FakeProviderServer } = {},
): Promise<AlertingFixture> {
  const fake = options.fake ?? (await FakeProviderServer.start());
  const clock = new OffsetClock();
  const t = await startTestFixloop({
    backend,
    ...(options.configFile === undefined ? {} : { configFile: options.configFile }),
    env: { FIXLOOP_SECRET_KEY: 'alerting-test-master-key-0123456789', ...options.env },
    startOptions: {
      clock,
      alerting: {
        retry: { maxAttempts: 2, backoff: { initialMs: 10, maxMs: 20 } },
        maxDeliveryAttempts: 4,
        notifierOptions: { timeoutMs: 3_000 },
      },
    },
  });
  const { token } = await createTestUserToken(t.fixloop.storage, { organization: 'default', role: 'owner' });
  return {
    t,
    api: new TestApiClient(t.fixloop.url, token),
    fake,
    clock,
    stop: async () => {
      await t.stop();
      await fake.close();
    },
  };
}

/** Sends one error event through the real ingest endpoint; returns its id. */
export async function sendEvent(
  t: TestFixloop,
  overrides: Record<string, unknown> = {},
  projectId = t.projectId,
  key = t.key,
): Promise<string> {
  const eventId = newEventId();
  const event = { ...errorEvent(eventId, 'boom'), ...overrides };
  const response = await fetch(t.url(`/api/${projectId}/envelope/?sentry_key=${key}`), {
    method: 'POST',
    headers: { 'content-type': 'application/x-sentry-envelope' },
    body: envelope({ event_id: eventId }, [[{ type: 'event' }, event]]),
  });
  if (response.status !== 200) throw new Error(`ingest answered ${response.status}`);
  return eventId;
}

/** An error event whose exception type (and so its issue) is its own. */
export function distinctError(type: string, message: string, extra: Record<string, unknown> = {}) {
  const base = errorEvent(newEventId(), message);
  const exception = base['exception'] as { values: Record<string, unknown>[] };
  return { ...extra, exception: { values: [{ ...exception.values[0], type, value: message }] } };
}

let ticks = 0;

/** Runs alerting's minute tick for a slot through the real job queue; resolves when the job is done. */
export async function runAlertTick(t: TestFixloop, clock: Clock, slot: Date): Promise<void> {
  ticks += 1;
  const jobs = t.fixloop.storage.jobs;
  const { id } = await jobs.enqueueUnique({
    kind: 'alerts.tick',
    payload: { slot: slot.toISOString() },
    dedupeKey: `test-tick:${ticks}:${slot.toISOString()}`,
    runAt: clock.now(),
  });
  await until(async () => (await jobs.getJob(id))?.state === 'done');
}

/** Polls until `check` returns a value that is not null/undefined/false. */
export async function until<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
