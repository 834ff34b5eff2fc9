import { AppError } from '@fixloop/core';
import type { EventWrite } from '@fixloop/core';
import { parseJsonLenient } from '@fixloop/ingest';
import { buildEventWrite } from './event-write-builder.ts';
import type { EventContext } from './event-write-builder.ts';

/** One event to turn into an EventWrite. */
export interface EventTask {
  /** The item's JSON bytes (a Uint8Array, parsed where the task runs), or an already parsed value. */
  raw: unknown;
  envelopeEventId: string | null;
  attachedTimeline?: unknown;
}

/**
 * Turns raw events into EventWrites: JSON parse, normalization, PII scrubbing, grouping, classification
 * and the timeline. This is the CPU-heavy part of ingest, so it sits behind an interface that can run it
 * on worker threads while the main thread keeps HTTP and the database.
 */
export interface EventProcessor {
  process(tasks: EventTask[], context: EventContext): Promise<EventWrite[]>;
  close(): Promise<void>;
}

export function runEventTask(task: EventTask, context: EventContext): EventWrite {
  const raw = task.raw instanceof Uint8Array ? parseEventJson(task.raw) : task.raw;
  return buildEventWrite(raw, context, task.envelopeEventId, task.attachedTimeline);
}

function parseEventJson(bytes: Uint8Array): unknown {
  try {
    return parseJsonLenient(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new AppError('invalid_payload', `invalid event item: ${(error as Error).message}`);
  }
}

/** Runs everything on the calling thread (FIXLOOP_INGEST_THREADS=0, and one-core machines). */
export class InlineEventProcessor implements EventProcessor {
  async process(tasks: EventTask[], context: EventContext): Promise<EventWrite[]> {
    return tasks.map((task) => runEventTask(task, context));
  }

  async close(): Promise<void> {}
}
