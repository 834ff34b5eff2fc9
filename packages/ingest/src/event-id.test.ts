import { describe, expect, it } from 'vitest';
import { AppError } from '@fixloop/core';
import { normalizeEventId } from './event-id.ts';

describe('normalizeEventId', () => {
  it('accepts 32 hex and dashed UUIDs in any case, returning 32 lowercase hex', () => {
    expect(normalizeEventId('9EC79C33EC9942AB8353589FCB2E04DC')).toBe('9ec79c33ec9942ab8353589fcb2e04dc');
    expect(normalizeEventId('9ec79c33-ec99-42ab-8353-589fcb2e04dc')).toBe('9ec79c33ec9942ab8353589fcb2e04dc');
    expect(normalizeEventId('{9ec79c33-ec99-42ab-8353-589fcb2e04dc}')).toBe(
      '9ec79c33ec9942ab8353589fcb2e04dc',
    );
    expect(normalizeEventId('urn:uuid:9ec79c33-ec99-42ab-8353-589fcb2e04dc')).toBe(
      '9ec79c33ec9942ab8353589fcb2e04dc',
    );
  });

  it('returns null when absent', () => {
    expect(normalizeEventId(undefined)).toBeNull();
    expect(normalizeEventId(null)).toBeNull();
  });

  it.each(['', 'abc', '9ec79c33ec9942ab8353589fcb2e04dz', '9ec79c33-ec9942ab-8353-589fcb2e04dc', 42, {}])(
    'rejects %j as bad event id',
    (value) => {
      let caught: unknown;
      try {
        normalizeEventId(value);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe('invalid_payload');
      expect((caught as AppError).message).toBe('bad event id');
    },
  );
});
