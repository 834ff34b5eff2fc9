import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUserToken, TestApiClient } from '../testing/test-api-client.ts';
import { SETTLE_MS } from './settled-rows.ts';
import { envelope, newEventId, TEST_BACKENDS } from '../testing/test-fixloop.ts';
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
  channel: string;
  kind: string;
  status: string;
  error: string | null;
}

const MINUTE = 60_000;
const hhmm = (date: Date) => date.toISOString().slice(11, 16);

describe.each(TEST_BACKENDS)('channel policies, spikes and user reports end to end (%s)', (backend) => {
  let f: AlertingFixture;

  const deliveries = async (channel: string, status?: string) =>
    (
      await f.api.get<Delivery[]>(
        `/api/0/organizations/default/alert-deliveries/?channel=${channel}${status ? `&status=${status}` : ''}`,
      )
    ).body;
  const channel = async (path: string, policy: Record<string, unknown>) => {
    const created = await f.api.post<{ id: string }>('/api/0/organizations/default/alert-channels/', {
      name: path,
      kind: 'webhook',
      allowPrivateNetworks: true,
      config: { url: `${f.fake.baseUrl}/${path}` },
      ...policy,
    });
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const rule = async (channelId: string, triggers: unknown[]) => {
    const created = await f.api.post<{ id: string }>('/api/0/projects/default/default/alert-rules/', {
      name: `rule for ${channelId}`,
      triggers,
      channels: [{ channelId }],
    });
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const dropRule = (id: string) => f.api.delete(`/api/0/projects/default/default/alert-rules/${id}/`);
  const nextSlot = () => new Date(Math.ceil((f.clock.now().getTime() + 1) / MINUTE) * MINUTE);

  beforeAll(async () => {
    f = await startAlertingFixture(backend);
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('holds alerts during quiet hours and sends them as one digest when they end', async () => {
    const now = f.clock.now();
    const quietHours = {
      start: hhmm(new Date(now.getTime() - 60 * MINUTE)),
      end: hhmm(new Date(now.getTime() + 60 * MINUTE)),
      utcOffsetMinutes: 0,
    };
    const id = await channel('quiet', { quietHours });
    const ruleId = await rule(id, [{ type: 'new_issue' }]);
    await sendEvent(f.t, distinctError('QuietA', 'at night'));
    await sendEvent(f.t, distinctError('QuietB', 'at night'));
    const held = await until(async () => {
      const rows = await deliveries(id, 'digested');
      return rows.length === 2 ? rows : null;
    });
    expect(held[0]?.error).toBe('held for a digest (quiet_hours)');
    expect(f.fake.to('/quiet')).toHaveLength(0);
    await dropRule(ruleId);
    f.clock.advance(2 * 60 * MINUTE);
    await runAlertTick(f.t, f.clock, nextSlot());
    const [digest] = await f.fake.waitFor('/quiet');
    const data = digest!.json as { data: { fixloop: { digest: { reason: string; items: unknown[] } } } };
    expect(data.data.fixloop.digest).toMatchObject({ reason: 'quiet_hours' });
    expect(data.data.fixloop.digest.items).toHaveLength(2);
  });

  it('keeps to the channel rate limit; the overflow follows as a digest', async () => {
    const id = await channel('limited', { maxPerMinute: 1 });
    const ruleId = await rule(id, [{ type: 'new_issue' }]);
    await sendEvent(f.t, distinctError('LimitA', 'fast'));
    await sendEvent(f.t, distinctError('LimitB', 'fast'));
    await until(async () => (await deliveries(id, 'digested')).length === 1);
    await f.fake.waitFor('/limited', 1);
    expect((await deliveries(id, 'digested'))[0]?.error).toBe('held for a digest (rate_limited)');
    await dropRule(ruleId);
    f.clock.advance(2 * MINUTE);
    await runAlertTick(f.t, f.clock, nextSlot());
    const [, digest] = await f.fake.waitFor('/limited', 2);
    expect(digest!.json).toMatchObject({ data: { fixloop: { digest: { reason: 'rate_limited' } } } });
  });

  it('alerts a spike: an issue with enough events in the window against its baseline', async () => {
    const id = await channel('spikes', {});
    const ruleId = await rule(id, [{ type: 'spike', windowMinutes: 10, minEvents: 3, ratio: 2 }]);
    const spiky = distinctError('SpikeError', 'again and again');
    for (let i = 0; i < 3; i++) await sendEvent(f.t, spiky);
    await until(async () => {
      const issues = await f.t.fixloop.storage.issues.listIssues({
        projectIds: [f.t.projectId],
        sort: 'date',
        limit: 50,
        offset: 0,
      });
      return issues.issues.find((i) => i.title.startsWith('SpikeError'))?.timesSeen === 3;
    });
    await runAlertTick(f.t, f.clock, nextSlot());
    const [alert] = await f.fake.waitFor('/spikes');
    expect(alert!.json).toMatchObject({
      action: 'triggered',
      data: { fixloop: { spike: { windowMinutes: 10, count: 3 } } },
    });
    await dropRule(ruleId);
  });

  it('alerts a new user report about an issue', async () => {
    const id = await channel('reports', {});
    const ruleId = await rule(id, [{ type: 'user_report' }]);
    const eventId = await sendEvent(f.t, distinctError('ReportedError', 'the page broke'));
    await until(() => f.t.fixloop.storage.events.getEvent(f.t.projectId, eventId));
    const report = { event_id: eventId, name: 'Ana', email: 'ana@example.com', comments: 'Checkout broke' };
    const response = await fetch(f.t.url(`/api/${f.t.projectId}/envelope/?sentry_key=${f.t.key}`), {
      method: 'POST',
      body: envelope({ event_id: newEventId() }, [[{ type: 'user_report' }, report]]),
    });
    expect(response.status).toBe(200);
    await until(async () => (await f.t.fixloop.storage.alerts.userReportsAfter(0, 10)).length > 0);
    // Rows are read once they have settled (a few seconds), so a later tick picks this one up.
    f.clock.advance(SETTLE_MS);
    await runAlertTick(f.t, f.clock, nextSlot());
    const [alert] = await f.fake.waitFor('/reports');
    expect(JSON.stringify(alert!.json)).toContain('ReportedError');
    expect(JSON.stringify(alert!.json)).not.toContain('ana@example.com');
    await dropRule(ruleId);
  });

  it('alerts a regression: a resolved issue that comes back', async () => {
    const id = await channel('regressions', {});
    const ruleId = await rule(id, [{ type: 'regression' }]);
    const comeback = distinctError('ComebackError', 'it is back');
    const first = await sendEvent(f.t, comeback);
    const event = await until(() => f.t.fixloop.storage.events.getEvent(f.t.projectId, first));
    expect((await f.api.put(`/api/0/issues/${event.issueId}/`, { status: 'resolved' })).status).toBe(200);
    await sendEvent(f.t, comeback);
    const [alert] = await f.fake.waitFor('/regressions');
    expect(alert!.json).toMatchObject({ action: 'triggered', data: { fixloop: { kind: 'regression' } } });
    expect(JSON.stringify(alert!.json)).toContain('ComebackError: it is back');
    await dropRule(ruleId);
  });

  it('tells system-alert channels once an hour that a recurring job keeps failing', async () => {
    const { token } = await createTestUserToken(f.t.fixloop.storage, { superuser: true });
    const superuser = new TestApiClient(f.t.fixloop.url, token);
    const created = await superuser.post<{ id: string }>('/api/0/organizations/default/alert-channels/', {
      name: 'admins',
      kind: 'webhook',
      allowPrivateNetworks: true,
      systemAlerts: true,
      config: { url: `${f.fake.baseUrl}/admins` },
    });
    expect(created.status).toBe(201);
    const jobs = f.t.fixloop.storage.jobs;
    const { id } = await jobs.enqueueUnique({
      kind: 'test.nightly-export',
      payload: {},
      dedupeKey: 'schedule:nightly-export:1',
      maxAttempts: 1,
    });
    await jobs.fail(id, 'disk full', null, f.clock.now());
    await runAlertTick(f.t, f.clock, nextSlot());
    const [notice] = await f.fake.waitFor('/admins');
    expect(JSON.stringify(notice!.json)).toContain('test.nightly-export (1×: disk full)');
    f.clock.advance(10 * MINUTE);
    await runAlertTick(f.t, f.clock, nextSlot());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(f.fake.to('/admins')).toHaveLength(1);
  });

  it('applies rule filters to what the event says: environment, tags, release', async () => {
    const id = await channel('filtered', {});
    const created = await f.api.post<{ id: string }>('/api/0/projects/default/default/alert-rules/', {
      name: 'Checkout in production',
      triggers: [{ type: 'new_issue' }],
      filters: { environments: ['production'], tags: { component: 'checkout' }, releases: ['shop@2.*'] },
      channels: [{ channelId: id }],
    });
    expect(created.status).toBe(201);
    const tags = { component: 'checkout' };
    await sendEvent(
      f.t,
      distinctError('FilterStaging', 'x', { environment: 'staging', tags, release: 'shop@2.1.0' }),
    );
    await sendEvent(
      f.t,
      distinctError('FilterOtherTag', 'x', {
        environment: 'production',
        tags: { component: 'search' },
        release: 'shop@2.1.0',
      }),
    );
    await sendEvent(
      f.t,
      distinctError('FilterOldRelease', 'x', { environment: 'production', tags, release: 'shop@1.9.0' }),
    );
    await sendEvent(
      f.t,
      distinctError('FilterMatch', 'x', { environment: 'production', tags, release: 'shop@2.1.0' }),
    );
    const [alert] = await f.fake.waitFor('/filtered');
    expect(JSON.stringify(alert!.json)).toContain('FilterMatch');
    // The issue jobs run in order: by now the three before it were decided (and not sent).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(f.fake.to('/filtered')).toHaveLength(1);
    await dropRule(created.body.id);
  });
});
