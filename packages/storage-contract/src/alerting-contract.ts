// Just over 400 lines: the alert store's config, throttle, delivery and report-query cases share one seed.
import { describe, expect, it } from 'vitest';
import { AppError, emptyThrottleState } from '@fixloop/core';
import type { AlertIssueSummary, AlertMessage, NewAlertDelivery, QuietHours, Storage } from '@fixloop/core';
import { batchOf, createTestProject, eventWrite, unique, writeOne } from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

const at = new Date('2026-11-22T09:00:00.000Z');
const policy = { quietHours: null, maxPerMinute: null };

function sampleAlertIssue(): AlertIssueSummary {
  return {
    id: 42,
    shortId: 'SHOP-7',
    title: 'TypeError: x is undefined',
    culprit: 'app/index.js in main',
    level: 'error',
    severity: 'blocking',
    errorClass: 'javascript',
    project: { id: 1, slug: 'shop', name: 'Shop' },
    environment: 'production',
    release: null,
    count: 3,
    userCount: 1,
    firstSeen: new Date('2026-01-01T10:00:00Z'),
    lastSeen: new Date('2026-01-01T11:00:00Z'),
    location: 'app/index.js',
    stackExcerpt: null,
    eventId: null,
    url: 'https://fixloop.example.com/issues/42',
  };
}

export async function channel(storage: Storage, organizationId: number, name = unique('ch')) {
  return storage.alerts.createChannel({
    organizationId,
    kind: 'slack',
    name,
    config: { kind: 'slack', botToken: 'v1:sealed', channel: 'C1' },
    enabled: true,
    policy,
    allowPrivateNetworks: false,
    systemAlerts: false,
    source: 'api',
    at,
  });
}

function rule(organizationId: number, projectId: number | null, key: string | null = null) {
  return {
    organizationId,
    projectId,
    key,
    source: 'api' as const,
    name: 'New issues',
    enabled: true,
    triggers: [{ type: 'new_issue' as const }],
    filters: { environments: ['production'] },
    channels: [{ channelKind: 'slack' as const }],
    throttle: { windowMinutes: 30, digestThreshold: 10 },
    snoozedUntil: null,
    at,
  };
}

export function delivery(
  organizationId: number,
  channelId: number,
  dedupeKey: string | null,
): NewAlertDelivery {
  const message: AlertMessage = {
    kind: 'new_issue',
    ruleId: '1',
    ruleName: 'New issues',
    issue: sampleAlertIssue(),
    pipeline: null,
    spike: null,
    digest: null,
    dashboardUrl: 'https://fixloop.example.com',
    createdAt: at,
  };
  return {
    organizationId,
    ruleId: 1,
    channelId,
    channelKind: 'slack',
    kind: 'new_issue',
    issueId: 42,
    summary: 'new_issue: SHOP-7 TypeError',
    status: 'pending',
    attempts: 0,
    providerMessageId: null,
    error: null,
    dedupeKey,
    payload: { type: 'alert', message },
    at,
  };
}

export function describeAlertingContract(setup: StorageSetup): void {
  describe('alerting', () => {
    const storage = useStorage(setup);

    it('stores channels per organization with unique names, updates and deletes them', async () => {
      const project = await createTestProject(storage());
      const org = project.organizationId;
      const created = await channel(storage(), org, 'ops');
      expect(created).toMatchObject({
        organizationId: org,
        kind: 'slack',
        name: 'ops',
        enabled: true,
        policy,
      });
      await expect(channel(storage(), org, 'ops')).rejects.toMatchObject({ code: 'conflict' });
      await expect(channel(storage(), org, 'ops')).rejects.toBeInstanceOf(AppError);
      const quiet: QuietHours = {
        start: '22:00',
        end: '07:00',
        utcOffsetMinutes: 60,
        bypassSeverities: ['blocking'],
      };
      const updated = await storage().alerts.updateChannel(created.id, {
        enabled: false,
        policy: { quietHours: quiet, maxPerMinute: 5 },
        allowPrivateNetworks: true,
        config: { kind: 'slack', webhookUrl: 'v1:other' },
        at: new Date(at.getTime() + 1000),
      });
      expect(updated).toMatchObject({
        enabled: false,
        policy: { quietHours: quiet, maxPerMinute: 5 },
        allowPrivateNetworks: true,
        config: { kind: 'slack', webhookUrl: 'v1:other' },
      });
      expect(updated?.updatedAt.getTime()).toBe(at.getTime() + 1000);
      const takenOver = await storage().alerts.updateChannel(created.id, {
        kind: 'telegram',
        source: 'config',
        config: { kind: 'telegram', botToken: 'v1:t', chatId: '1' },
        at,
      });
      expect(takenOver).toMatchObject({ kind: 'telegram', source: 'config', name: 'ops' });
      await storage().alerts.updateChannel(created.id, {
        kind: 'slack',
        source: 'api',
        config: { kind: 'slack', webhookUrl: 'v1:other' },
        at,
      });
      const other = await createTestProject(storage());
      await channel(storage(), other.organizationId, 'ops');
      expect((await storage().alerts.listChannels({ organizationId: org })).map((c) => c.name)).toEqual([
        'ops',
      ]);
      expect(await storage().alerts.listChannels({ organizationId: org, enabledOnly: true })).toEqual([]);
      expect(await storage().alerts.deleteChannel(created.id)).toBe(true);
      expect(await storage().alerts.getChannel(created.id)).toBeNull();
      expect(await storage().alerts.deleteChannel(created.id)).toBe(false);
    });

    it('lists project and organization rules, seeds keyed rules once and finds scheduled ones', async () => {
      const project = await createTestProject(storage());
      const org = project.organizationId;
      const projectRule = await storage().alerts.createRule(rule(org, project.id));
      const orgRule = await storage().alerts.createRule(rule(org, null));
      const seededKey = unique('default');
      const scheduled = {
        ...rule(org, project.id),
        key: seededKey,
        source: 'default' as const,
        triggers: [{ type: 'schedule' as const, cron: '0 9 * * *', report: 'daily_summary' as const }],
      };
      expect(await storage().alerts.insertRuleIfAbsent(scheduled)).toBe(true);
      expect(await storage().alerts.insertRuleIfAbsent(scheduled)).toBe(false);
      await expect(storage().alerts.createRule(scheduled)).rejects.toMatchObject({ code: 'conflict' });
      const all = await storage().alerts.listRules({ organizationId: org, projectId: project.id });
      expect(all.map((r) => r.id)).toEqual([projectRule.id, all[1]?.id]);
      const withOrg = await storage().alerts.listRules({
        organizationId: org,
        projectId: project.id,
        withOrganizationRules: true,
      });
      expect(withOrg.map((r) => r.id)).toContain(orgRule.id);
      expect(
        (await storage().alerts.listRules({ organizationId: org, projectId: null })).map((r) => r.id),
      ).toEqual([orgRule.id]);
      const found = (await storage().alerts.listScheduledRules()).find((r) => r.key === seededKey);
      expect(found).toMatchObject({ source: 'default', triggers: scheduled.triggers, projectId: project.id });
      expect(projectRule).toMatchObject({ filters: { environments: ['production'] }, snoozedUntil: null });
      const snoozed = new Date('2026-12-01T00:00:00Z');
      const updated = await storage().alerts.updateRule(projectRule.id, {
        name: 'Renamed',
        enabled: false,
        snoozedUntil: snoozed,
        throttle: { windowMinutes: 5, digestThreshold: 2 },
        triggers: [{ type: 'schedule', cron: '*/10 * * * *', report: 'critical_check' }],
        at,
      });
      expect(updated).toMatchObject({ name: 'Renamed', enabled: false, throttle: { windowMinutes: 5 } });
      expect(updated?.snoozedUntil?.getTime()).toBe(snoozed.getTime());
      expect((await storage().alerts.listScheduledRules()).map((r) => r.id)).toContain(projectRule.id);
      expect(await storage().alerts.deleteRule(projectRule.id)).toBe(true);
      expect(await storage().alerts.getRule(projectRule.id)).toBeNull();
    });

    it('records deliveries idempotently, keeps their payload until final and filters the log', async () => {
      const project = await createTestProject(storage());
      const org = project.organizationId;
      const ch = await channel(storage(), org);
      const key = unique('delivery');
      const first = await storage().alerts.recordDelivery(delivery(org, ch.id, key));
      expect(first.created).toBe(true);
      const payload = first.delivery.payload;
      expect(payload?.type === 'alert' && payload.message.issue?.firstSeen).toEqual(
        sampleAlertIssue().firstSeen,
      );
      const again = await storage().alerts.recordDelivery(delivery(org, ch.id, key));
      expect(again).toEqual({ delivery: first.delivery, created: false });
      const sent = await storage().alerts.updateDelivery(first.delivery.id, {
        status: 'sent',
        attempts: 2,
        providerMessageId: '1767265205.000100',
        payload: null,
        at: new Date(at.getTime() + 5),
      });
      expect(sent).toMatchObject({
        status: 'sent',
        attempts: 2,
        providerMessageId: '1767265205.000100',
        payload: null,
      });
      const failed = await storage().alerts.recordDelivery({
        ...delivery(org, ch.id, null),
        status: 'failed',
        error: 'Slack API error: channel_not_found',
      });
      const list = (query: Partial<Parameters<Storage['alerts']['listDeliveries']>[0]>) =>
        storage().alerts.listDeliveries({ organizationId: org, limit: 10, offset: 0, ...query });
      expect((await list({})).map((d) => d.id)).toEqual([failed.delivery.id, first.delivery.id]);
      expect((await list({ status: 'failed' })).map((d) => d.error)).toEqual([
        'Slack API error: channel_not_found',
      ]);
      expect(await list({ channelId: ch.id + 1000 })).toEqual([]);
      expect((await list({ limit: 1, offset: 1 })).map((d) => d.id)).toEqual([first.delivery.id]);
      const other = await createTestProject(storage());
      expect(await list({ organizationId: other.organizationId })).toEqual([]);
    });

    it('writes shared state with compare-and-set', async () => {
      const key = unique('throttle');
      expect(await storage().alerts.readState(key)).toBeNull();
      const state = { ...emptyThrottleState(), dedup: { 'a|b': 123 } };
      expect(await storage().alerts.writeState(key, state, null)).toBe(true);
      expect(await storage().alerts.writeState(key, state, null)).toBe(false);
      expect(await storage().alerts.readState(key)).toEqual({ key, value: state, version: 1 });
      const results = await Promise.all([
        storage().alerts.writeState(key, { n: 'a', at }, 1),
        storage().alerts.writeState(key, { n: 'b', at }, 1),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const stored = await storage().alerts.readState(key);
      expect(stored?.version).toBe(2);
      expect((stored?.value as { at: Date }).at).toEqual(at);
    });

    it('keeps the first Slack thread per issue and channel, and pipeline events newest first', async () => {
      const project = await createTestProject(storage());
      const issueId = await writeOne(storage(), eventWrite(project.id));
      const ch = await channel(storage(), project.organizationId);
      const first = { issueId, alertChannelId: ch.id, slackChannel: 'C1', ts: '1.0001', createdAt: at };
      expect(await storage().alerts.saveSlackThread(first)).toEqual(first);
      expect(await storage().alerts.saveSlackThread({ ...first, ts: '2.0002' })).toEqual(first);
      expect(await storage().alerts.findSlackThread(issueId, ch.id)).toEqual(first);
      expect(await storage().alerts.findSlackThread(issueId, ch.id + 1000)).toBeNull();
      const details = {
        rootCause: 'cart is null',
        relatedFiles: ['src/cart.ts'],
        fixStatus: 'none' as const,
        commitSha: null,
        fixUrl: null,
      };
      await storage().alerts.recordPipelineEvent({
        issueId,
        projectId: project.id,
        kind: 'investigation_done',
        details,
        createdAt: at,
      });
      await storage().alerts.recordPipelineEvent({
        issueId,
        projectId: project.id,
        kind: 'fix_committed',
        details: { ...details, fixStatus: 'committed', commitSha: 'abc123' },
        createdAt: new Date(at.getTime() + 1),
      });
      const events = await storage().alerts.listPipelineEvents(issueId, 10);
      expect(events.map((e) => [e.kind, e.details.commitSha])).toEqual([
        ['fix_committed', 'abc123'],
        ['investigation_done', null],
      ]);
    });

    it('answers the window queries behind checks, spikes and reports', async () => {
      const project = await createTestProject(storage());
      const t = (minutes: number) => new Date(at.getTime() + minutes * 60_000);
      const hash = unique('h');
      const fatalHash = unique('f');
      const writes = [
        eventWrite(project.id, { hashes: [hash], receivedAt: t(-30), timestamp: t(-30), userKey: 'u1' }),
        eventWrite(project.id, { hashes: [hash], receivedAt: t(-5), timestamp: t(-5), userKey: 'u1' }),
        eventWrite(project.id, { hashes: [hash], receivedAt: t(-4), timestamp: t(-4), userKey: 'u2' }),
        eventWrite(project.id, { hashes: [fatalHash], receivedAt: t(-3), timestamp: t(-3), level: 'fatal' }),
      ];
      const results = await storage().ingest.writeBatch(batchOf(writes));
      const [busyId, , , fatalId] = results.map((r) => (r.status === 'stored' ? r.issueId : 0));
      const critical = await storage().alerts.criticalActivity([project.id], t(-10), t(0));
      expect(critical).toEqual([
        { issueId: fatalId, projectId: project.id, events: 1, lastEventId: writes[3]?.event.eventId },
      ]);
      expect(await storage().alerts.criticalActivity([], t(-10), t(0))).toEqual([]);
      const busy = await storage().alerts.busyIssues([project.id], t(-10), t(0), 2);
      expect(busy).toEqual([
        { issueId: busyId, projectId: project.id, events: 2, lastEventId: writes[2]?.event.eventId },
      ]);
      const counts = await storage().alerts.countIssueEvents([busyId!, fatalId!], t(-60), t(-10));
      expect([...counts]).toEqual([[busyId, 1]]);

      const stats = await storage().alerts.periodStats([project.id], t(-60), t(0), 1);
      expect(stats).toMatchObject({
        totalEvents: 4,
        bySeverity: { annoying: 4, blocking: 0 },
        byProject: [{ projectId: project.id, events: 4 }],
        topIssues: [{ issueId: busyId, events: 3, users: 2 }],
        eventsByDay: [{ day: '2026-11-22', events: 4 }],
        resolvedIssues: 0,
        fixesCommitted: 0,
      });
      const empty = await storage().alerts.periodStats([project.id], t(10), t(20), 5);
      expect(empty).toMatchObject({ totalEvents: 0, topIssues: [], byProject: [] });
    });

    it('reads user reports after a cursor and recurring jobs that keep failing', async () => {
      const project = await createTestProject(storage());
      const before = await storage().alerts.userReportsAfter(0, 1_000_000);
      const cursor = before.at(-1)?.id ?? 0;
      await storage().ingest.writeBatch(
        batchOf([], {
          userReports: ['first', 'second'].map((comments) => ({
            projectId: project.id,
            eventId: null,
            name: 'Ada',
            email: 'ada@example.com',
            comments,
            url: null,
            source: 'feedback' as const,
            createdAt: at,
          })),
        }),
      );
      const after = await storage().alerts.userReportsAfter(cursor, 10);
      expect(after.map((r) => r.comments)).toEqual(['first', 'second']);
      expect((await storage().alerts.userReportsAfter(after[0]!.id, 10)).map((r) => r.comments)).toEqual([
        'second',
      ]);

      const issue = { id: await writeOne(storage(), eventWrite(project.id)) };
      const resolvedBefore = (await storage().alerts.resolutionsAfter(0, 1_000_000)).at(-1)?.id ?? 0;
      const activity = (type: 'set_resolved' | 'note' | 'set_resolved_in_release') =>
        storage().issueWorkflow.addActivity({
          issueId: issue.id,
          projectId: project.id,
          type,
          userId: null,
          data: {},
          createdAt: at,
        });
      const first = await activity('set_resolved');
      await activity('note');
      const second = await activity('set_resolved_in_release');
      expect(await storage().alerts.resolutionsAfter(resolvedBefore, 10)).toEqual([
        { id: first.id, issueId: issue.id, projectId: project.id, createdAt: at },
        { id: second.id, issueId: issue.id, projectId: project.id, createdAt: at },
      ]);
      expect((await storage().alerts.resolutionsAfter(first.id, 10)).map((r) => r.id)).toEqual([second.id]);

      const kind = unique('recurring');
      const { id } = await storage().jobs.enqueueUnique({
        kind,
        payload: {},
        dedupeKey: `schedule:${kind}:1`,
        maxAttempts: 1,
      });
      await storage().jobs.fail(id, 'boom', null, at);
      await storage().jobs.enqueue({ kind: `${kind}-adhoc`, payload: {} });
      const report = await storage().jobs.enqueueUnique({
        kind: `${kind}-report`,
        payload: {},
        dedupeKey: `alerts.report:1:daily_summary:${kind}`,
        maxAttempts: 1,
      });
      await storage().jobs.fail(report.id, 'smtp down', null, at);
      const failing = await storage().alerts.failingRecurringJobs(new Date(at.getTime() - 60_000));
      expect(failing.filter((f) => f.kind.startsWith(kind))).toEqual([
        { kind, failures: 1, lastError: 'boom' },
        { kind: `${kind}-report`, failures: 1, lastError: 'smtp down' },
      ]);
      const later = await storage().alerts.failingRecurringJobs(new Date(at.getTime() + 60_000));
      expect(later.filter((f) => f.kind === kind)).toEqual([]);
    });
  });
}
