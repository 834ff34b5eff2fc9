import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTLE_MS } from './settled-rows.ts';
import { TEST_BACKENDS } from '../testing/test-fixloop.ts';
import {
  distinctError,
  runAlertTick,
  sendEvent,
  startAlertingFixture,
  until,
} from '../testing/alerting-fixture.ts';
import type { AlertingFixture } from '../testing/alerting-fixture.ts';

interface Delivery {
  id: string;
  rule: string | null;
  channel: string;
  kind: string;
  issue: string | null;
  status: string;
  attempts: number;
  providerMessageId: string | null;
  error: string | null;
  summary: string;
}

const SIGNING_SECRET = 'slack-signing-secret-for-tests';

/** A real app crashing: @sentry/node in a child process reports the uncaught error and exits. */
const CRASHING_APP = `
import * as Sentry from '@sentry/node';
Sentry.init({ dsn: process.env.DSN, environment: 'production', release: 'shop@3.0.0' });
function chargeCard() { throw new Error('card processor unreachable'); }
setTimeout(() => chargeCard(), 10);
`;

function runCrashingApp(dsn: string): Promise<number | null> {
  const cwd = fileURLToPath(new URL('../..', import.meta.url));
  const child = spawn(process.execPath, ['--input-type=module', '-e', CRASHING_APP], {
    cwd,
    env: { ...process.env, DSN: dsn },
    stdio: 'ignore',
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe.each(TEST_BACKENDS)('Slack alerts end to end (%s)', (backend) => {
  let f: AlertingFixture;
  let channelId: string;

  const deliveries = async (query = '') =>
    (await f.api.get<Delivery[]>(`/api/0/organizations/default/alert-deliveries/${query}`)).body;

  /** A Know More click as Slack posts it: form body with a JSON payload, signed with the signing secret. */
  const clickKnowMore = (
    issueId: number,
    ts: string,
    forgedSignature?: string,
    options: { secret?: string; responseUrl?: string } = {},
  ) => {
    const payload = {
      type: 'block_actions',
      user: { id: 'U1', username: 'ana' },
      channel: { id: 'C0ALERTS' },
      message: { ts },
      actions: [{ action_id: 'fixloop_know_more', value: String(issueId) }],
      ...(options.responseUrl ? { response_url: options.responseUrl } : {}),
    };
    const raw = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const timestamp = String(Math.floor(f.clock.now().getTime() / 1000));
    const signature = `v0=${createHmac('sha256', options.secret ?? SIGNING_SECRET)
      .update(`v0:${timestamp}:${raw}`)
      .digest('hex')}`;
    return fetch(f.t.url('/api/0/integrations/slack/interactive/'), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': timestamp,
        'x-slack-signature': forgedSignature ?? signature,
      },
      body: raw,
    });
  };

  beforeAll(async () => {
    f = await startAlertingFixture(backend);
    const channel = await f.api.post<{ id: string }>('/api/0/organizations/default/alert-channels/', {
      name: 'ops-slack',
      kind: 'slack',
      allowPrivateNetworks: true,
      config: {
        botToken: 'xoxb-test-token',
        channel: 'C0ALERTS',
        signingSecret: SIGNING_SECRET,
        apiBaseUrl: `${f.fake.baseUrl}/slack/api`,
      },
    });
    expect(channel.status).toBe(201);
    channelId = channel.body.id;
    const rule = await f.api.post('/api/0/projects/default/default/alert-rules/', {
      name: 'Every new issue',
      triggers: [{ type: 'new_issue' }],
      channels: [{ channelId }],
      throttle: { windowMinutes: 30, digestThreshold: 10 },
    });
    expect(rule.status).toBe(201);
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('posts a new issue to Slack with its facts and a Know More button, and logs the ts', async () => {
    await sendEvent(f.t, { environment: 'production', release: 'shop@2.1.0', user: { id: 'u1' } });
    const [post] = await f.fake.waitFor('/slack/api/chat.postMessage');
    expect(post?.headers['authorization']).toBe('Bearer xoxb-test-token');
    const body = post?.json as { channel: string; text: string; blocks: Record<string, unknown>[] };
    expect(body.channel).toBe('C0ALERTS');
    expect(body.text).toMatch(/New issue: TypeError: boom/);
    const text = JSON.stringify(body.blocks);
    expect(text).toContain('production · shop@2.1.0');
    expect(text).toContain('*Events*\\n1');
    expect(text).toContain('fixloop_know_more');
    expect(text).toContain('Rule: Every new issue');
    const sent = await until(async () => (await deliveries('?status=sent'))[0]);
    expect(sent).toMatchObject({ channel: channelId, kind: 'new_issue', attempts: 1, error: null });
    expect(sent.providerMessageId).toMatch(/^1700000000\.\d{6}$/);
  });

  it('answers a signed Know More click in the thread; refuses a bad signature', async () => {
    const [sent] = await deliveries('?status=sent');
    const issueId = Number(sent?.issue);
    // The automatic investigation (no repository) finishes first, so its conclusion is the root cause.
    await until(async () => {
      const [investigation] = await f.t.fixloop.storage.investigations.listForIssue(issueId, {
        limit: 1,
        offset: 0,
      });
      return investigation?.status === 'completed';
    });
    const forged = await clickKnowMore(issueId, sent!.providerMessageId!, `v0=${'0'.repeat(64)}`);
    expect(forged.status).toBe(401);
    const before = f.fake.to('/slack/api/chat.postMessage').length;
    expect((await clickKnowMore(issueId, sent!.providerMessageId!)).status).toBe(200);
    const posts = await f.fake.waitFor('/slack/api/chat.postMessage', before + 1);
    const reply = posts[before]?.json as { channel: string; thread_ts: string; text: string };
    expect(reply.channel).toBe('C0ALERTS');
    expect(reply.thread_ts).toBe(sent?.providerMessageId);
    // The automatic investigation ran without a repository; its conclusion is the root cause shown.
    expect(reply.text).toContain('*Root cause*: No repository is connected');
    expect(reply.text).toContain('*Fix*: none yet');
    expect(reply.text).toContain(`/issues/${issueId}`);
    const knowMore = await until(async () =>
      (await deliveries()).find((d) => d.kind === 'know_more' && d.status === 'sent'),
    );
    expect(knowMore.issue).toBe(String(issueId));
  });

  it('retries a 5xx in place and records the attempts', async () => {
    f.fake.failNext(503);
    const before = f.fake.to('/slack/api/chat.postMessage').length;
    await sendEvent(f.t, distinctError('RangeError', 'retry me'));
    await f.fake.waitFor('/slack/api/chat.postMessage', before + 2);
    const sent = await until(async () =>
      (await deliveries('?status=sent')).find((d) => d.summary.includes('RangeError')),
    );
    expect(sent.attempts).toBe(2);
  });

  it('reschedules a 429 (Retry-After beyond the in-place wait) with backoff until it goes through', async () => {
    f.fake.failNext(429, 429);
    const before = f.fake.to('/slack/api/chat.postMessage').length;
    await sendEvent(f.t, distinctError('SyntaxError', 'rate limited'));
    await f.fake.waitFor('/slack/api/chat.postMessage', before + 1);
    const pending = await until(async () =>
      (await deliveries('?status=pending')).find((d) => d.attempts === 1),
    );
    expect(pending.error).toContain('429');
    // Nothing more happens until the backoff is over.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(f.fake.to('/slack/api/chat.postMessage')).toHaveLength(before + 1);
    f.clock.advance(2 * 60_000);
    await f.fake.waitFor('/slack/api/chat.postMessage', before + 2);
    await until(async () => (await deliveries('?status=pending')).find((d) => d.attempts === 2));
    f.clock.advance(2 * 60_000);
    await f.fake.waitFor('/slack/api/chat.postMessage', before + 3);
    const sent = await until(async () => (await deliveries('?status=sent')).find((d) => d.id === pending.id));
    expect(sent.attempts).toBe(3);
  });

  it('gives up on a 4xx at once and marks the delivery failed', async () => {
    f.fake.failNext(404);
    await sendEvent(f.t, distinctError('EvalError', 'bad channel'));
    const failed = await until(async () => (await deliveries('?status=failed'))[0]);
    expect(failed.attempts).toBe(1);
    expect(failed.error).toContain('404');
  });

  it('puts later updates about the issue into its thread: a resolve from the Web API, a committed fix', async () => {
    const rule = await f.api.post('/api/0/projects/default/default/alert-rules/', {
      name: 'Follow-ups',
      triggers: [{ type: 'resolved' }, { type: 'pipeline', events: ['fix_committed'] }],
      channels: [{ channelId }],
    });
    expect(rule.status).toBe(201);
    const first = (await deliveries('?status=sent')).find(
      (d) => d.kind === 'new_issue' && d.summary.includes('boom'),
    );
    const issueId = first!.issue!;
    const before = f.fake.to('/slack/api/chat.postMessage').length;
    const resolved = await f.api.put(`/api/0/issues/${issueId}/`, { status: 'resolved' });
    expect(resolved.status).toBe(200);
    // Rows are read once they have settled (a few seconds), so a later tick picks this one up.
    f.clock.advance(SETTLE_MS);
    await runAlertTick(f.t, f.clock, f.clock.now());
    const posts = await f.fake.waitFor('/slack/api/chat.postMessage', before + 1);
    const resolve = posts[before]!.json as { thread_ts?: string; text: string };
    expect(resolve.text).toMatch(/Resolved: TypeError: boom/);
    expect(resolve.thread_ts).toBe(first!.providerMessageId);
    await f.t.fixloop.storage.jobs.enqueue({
      kind: 'alerts.pipeline',
      payload: {
        event: 'fix_committed',
        issueId: Number(issueId),
        commitSha: 'abcdef1234567890',
        fixStatus: 'committed',
      },
      runAt: f.clock.now(),
    });
    const next = await f.fake.waitFor('/slack/api/chat.postMessage', before + 2);
    const fix = next[before + 1]!.json as { thread_ts?: string; blocks: unknown[] };
    expect(fix.thread_ts).toBe(first!.providerMessageId);
    expect(JSON.stringify(fix.blocks)).toContain('committed (commit abcdef123456)');
  });

  it('a real @sentry/node crash reaches Slack, and Know More answers in its thread', async () => {
    const before = f.fake.to('/slack/api/chat.postMessage').length;
    expect(await runCrashingApp(f.t.fixloop.dsn)).toBe(1);
    const posts = await f.fake.waitFor('/slack/api/chat.postMessage', before + 1, 20_000);
    const alert = posts[before]!.json as { text: string; blocks: unknown[] };
    // Two rules match (ours and the default "New blocking issue"): still one message.
    expect(alert.text).toContain('New issue: Error: card processor unreachable');
    expect(JSON.stringify(alert.blocks)).toContain('production · shop@3.0.0');
    const sent = await until(async () =>
      (await deliveries('?status=sent')).find((d) => d.summary.includes('card processor unreachable')),
    );
    expect((await clickKnowMore(Number(sent.issue), sent.providerMessageId!)).status).toBe(200);
    const replies = await f.fake.waitFor('/slack/api/chat.postMessage', before + 2);
    const reply = replies[before + 1]!.json as { thread_ts: string; text: string };
    expect(reply.thread_ts).toBe(sent.providerMessageId);
    expect(reply.text).toContain(`/issues/${sent.issue}`);
    expect(f.fake.to('/slack/api/chat.postMessage')).toHaveLength(before + 2);
  });

  it('answers Know More for a webhook-only channel through the response_url', async () => {
    const hook = await f.api.post<{ id: string }>('/api/0/organizations/default/alert-channels/', {
      name: 'slack-webhook',
      kind: 'slack',
      allowPrivateNetworks: true,
      config: { webhookUrl: `${f.fake.baseUrl}/slack/hook/T0/B0`, signingSecret: 'second-app-secret' },
    });
    expect(hook.status).toBe(201);
    const [sent] = await deliveries('?status=sent');
    const responseUrl = `${f.fake.baseUrl}/slack/response/1`;
    const click = await clickKnowMore(Number(sent!.issue), '1700000000.000001', undefined, {
      secret: 'second-app-secret',
      responseUrl,
    });
    expect(click.status).toBe(200);
    const [reply] = await f.fake.waitFor('/slack/response/1');
    expect(reply!.json).toMatchObject({
      response_type: 'in_channel',
      replace_original: false,
      thread_ts: '1700000000.000001',
    });
    expect(String(reply!.json?.['text'])).toContain('*Dashboard*');
    const logged = await until(async () =>
      (await deliveries(`?channel=${hook.body.id}`)).find((d) => d.kind === 'know_more'),
    );
    expect(logged.status).toBe('sent');
  });

  it('runs the /fixloop slash command from the alert channel, refuses other channels', async () => {
    const command = (text: string, channel = 'C0ALERTS', secret = SIGNING_SECRET) => {
      const raw = new URLSearchParams({
        command: '/fixloop',
        text,
        team_id: 'T1',
        user_id: 'U9',
        channel_id: channel,
        response_url: `${f.fake.baseUrl}/slack/response/cmd`,
      }).toString();
      const timestamp = String(Math.floor(f.clock.now().getTime() / 1000));
      const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${raw}`).digest('hex')}`;
      return fetch(f.t.url('/api/0/integrations/slack/commands/'), {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': timestamp,
          'x-slack-signature': signature,
        },
        body: raw,
      });
    };
    const answer = async (response: Response) => {
      expect(response.status).toBe(200);
      return (await response.json()) as { response_type: string; text: string };
    };
    expect((await command('errors', 'C0ALERTS', 'not-the-secret')).status).toBe(401);
    const refused = await answer(await command('errors', 'C0RANDOM'));
    expect(refused).toEqual({
      response_type: 'ephemeral',
      text: 'Fixloop commands are not enabled in this channel.',
    });
    const errors = await answer(await command('errors 24'));
    expect(errors.response_type).toBe('ephemeral');
    expect(errors.text).toMatch(/^\*Unresolved errors, last 24 h\*/);
    expect(errors.text).toMatch(
      /<http:\/\/localhost:\d+\/issues\/\d+\|DEFAULT-\d+> Error: card processor unreachable/,
    );
    const help = await answer(await command(''));
    expect(help.text).toContain('/fixloop resolve <issue>'.replace('<', '&lt;').replace('>', '&gt;'));
    const usage = await answer(await command('resolve'));
    expect(usage.text).toContain('/fixloop resolve');
    const [crash] = (await deliveries('?status=sent')).filter((d) => d.summary.includes('card processor'));
    const resolved = await answer(await command(`resolve ${crash!.issue}`));
    expect(resolved.response_type).toBe('in_channel');
    expect(resolved.text).toContain('Resolved');
    expect((await f.t.fixloop.storage.issues.getIssue(Number(crash!.issue)))?.status).toBe('resolved');
    const audit = await f.t.fixloop.storage.audit.list({ action: 'issue.update', limit: 1, offset: 0 });
    expect(audit[0]?.actor).toBe('slack:T1/U9');
  });
});
