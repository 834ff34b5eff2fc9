import type { WorkerRequest } from './worker-messages.ts';

/**
 * Copies the item bytes of every task into ONE new ArrayBuffer and returns the requests with their tasks
 * pointing at their slices, plus that buffer to transfer (null when no task has bytes). A copy, not the
 * request's own bytes: an item is a view into the request body, and handing over the body's buffer would
 * detach it from under the envelope's other items (attachments, user reports) still to be stored. One
 * buffer for all tasks, because each transferred buffer costs a detach.
 */
export function packTaskBytes(requests: WorkerRequest[]): {
  requests: WorkerRequest[];
  buffer: ArrayBuffer | null;
} {
  let total = 0;
  for (const { tasks } of requests)
    for (const { raw } of tasks) if (raw instanceof Uint8Array) total += raw.byteLength;
  if (total === 0) return { requests, buffer: null };
  const packed = new Uint8Array(total);
  let offset = 0;
  const packedRequests = requests.map((request) => ({
    id: request.id,
    context: request.context,
    tasks: request.tasks.map((task) => {
      if (!(task.raw instanceof Uint8Array)) return task;
      packed.set(task.raw, offset);
      const raw = packed.subarray(offset, offset + task.raw.byteLength);
      offset += task.raw.byteLength;
      return { ...task, raw };
    }),
  }));
  return { requests: packedRequests, buffer: packed.buffer };
}
