import { isAbsolute, resolve } from 'node:path';

export type RemoteKind = 'https' | 'http' | 'ssh' | 'file' | 'local';

export interface RemoteUrl {
  kind: RemoteKind;
  /** What git is given: local paths are made absolute, everything else is kept as written. */
  url: string;
}

const SCP_LIKE = /^(?:[\w.-]+@)?[\w.-]+:(?!\/\/)/;
const WINDOWS_DRIVE = /^[a-zA-Z]:[\\/]/;

/** Classifies a repository URL as the settings accept it: https, ssh (both syntaxes), file:// or a path. */
export function parseRemoteUrl(raw: string, baseDir: string = process.cwd()): RemoteUrl {
  const url = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'https' || scheme === 'http' || scheme === 'file') return { kind: scheme, url };
  if (scheme === 'ssh' || scheme === 'git+ssh') return { kind: 'ssh', url };
  if (scheme !== undefined) return { kind: 'https', url: unsupported(url) };
  if (!WINDOWS_DRIVE.test(url) && SCP_LIKE.test(url)) return { kind: 'ssh', url };
  return { kind: 'local', url: isAbsolute(url) ? url : resolve(baseDir, url) };
}

function unsupported(url: string): never {
  throw new TypeError(`unsupported repository URL scheme: ${withoutCredentials(url)}`);
}

/** The URL with any `user:password@` part removed, safe to log. */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

/**
 * Splits `https://user:secret@host/…` into a credential-free URL and the credentials, so a password
 * written into the URL is handled like a token: never stored in the clone's config.
 */
export function splitUrlCredentials(url: string): { url: string; username?: string; password?: string } {
  const match = /^(https?:\/\/)([^@/]*)@(.*)$/i.exec(url.trim());
  if (!match) return { url };
  const [user = '', password] = (match[2] ?? '').split(/:(.*)/s);
  return {
    url: `${match[1]}${match[3]}`,
    username: user ? decodeURIComponent(user) : undefined,
    password: password ? decodeURIComponent(password) : undefined,
  };
}
