import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutofixTestShop, SHOP_CRASHES, waitFor } from '../testing/autofix-test-shop.ts';
import type { FixJson } from '../testing/autofix-test-shop.ts';
import { FakeProviderServer } from '../testing/fake-provider-server.ts';
import { TEST_BACKENDS } from '../testing/test-fixloop.ts';
import { FakeGithubServer } from './github/fake-github-server.ts';

interface SlackPost {
  text: string;
  blocks: { type: string; text?: { text: string }; elements?: { text?: string }[] }[];
}

/** Channels and rules as a team sets them up: autofix steps to one Slack channel, failing CI to another. */
function alerts(slackUrl: string) {
  const slack = (name: string, path: string) => ({ name, kind: 'slack', webhookUrl: `${slackUrl}${path}`, allowPrivateNetworks: true }); // prettier-ignore
  return {
    channels: [slack('fixes', '/slack/fixes'), slack('ci', '/slack/ci')],
    rules: [
      { key: 'autofix', name: 'Autofix', triggers: [{ type: 'pipeline', events: ['fix_committed', 'needs_review', 'escalation'] }], channels: [{ channel: 'fixes' }] }, // prettier-ignore
      { key: 'ci', name: 'Fix CI', triggers: [{ type: 'pipeline', events: ['fix_tests_failed'] }], channels: [{ channel: 'ci' }] }, // prettier-ignore
    ],
  };
}

describe.each(TEST_BACKENDS)('autofix pipeline alerts reach the channels (%s)', (backend) => {
  let shop: AutofixTestShop;
  let slack: FakeProviderServer;
  let github: FakeGithubServer;
  let committed: FixJson;
  beforeAll(async () => {
    slack = await FakeProviderServer.start();
    github = await new FakeGithubServer().start();
    shop = await AutofixTestShop.start(backend, {
      organization: { alerts: alerts(slack.baseUrl) },
      project: { autofix: { github: { apiUrl: github.url, token: 'ghp_fake', repository: 'acme/shop' } } },
      env: { FIXLOOP_SECRET_KEY: 'autofix-alerts-test-master-key-0123456789' },
    });
  });
  afterAll(async () => {
    await shop.stop();
    await slack.close();
    await github.stop();
  });

  /** What the channel got from a rule (the seed "New blocking issue" rule posts there too). */
  const posts = (path: string, rule: string) =>
    slack
      .to(path)
      .map((r) => r.json as unknown as SlackPost)
      .filter((p) => p.blocks.at(-1)?.elements?.[0]?.text === `Rule: ${rule}`);
  const textOf = (post: SlackPost) => post.blocks.map((b) => b.text?.text ?? '').join('\n');
  const settle = async (path: string, rule: string, count: number) => {
    await shop.quiet();
    await waitFor(`${count} "${rule}" post(s) to ${path}`, async () => posts(path, rule).length, (n) => n >= count); // prettier-ignore
    await shop.quiet();
  };

  it('a verified fix posts "Fix committed" with its commit and fix link', async () => {
    const issueId = await shop.ingest(SHOP_CRASHES.misspelledName());
    [committed] = (await shop.settledFixes(issueId)) as [FixJson];
    expect(committed).toMatchObject({ status: 'committed' });
    await settle('/slack/fixes', 'Autofix', 1);
    const [post, ...more] = posts('/slack/fixes', 'Autofix');
    expect(more).toEqual([]);
    expect(post!.text).toBe('🔴 Fix committed: ReferenceError: formatTotl is not defined');
    expect(textOf(post!)).toContain(`*Fix*: committed (commit ${committed.commitSha!.slice(0, 12)})`);
    expect(textOf(post!)).toContain(`/fixes/${committed.id}|view>`);
    expect(posts('/slack/ci', 'Fix CI')).toEqual([]);
  });

  it('an error no fixer can handle posts the escalation and "Fix needs review"', async () => {
    const issueId = await shop.ingest(SHOP_CRASHES.overbooked());
    const [fix] = await shop.settledFixes(issueId);
    expect(fix).toMatchObject({ status: 'needs_review' });
    await settle('/slack/fixes', 'Autofix', 3);
    const texts = posts('/slack/fixes', 'Autofix').map((p) => p.text);
    expect(texts.slice(1).sort()).toEqual([
      '🔴 Escalation: RangeError: not enough stock',
      '🔴 Fix needs review: RangeError: not enough stock',
    ]);
    expect(posts('/slack/ci', 'Fix CI')).toEqual([]);
  });

  it('failing check runs on the fix commit make the fix tests_failed and post to the CI channel', async () => {
    github.checkRuns.set(committed.commitSha!, [
      { name: 'unit', status: 'completed', conclusion: 'failure' },
      { name: 'lint', status: 'completed', conclusion: 'success' },
    ]);
    const queued = await shop.api.post<{ jobId: string }>('/api/0/projects/acme/shop/autofix/sync/');
    expect(queued.status).toBe(202);
    await settle('/slack/ci', 'Fix CI', 1);
    const fix = (await shop.api.get<FixJson & { checksState: string }>(`/api/0/fixes/${committed.id}/`)).body;
    expect(fix).toMatchObject({ status: 'tests_failed', checksState: 'failure' });
    expect(fix.events.at(-1)).toMatchObject({
      state: 'tests_failed',
      note: "the commit's check runs failed",
    });
    const [post, ...more] = posts('/slack/ci', 'Fix CI');
    expect(more).toEqual([]);
    expect(post!.text).toBe('🔴 Fix tests failed: ReferenceError: formatTotl is not defined');
    expect(textOf(post!)).toContain(`*Fix*: tests failed (commit ${committed.commitSha!.slice(0, 12)})`);
    // The autofix channel's rule does not include tests_failed.
    expect(posts('/slack/fixes', 'Autofix')).toHaveLength(3);
  });
});
