import { describe, expect, it } from 'vitest';
import { dataCategoryOf } from './data-category.ts';

describe('dataCategoryOf', () => {
  it.each([
    ['event', 'error'],
    ['transaction', 'transaction'],
    ['session', 'session'],
    ['sessions', 'session'],
    ['attachment', 'attachment'],
    ['client_report', 'internal'],
    ['user_report', 'default'],
    ['feedback', 'feedback'],
    ['profile', 'profile'],
    ['profile_chunk', 'profile'],
    ['replay_event', 'replay'],
    ['replay_recording', 'replay'],
    ['check_in', 'monitor'],
    ['span', 'span'],
    ['log', 'log_item'],
    ['raw_security', 'security'],
    ['something_new', 'default'],
    ['toString', 'default'],
  ])('%s -> %s', (type, category) => {
    expect(dataCategoryOf(type)).toBe(category);
  });
});
