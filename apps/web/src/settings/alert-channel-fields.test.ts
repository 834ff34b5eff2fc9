import { describe, expect, it } from 'vitest';
import type { AlertChannel } from '../api/use-alert-channels.ts';
import { toChannelConfig, toChannelDraft } from './alert-channel-fields.ts';

const email: AlertChannel = {
  id: '1',
  kind: 'email',
  name: 'mail',
  enabled: true,
  source: 'api',
  config: {
    kind: 'email',
    host: 'smtp.example.com',
    port: 465,
    secure: true,
    user: 'bot',
    from: 'F <f@x.io>',
    to: ['a@x.io', 'b@x.io'],
  },
  hasSecret: true,
  secretFields: ['password'],
  dateCreated: '2026-12-01T00:00:00Z',
};

describe('alert channel fields', () => {
  it('never pre-fills a secret, and shows lists comma-separated', () => {
    const draft = toChannelDraft('email', { ...email.config, password: 'should-not-appear' });
    expect(draft['password']).toBe('');
    expect(draft['to']).toBe('a@x.io, b@x.io');
    expect(draft['port']).toBe('465');
  });

  it('on edit keeps an empty secret (left out) and removes a cleared field (null)', () => {
    const draft = { ...toChannelDraft('email', email.config), user: '' };
    expect(toChannelConfig('email', draft, email)).toEqual({
      host: 'smtp.example.com',
      port: 465,
      secure: true,
      requireTls: false,
      user: null,
      from: 'F <f@x.io>',
      to: ['a@x.io', 'b@x.io'],
    });
  });

  it('on create sends only what was filled in, with a new secret', () => {
    const draft = { ...toChannelDraft('pagerduty'), routingKey: ' 0123456789abcdef0123456789abcdef ' };
    expect(toChannelConfig('pagerduty', draft)).toEqual({ routingKey: '0123456789abcdef0123456789abcdef' });
    expect(toChannelConfig('webhook', { ...toChannelDraft('webhook'), url: 'https://h.io/x' })).toEqual({
      url: 'https://h.io/x',
      format: 'sentry',
    });
  });
});
