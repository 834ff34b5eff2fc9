import type { z } from 'zod';

/** `env.PORT` -> `PORT: ...`; `file.organizations.0.keys.1` -> `fixloop.config.yaml: organizations[0].keys[1]: ...`. */
export function formatIssue(issue: z.core.$ZodIssue, fileLabel: string): string {
  const [root, ...rest] = issue.path;
  const path = issue.code === 'unrecognized_keys' ? [...rest, issue.keys[0] ?? ''] : rest;
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
      : issue.message;
  if (root === 'env') return `${String(path[0] ?? 'environment')}: ${message}`;
  const dotted = formatPath(path);
  return dotted === '' ? `${fileLabel}: ${message}` : `${fileLabel}: ${dotted}: ${message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}
