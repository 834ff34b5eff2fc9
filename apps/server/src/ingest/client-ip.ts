import type { IncomingHttpHeaders } from 'node:http';

/** The client's IP: the first X-Forwarded-For hop when the proxy is trusted, else the socket peer. */
export function clientIpOf(
  headers: IncomingHttpHeaders,
  remoteAddress: string | undefined,
  trustProxy: boolean,
): string | null {
  if (trustProxy) {
    const forwarded = headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return stripMappedPrefix(first);
  }
  return remoteAddress ? stripMappedPrefix(remoteAddress) : null;
}

function stripMappedPrefix(ip: string): string {
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
}
