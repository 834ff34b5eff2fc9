import type { AlertMessage, DeliveryResult, Notifier } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { deliverWithRetry } from './deliver-with-retry.ts';

const message = { kind: 'test' } as AlertMessage;

function scripted(results: Array<DeliveryResult | Error>): Notifier & { calls: number } {
  const notifier = {
    channel: 'slack' as const,
    calls: 0,
    async send() {
      const next = results[notifier.calls++];
      if (next instanceof Error) throw next;
      return next ?? { ok: true };
    },
  };
  return notifier;
}

const recordSleeps = () => {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms: number) => void sleeps.push(ms) };
};
const fail = (retryable: boolean, retryAfterMs?: number): DeliveryResult =>
  retryAfterMs === undefined
    ? { ok: false, retryable, error: 'boom' }
    : { ok: false, retryable, retryAfterMs, error: 'boom' };

describe('deliverWithRetry', () => {
  it('retries retryable failures with exponential backoff until success', async () => {
    const notifier = scripted([fail(true), fail(true), { ok: true, providerMessageId: 'ts-1' }]);
    const { sleeps, sleep } = recordSleeps();
    const outcome = await deliverWithRetry(
      notifier,
      message,
      {},
      { maxAttempts: 5, backoff: { initialMs: 100 }, sleep },
    );
    expect(outcome).toEqual({ ok: true, providerMessageId: 'ts-1', attempts: 3 });
    expect(sleeps).toEqual([100, 200]);
  });

  it('waits at least the provider Retry-After', async () => {
    const { sleeps, sleep } = recordSleeps();
    await deliverWithRetry(
      scripted([fail(true, 7000), { ok: true }]),
      message,
      {},
      { backoff: { initialMs: 100 }, sleep },
    );
    expect(sleeps).toEqual([7000]);
  });

  it('stops at once on a non-retryable failure, and after maxAttempts otherwise', async () => {
    const { sleeps, sleep } = recordSleeps();
    expect(await deliverWithRetry(scripted([fail(false)]), message, {}, { sleep })).toEqual({
      ...fail(false),
      attempts: 1,
    });
    const outcome = await deliverWithRetry(
      scripted([fail(true), fail(true), fail(true), { ok: true }]),
      message,
      {},
      {
        maxAttempts: 3,
        backoff: { initialMs: 10, factor: 3 },
        sleep,
      },
    );
    expect(outcome).toEqual({ ...fail(true), attempts: 3 });
    expect(sleeps).toEqual([10, 30]);
  });

  it('hands a wait longer than maxMs back to the caller instead of sleeping through it', async () => {
    const { sleeps, sleep } = recordSleeps();
    const outcome = await deliverWithRetry(
      scripted([fail(true, 120_000)]),
      message,
      {},
      {
        maxAttempts: 5,
        backoff: { maxMs: 60_000 },
        sleep,
      },
    );
    expect(outcome).toEqual({ ...fail(true, 120_000), attempts: 1 });
    expect(sleeps).toEqual([]);
  });

  it('turns a throwing notifier into a failed result', async () => {
    const outcome = await deliverWithRetry(
      scripted([new Error('bug')]),
      message,
      {},
      { sleep: async () => {} },
    );
    expect(outcome).toEqual({ ok: false, retryable: false, error: 'notifier failed: bug', attempts: 1 });
  });
});
