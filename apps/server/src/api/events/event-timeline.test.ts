import { DEFAULT_PROJECT_SETTINGS } from '@fixloop/core';
import type { Storage, StoredEvent } from '@fixloop/core';
import { buildTimeline } from '@fixloop/normalize';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEventWrite } from '../../ingest/event-write-builder.ts';
import { openSqliteTestStorage } from '../../testing/sqlite-test-storage.ts';
import { readEventTimeline } from './event-timeline.ts';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-06-01T12:00:00Z');
let storage: Storage;
let projectId: number;

beforeEach(async () => {
  ({ storage, projectId } = await openSqliteTestStorage('fixloop-timeline-'));
});

afterEach(async () => {
  await storage.close();
});

function rawEvent(eventId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event_id: eventId,
    timestamp: NOW.getTime() / 1000 - 40 * 86_400,
    platform: 'node',
    exception: { values: [{ type: 'TypeError', value: 'price is undefined' }] },
    breadcrumbs: {
      values: [
        { category: 'console', message: 'loading cart token=abc123', timestamp: 1000 },
        { type: 'http', category: 'http', data: { method: 'GET', url: '/api/cart', status_code: 500 } },
      ],
    },
    ...extra,
  };
}

/** Ingests one event received `ageDays` before NOW through the real builder and storage. */
async function ingest(raw: Record<string, unknown>, ageDays: number, attached?: unknown) {
  const context = {
    projectId,
    receivedAt: new Date(NOW.getTime() - ageDays * DAY_MS),
    clientIp: null,
    scrubbing: DEFAULT_PROJECT_SETTINGS.scrubbing,
  };
  const write = buildEventWrite(raw, context, null, attached);
  const [result] = await storage.ingest.writeBatch({
    events: [write],
    attachments: [],
    userReports: [],
    outcomes: [],
  });
  expect(result?.status).toBe('stored');
  const event = (await storage.events.getEvent(projectId, write.event.eventId)) as StoredEvent;
  return { write, event };
}

describe('readEventTimeline', () => {
  it('builds a plain event’s timeline from the stored event, which is not stored a second time', async () => {
    const { write, event } = await ingest(rawEvent('a'.repeat(32)), 1);
    expect(write.timeline).toEqual([]);
    expect(await storage.events.getTimeline(projectId, event.eventId)).toBeNull();
    const timeline = await readEventTimeline(storage.events, event, 30, NOW);
    expect(timeline.map((entry) => [entry.source, entry.layer, entry.isError])).toEqual([
      ['breadcrumb', 'backend', false],
      ['breadcrumb', 'network', false],
      ['event', 'backend', true],
    ]);
    // Scrubbed at ingest like the rest of the event, and what ingest built from the same record.
    expect(timeline[0]?.message).not.toContain('abc123');
    expect(timeline).toEqual(buildTimeline(write.event.payload));
  });

  it('includes a FULL_EVENT_TIMELINE_V1 document sent in the event’s contexts', async () => {
    const document = {
      version: 'FULL_EVENT_TIMELINE_V1',
      timeline: [{ ts: '2026-05-31T10:00:00.000Z', layer: 'user', event: 'click', message: 'click #pay' }],
    };
    const { event } = await ingest(
      rawEvent('b'.repeat(32), { contexts: { full_event_timeline: document } }),
      1,
    );
    const timeline = await readEventTimeline(storage.events, event, 30, NOW);
    expect(timeline.find((entry) => entry.source === 'timeline')).toMatchObject({
      layer: 'user',
      message: 'click #pay',
    });
  });

  it('reads back the entries stored for an event whose timeline came as an attachment', async () => {
    const document = {
      version: 'FULL_EVENT_TIMELINE_V1',
      timeline: [{ ts: '2026-05-31T10:00:00.000Z', layer: 'network', event: 'http', message: 'POST /pay' }],
    };
    const { write, event } = await ingest(rawEvent('c'.repeat(32)), 1, document);
    expect(write.timeline.some((entry) => entry.source === 'timeline')).toBe(true);
    expect(await storage.events.getTimeline(projectId, event.eventId)).toEqual(write.timeline);
    expect(await readEventTimeline(storage.events, event, 30, NOW)).toEqual(write.timeline);
  });

  it('shows no timeline once the event is older than the timeline retention, built or stored', async () => {
    const built = (await ingest(rawEvent('d'.repeat(32)), 31)).event;
    const stored = (await ingest(rawEvent('e'.repeat(32)), 31, { timeline: [] })).event;
    expect(await storage.events.getTimeline(projectId, stored.eventId)).not.toBeNull();
    for (const event of [built, stored]) {
      expect(await readEventTimeline(storage.events, event, 30, NOW)).toEqual([]);
      expect((await readEventTimeline(storage.events, event, 32, NOW)).at(-1)).toMatchObject({
        isError: true,
      });
    }
  });
});
