import { AppError, DEFAULT_SCRUBBING } from '@fixloop/core';
import { afterEach, describe, expect, it } from 'vitest';
import { InlineEventProcessor } from './event-processor.ts';
import type { EventTask } from './event-processor.ts';
import { ThreadedEventProcessor } from './threaded-event-processor.ts';

const context = {
  projectId: 3,
  receivedAt: new Date('2026-11-01T10:00:00.000Z'),
  clientIp: '198.51.100.4',
  scrubbing: DEFAULT_SCRUBBING,
};

const eventBytes = (id: string, value: string): Uint8Array =>
  Buffer.from(
    JSON.stringify({
      event_id: id,
      platform: 'node',
      exception: {
        values: [
          {
            type: 'TypeError',
            value,
            stacktrace: {
              frames: [
                { filename: '/srv/app/cart.js', function: 'total', context_line: 'x.y', in_app: true },
              ],
            },
          },
        ],
      },
      extra: { password: 'hunter2' },
    }),
  );

describe('ThreadedEventProcessor', () => {
  let pool: ThreadedEventProcessor | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it('produces exactly what the main thread would, in task order', async () => {
    pool = new ThreadedEventProcessor(2);
    const tasks: EventTask[] = [
      { raw: eventBytes('a'.repeat(32), 'first'), envelopeEventId: null },
      { raw: eventBytes('b'.repeat(32), 'second'), envelopeEventId: 'c'.repeat(32) },
      { raw: { message: 'parsed already', level: 'warning' }, envelopeEventId: null },
    ];
    const threaded = await pool.process(tasks, context);
    const inline = await new InlineEventProcessor().process(tasks, context);
    // Event ids of the parsed task are random when absent; compare everything else.
    expect(threaded[2]!.event.eventId).toMatch(/^[0-9a-f]{32}$/);
    threaded[2]!.event.eventId = inline[2]!.event.eventId;
    (threaded[2]!.event.payload as { event_id: string }).event_id = inline[2]!.event.eventId;
    expect(threaded).toEqual(inline);
    expect(threaded.map((w) => w.event.eventId).slice(0, 2)).toEqual(['a'.repeat(32), 'c'.repeat(32)]);
    expect(threaded[0]!.event.receivedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(threaded[0]!.event.payload)).not.toContain('hunter2');
  });

  it('turns errors in a thread into the same AppError', async () => {
    pool = new ThreadedEventProcessor(1);
    const error = await pool
      .process([{ raw: Buffer.from('{"not json'), envelopeEventId: null }], context)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'invalid_payload' });
    expect((error as AppError).message).toMatch(/^invalid event item: /);
  });

  it('fails in-flight work with unavailable when a thread dies, and replaces the thread', async () => {
    pool = new ThreadedEventProcessor(1);
    const slots = (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots;
    const inFlight = pool.process([{ raw: eventBytes('d'.repeat(32), 'x'), envelopeEventId: null }], context);
    await slots[0]!.worker.terminate();
    await expect(inFlight).rejects.toMatchObject({ code: 'unavailable' });
    const [write] = await pool.process(
      [{ raw: eventBytes('e'.repeat(32), 'y'), envelopeEventId: null }],
      context,
    );
    expect(write!.event.eventId).toBe('e'.repeat(32));
  });

  it('refuses work once closed', async () => {
    pool = new ThreadedEventProcessor(1);
    await pool.close();
    await expect(pool.process([], context)).rejects.toMatchObject({ code: 'unavailable' });
  });
});
