/** URI normalization for CSP messages and culprits, mirroring Relay `security_report.rs` (itself Python-derived). */

// Schemes Python's urlunsplit writes with `//` (Relay `schema_uses_host`).
const SCHEMES_WITH_HOST = new Set(
  'ftp http gopher nntp telnet imap wais file mms https shttp snews prospero rtsp rtspu rsync svn svn+ssh sftp nfs git git+ssh ws wss'.split(
    ' ',
  ),
);

const KEYWORDS = new Set(["'none'", "'self'", "'unsafe-inline'", "'unsafe-eval'"]);
const EXPLICIT_SCHEMES = ['data:', 'mediastream:', 'blob:', 'filesystem:', 'http:', 'https:', 'file:'];

export function isLocalUri(uri: string): boolean {
  return uri === '' || uri === 'self' || uri === "'self'";
}

function unsplitUri(scheme: string, host: string): string {
  if (host !== '' || SCHEMES_WITH_HOST.has(scheme)) return `${scheme}://${host}`;
  return scheme === '' ? '' : `${scheme}:${host}`;
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** `http://cdn.example.com:8080/x.js` -> `cdn.example.com:8080`; `data:...` -> `data:`; `''`/`self` -> `'self'`. */
export function normalizeCspUri(value: string): string {
  if (isLocalUri(value)) return "'self'";
  // Browsers often report just a scheme (`data`, `blob`): turn it into a URI.
  if (!value.includes(':')) return unsplitUri(value, '');
  const url = parseUrl(value);
  if (url === null) return value;
  const scheme = url.protocol.slice(0, -1);
  const normalized =
    scheme === 'http' || scheme === 'https' ? url.hostname : unsplitUri(scheme, url.hostname);
  return url.port === '' ? normalized : `${normalized}:${url.port}`;
}

/** Host of an http(s) URI, for the `blocked-host` tag. */
export function httpHost(value: string): string | null {
  const url = parseUrl(value);
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '')
    return null;
  return url.hostname;
}

/** One source expression of a violated directive, with the document's own origin folded back to `'self'`. */
export function normalizeCspValue(value: string, normalizedDocumentUri: string, documentUri: string): string {
  if (KEYWORDS.has(value)) return value;
  if (EXPLICIT_SCHEMES.some((s) => value.startsWith(s))) {
    // Firefox spells 'self' out as the origin: fold it back.
    return normalizedDocumentUri === normalizeCspUri(value) ? "'self'" : value;
  }
  if (value === normalizedDocumentUri) return "'self'";
  const colon = documentUri.indexOf(':');
  const scheme = colon === -1 ? null : documentUri.slice(0, colon);
  if (scheme === null || scheme === 'http' || scheme === 'https') return value;
  return unsplitUri(scheme, value);
}
