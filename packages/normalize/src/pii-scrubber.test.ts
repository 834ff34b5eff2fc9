import { DEFAULT_SCRUBBING, type ScrubbingSettings } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { passesLuhn } from './luhn.ts';
import { normalizeEvent } from './normalize-event.ts';
import { scrubPii } from './pii-scrubber.ts';

const on: ScrubbingSettings = DEFAULT_SCRUBBING;

describe('luhn', () => {
  it('accepts valid card numbers and rejects invalid ones', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('5500005555555559')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('')).toBe(false);
    expect(passesLuhn('41a1')).toBe(false);
  });
});

describe('scrubPii: keys', () => {
  it('filters values of sensitive keys anywhere, case-insensitively, and leaves the input unchanged', () => {
    const input = {
      extra: {
        Password: 'hunter2',
        api_key: 'k',
        'X-Api-Key': 'k2',
        nested: { accessToken: 't', ok: 'fine' },
      },
      request: {
        headers: { Authorization: 'Basic abc', Cookie: 'sid=1', Accept: 'text/html' },
        cookies: { sessionid: 's' },
      },
      contexts: { app: { client_secret: 'x', csrf_token: 'y', private_key: 'z', credentials: 'c' } },
      breadcrumbs: { values: [{ data: { token: 'abc', url: '/x' } }] },
      user: { id: '1', auth: 'x' },
    };
    const out = scrubPii(input, on);
    expect(out.extra).toEqual({
      Password: '[Filtered]',
      api_key: '[Filtered]',
      'X-Api-Key': '[Filtered]',
      nested: { accessToken: '[Filtered]', ok: 'fine' },
    });
    expect(out.request.headers).toEqual({
      Authorization: '[Filtered]',
      Cookie: '[Filtered]',
      Accept: 'text/html',
    });
    expect(out.request.cookies).toEqual({ sessionid: '[Filtered]' });
    expect(Object.values(out.contexts.app)).toEqual(['[Filtered]', '[Filtered]', '[Filtered]', '[Filtered]']);
    expect(out.breadcrumbs.values[0]!.data).toEqual({ token: '[Filtered]', url: '/x' });
    expect(out.user).toEqual({ id: '1', auth: '[Filtered]' });
    expect(input.extra.Password).toBe('hunter2');
  });

  it('filters [key, value] pairs and frame vars', () => {
    const out = scrubPii(
      {
        cookies: [
          ['session', 'x'],
          ['theme', 'dark'],
        ],
        vars: { passwd: 'p', n: 1 },
      },
      on,
    );
    expect(out.cookies).toEqual([
      ['session', '[Filtered]'],
      ['theme', '[Filtered]'],
    ]);
    const list = scrubPii(
      {
        query: [
          ['session', 'x'],
          ['theme', 'dark'],
        ],
      },
      on,
    );
    expect(list.query).toEqual([
      ['session', '[Filtered]'],
      ['theme', 'dark'],
    ]);
    expect(out.vars).toEqual({ passwd: '[Filtered]', n: 1 });
  });

  it('honours extraFields and safeFields', () => {
    const settings = { ...on, extraFields: ['SSN'], safeFields: ['auth_provider'] };
    const out = scrubPii({ user_ssn: '123', auth_provider: 'google', auth: 'x' }, settings);
    expect(out).toEqual({ user_ssn: '[Filtered]', auth_provider: 'google', auth: '[Filtered]' });
  });

  it('does nothing when disabled', () => {
    const input = { password: 'x' };
    expect(scrubPii(input, { ...on, enabled: false })).toEqual({ password: 'x' });
  });
});

describe('scrubPii: strings', () => {
  it('filters Luhn-valid card numbers with spaces or dashes, not other digit runs', () => {
    expect(scrubPii('paid with 4111 1111 1111 1111 today', on)).toBe('paid with [Filtered] today');
    expect(scrubPii('card 5500-0055-5555-5559', on)).toBe('card [Filtered]');
    expect(scrubPii('order 4111111111111112 failed', on)).toBe('order 4111111111111112 failed');
    expect(scrubPii('id 123456789012', on)).toBe('id 123456789012');
  });

  it('filters Bearer tokens and password=… pairs', () => {
    expect(scrubPii('Authorization: Bearer eyJhbGciOi.abc-def_ghi', on)).toBe(
      'Authorization: Bearer [Filtered]',
    );
    expect(scrubPii('/login?user=ann&password=hunter2&next=/', on)).toBe(
      '/login?user=ann&password=[Filtered]&next=/',
    );
    expect(scrubPii('api_key=abc123 rest', on)).toBe('api_key=[Filtered] rest');
    expect(scrubPii('WHERE a=1 AND b=2', on)).toBe('WHERE a=1 AND b=2');
  });

  it('keeps ids intact even when they look like card numbers', () => {
    const out = scrubPii(
      { event_id: '4111111111111111', contexts: { trace: { trace_id: '4111111111111111' } } },
      on,
    );
    expect(out.event_id).toBe('4111111111111111');
    expect(out.contexts.trace.trace_id).toBe('4111111111111111');
  });
});

describe('scrubbing inside normalizeEvent', () => {
  const base = { projectId: 1, receivedAt: new Date('2026-01-01T00:00:00Z'), clientIp: '203.0.113.5' };

  it('scrubs before deriving title, tags and url', () => {
    const { record } = normalizeEvent(
      {
        exception: [{ type: 'Error', value: 'charge 4111 1111 1111 1111 failed' }],
        request: {
          url: 'https://x.example/a?token=abc',
          query_string: 'token=abc&page=2',
          headers: { 'X-Auth-Token': 't' },
        },
        tags: { session: 's1' },
      },
      { ...base, scrubbing: on },
    );
    expect(record.title).toBe('Error: charge [Filtered] failed');
    expect(record.tags.session).toBe('[Filtered]');
    const request = record.payload.request as Record<string, unknown>;
    expect(request.query_string).toBe('token=[Filtered]&page=2');
    expect(request.headers).toEqual({ 'X-Auth-Token': '[Filtered]' });
    expect(JSON.stringify(record.payload)).not.toContain('4111 1111');
  });

  it('removes user.ip_address only when scrubIpAddresses is on', () => {
    const raw = { user: { ip_address: '{{auto}}' }, request: { env: { REMOTE_ADDR: '10.0.0.1' } } };
    const kept = normalizeEvent(raw, { ...base, scrubbing: on }).record;
    expect(kept.userKey).toBe('ip:203.0.113.5');
    const dropped = normalizeEvent(raw, { ...base, scrubbing: { ...on, scrubIpAddresses: true } }).record;
    expect(dropped.userKey).toBeNull();
    expect(JSON.stringify(dropped.payload)).not.toContain('203.0.113.5');
    expect(JSON.stringify(dropped.payload)).not.toContain('10.0.0.1');
  });
});

describe('scrubPii: settings copies', () => {
  // Ingest worker threads get a fresh copy of the settings with every request, and compiled scrubbers are
  // shared between copies with the same content: copies that differ in any field must not share one.
  const input = { extra: { order_ref: 'R-1', password: 'p' }, user: { ip_address: '10.0.0.1' } };
  const copy = (settings: ScrubbingSettings): ScrubbingSettings => structuredClone(settings);

  it('scrubs the same with a copy of the settings as with the original', () => {
    const custom = { ...on, extraFields: ['order_ref'] };
    expect(scrubPii(input, copy(custom))).toEqual(scrubPii(input, custom));
    expect(scrubPii(input, copy(custom)).extra.order_ref).toBe('[Filtered]');
  });

  it('tells copies apart by extra fields, safe fields and IP scrubbing', () => {
    const plain = scrubPii(input, copy(on));
    expect(plain.extra).toEqual({ order_ref: 'R-1', password: '[Filtered]' });
    expect(plain.user.ip_address).toBe('10.0.0.1');
    expect(scrubPii(input, copy({ ...on, extraFields: ['order_ref'] })).extra.order_ref).toBe('[Filtered]');
    expect(scrubPii(input, copy({ ...on, safeFields: ['password'] })).extra.password).toBe('p');
    expect(scrubPii(input, copy({ ...on, scrubIpAddresses: true })).user).toEqual({});
    // And the first settings still scrub as they did.
    expect(scrubPii(input, copy(on))).toEqual(plain);
  });
});
