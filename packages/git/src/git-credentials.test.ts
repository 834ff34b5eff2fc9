import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { GitCliWorkspace } from './git-cli-workspace.ts';
import { runGit, TestRepository, tempDir } from './test-repository.ts';

const TOKEN = 'ghp_SuperSecretToken1234567890';
const BASIC = `Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`;

/** Smart-HTTP git server: `git http-backend` as CGI, behind HTTP Basic auth that wants TOKEN. */
function gitHttpServer(projectRoot: string, seen: string[]): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push(req.headers.authorization ?? '');
    if (req.headers.authorization !== BASIC) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' }).end('denied');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cgi = spawn('git', ['http-backend'], {
      env: {
        PATH: '/usr/local/bin:/usr/bin:/bin',
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        REMOTE_USER: 'x-access-token',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
      },
    });
    req.pipe(cgi.stdin);
    const chunks: Buffer[] = [];
    cgi.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    cgi.on('close', () => {
      const output = Buffer.concat(chunks);
      const split = output.indexOf('\r\n\r\n');
      const headers = output.subarray(0, split).toString().split('\r\n');
      const status = Number(/^Status: (\d+)/m.exec(headers.join('\n'))?.[1] ?? 200);
      for (const header of headers) {
        const [key, ...value] = header.split(': ');
        if (key && key !== 'Status') res.setHeader(key, value.join(': '));
      }
      res.writeHead(status).end(output.subarray(split + 4));
    });
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

describe('GitCliWorkspace credentials', () => {
  let repo: TestRepository;
  let root: string;
  let server: Server;
  let url: string;
  const seen: string[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    repo = TestRepository.create('main');
    repo.write('app.js', 'console.log(1);\n');
    repo.commit('init', { date: new Date('2026-01-01T00:00:00Z') });
    root = tempDir();
    runGit(root, ['clone', '--quiet', '--bare', repo.dir, join(root, 'shop.git')], {});
    runGit(join(root, 'shop.git'), ['config', 'http.receivepack', 'true'], {});
    server = gitHttpServer(root, seen);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/shop.git`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    for (const dir of [repo.dir, root, ...dirs]) rmSync(dir, { recursive: true, force: true });
  });

  function workspace(settings: { url: string; token?: string }) {
    const dataDir = tempDir();
    dirs.push(dataDir);
    return { dataDir, git: new GitCliWorkspace({ dataDir, settings }) };
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
});
