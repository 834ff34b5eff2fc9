import { AppError } from '@fixloop/core';
import { Decompress } from 'fzstd';

const ZSTD_MAGIC = 0xfd2fb528;
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
/** A window this large is always fine to allocate; above it the window must fit the output cap. */
const ALWAYS_ALLOWED_WINDOW = 8 * 1024 * 1024;

function corrupt(): AppError {
  return new AppError('invalid_payload', 'failed to decode zstd payload');
}

/** Declared window size of the frame at `offset` (RFC 8878 §3.1.1.1), which fzstd allocates up front. */
function frameWindowSize(data: Buffer, offset: number): number {
  const descriptor = data[offset + 4];
  if (descriptor === undefined) throw corrupt();
  const singleSegment = (descriptor >> 5) & 1;
  if (!singleSegment) {
    const windowByte = data[offset + 5];
    if (windowByte === undefined) throw corrupt();
    const base = 2 ** (10 + (windowByte >> 3));
    return base + (base / 8) * (windowByte & 7);
  }
  const sizeFlag = descriptor >> 6;
  const dictBytes = [0, 1, 2, 4][descriptor & 3]!;
  const sizeBytes = sizeFlag === 0 ? 1 : 2 ** sizeFlag;
  const at = offset + 5 + dictBytes;
  if (at + sizeBytes > data.length) throw corrupt();
  const size = sizeBytes === 8 ? Number(data.readBigUInt64LE(at)) : data.readUIntLE(at, sizeBytes);
  return sizeFlag === 1 ? size + 256 : size;
}

/** Byte length of the frame at `offset`, walking block headers without decoding them. */
function frameLength(data: Buffer, offset: number): number {
  const descriptor = data[offset + 4]!;
  const singleSegment = (descriptor >> 5) & 1;
  const sizeFlag = descriptor >> 6;
  const dictBytes = [0, 1, 2, 4][descriptor & 3]!;
  const sizeBytes = sizeFlag === 0 ? singleSegment : 2 ** sizeFlag;
  let at = offset + 5 + (singleSegment ? 0 : 1) + dictBytes + sizeBytes;
  for (;;) {
    if (at + 3 > data.length) throw corrupt();
    const header = data.readUIntLE(at, 3);
    const blockType = (header >> 1) & 3;
    at += 3 + (blockType === 1 ? 1 : header >> 3);
    if (header & 1) break;
  }
  return at + ((descriptor >> 2) & 1 ? 4 : 0) - offset;
}

/** Rejects frames whose window would make fzstd allocate more than the output cap allows (zip-bomb safety). */
function checkFrameWindows(data: Buffer, maxBytes: number): void {
  let offset = 0;
  while (offset < data.length) {
    if (offset + 8 > data.length) throw corrupt();
    const magic = data.readUInt32LE(offset);
    if ((magic & SKIPPABLE_MASK) >>> 0 === SKIPPABLE_MAGIC) {
      offset += 8 + data.readUInt32LE(offset + 4);
      continue;
    }
    if (magic !== ZSTD_MAGIC) throw corrupt();
    const window = frameWindowSize(data, offset);
    if (window > Math.max(maxBytes, ALWAYS_ALLOWED_WINDOW)) {
      throw new AppError('payload_too_large', 'decompressed payload exceeds the size limit', {
        limit: maxBytes,
      });
    }
    offset += frameLength(data, offset);
  }
}

/** Streaming zstd decode that stops as soon as the output passes `maxBytes`. */
export function decodeZstd(data: Buffer, maxBytes: number): Buffer {
  checkFrameWindows(data, maxBytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const tooLarge = new AppError('payload_too_large', 'decompressed payload exceeds the size limit', {
    limit: maxBytes,
  });
  const stream = new Decompress((chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge;
    chunks.push(chunk);
  });
  const CHUNK = 64 * 1024;
  try {
    for (let at = 0; at < data.length; at += CHUNK) {
      const end = Math.min(at + CHUNK, data.length);
      stream.push(data.subarray(at, end), end === data.length);
    }
  } catch (error) {
    if (error === tooLarge) throw tooLarge;
    throw corrupt();
  }
  return Buffer.concat(chunks, total);
}
