import { AppError } from '@fixloop/core';
import { envSchema } from './config-schema.ts';
import { formatIssue } from './format-config-issue.ts';

export interface ClientConfig {
  /** The Fixloop server client commands talk to. */
  url: string;
  token: string;
}

/**
 * Settings of the client commands (`fixloop mcp`, `fixloop investigate`, `fixloop fixes …`). Parsed with
 * the same env schema as the server, so a typo in any FIXLOOP_* key is reported the same way.
 */
export function loadClientConfig(env: Record<string, string | undefined>): ClientConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = issue
      ? formatIssue({ ...issue, path: ['env', ...issue.path] }, 'env')
      : 'invalid environment';
    throw new AppError('config_invalid', message);
  }
  const token = parsed.data.FIXLOOP_TOKEN ?? parsed.data.FIXLOOP_ADMIN_TOKEN;
  if (token === undefined) {
    throw new AppError(
      'config_invalid',
      'FIXLOOP_TOKEN: required (an API token with the scopes the command needs)',
    );
  }
  return { url: parsed.data.FIXLOOP_URL ?? `http://localhost:${parsed.data.PORT}`, token };
}
