// Worker-thread entry of ThreadedEventProcessor: receives batches of EventTasks and answers their
// writes with the stored blobs already encoded (see preEncodeEventWrite), in one transferred buffer.
import { parentPort } from 'node:worker_threads';
import { AppError } from '@fixloop/core';
import { preEncodeEventWrite } from '@fixloop/storage-sql';
import { runEventTask } from './event-processor.ts';
import { packEncodedBlobs } from './pack-encoded-blobs.ts';
import type { WorkerReply, WorkerRequest } from './threaded-event-processor.ts';

if (!parentPort) throw new Error('event-processor-worker must run in a worker thread');
const port = parentPort;

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    // JSON and compression of the stored blobs happen here, off the one writer thread, and only
    // bytes (not the payload object) cross back.
    const writes = request.tasks.map((task) => preEncodeEventWrite(runEventTask(task, request.context)));
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
