import type { EventWrite } from '@fixloop/core';

/**
 * Moves the pre-encoded blobs of a reply's writes into ONE ArrayBuffer and points each write at its
 * slice, so the reply crosses the thread boundary with a single transfer. Sent as they are, small
 * Buffers are views of Node's shared 8 KB pool and postMessage copies a view's whole ArrayBuffer (8 KB
 * per ~2 KB record); transferring a buffer per blob cost a detach each. Returns the buffer to transfer.
 */
export function packEncodedBlobs(writes: EventWrite[]): ArrayBuffer {
  let total = 0;
  for (const { encoded } of writes) {
    if (encoded) total += encoded.record.byteLength + (encoded.timeline?.byteLength ?? 0);
  }
  const packed = new Uint8Array(total);
  let offset = 0;
  const place = (bytes: Uint8Array): Uint8Array => {
    packed.set(bytes, offset);
    const view = packed.subarray(offset, offset + bytes.byteLength);
    offset += bytes.byteLength;
    return view;
  };
  for (const write of writes) {
    const { encoded } = write;
    if (!encoded) continue;
    write.encoded = {
      record: place(encoded.record),
      timeline: encoded.timeline === null ? null : place(encoded.timeline),
    };
  }
  return packed.buffer;
}
