import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFixloop, TEST_BACKENDS } from '../testing/test-fixloop.ts';
import type { TestFixloop } from '../testing/test-fixloop.ts';
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
  kind: string;
  status: string;
  issue: string | null;
  error: string | null;
  summary: string;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function msUntilNoonUtc(now: Date): number {
  const noon = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12);
  return (((noon - now.getTime()) % DAY) + DAY) % DAY;
}

/** A real SMTP server (smtp-server) that keeps the raw messages it accepts. */
async function startSmtpSink(): Promise<{ port: number; messages: string[]; close(): Promise<void> }> {
  const messages: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe.each(TEST_BACKENDS)('alert tick: throttle, digests, critical events, reports (%s)', (backend) => {
  let f: AlertingFixture;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let hookId: string;

  const deliveries = async (query = '') =>
    (await f.api.get<Delivery[]>(`/api/0/organizations/default/alert-deliveries/${query}`)).body;
  const tick = (slot: Date) => runAlertTick(f.t, f.clock, slot);
  /** The next minute boundary: its tick covers events received now. */
  const nextSlot = () => new Date(Math.ceil((f.clock.now().getTime() + 1) / MINUTE) * MINUTE);
  const rule = (body: Record<string, unknown>) =>
    f.api.post<{ id: string }>('/api/0/projects/default/default/alert-rules/', body);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    f = await startAlertingFixture(backend);
    // The daily-summary test reports the 24 h before the next 09:00 UTC and expects the earlier tests'
    // events in it; the suite moves the clock about 75 minutes, so it starts at noon UTC, never near 09:00.
    f.clock.advance(msUntilNoonUtc(f.clock.now()));
    const hook = await f.api.post<{ id: string }>('/api/0/organizations/default/alert-channels/', {
      name: 'hook',
      kind: 'webhook',
      allowPrivateNetworks: true,
      config: { url: `${f.fake.baseUrl}/receiver` },
    });
    hookId = hook.body.id;
    const email = await f.api.post('/api/0/organizations/default/alert-channels/', {
      name: 'mail',
      kind: 'email',
      allowPrivateNetworks: true,
      config: {
        host: '127.0.0.1',
        port: smtp.port,
        from: 'Fixloop <alerts@fixloop.test>',
        to: ['oncall@fixloop.test'],
      },
    });
    expect(email.status).toBe(201);
  });
  afterAll(async () => {
    await f?.stop();
    await smtp?.close();
  });

  it('sends a burst up to the digest threshold, then one digest when the window ends', async () => {
    const created = await rule({
      name: 'Burst',
      triggers: [{ type: 'new_issue' }],
      channels: [{ channelId: hookId }],
      throttle: { windowMinutes: 30, digestThreshold: 2 },
    });
    expect(created.status).toBe(201);
    for (const type of ['BurstA', 'BurstB', 'BurstC', 'BurstD'])
      await sendEvent(f.t, distinctError(type, 'burst'));
    await until(async () => ((await deliveries('?status=digested')).length === 2 ? true : null));
    await until(async () => ((await deliveries('?status=sent')).length === 2 ? true : null));
    expect(f.fake.to('/receiver')).toHaveLength(2);
    // Still inside the window: nothing to flush.
    await tick(nextSlot());
    expect(f.fake.to('/receiver')).toHaveLength(2);
    f.clock.advance(31 * MINUTE);
    await tick(nextSlot());
    const [, , digest] = await f.fake.waitFor('/receiver', 3);
    expect(digest!.headers['sentry-hook-resource']).toBe('event_alert');
    const data = (
      digest!.json as { data: { fixloop: { digest: { reason: string; items: { title: string }[] } } } }
    ).data;
    expect(data.fixloop.digest.reason).toBe('burst');
    expect(data.fixloop.digest.items.map((i) => i.title).sort()).toEqual(['BurstC: burst', 'BurstD: burst']);
    const sentDigest = await until(async () =>
      (await deliveries('?status=sent')).find((d) => d.kind === 'digest'),
    );
    expect(sentDigest.summary).toContain('2');
    await f.api.delete(`/api/0/projects/default/default/alert-rules/${created.body.id}/`);
  });

  it('alerts a fatal event once per issue per rule window; again after the window', async () => {
    const created = await rule({
      name: 'Fatal',
      triggers: [{ type: 'critical_event' }],
      channels: [{ channelId: hookId }],
      throttle: { windowMinutes: 30, digestThreshold: 10 },
    });
    const fatal = distinctError('FatalCrash', 'core dumped', { level: 'fatal' });
    const before = f.fake.to('/receiver').length;
    const stored = (eventId: string) => () => f.t.fixloop.storage.events.getEvent(f.t.projectId, eventId);
    await until(stored(await sendEvent(f.t, fatal)));
    await tick(nextSlot());
    await f.fake.waitFor('/receiver', before + 1);
    const [alert] = f.fake.to('/receiver').slice(before);
    expect(alert!.json).toMatchObject({ action: 'triggered', data: { triggered_rule: 'Fatal' } });
    // The same issue a minute later: suppressed as a duplicate, logged as such.
    f.clock.advance(MINUTE);
    await until(stored(await sendEvent(f.t, fatal)));
    await tick(nextSlot());
    const suppressed = await until(async () => (await deliveries('?status=suppressed'))[0]);
    expect(suppressed.error).toBe('duplicate within the rule window');
    expect(f.fake.to('/receiver')).toHaveLength(before + 1);
    f.clock.advance(31 * MINUTE);
    await until(stored(await sendEvent(f.t, fatal)));
    await tick(nextSlot());
    await f.fake.waitFor('/receiver', before + 2);
    await f.api.delete(`/api/0/projects/default/default/alert-rules/${created.body.id}/`);
  });

  it('runs the default 10-minute critical check: blocking issues of the last ten minutes to Telegram', async () => {
    const telegram = await f.api.post('/api/0/organizations/default/alert-channels/', {
      name: 'tg',
      kind: 'telegram',
      allowPrivateNetworks: true,
      config: { botToken: '1:tick-token', chatId: 77, apiBaseUrl: `${f.fake.baseUrl}/telegram` },
    });
    expect(telegram.status).toBe(201);
    const sends = '/telegram/bot1:tick-token/sendMessage';
    // Past the 10-minute slots that earlier ticks (run up to a minute ahead) may already have checked.
    f.clock.advance(11 * MINUTE);
    const eventId = await sendEvent(
      f.t,
      distinctError('CriticalDefault', 'disk on fire', { level: 'fatal' }),
    );
    await until(() => f.t.fixloop.storage.events.getEvent(f.t.projectId, eventId));
    // The scheduler's own ticks may run the check too, so messages are found by content, not position.
    const texts = () => f.fake.to(sends).map((r) => String(r.json?.['text']));
    const arrived = (pattern: RegExp) => until(async () => texts().some((text) => pattern.test(text)));
    // The default "New blocking issue" rule tells Telegram at once.
    await arrived(/New issue: CriticalDefault: disk on fire/);
    const tenMinutes = 10 * MINUTE;
    const slot = new Date(Math.ceil((f.clock.now().getTime() + 1) / tenMinutes) * tenMinutes);
    await tick(slot);
    await arrived(/Critical event: CriticalDefault: disk on fire/);
    await f.api.delete(
      `/api/0/organizations/default/alert-channels/${(telegram.body as { id: string }).id}/`,
    );
  });

  it('e-mails the default daily summary at 09:00 UTC, once per slot; reports skip chat channels', async () => {
    const weekly = await rule({
      name: 'Weekly',
      triggers: [{ type: 'schedule', cron: '0 9 * * *', report: 'weekly_report' }],
      channels: [{ channelId: hookId }, { channelKind: 'email' }],
    });
    expect(weekly.status).toBe(201);
    const hookRequests = f.fake.to('/receiver').length;
    const now = f.clock.now();
    const nine = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9));
    const slot = nine.getTime() > now.getTime() ? nine : new Date(nine.getTime() + DAY);
    await tick(slot);
    await until(async () => (smtp.messages.length === 2 ? true : null));
    const mails = await Promise.all(smtp.messages.map((m) => simpleParser(m)));
    const daily = mails.find((m) => /daily summary/i.test(m.subject ?? ''));
    expect(daily?.text).toMatch(/BurstA: burst|FatalCrash: core dumped/);
    expect(String(daily?.html)).toContain('<table');
    expect(mails.some((m) => /weekly report/i.test(m.subject ?? ''))).toBe(true);
    const summary = await until(async () =>
      (await deliveries('?status=sent')).find((d) => d.kind === 'daily_summary'),
    );
    expect(summary.summary).toMatch(/^daily summary: \d+ events, \d+ new issues$/);
    // Another tick over the same slot (another instance, a retry) sends nothing more.
    await tick(slot);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages).toHaveLength(2);
    expect(f.fake.to('/receiver')).toHaveLength(hookRequests);
    expect(await deliveries('?status=failed')).toEqual([]);
  });
});

describe.skipIf(!TEST_BACKENDS.includes('postgres'))('two instances on one PostgreSQL', () => {
  let f: AlertingFixture;
  let second: TestFixloop;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    f = await startAlertingFixture('postgres');
    second = await startTestFixloop({
      backend: 'postgres',
      schema: f.t.config.database.dialect === 'postgres' ? f.t.config.database.schema : undefined,
      env: { FIXLOOP_SECRET_KEY: 'alerting-test-master-key-0123456789' },
      startOptions: { clock: f.clock },
    });
    const email = await f.api.post('/api/0/organizations/default/alert-channels/', {
      name: 'mail',
      kind: 'email',
      allowPrivateNetworks: true,
      config: {
        host: '127.0.0.1',
        port: smtp.port,
        from: 'alerts@fixloop.test',
        to: ['oncall@fixloop.test'],
      },
    });
    expect(email.status).toBe(201);
  });
  afterAll(async () => {
    await second?.fixloop.close();
    await f?.stop();
    await smtp?.close();
  });

  it('runs a report slot once when both instances tick it', async () => {
    await sendEvent(f.t);
    const now = f.clock.now();
    const slot = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 9));
    await Promise.all([runAlertTick(f.t, f.clock, slot), runAlertTick(second, f.clock, slot)]);
    await until(async () => (smtp.messages.length > 0 ? true : null));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.messages).toHaveLength(1);
    const sent = await f.api.get<Delivery[]>('/api/0/organizations/default/alert-deliveries/?status=sent');
    expect(sent.body.filter((d) => d.kind === 'daily_summary')).toHaveLength(1);
  });
});
