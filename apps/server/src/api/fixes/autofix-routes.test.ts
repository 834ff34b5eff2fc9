import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutofixTestShop } from '../../testing/autofix-test-shop.ts';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import { TEST_BACKENDS } from '../../testing/test-fixloop.ts';

interface ProjectAutofixJson {
  enabled: boolean;
  active: boolean;
  reason: string | null;
  organizationEnabled: boolean;
  instanceEnabled: boolean;
  repository: { url: string; baseBranch: string | null; fixBranch: string } | null;
  settings: Record<string, unknown> & { github: Record<string, unknown> | null };
  attempts: Record<string, number>;
}
type Invalid = { errors: Record<string, string[]> };

const PROJECT = '/api/0/projects/acme/shop/autofix/';

describe.each(TEST_BACKENDS)('the autofix settings and kill switch API (%s)', (backend) => {
  let shop: AutofixTestShop;
  let owner: TestApiClient;
  let member: TestApiClient;
  const client = async (organization: string, role: 'owner' | 'member') =>
    new TestApiClient(shop.t.fixloop.url, (await createTestUserToken(shop.t.fixloop.storage, { organization, role })).token); // prettier-ignore

  beforeAll(async () => {
    shop = await AutofixTestShop.start(backend);
    owner = await client('acme', 'owner');
    member = await client('acme', 'member');
  });
  afterAll(() => shop.stop());

  it('shows a project’s autofix: switch, availability, repository and settings', async () => {
    const response = await member.get<ProjectAutofixJson>(PROJECT);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ enabled: true, active: true, reason: null, organizationEnabled: true, instanceEnabled: true, attempts: {} }); // prettier-ignore
    expect(response.body.repository).toEqual({ url: `file://${shop.repo.remoteDir}`, baseBranch: 'main', fixBranch: 'fixloop' }); // prettier-ignore
    expect(response.body.settings).toMatchObject({
      enabled: true,
      botPermission: 'MINOR_FIX',
      maxLlmRounds: 2,
    });
    const bare = await (await client('rival', 'owner')).get<ProjectAutofixJson>('/api/0/projects/rival/other/autofix/'); // prettier-ignore
    expect(bare.body).toMatchObject({
      active: false,
      reason: 'the project has no repository',
      repository: null,
    });
  });

  it('changes settings with project:admin, never shows the GitHub token, and audits the change', async () => {
    const settings = {
      triggerRules: [{ severity: 'annoying', action: 'attempt_fix', minEvents: 3, windowMinutes: 10 }],
      github: { token: 'ghp_secret_never_shown', repository: 'acme/shop', pullRequests: 'fix_branch' },
      policy: { autoCommit: ['A', 'B'] },
    };
    expect((await member.put(PROJECT, settings)).status).toBe(403);
    const saved = await owner.put<ProjectAutofixJson>(PROJECT, settings);
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toMatchObject({ triggerRules: settings.triggerRules, policy: { autoCommit: ['A', 'B'] } }); // prettier-ignore
    expect(saved.body.settings.github).toMatchObject({ repository: 'acme/shop', pullRequests: 'fix_branch', hasToken: true }); // prettier-ignore
    const shown = await member.get<ProjectAutofixJson>(PROJECT);
    expect(JSON.stringify(shown.body)).not.toContain('ghp_secret');
    const audit = await owner.get<{ rows: { event: string; after: unknown }[] }>('/api/0/organizations/acme/audit-logs/?event=autofix.settings'); // prettier-ignore
    expect(audit.body.rows).toHaveLength(1);
    expect(JSON.stringify(audit.body.rows)).not.toContain('ghp_secret');
    // The stored project keeps the token for the GitHub client.
    const project = await shop.t.fixloop.storage.projects.getProject(shop.projectId);
    expect(project!.settings.autofix.github?.token).toBe('ghp_secret_never_shown');
  });

  it('validates settings and names the offending field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ maxLlmRounds: 50 }, 'maxLlmRounds'],
      [{ policy: { autoCommit: ['C'] } }, 'policy.autoCommit.0'],
      [{ triggerRules: [{ severity: 'info', action: 'record' }, { severity: 'info', action: 'record' }] }, 'triggerRules'], // prettier-ignore
      [{ enabled: 'no' }, 'enabled'],
      [{ shiny: true }, 'body'],
    ];
    for (const [body, field] of cases) {
      const response = await owner.put<Invalid>(PROJECT, body);
      expect([field, response.status]).toEqual([field, 400]);
      expect(Object.keys(response.body.errors)).toEqual([field]);
    }
  });

  it('lets members flip the project switch; org and instance switches need org:write and a superuser', async () => {
    expect((await member.put<ProjectAutofixJson>(PROJECT, { enabled: false })).body).toMatchObject({ enabled: false, active: false }); // prettier-ignore
    expect((await member.put(PROJECT, { enabled: true })).status).toBe(200);

    expect((await member.put('/api/0/organizations/acme/autofix/', { enabled: false })).status).toBe(403);
    expect((await owner.put('/api/0/organizations/acme/autofix/', { enabled: false })).status).toBe(200);
    expect((await member.get<ProjectAutofixJson>(PROJECT)).body).toMatchObject({ organizationEnabled: false, active: false }); // prettier-ignore
    const org = await member.get<{ enabled: boolean; worker: { pending: number } }>('/api/0/organizations/acme/autofix/'); // prettier-ignore
    expect(org.body).toMatchObject({ enabled: false, instanceEnabled: true, worker: { pending: expect.any(Number) } }); // prettier-ignore
    expect((await owner.put('/api/0/organizations/acme/autofix/', { enabled: true })).status).toBe(200);

    expect((await owner.get('/api/0/autofix/')).status).toBe(403);
    expect((await owner.put('/api/0/autofix/', { enabled: false })).status).toBe(403);
    expect((await shop.api.get('/api/0/autofix/')).body).toEqual({ enabled: true });
    const invalid = await shop.api.put<Invalid>('/api/0/autofix/', { enabled: 'off' });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.errors)).toEqual(['enabled']);
    const switches = await owner.get<{ rows: { event: string; target: string }[] }>('/api/0/organizations/acme/audit-logs/?event=autofix.switch'); // prettier-ignore
    expect(switches.body.rows.map((r) => r.target)).toEqual(expect.arrayContaining([`autofix:project:${shop.projectId}`, expect.stringMatching(/^autofix:organization:/)])); // prettier-ignore
  });

  it('queues a branch sync on demand, only for a project with a repository', async () => {
    const sync = await member.post<{ jobId: string }>('/api/0/projects/acme/shop/autofix/sync/');
    expect(sync.status).toBe(202);
    const job = await shop.t.fixloop.storage.jobs.getJob(Number(sync.body.jobId));
    expect(job).toMatchObject({ kind: 'autofix.sync', payload: { projectId: shop.projectId } });
    const rival = await client('rival', 'owner');
    expect((await rival.post('/api/0/projects/rival/other/autofix/sync/')).status).toBe(409);
    await shop.quiet();
  });
});
