import { describe, expect, it } from 'vitest';
import { sampleAlertIssue } from './sample-alert-issue.ts';
import { sanitizeAlertMessage, STACK_EXCERPT_LIMIT } from './sanitize-alert-message.ts';
import { scrubAlertText } from './scrub-alert-text.ts';

describe('scrubAlertText', () => {
  it('removes e-mail addresses, IPv4 and IPv6 addresses', () => {
    expect(scrubAlertText('User jane.doe+x@mail.example.co.uk failed from 203.0.113.9')).toBe(
      'User [email] failed from [ip]',
    );
    expect(scrubAlertText('peer 2001:db8::8a2e:370:7334 and fe80::1 down')).toBe('peer [ip] and [ip] down');
  });

  it('removes bearer tokens, JWTs, vendor keys, key=value secrets and URL credentials', () => {
    const text = [
      'Authorization: Bearer abcdefghijklmnop',
      'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
      'slack xoxb-1234-5678-abcdefgh',
      'gh ghp_0123456789abcdefghij',
      'GET /cb?token=s3cr3t&page=2',
      'password: hunter22',
      'postgres://admin:pw@db.internal/app',
    ].join('\n');
    const out = scrubAlertText(text);
    for (const secret of [
      'abcdefghijklmnop',
      'eyJhbGci',
      'xoxb-1234',
      'ghp_0123',
      's3cr3t',
      'hunter22',
      'admin:pw',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('page=2');
    expect(out).toContain('db.internal/app');
  });

  it('keeps what is not PII: times, versions, paths, commit hashes', () => {
    const text = 'at 12:30:45 in v2.1.0 src/cart.ts:17:9 commit 4f2a9c0e1d5b7a3c9e8f0a1b2c3d4e5f6a7b8c9d';
    expect(scrubAlertText(text)).toBe(text);
  });
});

describe('sanitizeAlertMessage', () => {
  it('scrubs every text field and trims the stack to the limit', () => {
    const stack = Array.from({ length: 40 }, (_, i) => `at frame${i} (src/file${i}.ts:${i}:1)`).join('\n');
    const message = sanitizeAlertMessage({
      kind: 'new_issue',
      ruleId: 'r',
      ruleName: 'for ops@example.com',
      issue: sampleAlertIssue({
        title: 'Login failed for bob@example.com',
        stackExcerpt: stack,
        location: '10.1.2.3',
      }),
      pipeline: {
        rootCause: 'token=abc123def',
        relatedFiles: ['a.ts'],
        fixStatus: 'none',
        commitSha: null,
        fixUrl: null,
      },
      spike: null,
      digest: null,
      dashboardUrl: 'https://x.test',
      createdAt: new Date(0),
    });
    expect(message.ruleName).toBe('for [email]');
    expect(message.issue?.title).toBe('Login failed for [email]');
    expect(message.issue?.location).toBe('[ip]');
    expect(message.pipeline?.rootCause).toBe('token=[Filtered]');
    const excerpt = message.issue?.stackExcerpt ?? '';
    expect(excerpt.length).toBeLessThanOrEqual(STACK_EXCERPT_LIMIT);
    expect(excerpt.startsWith('at frame0 ')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
  });
});
