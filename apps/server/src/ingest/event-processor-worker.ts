// Worker-thread entry of ThreadedEventProcessor: receives batches of EventTasks and answers their
// writes serialized (see serializeEventWrite).
import { parentPort } from 'node:worker_threads';
import { AppError } from '@fixloop/core';
import { serializeEventWrite } from '@fixloop/storage-sql';
import { runEventTask } from './event-processor.ts';
import type { WorkerReply, WorkerRequest } from './threaded-event-processor.ts';

if (!parentPort) throw new Error('event-processor-worker must run in a worker thread');
const port = parentPort;

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    // Serializing the stored blobs here keeps JSON off the writer thread, and only text (not the
    // payload object) crosses back; the writer thread compresses it (see serializeEventWrite).
    const writes = request.tasks.map((task) => serializeEventWrite(runEventTask(task, request.context)));
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
  port.postMessage(reply);
});
