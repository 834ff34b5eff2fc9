import { describe, expect, it } from 'vitest';
import type { AlertMessage } from '@fixloop/core';
import { buildTelegramMessage, TELEGRAM_TEXT_LIMIT } from './telegram-message.ts';

const digest = (count: number, title: string): AlertMessage => ({
  kind: 'digest',
  ruleId: null,
  ruleName: null,
  issue: null,
  pipeline: null,
  spike: null,
  dashboardUrl: 'https://fixloop.example.com',
  createdAt: new Date(0),
  digest: {
    reason: 'quiet_hours',
    windowStart: new Date(0),
    windowEnd: new Date(0),
    items: Array.from({ length: count }, (_, i) => ({
      kind: 'new_issue' as const,
      ruleId: 'r',
      issueId: i,
      shortId: `SHOP-${i}`,
      title,
      severity: 'info' as const,
      url: `https://fixloop.example.com/issues/${i}`,
      at: '1970-01-01T00:00:00.000Z',
    })),
  },
});

describe('buildTelegramMessage', () => {
  it('escapes HTML in user text', () => {
    const html = buildTelegramMessage(digest(1, '<script>alert("x")</script> & more'));
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).toContain('quiet hours');
  });

  it('stays under the Telegram limit and keeps the dashboard link', () => {
    const html = buildTelegramMessage(digest(40, 'x'.repeat(240)));
    expect(html.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(html.endsWith('<a href="https://fixloop.example.com">Open Fixloop</a>')).toBe(true);
  });
});
