import { availableParallelism } from 'node:os';
import { InlineEventProcessor } from './event-processor.ts';
import type { EventProcessor } from './event-processor.ts';
import { ThreadedEventProcessor } from './threaded-event-processor.ts';

/**
 * `threads` from config: 0 = main thread only; null = one thread per spare core (none on one core).
 * The main thread keeps a core for HTTP and the database writes.
 */
export function createEventProcessor(threads: number | null): EventProcessor {
  const count = threads ?? Math.min(4, availableParallelism() - 1);
  return count > 0 ? new ThreadedEventProcessor(count) : new InlineEventProcessor();
}
