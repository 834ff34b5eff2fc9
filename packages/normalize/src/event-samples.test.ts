import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCRUBBING } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from './build-timeline.ts';
import { classifyIssue } from './classify-issue.ts';
import { normalizeEvent } from './normalize-event.ts';

const DIR = '/work/shared/fixtures/event-samples';
const present = existsSync(DIR);
if (!present) console.warn(`SKIPPING real-SDK event samples: ${DIR} is missing`);
const files = present ? readdirSync(DIR).filter((f) => f.endsWith('.json')) : [];
const options = {
  projectId: 1,
  receivedAt: new Date('2026-01-01T00:00:00Z'),
  clientIp: '198.51.100.7',
  scrubbing: DEFAULT_SCRUBBING,
};
const load = (name: string): unknown => JSON.parse(readFileSync(join(DIR, name), 'utf8'));

describe.skipIf(!present)('bugsink event samples', () => {
  it('has the samples', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files)('%s normalizes into a sane record', (file) => {
    const { record } = normalizeEvent(load(file), options);
    expect(record.eventId).toMatch(/^[0-9a-f]{32}$/);
    expect(record.title.length).toBeGreaterThan(0);
    expect(record.title).not.toBe('<unknown>');
    expect(Number.isNaN(record.timestamp.getTime())).toBe(false);
    for (const [key, value] of Object.entries(record.tags)) {
      expect(typeof key).toBe('string');
      expect(typeof value).toBe('string');
    }
    expect(Array.isArray(record.payload.tags)).toBe(true);
    expect(() => classifyIssue(record.payload)).not.toThrow();
    expect(buildTimeline(record.payload).some((entry) => entry.isError)).toBe(true);
  });

  it('formats python %s params (logmessage-w-params.json)', () => {
    const { record } = normalizeEvent(load('logmessage-w-params.json'), options);
    expect(record.message).toMatch(/^Error during cleanup of <StorageCleanupTodo: .*>: AttributeError\(/);
    expect(record.payload.logentry).toMatchObject({ message: 'Error during cleanup of %s: %s' });
  });

  it('formats python %(name)s dict params (logmessage-w-params-dict.json)', () => {
    const { record } = normalizeEvent(load('logmessage-w-params-dict.json'), options);
    expect(record.title).toMatch(/^Error during cleanup of <StorageCleanupTodo: .*>: AttributeError\(/);
  });

  it('takes a bare-string logentry / message (Go SDK)', () => {
    const a = normalizeEvent(load('top-level-logentry-as-str.json'), options).record;
    expect(a.message).toMatch(/^I'm not sure whether the GO SDK/);
    expect(a.title).toBe(
      'myMessageIsWronglyAString: event.message should not have been a string - look elsewhere in this event data',
    );
    const b = normalizeEvent(load('top-level-message-as-str-no-exception.json'), options).record;
    expect(b.title).toBe("I am the GO SDK and I'm sorry I put a string here");
    expect(b.type).toBe('default');
  });

  it('accepts frames: null, headers as lists, a numeric User-Agent and an int user id', () => {
    const nullFrames = normalizeEvent(load('exception_null_frames.json'), options).record;
    expect(nullFrames.title).toBe('CapturedStacktraceFo: 4 kinds of frames');
    const lists = normalizeEvent(load('headers_as_lists.json'), options).record;
    const headers = (lists.payload.request as { headers: Record<string, string> }).headers;
    expect(headers['User-Agent']).toMatch(/Chrome\/130/);
    expect(lists.tags.browser).toBe('Chrome 130');
    expect(normalizeEvent(load('weird_ua.json'), options).record.eventId).toMatch(/^[0-9a-f]{32}$/);
    expect(normalizeEvent(load('user-id-as-int.json'), options).record.userKey).toBe('id:1234');
  });

  it('fills {{auto}} with the client IP (top-level-message.json)', () => {
    const { record } = normalizeEvent(load('top-level-message.json'), options);
    expect(record.userKey).toBe('ip:198.51.100.7');
  });

  it('maps unknown platforms to other', () => {
    expect(normalizeEvent(load('nonsense_platform.json'), options).record.platform).toBe('other');
  });
});
