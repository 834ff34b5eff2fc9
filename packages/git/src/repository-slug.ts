import { createHash } from 'node:crypto';
import { withoutCredentials } from './remote-url.ts';

/**
 * A folder name for a repository's clone: readable (host and path) and unique (a hash of the URL), so two
 * projects on the same repository share a clone and a changed URL gets a fresh one.
 */
export function repositorySlug(url: string): string {
  const readable = withoutCredentials(url)
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/\.git$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(-60);
  const hash = createHash('sha256').update(url.trim()).digest('hex').slice(0, 10);
  return `${readable || 'repo'}-${hash}`;
}
