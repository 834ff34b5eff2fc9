import type { AppErrorCode, EventWrite } from '@fixloop/core';
import type { EventTask } from './event-processor.ts';
import type { EventContext } from './event-write-builder.ts';

/** One `EventProcessor.process` call: the tasks of one request. */
export interface WorkerRequest {
  id: number;
  tasks: EventTask[];
  context: EventContext;
}

export type WorkerReply =
  | { id: number; writes: EventWrite[] }
  | { id: number; error: { code: AppErrorCode; message: string; details: Record<string, unknown> } };

/**
 * What crosses to an ingest thread in one postMessage: every request made since the last one, in order.
 * A message has a fixed cost on both sides (serializing, waking the port, dispatching the event) that
 * one per request made ~10 µs of each event's work on the ingest thread alone.
 */
export interface WorkerRequestBatch {
  requests: WorkerRequest[];
}

/** The answers to one WorkerRequestBatch, in its order, with every stored blob in one transferred buffer. */
export interface WorkerReplyBatch {
  replies: WorkerReply[];
}
