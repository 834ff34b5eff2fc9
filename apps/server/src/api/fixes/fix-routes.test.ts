import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutofixTestShop, SHOP_CRASHES } from '../../testing/autofix-test-shop.ts';
import type { FixJson } from '../../testing/autofix-test-shop.ts';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import { TEST_BACKENDS } from '../../testing/test-fixloop.ts';

describe.each(TEST_BACKENDS)('the fixes API (%s)', (backend) => {
  let shop: AutofixTestShop;
  let committed: FixJson;
  let waiting: FixJson;
  let member: TestApiClient;
  let viewer: TestApiClient;
  let rival: TestApiClient;
  const client = async (organization: string, role: 'owner' | 'member' | 'viewer') =>
    new TestApiClient(shop.t.fixloop.url, (await createTestUserToken(shop.t.fixloop.storage, { organization, role })).token); // prettier-ignore

  beforeAll(async () => {
    shop = await AutofixTestShop.start(backend);
    [committed] = (await shop.settledFixes(await shop.ingest(SHOP_CRASHES.misspelledName()))) as [FixJson];
    [waiting] = (await shop.settledFixes(await shop.ingest(SHOP_CRASHES.missingCustomer()))) as [FixJson];
    member = await client('acme', 'member');
    viewer = await client('acme', 'viewer');
    rival = await client('rival', 'owner');
  });
  afterAll(() => shop.stop());

  it('lists the organization’s fixes newest first, by status and project, with cursor pagination', async () => {
    const all = await member.get<FixJson[]>('/api/0/organizations/acme/fixes/');
    expect(all.status).toBe(200);
    expect(all.body.map((f) => f.id)).toEqual([waiting.id, committed.id]);
    const byStatus = await member.get<FixJson[]>('/api/0/organizations/acme/fixes/?status=committed');
    expect(byStatus.body.map((f) => f.id)).toEqual([committed.id]);
    const both = await member.get<FixJson[]>('/api/0/organizations/acme/fixes/?status=committed,awaiting_approval&project=shop'); // prettier-ignore
    expect(both.body).toHaveLength(2);
    expect((await member.get<FixJson[]>('/api/0/organizations/acme/fixes/?project=other')).body).toEqual([]);
    const first = await member.get<FixJson[]>('/api/0/organizations/acme/fixes/?limit=1');
    expect(first.body.map((f) => f.id)).toEqual([waiting.id]);
    expect(first.headers.get('link')).toContain('rel="next"; results="true"; cursor="0:1:0"');
    const second = await member.get<FixJson[]>('/api/0/organizations/acme/fixes/?limit=1&cursor=0:1:0');
    expect(second.body.map((f) => f.id)).toEqual([committed.id]);
    expect(second.headers.get('link')).toContain('rel="next"; results="false"');
  });

  it('validates input and names the offending field', async () => {
    const badStatus = await member.get<{ errors: Record<string, string[]> }>('/api/0/organizations/acme/fixes/?status=done'); // prettier-ignore
    expect(badStatus.status).toBe(400);
    expect(Object.keys(badStatus.body.errors)).toEqual(['status']);
    const badId = await member.get<{ errors: Record<string, string[]> }>('/api/0/fixes/abc/');
    expect(badId.status).toBe(400);
    expect(Object.keys(badId.body.errors)).toEqual(['fixId']);
    expect((await member.get('/api/0/fixes/99999/')).status).toBe(404);
    const noReason = await member.post<{ errors: Record<string, string[]> }>(`/api/0/fixes/${waiting.id}/reject/`, {}); // prettier-ignore
    expect(noReason.status).toBe(400);
    expect(Object.keys(noReason.body.errors)).toEqual(['reason']);
    const badDryRun = await member.post<{ errors: Record<string, string[]> }>(`/api/0/issues/${committed.issueId}/autofix/`, { dryRun: 'yes' }); // prettier-ignore
    expect(badDryRun.status).toBe(400);
    expect(Object.keys(badDryRun.body.errors)).toEqual(['dryRun']);
  });

  it('shows one fix with diff, test, verification log, commit and audit trail', async () => {
    const detail = await viewer.get<FixJson & { issue: { shortId: string } }>(
      `/api/0/fixes/${committed.id}/`,
    );
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: committed.id, status: 'committed', commitSha: committed.commitSha, issue: { shortId: 'SHOP-1' } }); // prettier-ignore
    expect(detail.body.diff).toContain('formatTotal(order.amount)');
    expect(detail.body.testContent).toContain('orderTotal(');
    expect(detail.body.verification.log).toContain('formatTotl is not defined');
    expect(detail.body.events[0]).toMatchObject({ state: 'pending', actor: { type: 'system' } });
  });

  it('refuses actions to read-only members and non-people', async () => {
    expect((await viewer.post(`/api/0/fixes/${waiting.id}/approve/`, {})).status).toBe(403);
    expect((await viewer.post(`/api/0/fixes/${waiting.id}/reject/`, { reason: 'no' })).status).toBe(403);
    expect((await viewer.post(`/api/0/fixes/${committed.id}/rollback/`, {})).status).toBe(403);
    expect((await viewer.post(`/api/0/issues/${committed.issueId}/autofix/`, {})).status).toBe(403);
    expect((await shop.api.post(`/api/0/fixes/${waiting.id}/approve/`, {})).status).toBe(403);
    expect((await member.post(`/api/0/fixes/${committed.id}/approve/`, {})).status).toBe(409);
    // Nothing is committed while the project's kill switch is off, not even on approval.
    expect((await member.put('/api/0/projects/acme/shop/autofix/', { enabled: false })).status).toBe(200);
    expect((await member.post(`/api/0/fixes/${waiting.id}/approve/`, {})).status).toBe(409);
    expect((await member.put('/api/0/projects/acme/shop/autofix/', { enabled: true })).status).toBe(200);
    expect((await member.get<FixJson>(`/api/0/fixes/${waiting.id}/`)).body.status).toBe('awaiting_approval');
  });

  it('hides every fix and autofix setting of another organization (404)', async () => {
    const calls: Array<[string, string, unknown?]> = [
      ['GET', '/api/0/organizations/acme/fixes/'],
      ['GET', `/api/0/issues/${committed.issueId}/fixes/`],
      ['GET', `/api/0/fixes/${committed.id}/`],
      ['POST', `/api/0/fixes/${waiting.id}/approve/`, {}],
      ['POST', `/api/0/fixes/${waiting.id}/reject/`, { reason: 'mine now' }],
      ['POST', `/api/0/fixes/${committed.id}/rollback/`, {}],
      ['POST', `/api/0/fixes/${committed.id}/retry/`, {}],
      ['POST', `/api/0/issues/${committed.issueId}/autofix/`, {}],
      ['GET', '/api/0/organizations/acme/autofix/'],
      ['PUT', '/api/0/organizations/acme/autofix/', { enabled: false }],
      ['GET', '/api/0/projects/acme/shop/autofix/'],
      ['PUT', '/api/0/projects/acme/shop/autofix/', { enabled: false }],
      ['POST', '/api/0/projects/acme/shop/autofix/sync/'],
    ];
    for (const [method, path, body] of calls) {
      const response = await rival.request(method, path, body);
      expect([method, path, response.status]).toEqual([method, path, 404]);
    }
    expect((await rival.get('/api/0/autofix/')).status).toBe(403);
    const after = await member.get<FixJson>(`/api/0/fixes/${waiting.id}/`);
    expect(after.body.status).toBe('awaiting_approval');
    expect((await member.get<{ enabled: boolean }>('/api/0/projects/acme/shop/autofix/')).body.enabled).toBe(
      true,
    );
  });

  it('rolls back a committed fix with a revert commit on the fix branch, once', async () => {
    const head = shop.repo.remoteHead('fixloop');
    const rolled = await member.post<FixJson & { rollbackSha: string }>(`/api/0/fixes/${committed.id}/rollback/`, { reason: 'breaks checkout' }); // prettier-ignore
    expect(rolled.status).toBe(200);
    expect(rolled.body.status).toBe('rolled_back');
    expect(rolled.body.rollbackSha).toBe(shop.repo.remoteHead('fixloop'));
    expect(shop.commitSummary(rolled.body.rollbackSha).split('\n')[0]).toBe(head);
    expect(shop.repo.remoteFile('fixloop', 'src/orders.js')).toContain('formatTotl(order.amount)');
    expect(shop.repo.remoteHead('main')).toBe(shop.mainSha);
    expect((await member.post(`/api/0/fixes/${committed.id}/rollback/`, {})).status).toBe(409);
  });

  it('runs a dry run that verifies and shows the diff without committing', async () => {
    const head = shop.repo.remoteHead('fixloop');
    const started = await member.post<FixJson>(`/api/0/issues/${committed.issueId}/autofix/`, {
      dryRun: true,
    });
    expect(started.status).toBe(202);
    const [dry] = await shop.settledFixes(Number(committed.issueId));
    expect(dry).toMatchObject({ id: started.body.id, status: 'needs_review', commitSha: null });
    expect(dry!.reason).toContain('dry run');
    expect(dry!.diff).toContain('formatTotal(order.amount)');
    expect(dry!.verification.outcome).toBe('verified');
    expect(shop.repo.remoteHead('fixloop')).toBe(head);
  });

  it('records every action in the audit log', async () => {
    const owner = await client('acme', 'owner');
    const audit = await owner.get<{ rows: { event: string; target: string }[] }>('/api/0/organizations/acme/audit-logs/'); // prettier-ignore
    const actions = audit.body.rows.map((r) => `${r.event} ${r.target}`);
    expect(actions).toEqual(expect.arrayContaining([`fix.rollback fix:${committed.id}`, `fix.request issue:${committed.issueId}`])); // prettier-ignore
  });
});
