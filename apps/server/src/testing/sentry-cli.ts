import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The binary the @sentry/cli npm package installed (its platform package ships it). */
export const SENTRY_CLI = join(dirname(require.resolve('@sentry/cli/package.json')), 'bin', 'sentry-cli');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface SentryCliTarget {
  url: string;
  token: string;
  org: string;
  project: string;
}

/**
 * Runs the real sentry-cli against a Fixloop, configured only through the environment variables
 * users set in CI. HOME is a fresh folder so no ~/.sentryclirc of the machine leaks in.
 */
export function runSentryCli(target: SentryCliTarget, args: string[], cwd?: string): Promise<CliResult> {
  const env = {
    PATH: process.env['PATH'] ?? '',
    HOME: mkdtempSync(join(tmpdir(), 'sentry-cli-home-')),
    SENTRY_URL: target.url,
    SENTRY_AUTH_TOKEN: target.token,
    SENTRY_ORG: target.org,
    SENTRY_PROJECT: target.project,
    SENTRY_LOAD_DOTENV: '0',
    SENTRYCLI_SKIP_UPDATE_CHECK: '1',
  };
  return new Promise((resolve) => {
    execFile(SENTRY_CLI, args, { env, cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}
