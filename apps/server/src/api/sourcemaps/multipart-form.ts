export interface MultipartPart {
  /** The form field name (`file`, `file_gzip`, `name`, …). */
  name: string;
  /** The part's filename, for file parts (sentry-cli puts the chunk's sha1 here). */
  filename: string | null;
  /** Part headers, names lower-cased. */
  headers: Record<string, string>;
  data: Buffer;
}

export type MultipartResult = { ok: true; parts: MultipartPart[] } | { ok: false; error: string };

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** The boundary of a `multipart/form-data` Content-Type, or null when it is something else. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (contentType === undefined || !/^multipart\/form-data\b/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

/**
 * Splits an in-memory `multipart/form-data` body (RFC 7578) into parts. Upload routes already cap
 * the body size, so buffering is bounded; parsing by hand keeps the server's one raw-bytes body
 * parser instead of a second, stream-based one for a handful of routes.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartResult {
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  if (at === -1) return { ok: false, error: 'multipart body has no boundary' };
  const parts: MultipartPart[] = [];
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') return { ok: true, parts };
    if (!body.subarray(at, at + 2).equals(CRLF))
      return { ok: false, error: 'malformed multipart boundary line' };
    const headerEnd = body.indexOf(HEADER_END, at + 2);
    if (headerEnd === -1) return { ok: false, error: 'multipart part without headers' };
    const next = body.indexOf(Buffer.concat([CRLF, delimiter]), headerEnd + 4);
    if (next === -1) return { ok: false, error: 'unterminated multipart body' };
    const part = toPart(
      body.subarray(at + 2, headerEnd).toString('utf8'),
      body.subarray(headerEnd + 4, next),
    );
    if (part === null) return { ok: false, error: 'multipart part without a form-data name' };
    parts.push(part);
    at = next + CRLF.length;
  }
}

function toPart(headerBlock: string, data: Buffer): MultipartPart | null {
  const headers: Record<string, string> = {};
  for (const line of headerBlock.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const disposition = headers['content-disposition'] ?? '';
  const name = dispositionParam(disposition, 'name');
  if (name === null) return null;
  return { name, filename: dispositionParam(disposition, 'filename'), headers, data };
}

function dispositionParam(disposition: string, key: string): string | null {
  const match = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${key}=([^;\\s]+)`, 'i').exec(
    disposition,
  );
  if (match === null) return null;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? null);
}
