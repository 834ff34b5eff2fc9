import { MessageChannel } from 'node:worker_threads';
import { DEFAULT_SCRUBBING } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { packTaskBytes } from './pack-task-bytes.ts';
import type { WorkerRequest } from './worker-messages.ts';

const context = { projectId: 1, receivedAt: new Date(0), clientIp: null, scrubbing: DEFAULT_SCRUBBING };

describe('packTaskBytes', () => {
  it('copies every item into one buffer that crosses threads without touching the request bodies', async () => {
    // Two items inside one request body, as an envelope's are, and an already parsed value.
    const body = Buffer.from('{"a":1}\n{"b":22}\nattachment bytes');
    const requests: WorkerRequest[] = [
      { id: 1, context, tasks: [{ raw: body.subarray(0, 7), envelopeEventId: null }] },
      {
        id: 2,
        context,
        tasks: [
          { raw: body.subarray(8, 16), envelopeEventId: 'e'.repeat(32) },
          { raw: { parsed: true }, envelopeEventId: null },
        ],
      },
    ];
    const { requests: packed, buffer } = packTaskBytes(requests);
    expect(buffer?.byteLength).toBe(15);
    const raws = packed.flatMap((r) => r.tasks.map((t) => t.raw));
    expect(raws[0]).toBeInstanceOf(Uint8Array);
    expect((raws[0] as Uint8Array).buffer).toBe(buffer);
    expect((raws[1] as Uint8Array).buffer).toBe(buffer);
    expect(raws[2]).toEqual({ parsed: true });
    expect(packed[1]!.tasks[0]!.envelopeEventId).toBe('e'.repeat(32));

    const { port1, port2 } = new MessageChannel();
    const received = new Promise<WorkerRequest[]>((resolve) => port2.once('message', resolve));
    port1.postMessage(packed, [buffer!]);
    const [first, second] = await received;
    port1.close();
    expect(Buffer.from(first!.tasks[0]!.raw as Uint8Array).toString()).toBe('{"a":1}');
    expect(Buffer.from(second!.tasks[0]!.raw as Uint8Array).toString()).toBe('{"b":22}');
    // The body (and the attachment still in it) is intact: only the copy was handed over.
    expect(body.toString()).toBe('{"a":1}\n{"b":22}\nattachment bytes');
  });

  it('transfers nothing when no task has bytes', () => {
    const requests: WorkerRequest[] = [{ id: 1, context, tasks: [{ raw: {}, envelopeEventId: null }] }];
    expect(packTaskBytes(requests)).toEqual({ requests, buffer: null });
  });
});
