import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';

export interface PinnedPostInit {
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

/**
 * POSTs to `url` but connects only to `address`, the one the SSRF check approved: a DNS answer that
 * changes between the check and the connection (DNS rebinding) cannot send the request elsewhere. TLS
 * still verifies the certificate against the URL's host name. Redirects are not followed.
 */
export function pinnedPost(url: string, init: PinnedPostInit, address: string): Promise<Response> {
  const target = new URL(url);
  const family = isIP(address);
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers = { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) };
  return new Promise((resolve, reject) => {
    const request = send(target, { method: 'POST', headers, lookup, signal: init.signal }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => resolve(toResponse(response, Buffer.concat(chunks))));
    });
    request.on('error', reject);
    request.end(init.body);
  });
}

function toResponse(message: IncomingMessage, body: Buffer): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const status = message.statusCode ?? 502;
  const empty = status === 204 || status === 205 || status === 304;
  return new Response(empty ? null : body, { status, statusText: message.statusMessage ?? '', headers });
}
