// Worker-thread entry of ThreadedEventProcessor: receives the requests of one event-loop turn of the
// main thread and answers their writes with the stored blobs already encoded (see preEncodeEventWrite).
// Blobs of 16 K characters and more go uncompressed and the main thread compresses them: per event,
// this thread's work grows with the event's size and the main thread's (HTTP, SQLite) hardly does,
// so with large events this thread is the busier one (50 KB bench: 1,630-1,655 -> 1,834-1,892/s) while
// with small ones the main thread is (5 KB: +10-12% with compression here; docs/adr/0003).
import { parentPort } from 'node:worker_threads';
import { AppError } from '@fixloop/core';
import { preEncodeEventWrite } from '@fixloop/storage-sql';
import { runEventTask } from './event-processor.ts';
import { packEncodedBlobs } from './pack-encoded-blobs.ts';
import type { WorkerReply, WorkerReplyBatch, WorkerRequest, WorkerRequestBatch } from './worker-messages.ts';

if (!parentPort) throw new Error('event-processor-worker must run in a worker thread');
const port = parentPort;
const DEFER_COMPRESSION_FROM_CHARS = 16 * 1024;

port.on('message', ({ requests }: WorkerRequestBatch) => {
  const replies = requests.map(answer);
  // JSON and (for all but large blobs) compression happened here, off the one writer thread, and only
  // bytes (not the payload objects) cross back: every blob of the message in one transferred buffer.
  const writes = replies.flatMap((reply) => ('writes' in reply ? reply.writes : []));
  port.postMessage({ replies } satisfies WorkerReplyBatch, [packEncodedBlobs(writes)]);
});

/** One request's writes, or its error: a request that fails leaves the others of its message alone. */
function answer(request: WorkerRequest): WorkerReply {
  try {
    const writes = request.tasks.map((task) =>
      preEncodeEventWrite(runEventTask(task, request.context), {
        deferFromChars: DEFER_COMPRESSION_FROM_CHARS,
      }),
    );
    return { id: request.id, writes };
  } catch (error) {
    return {
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
}
