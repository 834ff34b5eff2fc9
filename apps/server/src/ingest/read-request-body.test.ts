import { createServer, request } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readRequestBody } from './read-request-body.ts';

const LIMIT = 1000;
let server: Server | undefined;

/** A real server whose handler reports what readRequestBody gave it. */
async function serve(onResult: (result: Buffer | Error) => void): Promise<number> {
  server = createServer((req, res) => {
    readRequestBody(req, LIMIT).then(
      (body) => {
        onResult(body);
        res.end(`read ${body.length}`);
      },
      (error: Error) => {
        onResult(error);
        if (!res.destroyed) res.writeHead(413, { connection: 'close' }).end(error.message);
      },
    );
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function post(port: number, chunks: Buffer[], headers: Record<string, string> = {}, end = true) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    if (end) req.end();
  });
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('readRequestBody', () => {
  it('joins a chunked body into one buffer of exactly its bytes', async () => {
    const results: (Buffer | Error)[] = [];
    const port = await serve((r) => results.push(r));
    const parts = [Buffer.from('a'.repeat(300)), Buffer.from('b'.repeat(300)), Buffer.from('c')];
    const res = await post(port, parts);
    expect(res).toEqual({ status: 200, body: 'read 601' });
    expect((results[0] as Buffer).toString()).toBe(Buffer.concat(parts).toString());
  });

  it('refuses by Content-Length before reading, and a chunked body once it passes the limit', async () => {
    const results: (Buffer | Error)[] = [];
    const port = await serve((r) => results.push(r));
    // Only 10 of the declared bytes are ever sent: the answer can come from the header alone.
    const declared = await post(port, [Buffer.alloc(10)], { 'content-length': String(LIMIT + 1) }, false);
    expect(declared).toEqual({ status: 413, body: 'request body exceeded size limit' });
    const streamed = await post(port, [Buffer.alloc(600), Buffer.alloc(600)]);
    expect(streamed.status).toBe(413);
    expect(results.map((r) => (r instanceof Error ? r.message : 'body'))).toEqual([
      'request body exceeded size limit',
      'request body exceeded size limit',
    ]);
  });

  it('accepts a body of exactly the limit, and an empty one', async () => {
    const results: (Buffer | Error)[] = [];
    const port = await serve((r) => results.push(r));
    expect(await post(port, [Buffer.alloc(LIMIT)])).toEqual({ status: 200, body: `read ${LIMIT}` });
    expect(await post(port, [])).toEqual({ status: 200, body: 'read 0' });
  });

  it('rejects when the client goes away mid-body', async () => {
    let settle!: (r: Buffer | Error) => void;
    const settled = new Promise<Buffer | Error>((resolve) => (settle = resolve));
    const port = await serve((r) => settle(r));
    const req = request({ port, host: '127.0.0.1', method: 'POST', headers: { 'content-length': '500' } });
    req.on('error', () => undefined);
    req.write(Buffer.alloc(100));
    await new Promise((resolve) => setTimeout(resolve, 50));
    req.destroy();
    const result = await settled;
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toBe('the request body was not completely received');
  });
});
