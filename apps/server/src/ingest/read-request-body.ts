import type { IncomingMessage } from 'node:http';
import { AppError } from '@fixloop/core';

/**
 * The request body as bytes, chunked or not, refused with 413 past `limit` bytes on the wire: by its
 * Content-Length before reading anything, else as soon as the stream passes the limit. Decompression
 * has its own limit (decodeBody). A client that goes away mid-body rejects with a 400 nobody reads.
 */
export function readRequestBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = request.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        request.pause();
        reject(tooLarge());
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    };
    const onAbort = () => {
      cleanup();
      reject(new AppError('bad_request', 'the request body was not completely received'));
    };
    const cleanup = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onAbort);
      request.off('close', onClose);
    };
    const onClose = () => {
      if (!request.complete) onAbort();
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onAbort);
    request.on('close', onClose);
  });
}

function tooLarge(): AppError {
  return new AppError('payload_too_large', 'request body exceeded size limit');
}
