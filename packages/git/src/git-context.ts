import { join, resolve } from 'node:path';
import { withRepositoryDefaults, type GitIdentity, type ResolvedRepositorySettings } from '@fixloop/core';
import type { GitCliWorkspaceOptions } from './git-cli-workspace.ts';
import { gitEnvironment } from './git-environment.ts';
import { RemoteCredentials } from './remote-credentials.ts';
import { GitRunner } from './git-runner.ts';
import { parseRemoteUrl, splitUrlCredentials, type RemoteUrl } from './remote-url.ts';
import { repositorySlug } from './repository-slug.ts';
import { SecretRedactor } from './secret-redactor.ts';

export const DEFAULT_BOT_IDENTITY: GitIdentity = { name: 'Fixloop', email: 'fixloop@localhost' };

/** What the parts of the git adapter share for one repository. */
export interface GitContext {
  runner: GitRunner;
  /** The bare clone. */
  gitDir: string;
  /** Where this repository's worktrees are created. */
  worktreesDir: string;
  remote: RemoteUrl;
  settings: ResolvedRepositorySettings;
  identity: GitIdentity;
  /** Credentials for the commands that talk to the remote. */
  credentials: RemoteCredentials;
  remoteTimeoutMs: number;
}

const SAFE_REF = /^[^\s\x00-\x1f\x7f-][^\s\x00-\x1f\x7f]*$/; // eslint-disable-line no-control-regex -- refs never hold control characters

/** Refs come from events (release names) and callers: one that git could read as an option is refused. */
export function isSafeRef(ref: string): boolean {
  return ref.length > 0 && ref.length <= 256 && SAFE_REF.test(ref) && !ref.includes('..');
}

/** Repository paths come from stack frames: no option look-alikes, no escaping the tree. */
export function isSafeRepoPath(path: string): boolean {
  return (
    path.length > 0 &&
    !path.startsWith('-') &&
    !path.startsWith('/') &&
    !path.split('/').includes('..') &&
    !/[\x00\n]/.test(path) // eslint-disable-line no-control-regex -- NUL and newline break git's output
  );
}

/** Resolves settings, credentials and paths for one repository. */
export function createGitContext(options: GitCliWorkspaceOptions): GitContext {
  const settings = withRepositoryDefaults(options.settings);
  const dataDir = resolve(options.dataDir);
  const credentials = splitUrlCredentials(settings.url);
  const remote = parseRemoteUrl(credentials.url, options.baseDir);
  const username = credentials.username ?? options.tokenUsername ?? 'x-access-token';
  const secret = settings.token ?? credentials.password;
  const redactor = new SecretRedactor(secret ? [secret] : [], [username]);
  const runner = new GitRunner({
    gitBinary: options.gitBinary ?? 'git',
    env: gitEnvironment(options.env ?? {}, join(dataDir, 'git-askpass.sh')),
    redactor,
    defaultTimeoutMs: options.timeouts?.localMs ?? 60_000,
  });
  const slug = repositorySlug(remote.url);
  return {
    runner,
    gitDir: join(dataDir, 'repos', slug),
    worktreesDir: join(dataDir, 'worktrees', slug),
    remote,
    settings,
    identity: options.identity ?? DEFAULT_BOT_IDENTITY,
    credentials: new RemoteCredentials({
      overHttp: remote.kind === 'https' || remote.kind === 'http',
      token: secret,
      username,
      redactor,
      tokenSource: options.tokenSource,
    }),
    remoteTimeoutMs: options.timeouts?.remoteMs ?? 300_000,
  };
}
