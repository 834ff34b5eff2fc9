import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { blockedAddressReason } from './blocked-address.ts';

export type UrlCheckResult = { ok: true; addresses: string[] } | { ok: false; reason: string };

export interface OutgoingUrlPolicy {
  /** Let admins reach private, loopback and link-local hosts (self-hosted chat servers, test fakes). */
  allowPrivate: boolean;
  /** Replaceable resolver, for tests; node:dns lookup by default. */
  resolve?: (hostname: string) => Promise<string[]>;
}

async function resolveAll(hostname: string): Promise<string[]> {
  const records = await lookup(hostname, { all: true, verbatim: true });
  return records.map((record) => record.address);
}

/**
 * The SSRF check for user-supplied webhook URLs: only http(s), no credentials in the URL, and every address
 * the host resolves to must be public unless private networks are allowed. A host that does not resolve is
 * rejected too. The request then connects to the first approved address (see pinnedPost), never resolving
 * the host again.
 */
export async function checkOutgoingUrl(url: string, policy: OutgoingUrlPolicy): Promise<UrlCheckResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { ok: false, reason: `scheme ${parsed.protocol} is not allowed` };
  }
  if (parsed.username || parsed.password)
    return { ok: false, reason: 'credentials in the URL are not allowed' };
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await (policy.resolve ?? resolveAll)(host);
  } catch {
    return { ok: false, reason: `host ${host} does not resolve` };
  }
  if (addresses.length === 0) return { ok: false, reason: `host ${host} does not resolve` };
  if (policy.allowPrivate) return { ok: true, addresses };
  for (const address of addresses) {
    const reason = blockedAddressReason(address);
    if (reason) return { ok: false, reason: `${host} resolves to a ${reason} address (${address})` };
  }
  return { ok: true, addresses };
}
