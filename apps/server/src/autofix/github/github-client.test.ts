import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGithubServer } from './fake-github-server.ts';
import { GithubClient } from './github-client.ts';

describe('GithubClient against a local GitHub REST stand-in', () => {
  const github = new FakeGithubServer();
  let client: GithubClient;
  beforeAll(async () => {
    await github.start();
    client = new GithubClient({
      apiUrl: github.url,
      token: 'ghp_test',
      repository: { owner: 'acme', repo: 'shop' },
    });
  });
  afterAll(() => github.stop());

  it('opens a pull request once, then updates it', async () => {
    const input = { head: 'fixloop', base: 'main', title: 'Fixloop: 1 fix', body: 'first' };
    expect(await client.ensurePullRequest(input)).toEqual({
      number: 1,
      url: 'http://github.test/acme/shop/pull/1',
      created: true,
    });
    const again = await client.ensurePullRequest({ ...input, title: 'Fixloop: 2 fixes', body: 'second' });
    expect(again).toEqual({ number: 1, url: 'http://github.test/acme/shop/pull/1', created: false });
    expect(github.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ['GET', '/repos/acme/shop/pulls?head=acme%3Afixloop&state=open', null],
      ['POST', '/repos/acme/shop/pulls', input],
      ['GET', '/repos/acme/shop/pulls?head=acme%3Afixloop&state=open', null],
      ['PATCH', '/repos/acme/shop/pulls/1', { title: 'Fixloop: 2 fixes', body: 'second' }],
    ]);
    expect(github.requests.every((r) => r.authorization === 'token ghp_test')).toBe(true);
    expect(github.pulls[0]).toMatchObject({ title: 'Fixloop: 2 fixes', body: 'second', state: 'open' });
  });

  it('creates issues and reads check runs', async () => {
    github.requests.length = 0;
    const issue = await client.createIssue({
      title: 'TypeError in checkout',
      body: 'see Fixloop',
      labels: ['fixloop'],
    });
    expect(issue).toEqual({ number: 2, url: 'http://github.test/acme/shop/issues/2' });
    github.checkRuns.set('abc123', [
      { name: 'test', status: 'completed', conclusion: 'failure' },
      { name: 'lint', status: 'completed', conclusion: 'success' },
    ]);
    expect(await client.checkRuns('abc123')).toEqual({ state: 'failure', failed: ['test'], total: 2 });
    expect(await client.checkRuns('def456')).toEqual({ state: null, failed: [], total: 0 });
    expect(github.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      [
        'POST',
        '/repos/acme/shop/issues',
        { title: 'TypeError in checkout', body: 'see Fixloop', labels: ['fixloop'] },
      ],
      ['GET', '/repos/acme/shop/commits/abc123/check-runs?per_page=100', null],
      ['GET', '/repos/acme/shop/commits/def456/check-runs?per_page=100', null],
    ]);
  });
});
