import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSentryCli } from '../../testing/sentry-cli.ts';
import type { SentryCliTarget } from '../../testing/sentry-cli.ts';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import { startTestFixloop, TEST_BACKENDS } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';

interface ReleaseJson {
  version: string;
  status: string;
  dateReleased: string | null;
  commitCount: number;
  deployCount: number;
  lastDeploy: { environment: string; name: string | null } | null;
  projects: { slug: string }[];
}

const VERSION = 'shop@5.0.0';

const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'Ada',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
};

/** A git repository with two commits, for `releases set-commits --local`. */
function gitRepo(dir: string): void {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_IDENTITY } });
  git('init', '-q');
  git('commit', '-q', '--allow-empty', '-m', 'first');
  git('commit', '-q', '--allow-empty', '-m', 'fix checkout');
}

describe.each(TEST_BACKENDS)('sentry-cli releases and deploys (%s)', (backend) => {
  let t: TestFixloop;
  let api: TestApiClient;
  let target: SentryCliTarget;
  let repo: string;

  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    const { token } = await createTestUserToken(t.fixloop.storage, {
      organization: 'default',
      scopes: ['org:read', 'project:read', 'project:releases'],
    });
    api = new TestApiClient(t.fixloop.url, token);
    target = { url: t.fixloop.url, token, org: 'default', project: 'default' };
    repo = mkdtempSync(join(tmpdir(), 'fixloop-cli-repo-'));
    gitRepo(repo);
  });
  afterAll(async () => {
    await t?.stop();
    if (repo !== undefined) await rm(repo, { recursive: true, force: true });
  });

  const cli = async (...args: string[]) => {
    const result = await runSentryCli(target, args, repo);
    expect(result.code, `sentry-cli ${args.join(' ')}\n${result.stderr}`).toBe(0);
    return result.stdout;
  };
  const release = async () =>
    api.get<ReleaseJson>(`/api/0/organizations/default/releases/${encodeURIComponent(VERSION)}/`);

  it('creates, sets local commits on and finalizes a release', async () => {
    expect(await cli('releases', 'new', VERSION)).toContain(`Created release ${VERSION}`);
    await cli('releases', 'set-commits', VERSION, '--local');
    expect((await release()).body).toMatchObject({
      commitCount: 2,
      dateReleased: null,
      projects: [{ slug: 'default' }],
    });
    expect(await cli('releases', 'finalize', VERSION)).toContain(`Finalized release ${VERSION}`);
    expect((await release()).body.dateReleased).toMatch(/Z$/);
    expect(await cli('releases', 'list')).toContain(VERSION);
    const info = await cli('releases', 'info', VERSION, '--show-projects', '--show-commits');
    expect(info).toMatch(new RegExp(`${VERSION.replace('.', '\\.')}.*default`));
    const commits = await api.get<{ id: string; message: string; author: { name: string; email: string } }[]>(
      `/api/0/organizations/default/releases/${encodeURIComponent(VERSION)}/commits/?limit=1`,
    );
    expect(commits.body).toMatchObject([
      { message: 'fix checkout\n', author: { name: 'Ada', email: 'ada@example.com' } },
    ]);
    expect(commits.headers.get('link')).toContain('rel="next"; results="true"');
    expect(info).toContain(commits.body[0]!.id.slice(0, 12));
    const projectCommits = await api.get<unknown[]>(
      `/api/0/projects/default/default/releases/${encodeURIComponent(VERSION)}/commits/`,
    );
    expect(projectCommits.body).toHaveLength(2);
  });

  it('records deploys and lists them', async () => {
    await cli('deploys', 'new', '-r', VERSION, '-e', 'production', '-n', 'deploy 1');
    await cli('deploys', 'new', '-r', VERSION, '-e', 'staging', '-t', '60');
    const listed = await cli('deploys', 'list', '-r', VERSION);
    expect(listed).toContain('production');
    expect(listed).toContain('deploy 1');
    expect((await release()).body).toMatchObject({ deployCount: 2, lastDeploy: { environment: 'staging' } });
  });

  it('archives and restores a release; archived ones leave the default list', async () => {
    await cli('releases', 'archive', VERSION);
    expect((await release()).body.status).toBe('archived');
    const open = await api.get<ReleaseJson[]>('/api/0/organizations/default/releases/');
    expect(open.body.map((r) => r.version)).not.toContain(VERSION);
    const archived = await api.get<ReleaseJson[]>('/api/0/organizations/default/releases/?status=archived');
    expect(archived.body.map((r) => r.version)).toEqual([VERSION]);
    expect(await cli('releases', 'list')).not.toContain(VERSION);
    await cli('releases', 'restore', VERSION);
    expect((await release()).body.status).toBe('open');
    const audit = await t.fixloop.storage.audit.list({ target: `release:${VERSION}`, limit: 20, offset: 0 });
    expect(audit.filter((e) => e.action === 'release.update').length).toBeGreaterThanOrEqual(3);
  });

  it('gives the next release only the commits since the previous one (set-commits --local)', async () => {
    const next = 'shop@5.1.0';
    execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'faster checkout'], {
      cwd: repo,
      env: { ...process.env, ...GIT_IDENTITY },
    });
    await cli('releases', 'new', next);
    const previous = await api.get<ReleaseJson & { lastCommit: { id: string; message: string } }>(
      `/api/0/organizations/default/releases/${encodeURIComponent(next)}/previous-with-commits/`,
    );
    expect(previous.body).toMatchObject({ version: VERSION, lastCommit: { message: 'fix checkout\n' } });
    expect(
      (
        await api.get(
          `/api/0/organizations/default/releases/${encodeURIComponent(VERSION)}/previous-with-commits/`,
        )
      ).body,
    ).toEqual({});
    const output = await runSentryCli(target, ['releases', 'set-commits', next, '--local'], repo);
    expect(output.code, output.stderr).toBe(0);
    expect(output.stdout + output.stderr).not.toContain('Could not find the previous commit');
    const released = await api.get<ReleaseJson>(
      `/api/0/organizations/default/releases/${encodeURIComponent(next)}/`,
    );
    expect(released.body.commitCount).toBe(1);
  });

  it('deletes a release', async () => {
    expect(await cli('releases', 'delete', VERSION)).toContain(`Deleted release ${VERSION}`);
    expect((await release()).status).toBe(404);
    const missing = await runSentryCli(target, ['releases', 'archive', 'nope@1'], repo);
    expect(missing.code).not.toBe(0);
  });
});
