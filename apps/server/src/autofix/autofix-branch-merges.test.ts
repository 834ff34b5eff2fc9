import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutofixTestShop, SHOP_CRASHES, waitFor } from '../testing/autofix-test-shop.ts';
import type { FixJson } from '../testing/autofix-test-shop.ts';
import { createTestUserToken, TestApiClient } from '../testing/test-api-client.ts';
import { TEST_BACKENDS } from '../testing/test-fixloop.ts';

/**
 * Teams squash-merge or rebase-merge the fix branch as often as they merge it: neither leaves the fix
 * commits in the base's history, yet the branch is merged and must start over from the base head.
 */
describe.each(TEST_BACKENDS)('the fix branch after squash and rebase merges (%s)', (backend) => {
  let shop: AutofixTestShop;
  let unmerged: FixJson;
  beforeAll(async () => {
    shop = await AutofixTestShop.start(backend);
  });
  afterAll(() => shop.stop());

  /** Syncs on demand; returns the fix branch's outcome as the sync job logged it. */
  const sync = async (): Promise<string> => {
    const queued = await shop.api.post<{ jobId: string }>('/api/0/projects/acme/shop/autofix/sync/');
    expect(queued.status).toBe(202);
    const storage = shop.t.fixloop.storage;
    const job = await waitFor('the sync job', () => storage.jobs.getJob(Number(queued.body.jobId)), (j) => j?.state === 'done' || j?.state === 'failed'); // prettier-ignore
    expect({ state: job!.state, error: job!.lastError }).toEqual({ state: 'done', error: null });
    await shop.quiet();
    const line = shop.t.lines.filter((l) => l.includes('synced project')).at(-1) ?? '';
    return (JSON.parse(line.slice(line.indexOf('{'))) as { branches: Record<string, string> }).branches['fixloop']!; // prettier-ignore
  };
  /** A committed fix of a fresh crash; a category B one is approved by a member first. */
  const commitFix = async (event: Record<string, unknown>): Promise<FixJson> => {
    const issueId = await shop.ingest(event);
    const [fix] = await shop.settledFixes(issueId);
    if (fix!.status !== 'awaiting_approval') {
      expect(fix).toMatchObject({ status: 'committed', pushState: 'pushed' });
      return fix!;
    }
    const { token } = await createTestUserToken(shop.t.fixloop.storage, { organization: 'acme', role: 'member' }); // prettier-ignore
    const approved = await new TestApiClient(shop.t.fixloop.url, token).post<FixJson>(`/api/0/fixes/${fix!.id}/approve/`, {}); // prettier-ignore
    expect(approved.body).toMatchObject({ status: 'committed', pushState: 'pushed' });
    return approved.body;
  };
  /** The developer's side: main up to date with the remote, the fix branch fetched. */
  const developer = (...steps: string[][]) => {
    shop.repo.git('checkout', '--quiet', 'main');
    shop.repo.git('fetch', '--quiet', 'origin');
    shop.repo.git('reset', '--quiet', '--hard', 'origin/main');
    for (const step of steps) shop.repo.git(...step);
    shop.repo.git('push', '--quiet', 'origin', 'main');
    return shop.repo.head('main');
  };

  it('a squash merge of two fix commits resets the fix branch to the base head', async () => {
    const first = await commitFix(SHOP_CRASHES.misspelledName());
    const second = await commitFix(SHOP_CRASHES.missingImport());
    expect(shop.commitSummary(second.commitSha!).split('\n')[0]).toBe(first.commitSha);
    const squashed = developer(['merge', '--quiet', '--squash', 'origin/fixloop'], ['commit', '--quiet', '-m', 'Fixes (#12)']); // prettier-ignore
    expect(shop.repo.git('rev-list', '--count', `${shop.mainSha}..${squashed}`).trim()).toBe('1');

    expect(await sync()).toBe('reset');
    expect(shop.repo.remoteHead('fixloop')).toBe(squashed);
    for (const fix of [first, second]) {
      const [after] = await shop.fixesOf(Number(fix.issueId));
      expect(after!.events.at(-1)!.note).toContain('merged (squash merge');
    }
  });

  it('a base that took only one of two fixes is not merged: the fix branch stays', async () => {
    const third = await commitFix(SHOP_CRASHES.wrongImportCase());
    const fourth = await commitFix(SHOP_CRASHES.missingCustomer());
    expect(shop.repo.remoteHead('fixloop')).toBe(fourth.commitSha);
    developer(['cherry-pick', third.commitSha!]);

    expect(await sync()).toBe('unmerged');
    expect(shop.repo.remoteHead('fixloop')).toBe(fourth.commitSha);
    unmerged = fourth;
  });

  it('a rebase merge resets it, even when the base changed the fixed files since', async () => {
    const fixHead = shop.repo.remoteHead('fixloop')!;
    // GitHub's "rebase and merge": the fix commits re-created on top of main (the one main already has
    // is dropped), then main fast-forwards to them; later someone edits a fixed file again.
    const rebased = developer(
      ['checkout', '--quiet', '-B', 'rebased', 'origin/fixloop'],
      ['-c', 'advice.skippedCherryPicks=false', 'rebase', '--quiet', 'main'],
      ['checkout', '--quiet', 'main'],
      ['merge', '--quiet', '--ff-only', 'rebased'],
    );
    expect(() => shop.repo.git('merge-base', '--is-ancestor', fixHead, rebased)).toThrow();
    const edited = shop.repo.commit({ 'src/greeting.js': `${shop.repo.remoteFile(rebased, 'src/greeting.js')}// reviewed\n` }, 'Note'); // prettier-ignore
    shop.repo.git('push', '--quiet', 'origin', 'main');

    expect(await sync()).toBe('reset');
    expect(shop.repo.remoteHead('fixloop')).toBe(edited);
    const [after] = await shop.fixesOf(Number(unmerged.issueId));
    expect(after!.events.at(-1)!.note).toContain('merged (rebase merge');
  });
});
