import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The master key for secrets at rest (alert channel secrets, repository and GitHub tokens): FIXLOOP_SECRET_KEY, else a random key generated once and kept in
 * `<dataDir>/secret.key` (0600). Several instances on one PostgreSQL must share FIXLOOP_SECRET_KEY, or
 * none can open what another sealed.
 */
export function loadSecretKey(
  configured: string | null,
  dataDir: string,
): { key: string; source: 'env' | 'file' | 'generated' } {
  if (configured !== null) return { key: configured, source: 'env' };
  const path = join(dataDir, 'secret.key');
  const read = () => readFileSync(path, 'utf8').trim();
  try {
    return { key: read(), source: 'file' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600); // the umask may have widened the mode
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { key: read(), source: 'file' };
  }
  return { key: read(), source: 'generated' };
}
