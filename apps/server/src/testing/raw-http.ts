import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A POST with exactly the headers given (fetch adds a Content-Type for string bodies). Passing chunks
 * sends them with Transfer-Encoding: chunked and no Content-Length, the way @sentry/node streams.
 */
export function rawPost(
  url: string,
  body: Buffer | Buffer[],
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunked = Array.isArray(body);
    const allHeaders = chunked ? headers : { ...headers, 'content-length': String(body.length) };
    const req = request(url, { method, headers: allHeaders }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    if (chunked) {
      for (const chunk of body) req.write(chunk);
      req.end();
    } else {
      req.end(body);
    }
  });
}
