import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGithubServer } from './fake-github-server.ts';
import { GithubAppTokens } from './github-app-tokens.ts';
import { GithubClient } from './github-client.ts';

const repository = { owner: 'acme', repo: 'shop' };

function appKeys() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { publicKey, pem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString() };
}

describe('GitHub App authentication against a local GitHub REST stand-in', () => {
  const github = new FakeGithubServer();
  const keys = appKeys();
  const app = { appId: 4242, installationId: 77, privateKey: keys.pem };
  beforeAll(async () => {
    await github.start();
    github.app = { appId: 4242, installationId: 77, publicKey: keys.publicKey };
  });
  afterAll(() => github.stop());

  const clientWith = (tokens: GithubAppTokens, key = app) =>
    new GithubClient({ apiUrl: github.url, repository, token: () => tokens.installationToken(github.url, key) }); // prettier-ignore

  it('exchanges a signed App JWT for an installation token and reuses it until shortly before it expires', async () => {
    const tokens = new GithubAppTokens();
    await clientWith(tokens).ensurePullRequest({
      head: 'fixloop',
      base: 'main',
      title: 'Fixloop',
      body: 'b',
    });
    await clientWith(tokens).createIssue({ title: 'Crash', body: 'see Fixloop', labels: [] });
    expect(
      github.requests.map((r) => [r.method, r.url.split('?')[0], r.authorization?.split(' ')[0]]),
    ).toEqual([
      ['POST', '/app/installations/77/access_tokens', 'Bearer'],
      ['GET', '/repos/acme/shop/pulls', 'token'],
      ['POST', '/repos/acme/shop/pulls', 'token'],
      ['POST', '/repos/acme/shop/issues', 'token'],
    ]);
    expect(github.installationTokens).toEqual(['ghs_fake_installation_1']);
    expect(github.requests.slice(1).every((r) => r.authorization === 'token ghs_fake_installation_1')).toBe(
      true,
    );
    expect(github.pulls).toHaveLength(1);
  });

  it('fetches a new token once the cached one is about to expire', async () => {
    github.requests.length = 0;
    github.app = { ...github.app!, tokenLifetimeMs: 4 * 60_000 };
    const tokens = new GithubAppTokens();
    await clientWith(tokens).checkRuns('abc123');
    await clientWith(tokens).checkRuns('abc123');
    expect(github.requests.filter((r) => r.url.startsWith('/app/')).length).toBe(2);
    expect(github.requests.at(-1)!.authorization).toBe(`token ${github.installationTokens.at(-1)}`);
    github.app = { ...github.app, tokenLifetimeMs: undefined };
  });

  it('fails with GitHub’s answer when the JWT is signed with another key, and caches no failure', async () => {
    const tokens = new GithubAppTokens();
    const wrong = { ...app, privateKey: appKeys().pem };
    const issued = github.installationTokens.length;
    await expect(clientWith(tokens, wrong).checkRuns('abc123')).rejects.toThrow(
      'GitHub App 4242: no installation token (HTTP 401: A JSON web token could not be decoded)',
    );
    expect(github.installationTokens).toHaveLength(issued);
    await expect(clientWith(tokens).checkRuns('abc123')).resolves.toEqual({
      state: null,
      failed: [],
      total: 0,
    });
  });
});
