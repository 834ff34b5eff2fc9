import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutofixTestShop, SHOP_CRASHES } from '../testing/autofix-test-shop.ts';
import type { FixJson } from '../testing/autofix-test-shop.ts';
import { createTestUserToken, TestApiClient } from '../testing/test-api-client.ts';
import { TEST_BACKENDS } from '../testing/test-fixloop.ts';

describe.each(TEST_BACKENDS)('verified autofix end to end (%s)', (backend) => {
  let shop: AutofixTestShop;
  beforeAll(async () => {
    shop = await AutofixTestShop.start(backend, {
      project: { autofix: { botIdentity: { name: 'Fixloop Bot', email: 'bot@fixloop.test' } } },
    });
  });
  afterAll(() => shop.stop());

  it('commits a verified fix and its test to the fix branch of the remote, never to main', async () => {
    const started = Date.now();
    const issueId = await shop.ingest(SHOP_CRASHES.misspelledName());
    const [fix] = await shop.settledFixes(issueId);
    expect(fix).toMatchObject({ status: 'committed', category: 'A', fixer: 'misspelled-name', branch: 'fixloop', pushState: 'pushed' }); // prettier-ignore
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(fix!.diff).toContain('-  return formatTotl(order.amount);');
    expect(fix!.diff).toContain('+  return formatTotal(order.amount);');
    expect(fix!.diff).toContain(`+++ b/${fix!.testFile}`);
    expect(fix!.testContent).toContain('orderTotal({ amount: 3 })');
    expect(fix!.verification).toMatchObject({ outcome: 'verified', reproducedBefore: true, passedAfter: true, suiteOk: true }); // prettier-ignore
    expect(fix!.verification.log).toContain('formatTotl is not defined');
    expect(fix!.events.map((e) => e.state)).toEqual(
      expect.arrayContaining(['pending', 'reproducing', 'generating', 'verifying', 'committed']),
    );
    // The remote: one commit on the fix branch, on top of main, holding fix and test; main untouched.
    expect(shop.repo.remoteHead('fixloop')).toBe(fix!.commitSha);
    expect(shop.repo.remoteHead('main')).toBe(shop.mainSha);
    const commit = shop.commitSummary(fix!.commitSha!);
    expect(commit.split('\n')[0]).toBe(shop.mainSha);
    expect(commit).toContain('src/orders.js');
    expect(commit).toContain(fix!.testFile!);
    // Its test fails on the base and passes on the fix.
    expect(shop.testPassesOn('main', fix!.testFile!, fix!.testContent!)).toBe(false);
    expect(shop.testPassesOn('fixloop', fix!.testFile!, fix!.testContent!)).toBe(true);
    const detail = await shop.api.get<FixJson>(`/api/0/fixes/${fix!.id}/`);
    expect(detail.body).toMatchObject({ commitSha: fix!.commitSha, diff: fix!.diff });
    // The commit names the issue, the root cause and the verification, by the configured bot.
    const message = shop.repo.git('fetch', '--quiet', 'origin') + shop.repo.git('log', '-1', '--format=%an <%ae>%n%B', 'origin/fixloop'); // prettier-ignore
    expect(message).toContain('Fixloop Bot <bot@fixloop.test>');
    expect(message).toContain('SHOP-1');
    expect(message).toContain('formatTotl is not declared anywhere in scope');
    expect(message).toMatch(/verif/i);
  });

  it.each([
    ['missing-import', SHOP_CRASHES.missingImport, "+import { toCents } from './money.js';"],
    ['module-path', SHOP_CRASHES.wrongImportCase, "+import { itemCount } from './orders.js';"],
  ])('commits the %s fixer’s verified fix on top of the fix branch', async (fixer, crash, added) => {
    const before = shop.repo.remoteHead('fixloop');
    const [fix] = await shop.settledFixes(await shop.ingest(crash()));
    expect(fix).toMatchObject({ status: 'committed', category: 'A', fixer, pushState: 'pushed' });
    expect(fix!.diff).toContain(added);
    expect(shop.repo.remoteHead('fixloop')).toBe(fix!.commitSha);
    expect(shop.commitSummary(fix!.commitSha!).split('\n')[0]).toBe(before);
    expect(shop.testPassesOn('main', fix!.testFile!, fix!.testContent!)).toBe(false);
    expect(shop.testPassesOn('fixloop', fix!.testFile!, fix!.testContent!)).toBe(true);
  });

  it('escalates an error no fixer can handle and leaves it for review', async () => {
    const before = shop.repo.remoteHead('fixloop');
    const [fix] = await shop.settledFixes(await shop.ingest(SHOP_CRASHES.overbooked()));
    expect(fix).toMatchObject({ status: 'needs_review', commitSha: null, diff: null });
    expect(fix!.reason).toContain('no fixer could handle this error');
    expect(fix!.events.some((e) => e.note.startsWith('escalated:'))).toBe(true);
    expect(shop.repo.remoteHead('fixloop')).toBe(before);
  });

  it('routes a crash without captured arguments to review as "no reproduction"', async () => {
    const before = shop.repo.remoteHead('fixloop');
    const [fix] = await shop.settledFixes(await shop.ingest(SHOP_CRASHES.noArguments()));
    expect(fix).toMatchObject({ status: 'needs_review', testFile: null, diff: null, commitSha: null });
    expect(fix!.reason).toMatch(/^no reproduction: /);
    expect(shop.repo.remoteHead('fixloop')).toBe(before);
  });

  it('refuses to work when the fix branch is a protected branch', async () => {
    const storage = shop.t.fixloop.storage;
    const project = (await storage.projects.getProject(shop.projectId))!;
    const repository = project.settings.repository!;
    await storage.projects.updateProject(project.id, { settings: { ...project.settings, repository: { ...repository, fixBranch: 'release', protectedBranches: ['release'] } } }); // prettier-ignore
    try {
      const { issues } = await storage.issues.listIssues({ projectIds: [shop.projectId], sort: 'date', limit: 20, offset: 0 }); // prettier-ignore
      const issueId = issues.find((i) => i.title.includes('formatTotl'))!.id;
      expect((await shop.api.post(`/api/0/issues/${issueId}/autofix/`, {})).status).toBe(202);
      const [fix] = await shop.settledFixes(issueId);
      expect(fix).toMatchObject({ status: 'failed', branch: 'release', commitSha: null });
      expect(fix!.reason).toContain('refusing to write to protected branch "release"');
      expect(shop.repo.remoteHead('release')).toBeNull();
    } finally {
      await storage.projects.updateProject(project.id, { settings: project.settings });
    }
  });

  it('leaves a category B fix awaiting approval, and commits it when a member approves', async () => {
    const before = shop.repo.remoteHead('fixloop');
    const issueId = await shop.ingest(SHOP_CRASHES.missingCustomer());
    const [fix] = await shop.settledFixes(issueId);
    expect(fix).toMatchObject({ status: 'awaiting_approval', category: 'B', fixer: 'optional-guard', commitSha: null, approverRole: 'member' }); // prettier-ignore
    expect(fix!.diff).toContain("+  return 'Hello ' + (order.customer?.name ?? 'guest');");
    expect(fix!.verification.outcome).toBe('verified');
    expect(shop.repo.remoteHead('fixloop')).toBe(before);

    // A token without a user is not a person: it cannot approve.
    const byAgent = await shop.api.post(`/api/0/fixes/${fix!.id}/approve/`, {});
    expect(byAgent.status).toBe(403);
    const { user, token } = await createTestUserToken(shop.t.fixloop.storage, { organization: 'acme', role: 'member', scopes: ['event:read', 'project:read', 'project:write'] }); // prettier-ignore
    const member = new TestApiClient(shop.t.fixloop.url, token);
    const approved = await member.post<FixJson>(`/api/0/fixes/${fix!.id}/approve/`, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'committed', pushState: 'pushed' });
    expect(approved.body.approvals).toEqual([
      expect.objectContaining({ decision: 'approved', actor: expect.objectContaining({ type: 'user', name: user.email }) }), // prettier-ignore
    ]);
    expect(shop.repo.remoteHead('fixloop')).toBe(approved.body.commitSha);
    expect(shop.repo.remoteHead('main')).toBe(shop.mainSha);
    expect(shop.commitSummary(approved.body.commitSha!).split('\n')[0]).toBe(before);
    expect(shop.testPassesOn('fixloop', fix!.testFile!, fix!.testContent!)).toBe(true);
    const again = await member.post(`/api/0/fixes/${fix!.id}/approve/`, {});
    expect(again.status).toBe(409);
  });
});
