import { generateKeyPairSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthorization, GitHttpTestServer } from '@fixloop/git/test-repository';
import { AutofixTestShop, SHOP_CRASHES } from '../testing/autofix-test-shop.ts';
import { TEST_BACKENDS } from '../testing/test-fixloop.ts';
import { FakeGithubServer } from './github/fake-github-server.ts';

/** Under the 5-minute refresh margin: every use of a token is a use of an expiring one, so it is renewed. */
const SHORT_LIFETIME_MS = 4 * 60_000;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

describe.each(TEST_BACKENDS)('pushing the fix branch as a GitHub App installation (%s)', (backend) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  let github: FakeGithubServer;
  let gitServer: GitHttpTestServer;
  let shop: AutofixTestShop;
  beforeAll(async () => {
    github = await new FakeGithubServer().start();
    github.app = { appId: 1001, installationId: 55, publicKey, tokenLifetimeMs: SHORT_LIFETIME_MS };
    // Like github.com, the git server takes only the newest installation token the (fake) GitHub minted.
    gitServer = await new GitHttpTestServer((authorization) => {
      const newest = github.installationTokens.at(-1);
      return newest !== undefined && authorization === basicAuthorization('x-access-token', newest);
    }).start();
    const app = { appId: 1001, installationId: 55, privateKey: 'env:SHOP_GITHUB_APP_KEY' };
    shop = await AutofixTestShop.start(backend, {
      repository: { url: `${gitServer.url}/acme/shop.git` },
      project: { autofix: { github: { apiUrl: github.url, app, repository: 'acme/shop', pullRequests: 'fix_branch' } } }, // prettier-ignore
      env: { SHOP_GITHUB_APP_KEY: pem },
    });
    gitServer.serve('/acme/shop.git', shop.repo.remoteDir);
  });
  afterAll(async () => {
    await shop.stop();
    await gitServer.stop();
    await github.stop();
  });

  it('fetches and pushes over https with fresh installation tokens, stored nowhere on disk', async () => {
    const issueId = await shop.ingest(SHOP_CRASHES.misspelledName());
    const [fix] = await shop.settledFixes(issueId);
    expect(fix).toMatchObject({ status: 'committed', pushState: 'pushed' });
    const remoteSha = execFileSync('git', ['-C', shop.repo.remoteDir, 'rev-parse', 'refs/heads/fixloop'], { encoding: 'utf8' }); // prettier-ignore
    expect(remoteSha.trim()).toBe(fix!.commitSha);
    expect(github.pulls).toEqual([expect.objectContaining({ head: 'fixloop', base: 'main' })]);
    // The automatic investigation ran before the first attempt and fetched with an installation token too.
    const investigations = await shop.api.get<{ status: string; commitSha: string | null }[]>(
      `/api/0/issues/${issueId}/investigations/`,
    );
    expect(investigations.body.at(-1)).toMatchObject({ status: 'completed', commitSha: shop.mainSha });

    // git asks without credentials first (401), then sends an installation token; expiring tokens were
    // replaced between the fetch and the push, and every token git sent was one the App was issued.
    const sent = gitServer.authorizations.filter((a) => a !== '');
    const tokens = new Set(sent.map((a) => Buffer.from(a.slice('Basic '.length), 'base64').toString()));
    expect(tokens.size).toBeGreaterThanOrEqual(2);
    for (const pair of tokens) {
      expect(pair).toMatch(/^x-access-token:ghs_fake_installation_\d+$/);
      expect(github.installationTokens).toContain(pair.slice('x-access-token:'.length));
    }

    const keyLine = pem.split('\n')[1]!;
    const secrets = [keyLine, ...github.installationTokens, ...sent.map((a) => a.slice('Basic '.length))];
    const files = filesUnder(shop.t.config.dataDir);
    expect(files.some((file) => file.endsWith('/config'))).toBe(true);
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      expect(
        secrets.filter((secret) => text.includes(secret)),
        file,
      ).toEqual([]);
    }
  });

  it('pushes a later fix with a renewed token onto the same branch', async () => {
    const before = github.installationTokens.length;
    const issueId = await shop.ingest(SHOP_CRASHES.missingImport());
    const [fix] = await shop.settledFixes(issueId);
    expect(fix).toMatchObject({ status: 'committed', pushState: 'pushed' });
    const remoteSha = execFileSync('git', ['-C', shop.repo.remoteDir, 'rev-parse', 'refs/heads/fixloop'], { encoding: 'utf8' }); // prettier-ignore
    expect(remoteSha.trim()).toBe(fix!.commitSha);
    // The push went with a token minted for this fix, not one left from the first (which had expired).
    const last = gitServer.authorizations.filter((a) => a !== '').at(-1)!;
    const minted = github.installationTokens.findIndex((t) => last === basicAuthorization('x-access-token', t)); // prettier-ignore
    expect(minted).toBeGreaterThanOrEqual(before);
  });
});
