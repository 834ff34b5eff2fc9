import { describe, expect, it } from 'vitest';
import { AppError } from '@fixloop/core';
import type { Envelope } from './envelope-parser.ts';
import { INGEST_LIMITS, checkEnvelopeLimits } from './ingest-limits.ts';

const MiB = 1024 * 1024;

function envelope(...items: [string, number][]): Envelope {
  return {
    headers: {},
    items: items.map(([type, size]) => ({ headers: { type }, payload: Buffer.alloc(size) })),
  };
}

function limitError(env: Envelope): AppError {
  try {
    checkEnvelopeLimits(env);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected checkEnvelopeLimits to throw');
}

describe('INGEST_LIMITS', () => {
  it('holds the Relay defaults from spec §2', () => {
    expect(INGEST_LIMITS).toMatchObject({
      requestCompressed: 20 * MiB,
      storeRequestCompressed: 200 * 1024,
      envelopeDecompressed: 200 * MiB,
      storeDecompressed: MiB,
      event: MiB,
      feedback: MiB,
      attachment: 100 * MiB,
      attachmentsTotal: 100 * MiB,
      clientReport: 4096,
      securityReport: 64 * 1024,
      sessionItems: 100,
    });
  });
});

describe('checkEnvelopeLimits', () => {
  it('accepts items at the limits', () => {
    expect(() =>
      checkEnvelopeLimits(
        envelope(['event', MiB], ['client_report', 4096], ['attachment', 5 * MiB], ['x_unknown', 3 * MiB]),
      ),
    ).not.toThrow();
  });

  it("rejects an event over 1 MiB with Relay's message", () => {
    const error = limitError(envelope(['event', MiB + 1]));
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toBe("envelope exceeded size limits for type 'event'");
    expect(error.details).toEqual({ type: 'event', size: MiB + 1, limit: MiB });
  });

  it('counts event-like items together', () => {
    expect(limitError(envelope(['event', 600 * 1024], ['transaction', 600 * 1024])).message).toBe(
      "envelope exceeded size limits for type 'transaction'",
    );
  });

  it('per-type caps: feedback, attachments in total, client reports, sessions', () => {
    expect(limitError(envelope(['feedback', MiB + 1])).message).toContain("'feedback'");
    expect(limitError(envelope(['attachment', 60 * MiB], ['attachment', 60 * MiB])).message).toContain(
      "'attachment'",
    );
    expect(limitError(envelope(['client_report', 3000], ['client_report', 3000])).message).toContain(
      "'client_report'",
    );
    const sessions = Array.from({ length: 101 }, (): [string, number] => ['session', 10]);
    expect(limitError(envelope(...sessions)).message).toBe(
      "envelope exceeded size limits for type 'session'",
    );
    expect(() => checkEnvelopeLimits(envelope(...sessions.slice(1)))).not.toThrow();
  });
});
