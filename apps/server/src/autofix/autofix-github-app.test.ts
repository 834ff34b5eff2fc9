import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutofixTestShop, SHOP_CRASHES } from '../testing/autofix-test-shop.ts';
import type { FixJson } from '../testing/autofix-test-shop.ts';
import { TEST_BACKENDS } from '../testing/test-fixloop.ts';
import { FakeGithubServer } from './github/fake-github-server.ts';

type FixWithGithub = FixJson & { pullRequestUrl: string | null };
type SettingsJson = { settings: { github: Record<string, unknown> | null } };

describe.each(TEST_BACKENDS)('autofix with a GitHub App (%s)', (backend) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  let shop: AutofixTestShop;
  let github: FakeGithubServer;
  beforeAll(async () => {
    github = await new FakeGithubServer().start();
    github.app = { appId: 1001, installationId: 55, publicKey };
    const app = { appId: 1001, installationId: 55, privateKey: 'env:SHOP_GITHUB_APP_KEY' };
    shop = await AutofixTestShop.start(backend, {
      project: { autofix: { github: { apiUrl: github.url, app, repository: 'acme/shop', pullRequests: 'fix_branch' } } }, // prettier-ignore
      env: { SHOP_GITHUB_APP_KEY: pem },
    });
  });
  afterAll(async () => {
    await shop.stop();
    await github.stop();
  });

  it('opens the pull request as the App installation, with one cached installation token', async () => {
    const issueId = await shop.ingest(SHOP_CRASHES.misspelledName());
    const [fix] = (await shop.settledFixes(issueId)) as FixWithGithub[];
    expect(fix).toMatchObject({ status: 'committed', pushState: 'pushed' });
    expect(github.pulls).toEqual([expect.objectContaining({ head: 'fixloop', base: 'main', state: 'open' })]);
    expect(fix!.pullRequestUrl).toBe(`http://github.test/acme/shop/pull/${github.pulls[0]!.number}`);
    expect(github.pulls[0]!.body).toContain(fix!.commitSha!.slice(0, 12));

    const issueId2 = await shop.ingest(SHOP_CRASHES.missingImport());
    expect((await shop.settledFixes(issueId2))[0]).toMatchObject({ status: 'committed' });
    // The fake only answers repository routes for tokens it issued against a correctly signed App JWT.
    expect(github.installationTokens).toEqual(['ghs_fake_installation_1']);
    const calls = github.requests.map((r) => `${r.method} ${r.url.split('?')[0]} ${r.authorization?.split(' ')[0]}`); // prettier-ignore
    expect(calls[0]).toBe('POST /app/installations/55/access_tokens Bearer');
    expect(calls.filter((c) => c.startsWith('POST /app/'))).toHaveLength(1);
    expect(github.requests.slice(1).every((r) => r.authorization === 'token ghs_fake_installation_1')).toBe(true); // prettier-ignore
    expect(github.pulls).toHaveLength(1);
  });

  it('never shows the private key, keeps it when an update leaves it out, and validates it', async () => {
    const read = await shop.api.get<SettingsJson>('/api/0/projects/acme/shop/autofix/');
    expect(read.body.settings.github).toMatchObject({ app: { appId: 1001, installationId: 55, hasPrivateKey: true }, hasToken: false }); // prettier-ignore
    expect(JSON.stringify(read.body)).not.toContain('PRIVATE KEY');

    const moved = await shop.api.put<SettingsJson>('/api/0/projects/acme/shop/autofix/', { github: { app: { appId: 1001, installationId: 56 } } }); // prettier-ignore
    expect(moved.status).toBe(200);
    expect(moved.body.settings.github).toMatchObject({ app: { installationId: 56, hasPrivateKey: true } });
    const stored = await shop.t.fixloop.storage.projects.getProject(shop.projectId);
    expect(stored!.settings.autofix.github?.app).toEqual({
      appId: 1001,
      installationId: 56,
      privateKey: pem,
    });
    const audit = await shop.api.get<{ data: unknown }[]>('/api/0/organizations/acme/audit-logs/');
    expect(JSON.stringify(audit.body)).not.toContain('PRIVATE KEY');

    const badKey = await shop.api.put<{ detail: string }>('/api/0/projects/acme/shop/autofix/', { github: { app: { appId: 1, installationId: 2, privateKey: 'not a key' } } }); // prettier-ignore
    expect(badKey.status).toBe(400);
    expect(badKey.body.detail).toContain('github.app.privateKey');
    await shop.api.put('/api/0/projects/acme/shop/autofix/', { github: { app: null } });
    const noKey = await shop.api.put<{ detail: string }>('/api/0/projects/acme/shop/autofix/', { github: { app: { appId: 1, installationId: 2 } } }); // prettier-ignore
    expect(noKey.status).toBe(400);
    expect(noKey.body.detail).toBe('github.app.privateKey: required for a GitHub App');
  });
});
