import { AppError } from '@fixloop/core';
import { parseDsn } from './dsn.ts';

export interface SentryAuth {
  publicKey: string;
  source: 'x-sentry-auth' | 'authorization' | 'basic' | 'query' | 'dsn';
  client: string | null;
  version: number | null;
  /** Project id named by the envelope header `dsn`, if one was given: Relay rejects a mismatch with the route. */
  dsnProjectId: number | null;
}

interface Candidate {
  source: SentryAuth['source'];
  key: string;
  client: string | null;
  version: string | null;
}

type Headers = Record<string, string | string[] | undefined>;

const MAX_PROTOCOL_VERSION = 8;

function first(value: unknown): string | undefined {
  if (Array.isArray(value)) return first(value[0]);
  return typeof value === 'string' ? value : undefined;
}

/** `Sentry sentry_key=..., sentry_version=7` (Relay `Auth::from_str`); the `sentry_` prefix of keys is optional. */
function parseSentryPairs(text: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = part
      .slice(0, eq)
      .trim()
      .replace(/^sentry_/, '');
    pairs.set(name, part.slice(eq + 1).trim());
  }
  return pairs;
}

function fromSentryHeader(value: string, source: Candidate['source']): Candidate | null {
  const text = /^sentry\s/i.test(value) ? value.slice(7) : value;
  const pairs = parseSentryPairs(text);
  const key = pairs.get('key');
  if (!key) return null;
  return { source, key, client: pairs.get('client') ?? null, version: pairs.get('version') ?? null };
}

function fromAuthorization(value: string): Candidate | null {
  if (/^sentry\s/i.test(value)) return fromSentryHeader(value, 'authorization');
  if (!/^basic\s/i.test(value)) return null; // e.g. a Bearer token added by a proxy: not ours to judge
  const decoded = Buffer.from(value.slice(6).trim(), 'base64').toString('utf8');
  const key = decoded.split(':')[0] ?? '';
  return key === '' ? null : { source: 'basic', key, client: null, version: null };
}

function collectCandidates(
  headers: Headers,
  query: Record<string, unknown>,
  envelopeDsn?: string | null,
): Candidate[] {
  const candidates: Candidate[] = [];
  const xSentryAuth = first(headers['x-sentry-auth']);
  const xCandidate = xSentryAuth === undefined ? null : fromSentryHeader(xSentryAuth, 'x-sentry-auth');
  if (xCandidate) candidates.push(xCandidate);
  const authorization = first(headers['authorization']);
  const authCandidate = authorization === undefined ? null : fromAuthorization(authorization);
  if (authCandidate) candidates.push(authCandidate);
  const queryKey = first(query['sentry_key']);
  if (queryKey) {
    const client = first(query['sentry_client']) ?? null;
    candidates.push({
      source: 'query',
      key: queryKey,
      client,
      version: first(query['sentry_version']) ?? null,
    });
  }
  if (envelopeDsn) {
    const dsn = parseDsn(envelopeDsn);
    if (dsn) candidates.push({ source: 'dsn', key: dsn.publicKey, client: null, version: null });
    else if (candidates.length === 0) throw new AppError('unauthenticated', 'invalid dsn in envelope header');
  }
  return candidates;
}

function parseVersion(raw: string | null): number | null {
  if (raw === null) return null;
  const version = Number.parseInt(raw, 10);
  if (Number.isNaN(version)) return null;
  if (version > MAX_PROTOCOL_VERSION) throw new AppError('bad_request', 'unsupported protocol version');
  return version;
}

/**
 * Finds the project key (spec §1, Relay `auth_from_parts` order). Unlike Relay, the same key arriving
 * through several sources is accepted (BS/GT do); only different keys are rejected.
 */
export function extractSentryAuth(input: {
  headers: Headers;
  query: Record<string, unknown>;
  envelopeDsn?: string | null;
}): SentryAuth {
  const candidates = collectCandidates(input.headers, input.query, input.envelopeDsn);
  const chosen = candidates[0];
  if (!chosen) throw new AppError('unauthenticated', 'missing authorization information');
  if (candidates.some((c) => c.key !== chosen.key)) {
    throw new AppError('unauthenticated', 'multiple authorization payloads detected', {
      sources: candidates.map((c) => c.source),
    });
  }
  // Client and version may come from a different source than the key (e.g. key in a header, version in the query).
  const client =
    candidates.find((c) => c.client !== null)?.client ?? first(input.query['sentry_client']) ?? null;
  const version =
    candidates.find((c) => c.version !== null)?.version ?? first(input.query['sentry_version']) ?? null;
  const dsn = input.envelopeDsn ? parseDsn(input.envelopeDsn) : null;
  return {
    publicKey: chosen.key,
    source: chosen.source,
    client,
    version: parseVersion(version),
    dsnProjectId: dsn?.projectId ?? null,
  };
}
