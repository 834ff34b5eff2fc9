import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutofixTestShop, SHOP_CRASHES, waitFor } from '../testing/autofix-test-shop.ts';
import type { FixJson } from '../testing/autofix-test-shop.ts';
import { TEST_BACKENDS } from '../testing/test-fixloop.ts';
import { FakeGithubServer } from './github/fake-github-server.ts';

type FixWithGithub = FixJson & { pullRequestUrl: string | null; checksState: string | null };

describe.each(TEST_BACKENDS)('the fix branch workflow with GitHub (%s)', (backend) => {
  let shop: AutofixTestShop;
  let github: FakeGithubServer;
  beforeAll(async () => {
    github = await new FakeGithubServer().start();
    shop = await AutofixTestShop.start(backend, {
      project: {
        autofix: {
          github: { apiUrl: github.url, token: 'ghp_fake_token', repository: 'acme/shop', pullRequests: 'fix_branch', issuesForCritical: true }, // prettier-ignore
        },
      },
    });
  });
  afterAll(async () => {
    await shop.stop();
    await github.stop();
  });

  /** Syncs on demand and waits for that job and what it started; shows the sync's outcome on failure. */
  const sync = async () => {
    const queued = await shop.api.post<{ jobId: string }>('/api/0/projects/acme/shop/autofix/sync/');
    expect(queued.status).toBe(202);
    const storage = shop.t.fixloop.storage;
    const job = await waitFor('the sync job', () => storage.jobs.getJob(Number(queued.body.jobId)), (j) => j?.state === 'done' || j?.state === 'failed'); // prettier-ignore
    expect({ state: job!.state, error: job!.lastError, log: shop.t.lines.filter((l) => l.includes('synced')).at(-1) }).toMatchObject({ state: 'done', error: null, log: expect.stringContaining('"checks"') }); // prettier-ignore
    await shop.quiet();
  };

  it('opens a pull request from the fix branch and records the check runs of the commit', async () => {
    const issueId = await shop.ingest(SHOP_CRASHES.misspelledName());
    const [fix] = (await shop.settledFixes(issueId)) as FixWithGithub[];
    expect(fix).toMatchObject({ status: 'committed', pullRequestUrl: 'http://github.test/acme/shop/pull/2' });
    expect(github.pulls).toEqual([expect.objectContaining({ head: 'fixloop', base: 'main', state: 'open' })]);
    expect(github.pulls[0]!.body).toContain(fix!.commitSha!.slice(0, 12));
    // A new blocking issue also became a GitHub issue.
    expect(github.issues).toEqual([expect.objectContaining({ labels: ['fixloop'] })]);
    expect(github.requests.every((r) => r.authorization === 'token ghp_fake_token')).toBe(true);

    github.checkRuns.set(fix!.commitSha!, [{ name: 'ci', status: 'completed', conclusion: 'success' }]);
    await sync();
    const [checked] = (await shop.fixesOf(issueId)) as FixWithGithub[];
    expect(checked).toMatchObject({ status: 'tests_passed', checksState: 'success' });
  });

  it('never opens a second GitHub issue for an issue, also after retention purged the finished job', async () => {
    const storage = shop.t.fixloop.storage;
    const [opened] = github.issues;
    expect(opened).toBeDefined();
    const purged = await storage.retention.purgeFinishedJobs(new Date(Date.now() + 60_000));
    expect(purged).toBeGreaterThan(0);
    const issueId = (await storage.issues.listIssues({ projectIds: [shop.projectId], sort: 'date', limit: 50, offset: 0 })).issues.find((i) => i.title.includes('formatTotl'))!.id; // prettier-ignore
    // With the dedupe key gone, the job can be queued again; it finds the note of the first one.
    const again = await storage.jobs.enqueueUnique({ kind: 'autofix.github_issue', payload: { issueId }, dedupeKey: `github-issue:${issueId}`, maxAttempts: 1 }); // prettier-ignore
    expect(again.created).toBe(true);
    await waitFor(
      'the job',
      () => storage.jobs.getJob(again.id),
      (j) => j?.state === 'done',
    );
    expect(github.issues).toEqual([opened]);
  });

  it('resets the fix branch after it was merged, and regenerates fixes awaiting approval', async () => {
    const issueId = await shop.ingest(SHOP_CRASHES.missingCustomer());
    const [waiting] = await shop.settledFixes(issueId);
    expect(waiting!.status).toBe('awaiting_approval');
    // A person merges the fix branch into main (a merge commit) and pushes.
    shop.repo.git('fetch', '--quiet', 'origin');
    shop.repo.git('merge', '--quiet', '--no-ff', '-m', 'Merge fixloop', 'origin/fixloop');
    shop.repo.git('push', '--quiet', 'origin', 'main');
    const merged = shop.repo.head();
    expect(merged).not.toBe(shop.mainSha);

    await sync();
    expect(shop.repo.remoteHead('fixloop')).toBe(merged);
    const attempt = await shop.t.fixloop.storage.fixes.getAttempt(Number(waiting!.id));
    expect(attempt).toMatchObject({ state: 'awaiting_approval', baseSha: merged, runs: 2 });
    const [again] = await shop.fixesOf(issueId);
    expect(again!.events.some((e) => e.note.includes('regenerating against the fresh code'))).toBe(true);
    expect(again!.verification.outcome).toBe('verified');
  });

  it('commits each fix to its own fix/issue-<id> branch with its own pull request in per_fix mode', async () => {
    const perFix = { apiUrl: github.url, token: 'ghp_fake_token', repository: 'acme/shop', pullRequests: 'per_fix' }; // prettier-ignore
    expect((await shop.api.put('/api/0/projects/acme/shop/autofix/', { github: perFix })).status).toBe(200);
    const fixloopHead = shop.repo.remoteHead('fixloop');
    const issueId = await shop.ingest(SHOP_CRASHES.missingImport());
    const [fix] = (await shop.settledFixes(issueId)) as FixWithGithub[];
    const branch = `fix/issue-${issueId}`;
    expect(fix).toMatchObject({ status: 'committed', branch, pushState: 'pushed' });
    expect(shop.repo.remoteHead(branch)).toBe(fix!.commitSha);
    expect(shop.repo.remoteHead('fixloop')).toBe(fixloopHead);
    const pull = github.pulls.find((p) => p.head === branch);
    expect(pull).toMatchObject({ base: 'main', title: expect.stringContaining('SHOP-') });
    expect(fix!.pullRequestUrl).toBe(`http://github.test/acme/shop/pull/${pull!.number}`);
  });
});
