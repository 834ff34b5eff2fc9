import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveNotifierOptions } from '../notifier-options.ts';
import { sendProviderRequest } from './provider-request.ts';

describe('requests pinned to the address the URL check approved', () => {
  let server: Server;
  let port: number;
  const received: { host: string | undefined; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ host: req.headers.host, body });
        res.writeHead(201, { 'x-provider': 'fake' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // `.invalid` never resolves (RFC 6761): the request can only arrive if the approved address was used.
  const request = () => ({
    url: `http://hooks.rebind.invalid:${port}/hook?token=s3cret`,
    headers: { 'content-type': 'application/json' },
    body: '{"text":"hi"}',
  });

  it('connects to the approved address without resolving the host again, keeping the Host header', async () => {
    const options = resolveNotifierOptions({
      urlGuard: async () => ({ ok: true, addresses: ['127.0.0.1'] }),
    });
    const response = await sendProviderRequest(request(), options);
    expect(response).toMatchObject({ ok: true, status: 201, text: '{"ok":true}' });
    expect(response.ok && response.headers.get('x-provider')).toBe('fake');
    expect(received.at(-1)).toEqual({ host: `hooks.rebind.invalid:${port}`, body: '{"text":"hi"}' });
  });

  it('fails as a retryable network error when the approved address refuses, never naming the URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const options = resolveNotifierOptions({
      urlGuard: async () => ({ ok: true, addresses: ['127.0.0.1'] }),
    });
    const response = await sendProviderRequest({ ...request(), url: `http://x.invalid:${closedPort}/h?token=s3cret` }, options); // prettier-ignore
    expect(response).toEqual({
      ok: false,
      failure: { ok: false, retryable: true, error: 'network error: ECONNREFUSED' },
    });
  });

  it('leaves a custom fetch in charge (proxies, tests)', async () => {
    const urls: string[] = [];
    const options = resolveNotifierOptions({
      urlGuard: async () => ({ ok: true, addresses: ['127.0.0.1'] }),
      fetch: async (input) => {
        urls.push(String(input));
        return new Response('custom', { status: 200 });
      },
    });
    expect(await sendProviderRequest(request(), options)).toMatchObject({ ok: true, text: 'custom' });
    expect(urls).toEqual([request().url]);
  });
});
