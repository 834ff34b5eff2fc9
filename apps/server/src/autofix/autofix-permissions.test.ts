import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutofixTestShop, SHOP_CRASHES } from '../testing/autofix-test-shop.ts';
import type { FixJson } from '../testing/autofix-test-shop.ts';
import { createTestUserToken, TestApiClient } from '../testing/test-api-client.ts';
import { TEST_BACKENDS } from '../testing/test-fixloop.ts';

const PROJECT = '/api/0/projects/acme/shop/autofix/';

describe.each(TEST_BACKENDS)('agent permissions cap what autofix may do (%s)', (backend) => {
  let shop: AutofixTestShop;
  beforeAll(async () => {
    shop = await AutofixTestShop.start(backend);
  });
  afterAll(() => shop.stop());

  it('READ_ONLY: no fix is proposed at all', async () => {
    expect((await shop.api.put(PROJECT, { botPermission: 'READ_ONLY' })).status).toBe(200);
    const [fix] = await shop.settledFixes(await shop.ingest(SHOP_CRASHES.missingImport()));
    expect(fix).toMatchObject({ status: 'failed', diff: null, commitSha: null });
    expect(fix!.reason).toContain('no agent is permitted to propose fixes');
    expect(shop.repo.remoteHead('fixloop')).toBeNull();
  });

  it('a regression of a resolved issue gets a new attempt once the earlier one is closed', async () => {
    expect((await shop.api.put(PROJECT, { botPermission: 'MINOR_FIX' })).status).toBe(200);
    const issueId = await shop.ingest(SHOP_CRASHES.missingImport());
    expect((await shop.fixesOf(issueId)).map((f) => f.status)).toEqual(['failed']);
    expect((await shop.api.put(`/api/0/issues/${issueId}/`, { status: 'resolved' })).status).toBe(200);
    expect(await shop.ingest(SHOP_CRASHES.missingImport())).toBe(issueId);
    await shop.quiet();
    const fixes = await shop.settledFixes(issueId);
    expect(fixes.map((f) => f.status)).toEqual(['committed', 'failed']);
    expect(fixes[0]!.events[0]!.note).toContain('issue.regressed');
    expect(shop.repo.remoteHead('fixloop')).toBe(fixes[0]!.commitSha);
  });

  it('SUGGEST: a verified category A fix waits for a member’s approval instead of being committed', async () => {
    expect((await shop.api.put(PROJECT, { botPermission: 'SUGGEST' })).status).toBe(200);
    const before = shop.repo.remoteHead('fixloop');
    const [fix] = await shop.settledFixes(await shop.ingest(SHOP_CRASHES.misspelledName()));
    expect(fix).toMatchObject({ status: 'awaiting_approval', category: 'A', approverRole: 'member', commitSha: null }); // prettier-ignore
    expect(fix!.reason).toContain("the agent's permission SUGGEST does not allow committing category A");
    expect(shop.repo.remoteHead('fixloop')).toBe(before);
    const { token } = await createTestUserToken(shop.t.fixloop.storage, {
      organization: 'acme',
      role: 'member',
    });
    const approved = await new TestApiClient(shop.t.fixloop.url, token).post<FixJson>(`/api/0/fixes/${fix!.id}/approve/`, {}); // prettier-ignore
    expect(approved.body).toMatchObject({ status: 'committed' });
    expect(shop.repo.remoteHead('fixloop')).toBe(approved.body.commitSha);
  });

  it('MAJOR_FIX with autoCommit [A, B]: a verified category B fix is committed without approval', async () => {
    expect((await shop.api.put(PROJECT, { botPermission: 'MAJOR_FIX', policy: { autoCommit: ['A', 'B'] } })).status).toBe(200); // prettier-ignore
    const [fix] = await shop.settledFixes(await shop.ingest(SHOP_CRASHES.missingCustomer()));
    expect(fix).toMatchObject({ status: 'committed', category: 'B', fixer: 'optional-guard' });
    expect(shop.repo.remoteHead('fixloop')).toBe(fix!.commitSha);
    expect(shop.repo.remoteHead('main')).toBe(shop.mainSha);
  });
});
