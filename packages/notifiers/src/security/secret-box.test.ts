import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.ts';

const master = 'correct horse battery staple 42';

describe('SecretBox', () => {
  it('round-trips a secret with a versioned, non-deterministic envelope', () => {
    const box = new SecretBox(master);
    const sealed = box.seal('xoxb-1234-secret-token ✓');
    expect(sealed.startsWith('v1:')).toBe(true);
    expect(sealed).not.toContain('xoxb');
    expect(box.seal('xoxb-1234-secret-token ✓')).not.toBe(sealed);
    expect(box.open(sealed)).toBe('xoxb-1234-secret-token ✓');
    expect(new SecretBox(master).open(sealed)).toBe('xoxb-1234-secret-token ✓');
    expect(SecretBox.isSealed(sealed)).toBe(true);
    expect(SecretBox.isSealed('plain')).toBe(false);
  });

  it('detects tampering, a different master secret and truncation', () => {
    const box = new SecretBox(master);
    const sealed = box.seal('webhook-secret');
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => box.open(`v1:${raw.toString('base64url')}`)).toThrow(/cannot be decrypted/);
    expect(() => new SecretBox('another master secret!!').open(sealed)).toThrow(/cannot be decrypted/);
    expect(() => box.open('v1:AAAA')).toThrow(/truncated/);
    expect(() => box.open('webhook-secret')).toThrow(/not a sealed secret/);
  });

  it('refuses a short master secret', () => {
    expect(() => new SecretBox('short')).toThrow(/at least 16/);
  });
});
