import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutofixTestShop, SHOP_CRASHES } from '../testing/autofix-test-shop.ts';
import type { FixJson } from '../testing/autofix-test-shop.ts';
import { TEST_BACKENDS } from '../testing/test-fixloop.ts';

interface ProjectAutofixJson {
  enabled: boolean;
  active: boolean;
  reason: string | null;
  instanceEnabled: boolean;
}

describe.each(TEST_BACKENDS)('autofix kill switches and the repository lease (%s)', (backend) => {
  let shop: AutofixTestShop;
  beforeAll(async () => {
    shop = await AutofixTestShop.start(backend);
  });
  afterAll(() => shop.stop());

  const projectAutofix = async () =>
    (await shop.api.get<ProjectAutofixJson>('/api/0/projects/acme/shop/autofix/')).body;

  it('starts nothing while the instance switch is off', async () => {
    expect((await shop.api.put('/api/0/autofix/', { enabled: false })).status).toBe(200);
    expect(await projectAutofix()).toMatchObject({ enabled: true, instanceEnabled: false, active: false });
    const issueId = await shop.ingest(SHOP_CRASHES.misspelledName());
    await shop.quiet();
    expect(await shop.fixesOf(issueId)).toEqual([]);
    const manual = await shop.api.post(`/api/0/issues/${issueId}/autofix/`, {});
    expect(manual.status).toBe(409);
    expect(shop.repo.remoteHead('fixloop')).toBeNull();
    expect((await shop.api.put('/api/0/autofix/', { enabled: true })).status).toBe(200);
  });

  it('starts nothing while the project switch is off, not even a retry', async () => {
    const { issues } = await shop.t.fixloop.storage.issues.listIssues({ projectIds: [shop.projectId], sort: 'date', limit: 1, offset: 0 }); // prettier-ignore
    const started = await shop.api.post<FixJson>(`/api/0/issues/${issues[0]!.id}/autofix/`, { dryRun: true });
    expect(started.status).toBe(202);
    const [dry] = await shop.settledFixes(issues[0]!.id);
    expect(dry!.status).toBe('needs_review');
    expect((await shop.api.put('/api/0/projects/acme/shop/autofix/', { enabled: false })).status).toBe(200);
    expect(await projectAutofix()).toMatchObject({ enabled: false, active: false });
    const retry = await shop.api.post<{ detail: string }>(`/api/0/fixes/${dry!.id}/retry/`, {});
    expect(retry.status).toBe(409);
    expect(retry.body.detail).toContain('autofix cannot start');
    const issueId = await shop.ingest(SHOP_CRASHES.missingCustomer());
    await shop.quiet();
    expect(await shop.fixesOf(issueId)).toEqual([]);
    expect((await shop.api.post(`/api/0/issues/${issueId}/autofix/`, {})).status).toBe(409);
    expect((await shop.api.put('/api/0/projects/acme/shop/autofix/', { enabled: true })).status).toBe(200);
    expect(await projectAutofix()).toMatchObject({ enabled: true, active: true, reason: null });
  });

  it('does not work on a repository whose lease another instance holds', async () => {
    const storage = shop.t.fixloop.storage;
    const key = `repository:${shop.projectId}`;
    expect(await storage.fixes.acquireLease(key, 'other-instance', new Date(Date.now() + 120_000), new Date())).toBe(true); // prettier-ignore
    const { issues } = await storage.issues.listIssues({ projectIds: [shop.projectId], sort: 'date', limit: 10, offset: 0 }); // prettier-ignore
    const issueId = issues.find((i) => i.title.includes('formatTotl'))!.id;
    const started = await shop.api.post<FixJson>(`/api/0/issues/${issueId}/autofix/`, {});
    expect(started.status).toBe(202);
    await shop.quiet();
    const attempt = await storage.fixes.getAttempt(Number(started.body.id));
    expect(attempt).toMatchObject({ state: 'pending', runs: 0 });
    // Its run was put back for later instead of working next to the lease holder.
    const job = await storage.jobs.getJob(attempt!.jobId!);
    expect(job).toMatchObject({ state: 'pending' });
    expect(job!.runAt.getTime()).toBeGreaterThan(Date.now() + 10_000);
    expect(shop.repo.remoteHead('fixloop')).toBeNull();
    await storage.fixes.releaseLease(key, 'other-instance');
  });
});
