import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitCliWorkspace } from './git-cli-workspace.ts';
import { sshdUnavailableReason, SshTestServer } from './ssh-test-server.ts';
import { runGit, TestRepository, tempDir } from './test-repository.ts';

const unavailable = sshdUnavailableReason();
if (unavailable !== null) console.warn(`git-ssh-remote.test.ts: skipped, no real sshd: ${unavailable}`);

/**
 * Pushing over ssh as the docs describe it: the key and a pinned known_hosts file go into GIT_SSH_COMMAND
 * in Fixloop's environment (git gets it, nothing else of Fixloop's environment). No accept-new: a host
 * whose key is not pinned is refused, and BatchMode keeps ssh from ever prompting.
 */
const title = `GitCliWorkspace over ssh (real sshd${unavailable === null ? '' : `; skipped: ${unavailable}`})`;
describe.skipIf(unavailable !== null)(title, () => {
  let repo: TestRepository;
  let root: string;
  let sshd: SshTestServer;
  let knownHosts: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    repo = TestRepository.create('main');
    repo.write('app.js', 'console.log(1);\n');
    repo.commit('init', { date: new Date('2026-01-01T00:00:00Z') });
    root = tempDir();
    runGit(root, ['clone', '--quiet', '--bare', repo.dir, join(root, 'shop.git')], {});
    sshd = await new SshTestServer(tempDir()).start();
    knownHosts = join(root, 'known_hosts');
    writeFileSync(knownHosts, sshd.knownHostsLine);
  });
  afterAll(() => {
    sshd?.stop();
    for (const dir of [repo.dir, root, ...dirs]) rmSync(dir, { recursive: true, force: true });
  });

  function sshCommand(knownHostsFile: string): string {
    return `ssh -F /dev/null -o BatchMode=yes -o IdentitiesOnly=yes -i ${sshd.clientKeyPath} -o UserKnownHostsFile=${knownHostsFile}`; // prettier-ignore
  }

  function workspace(url: string, gitSshCommand: string) {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const env = { ...process.env, GIT_SSH_COMMAND: gitSshCommand };
    return new GitCliWorkspace({ dataDir, settings: { url }, env });
  }

  async function commitAndPush(git: GitCliWorkspace, branch: string): Promise<string> {
    const head = await git.fetch();
    expect(head.branch).toBe('main');
    const worktree = await git.createWorktree(head.sha);
    writeFileSync(join(worktree.path, 'app.js'), `console.log('${branch}');\n`);
    const commit = await git.commitToBranch(worktree, { branch, message: 'fix' });
    await worktree.dispose();
    await git.push(branch);
    return commit.sha;
  }

  it('clones and pushes the fix branch to an ssh:// remote with a key and a pinned host key', async () => {
    const url = `ssh://${sshd.user}@127.0.0.1:${sshd.port}${join(root, 'shop.git')}`;
    const sha = await commitAndPush(workspace(url, sshCommand(knownHosts)), 'fixloop');
    expect(runGit(join(root, 'shop.git'), ['rev-parse', 'refs/heads/fixloop'], {}).trim()).toBe(sha);
  });

  it('pushes to the scp-like form (user@host:path), the port given in GIT_SSH_COMMAND', async () => {
    const url = `${sshd.user}@127.0.0.1:${join(root, 'shop.git')}`;
    const sha = await commitAndPush(
      workspace(url, `${sshCommand(knownHosts)} -p ${sshd.port}`),
      'fixloop-scp',
    );
    expect(runGit(join(root, 'shop.git'), ['rev-parse', 'refs/heads/fixloop-scp'], {}).trim()).toBe(sha);
  });

  it('refuses a server whose host key is not pinned, without prompting', async () => {
    const empty = join(root, 'empty_known_hosts');
    writeFileSync(empty, '');
    const url = `ssh://${sshd.user}@127.0.0.1:${sshd.port}${join(root, 'shop.git')}`;
    const started = Date.now();
    const error = await workspace(url, sshCommand(empty))
      .fetch()
      .then(
        () => null,
        (e: unknown) => e as Error & { code?: string },
      );
    expect(error?.code).toBe('unavailable');
    expect(error?.message).toContain('Host key verification failed');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('fails fast without GIT_SSH_COMMAND too: the default ssh runs in BatchMode and never prompts', async () => {
    const url = `ssh://${sshd.user}@127.0.0.1:${sshd.port}${join(root, 'shop.git')}`;
    const dataDir = tempDir();
    dirs.push(dataDir);
    const { GIT_SSH_COMMAND: _ignored, SSH_AUTH_SOCK: _agent, ...env } = process.env;
    const started = Date.now();
    const error = await new GitCliWorkspace({
      dataDir,
      settings: { url },
      env,
      timeouts: { remoteMs: 60_000 },
    })
      .fetch()
      .then(
        () => null,
        (e: unknown) => e as Error & { code?: string },
      );
    expect(error?.code).toBe('unavailable');
    expect(error?.message).not.toContain('timed out');
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
