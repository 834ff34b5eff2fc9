import type { DailySummary, WeeklyReport } from '@fixloop/core';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmailNotifier } from '../src/index.ts';
import { FakeSmtpServer } from './fake-smtp-server.ts';

const summary: DailySummary = {
  periodStart: new Date('2026-01-01T09:00:00Z'),
  periodEnd: new Date('2026-01-02T09:00:00Z'),
  totalEvents: 150,
  previousTotalEvents: 100,
  newIssues: 3,
  previousNewIssues: 0,
  bySeverity: { blocking: 20, annoying: 80, warning: 40, info: 10 },
  previousBySeverity: { blocking: 40, annoying: 50, warning: 10, info: 0 },
  byProject: [
    { slug: 'shop', name: 'Shop', events: 120, previousEvents: 60, newIssues: 2 },
    { slug: 'api', name: 'API', events: 30, previousEvents: 40, newIssues: 1 },
  ],
  topIssues: [
    {
      id: 42,
      shortId: 'SHOP-7',
      title: 'Payment failed for jane.doe@example.com',
      severity: 'blocking',
      projectSlug: 'shop',
      count: 90,
      userCount: 12,
      url: 'https://fixloop.example.com/issues/42',
    },
  ],
  dashboardUrl: 'https://fixloop.example.com',
};

describe('EmailNotifier reports over real SMTP', () => {
  let smtp: FakeSmtpServer;
  let notifier: EmailNotifier;
  beforeAll(async () => {
    smtp = await FakeSmtpServer.start();
    notifier = new EmailNotifier({
      kind: 'email',
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      requireTls: false,
      from: 'alerts@fixloop.test',
      to: ['team@fixloop.test'],
    });
  });
  afterAll(() => smtp.close());
  beforeEach(() => smtp.reset());

  it('sends the daily summary by severity, by project and top issues, with the trend', async () => {
    const result = await notifier.sendDailySummary(summary, { recipients: ['cto@fixloop.test'] });
    expect(result.ok).toBe(true);
    const [delivery] = smtp.deliveries();
    expect(delivery?.headers['rcpt-to']).toEqual(['cto@fixloop.test']);
    const mail = await simpleParser(delivery?.body ?? '');
    expect(mail.subject).toBe('[Fixloop] Daily summary for 2026-01-02: 150 events (▲ 50%), 3 new issues');
    const text = mail.text ?? '';
    expect(text).toContain('150 events (▲ 50%), 3 new issues (new)');
    expect(text).toContain('  blocking: 20 (▼ 50%)');
    expect(text).toContain('  info: 10 (new)');
    expect(text).toContain('  Shop: 120 (▲ 100%), 2 new');
    expect(text).toContain('  API: 30 (▼ 25%), 1 new');
    expect(text).toContain(
      '  SHOP-7 Payment failed for [email] [blocking] 90 events, 12 users https://fixloop.example.com/issues/42',
    );
    const html = String(mail.html);
    expect(html).toContain(
      '<a href="https://fixloop.example.com/issues/42">SHOP-7 Payment failed for [email]</a>',
    );
    expect(html).toContain('<td style="padding:4px 12px 4px 0">▼ 50%</td>');
    expect(`${text}${html}`).not.toContain('jane.doe@example.com');
  });

  it('sends the weekly report with the daily curve and pipeline outcomes', async () => {
    const report: WeeklyReport = {
      ...summary,
      periodStart: new Date('2025-12-26T00:00:00Z'),
      periodEnd: new Date('2026-01-02T00:00:00Z'),
      eventsByDay: [
        { day: '2025-12-26', events: 10 },
        { day: '2025-12-27', events: 140 },
      ],
      resolvedIssues: 6,
      regressions: 1,
      fixesCommitted: 2,
    };
    expect((await notifier.sendWeeklyReport(report)).ok).toBe(true);
    const mail = await simpleParser(smtp.deliveries()[0]?.body ?? '');
    expect(mail.subject).toBe('[Fixloop] Weekly report 2025-12-26 – 2026-01-02: 150 events, 6 resolved');
    expect(mail.text).toContain('Resolved issues: 6\nRegressions: 1\nFixes committed: 2');
    expect(mail.text).toContain('  2025-12-27: 140');
    expect(String(mail.html)).toContain('width:200px');
    expect(String(mail.html)).toContain('href="https://fixloop.example.com"');
  });
});
