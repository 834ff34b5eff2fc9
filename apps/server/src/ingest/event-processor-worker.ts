// Worker-thread entry of ThreadedEventProcessor: receives batches of EventTasks, answers EventWrites.
import { parentPort } from 'node:worker_threads';
import { AppError } from '@fixloop/core';
import type { EventWrite } from '@fixloop/core';
import { preEncodeEventWrite } from '@fixloop/storage-sql';
import { runEventTask } from './event-processor.ts';
import type { WorkerReply, WorkerRequest } from './threaded-event-processor.ts';

if (!parentPort) throw new Error('event-processor-worker must run in a worker thread');
const port = parentPort;

/**
 * A blob in an ArrayBuffer of its own, listed for transfer. Small Buffers are slices of Node's shared
 * 8 KB pool, and postMessage copies a view's whole ArrayBuffer: 8 KB per ~2 KB event record.
 */
function handOver(bytes: Uint8Array, transfer: ArrayBuffer[]): Uint8Array {
  const own =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
  transfer.push(own.buffer as ArrayBuffer);
  return own;
}

function encodedWrite(write: EventWrite, transfer: ArrayBuffer[]): EventWrite {
  const encoded = preEncodeEventWrite(write);
  if (!encoded.encoded) return encoded;
  const { record, timeline } = encoded.encoded;
  encoded.encoded = {
    record: handOver(record, transfer),
    timeline: timeline === null ? null : handOver(timeline, transfer),
  };
  return encoded;
}

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  const transfer: ArrayBuffer[] = [];
  try {
    // Encoding the stored blobs here keeps JSON and compression off the one writer thread, and only
    // bytes (not the payload object) cross back.
    const writes = request.tasks.map((task) => encodedWrite(runEventTask(task, request.context), transfer));
    reply = { id: request.id, writes };
  } catch (error) {
    reply = {
      id: request.id,
      error:
        error instanceof AppError
          ? { code: error.code, message: error.message, details: { ...error.details } }
          : {
              code: 'internal',
              message: error instanceof Error ? error.message : String(error),
              details: {},
            },
    };
  }
  port.postMessage(reply, 'writes' in reply ? transfer : []);
});
