import type { Transferable, Worker } from 'node:worker_threads';
import { AppError, DEFAULT_SCRUBBING } from '@fixloop/core';
import type { EventWrite } from '@fixloop/core';
import { decodeEventRecord, eventBlobOf, preEncodeEventWrite } from '@fixloop/storage-sql';
import { afterEach, describe, expect, it } from 'vitest';
import { InlineEventProcessor } from './event-processor.ts';
import type { EventTask } from './event-processor.ts';
import { ThreadedEventProcessor } from './threaded-event-processor.ts';
import type { WorkerRequestBatch } from './worker-messages.ts';

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

  it('produces what the main thread would, pre-encoded for storage, in task order', async () => {
    pool = new ThreadedEventProcessor(2);
    const tasks: EventTask[] = [
      { raw: eventBytes('a'.repeat(32), 'first'), envelopeEventId: null },
      { raw: eventBytes('b'.repeat(32), 'second'), envelopeEventId: 'c'.repeat(32) },
      { raw: { message: 'parsed already', level: 'warning' }, envelopeEventId: null },
    ];
    const threaded = await pool.process(tasks.slice(0, 2), context);
    const inline = await new InlineEventProcessor().process(tasks.slice(0, 2), context);
    // Exactly what the storage codec makes of the main thread's result, encoded on the thread (the
    // blobs compared as bytes: they arrive as Uint8Array views, the codec makes Buffers).
    const expected = inline.map((write) => preEncodeEventWrite(write));
    const bytesOf = (w: EventWrite) => [w.encoded!.record, w.encoded!.timeline].map((b) => b && [...b]);
    expect(threaded.map(bytesOf)).toEqual(expected.map(bytesOf));
    const withoutBlobs = (w: EventWrite) => ({ ...w, encoded: undefined });
    expect(threaded.map(withoutBlobs)).toEqual(expected.map(withoutBlobs));
    // The reply's blobs arrive as views of one transferred buffer, and bind as Buffers.
    const [first, second] = threaded.map((w) => w.encoded!.record);
    expect(first!.buffer).toBe(second!.buffer);
    expect(first!.buffer.byteLength).toBe(first!.byteLength + second!.byteLength);
    expect(eventBlobOf(threaded[1]!).equals(preEncodeEventWrite(inline[1]!).encoded!.record)).toBe(true);
    expect(threaded.map((w) => w.event.eventId)).toEqual(['a'.repeat(32), 'c'.repeat(32)]);
    expect(threaded[0]!.event.receivedAt).toBeInstanceOf(Date);
    const stored = decodeEventRecord({
      project_id: 3,
      event_id: 'a'.repeat(32),
      timestamp: 0,
      received_at: 0,
      payload: threaded[0]!.encoded!.record,
    });
    expect(stored.payload).toEqual(inline[0]!.event.payload);
    expect(JSON.stringify(stored.payload)).not.toContain('hunter2');
    const [parsed] = await pool.process([tasks[2]!], context);
    expect(parsed!.event).toMatchObject({ level: 'warning', title: 'parsed already' });
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

  it('sends the requests of one event-loop turn together, in fours, and answers each on its own', async () => {
    pool = new ThreadedEventProcessor(1);
    const body = eventBytes('f'.repeat(32), 'first');
    const first = pool.process([{ raw: body, envelopeEventId: null }], context);
    const worker = (pool as unknown as { slots: { worker: Worker }[] }).slots[0]!.worker;
    const sent: number[] = [];
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message: WorkerRequestBatch, transfer?: readonly Transferable[]) => {
      sent.push(message.requests.length);
      post(message, transfer);
    };
    const rest = ['1', '2', 'bad', '4', '5'].map((n) =>
      pool!.process(
        [
          {
            raw: n === 'bad' ? Buffer.from('{"not json') : eventBytes(n.repeat(32), n),
            envelopeEventId: null,
          },
        ],
        context,
      ),
    );
    const settled = await Promise.allSettled([first, ...rest]);
    expect(sent).toEqual([4, 2]);
    const ids = settled.map((s) => (s.status === 'fulfilled' ? s.value[0]!.event.eventId : s.reason));
    expect(ids).toEqual([
      'f'.repeat(32),
      '1'.repeat(32),
      '2'.repeat(32),
      expect.objectContaining({ code: 'invalid_payload' }),
      '4'.repeat(32),
      '5'.repeat(32),
    ]);
    // Each request's bytes were copied for the thread, not handed over.
    expect(JSON.parse(Buffer.from(body).toString())).toMatchObject({ event_id: 'f'.repeat(32) });
  });

  it('fails in-flight work with unavailable when a thread dies, and replaces the thread', async () => {
    pool = new ThreadedEventProcessor(1);
    const slots = (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots;
    const inFlight = pool.process([{ raw: eventBytes('d'.repeat(32), 'x'), envelopeEventId: null }], context);
    expect(pool.threads).toBe(1);
    await slots[0]!.worker.terminate();
    await expect(inFlight).rejects.toMatchObject({ code: 'unavailable' });
    const [write] = await pool.process(
      [{ raw: eventBytes('e'.repeat(32), 'y'), envelopeEventId: null }],
      context,
    );
    expect(write!.event.eventId).toBe('e'.repeat(32));
  });

  it('starts threads on demand and stops them after the idle time', async () => {
    pool = new ThreadedEventProcessor(2, { idleMs: 200 });
    expect(pool.threads).toBe(0);
    const burst = ['1', '2', '3'].map((n) =>
      pool!.process([{ raw: eventBytes(n.repeat(32), n), envelopeEventId: null }], context),
    );
    // Three requests at once: a second thread starts while the first is busy, never a third.
    expect(pool.threads).toBe(2);
    const writes = await Promise.all(burst);
    expect(writes.map(([w]) => w!.event.eventId)).toEqual(['1', '2', '3'].map((n) => n.repeat(32)));
    await expect.poll(() => pool!.threads, { timeout: 5_000, interval: 50 }).toBe(0);
    const [again] = await pool.process(
      [{ raw: eventBytes('4'.repeat(32), '4'), envelopeEventId: null }],
      context,
    );
    expect(again!.event.eventId).toBe('4'.repeat(32));
    expect(pool.threads).toBe(1);
  });

  it('refuses work once closed', async () => {
    pool = new ThreadedEventProcessor(1);
    await pool.close();
    await expect(pool.process([], context)).rejects.toMatchObject({ code: 'unavailable' });
  });
});
