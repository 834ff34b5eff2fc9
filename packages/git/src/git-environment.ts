import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Variables git, ssh and proxies need; everything else (Fixloop's own secrets) stays out of git's env. */
const PASSED_THROUGH = [
  'PATH',
  'HOME',
  'USER',
  'TMPDIR',
  'SSH_AUTH_SOCK',
  'GIT_SSH_COMMAND',
  'GIT_SSL_CAINFO',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
];

const FALLBACK_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The askpass program answers git's username and password prompts from the environment of the one
 * command that needs them, so the token is never on disk, in a URL, in argv or in git's config.
 */
const ASKPASS_SCRIPT = `#!/bin/sh
case "$1" in
  Username*|username*) printf '%s\\n' "$FIXLOOP_GIT_USERNAME" ;;
  *) printf '%s\\n' "$FIXLOOP_GIT_TOKEN" ;;
esac
`;

export async function writeAskpassScript(dataDir: string): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, 'git-askpass.sh');
  await writeFile(path, ASKPASS_SCRIPT, { mode: 0o700 });
  await chmod(path, 0o700);
  return path;
}

/** The environment every git command runs with: never prompts, no system config, C locale. */
export function gitEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  askpassPath: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of PASSED_THROUGH) {
    const value = env[key];
    if (value !== undefined) out[key] = value;
  }
  out.PATH ??= FALLBACK_PATH;
  out.GIT_SSH_COMMAND ??= 'ssh -o BatchMode=yes';
  return {
    ...out,
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: askpassPath,
    GIT_CONFIG_NOSYSTEM: '1',
    LC_ALL: 'C',
  };
}

/** Added to remote commands only, and only when a token is configured. */
export function credentialEnvironment(token: string | undefined, username: string): Record<string, string> {
  return token ? { FIXLOOP_GIT_USERNAME: username, FIXLOOP_GIT_TOKEN: token } : {};
}
