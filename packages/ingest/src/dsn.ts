export interface ParsedDsn {
  publicKey: string;
  projectId: number;
  /** URL scheme without the colon, e.g. `https`. */
  protocol: string;
  /** Host with the port when the DSN names one, e.g. `localhost:8000`. */
  host: string;
  /** Sub-path the server lives under, without trailing slash (`''` for none, `/sentry` for `https://h/sentry/42`). */
  path: string;
}

const PROJECT_ID = /^\d+$/;

/**
 * `{PROTOCOL}://{PUBLIC_KEY}[:{SECRET_KEY}]@{HOST}[:{PORT}]{PATH}/{PROJECT_ID}` (spec §1).
 * The deprecated secret key is accepted and ignored. Returns null for anything that is not a DSN.
 */
export function parseDsn(dsn: string): ParsedDsn | null {
  let url: URL;
  try {
    url = new URL(dsn.trim());
  } catch {
    return null;
  }
  if (url.username === '' || url.host === '') return null;
  // A trailing slash after the project id is tolerated, as the JS SDK does.
  const pathname = url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname;
  const slash = pathname.lastIndexOf('/');
  const projectSegment = pathname.slice(slash + 1);
  if (!PROJECT_ID.test(projectSegment)) return null;
  const projectId = Number(projectSegment);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) return null;
  let publicKey: string;
  try {
    publicKey = decodeURIComponent(url.username);
  } catch {
    return null;
  }
  return {
    publicKey,
    projectId,
    protocol: url.protocol.replace(/:$/, ''),
    host: url.host,
    path: pathname.slice(0, slash),
  };
}
