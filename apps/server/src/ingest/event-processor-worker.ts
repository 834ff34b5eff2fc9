// Worker-thread entry of ThreadedEventProcessor: receives batches of EventTasks and answers their
// writes with the stored blobs already encoded (see preEncodeEventWrite), in one transferred buffer.
// Blobs of 16 K characters and more go uncompressed and the main thread compresses them: per event,
// this thread's work grows with the event's size and the main thread's (HTTP, SQLite) hardly does,
// so with large events this thread is the busier one (50 KB bench: 1,630-1,655 -> 1,834-1,892/s) while
// with small ones the main thread is (5 KB: +10-12% with compression here; docs/adr/0003).
import { parentPort } from 'node:worker_threads';
import { AppError } from '@fixloop/core';
import { preEncodeEventWrite } from '@fixloop/storage-sql';
import { runEventTask } from './event-processor.ts';
import { packEncodedBlobs } from './pack-encoded-blobs.ts';
import type { WorkerReply, WorkerRequest } from './threaded-event-processor.ts';

if (!parentPort) throw new Error('event-processor-worker must run in a worker thread');
const port = parentPort;
const DEFER_COMPRESSION_FROM_CHARS = 16 * 1024;

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    // JSON and (for all but large blobs) compression happen here, off the one writer thread, and
    // only bytes (not the payload object) cross back.
    const writes = request.tasks.map((task) =>
      preEncodeEventWrite(runEventTask(task, request.context), {
        deferFromChars: DEFER_COMPRESSION_FROM_CHARS,
      }),
    );
    transfer = [packEncodedBlobs(writes)];
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
  port.postMessage(reply, transfer);
});
