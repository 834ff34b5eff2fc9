import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitCliWorkspace, type GitCliWorkspaceOptions } from './git-cli-workspace.ts';
import { basicAuthorization, GitHttpTestServer } from './git-http-test-server.ts';
import { runGit, TestRepository, tempDir } from './test-repository.ts';

const TOKEN = 'ghp_SuperSecretToken1234567890';
const BASIC = basicAuthorization('x-access-token', TOKEN);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

describe('GitCliWorkspace credentials', () => {
  let repo: TestRepository;
  let root: string;
  let server: GitHttpTestServer;
  let seen: string[];
  let url: string;
  /** Besides TOKEN the server accepts the token a test's token source handed out last. */
  let rotating = '';
  const dirs: string[] = [];

  beforeAll(async () => {
    repo = TestRepository.create('main');
    repo.write('app.js', 'console.log(1);\n');
    repo.commit('init', { date: new Date('2026-01-01T00:00:00Z') });
    root = tempDir();
    runGit(root, ['clone', '--quiet', '--bare', repo.dir, join(root, 'shop.git')], {});
    server = await new GitHttpTestServer(
      (auth) =>
        auth === BASIC || (rotating !== '' && auth === basicAuthorization('x-access-token', rotating)),
    ).start();
    seen = server.authorizations;
    url = server.serve('/shop.git', join(root, 'shop.git'));
  });
  afterAll(async () => {
    await server.stop();
    for (const dir of [repo.dir, root, ...dirs]) rmSync(dir, { recursive: true, force: true });
  });

  function workspace(
    settings: { url: string; token?: string },
    options: Partial<GitCliWorkspaceOptions> = {},
  ) {
    const dataDir = tempDir();
    dirs.push(dataDir);
    return { dataDir, git: new GitCliWorkspace({ ...options, dataDir, settings }) };
  }

  it('clones and pushes over http with the token, and writes it nowhere on disk', async () => {
    const { dataDir, git } = workspace({ url, token: TOKEN });
    const head = await git.fetch();
    expect(head.branch).toBe('main');
    const worktree = await git.createWorktree(head.sha);
    writeFileSync(join(worktree.path, 'app.js'), 'console.log(2);\n');
    const commit = await git.commitToBranch(worktree, { branch: 'fixloop', message: 'fix' });
    await worktree.dispose();
    await git.push('fixloop');
    expect(runGit(join(root, 'shop.git'), ['rev-parse', 'refs/heads/fixloop'], {}).trim()).toBe(commit.sha);
    expect(seen).toContain(BASIC);
    for (const file of filesUnder(dataDir)) {
      const text = readFileSync(file, 'latin1');
      expect(text.includes(TOKEN) || text.includes(BASIC.slice(6)), file).toBe(false);
    }
  });

  it('keeps the token out of error messages when the remote rejects it', async () => {
    const { git } = workspace({ url, token: 'ghp_WrongToken0987654321' });
    const error = await git.fetch().then(
      () => null,
      (e: unknown) => e as Error & { code?: string },
    );
    expect(error?.code).toBe('unavailable');
    expect(seen).toContain(
      `Basic ${Buffer.from('x-access-token:ghp_WrongToken0987654321').toString('base64')}`,
    );
    expect(`${error?.message} ${JSON.stringify(error)}`).not.toMatch(/WrongToken|eC1hY2Nlc3MtdG9rZW46Z2hw/);
  });

  it('treats a password written into the URL like a token: used, never stored', async () => {
    const { dataDir, git } = workspace({ url: url.replace('http://', `http://x-access-token:${TOKEN}@`) });
    expect((await git.fetch()).branch).toBe('main');
    for (const file of filesUnder(dataDir)) expect(readFileSync(file, 'latin1'), file).not.toContain(TOKEN);
  });

  it('never prompts and strips credentials embedded in the URL from errors', async () => {
    const withUserInfo = url
      .replace('http://', 'http://someone:pa55w0rd-in-url@')
      .replace('shop.git', 'missing.git');
    const { git } = workspace({ url: withUserInfo });
    const error = await git.fetch().then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).not.toBeNull();
    expect(String(error?.message)).not.toContain('pa55w0rd-in-url');
  });

  it('asks a token source before every remote command and sends its newest token, stored nowhere', async () => {
    const handedOut: string[] = [];
    const tokenSource = () => {
      rotating = `ghs_RotatingInstallationToken_${handedOut.length + 1}`;
      handedOut.push(rotating);
      return Promise.resolve(rotating);
    };
    // Set after creation, as the server does for a project's GitHub App.
    const { dataDir, git } = workspace({ url });
    git.useTokenSource(tokenSource);
    const head = await git.fetch();
    const worktree = await git.createWorktree(head.sha);
    writeFileSync(join(worktree.path, 'app.js'), 'console.log(3);\n');
    const commit = await git.commitToBranch(worktree, { branch: 'fixloop-app', message: 'fix' });
    await worktree.dispose();
    await git.push('fixloop-app');
    expect(runGit(join(root, 'shop.git'), ['rev-parse', 'refs/heads/fixloop-app'], {}).trim()).toBe(
      commit.sha,
    );
    // The push went with the last token handed out, which the server only then started to accept.
    expect(handedOut.length).toBeGreaterThanOrEqual(2);
    expect(seen).toContain(basicAuthorization('x-access-token', handedOut.at(-1)!));
    for (const file of filesUnder(dataDir)) {
      const text = readFileSync(file, 'latin1');
      expect(
        handedOut.some((token) => text.includes(token)),
        file,
      ).toBe(false);
    }
  });

  it('prefers an explicit token over the token source, and reports a failing source as unavailable', async () => {
    let asked = 0;
    const counting = () => Promise.resolve(`ghs_unused_${++asked}`);
    const { git } = workspace({ url, token: TOKEN }, { tokenSource: counting });
    expect((await git.fetch()).branch).toBe('main');
    expect(asked).toBe(0);

    const failing = () => Promise.reject(new Error('GitHub App 1: no installation token (HTTP 401)'));
    const error = await workspace({ url }, { tokenSource: failing })
      .git.fetch()
      .then(
        () => null,
        (e: unknown) => e as Error & { code?: string },
      );
    expect(error?.code).toBe('unavailable');
    expect(error?.message).toContain('no access token for the repository: GitHub App 1');
  });
});
