import { randomBytes } from 'node:crypto';
import { DEFAULT_PROJECT_SETTINGS } from '@fixloop/core';
import type { EventWrite, IngestBatch, Level, Project, Storage, TimelineEntry } from '@fixloop/core';

let counter = 0;
/** Unique per call, so tests sharing one database never collide. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${randomBytes(3).toString('hex')}`;
}

export function newEventId(): string {
  return randomBytes(16).toString('hex');
}

export async function createTestProject(storage: Storage): Promise<Project> {
  const org = await storage.projects.createOrganization({ slug: unique('org'), name: 'Org' });
  return storage.projects.createProject({
    organizationId: org.id,
    slug: unique('proj'),
    name: 'Project',
    platform: 'node',
    settings: DEFAULT_PROJECT_SETTINGS,
  });
}

export interface WriteOptions {
  eventId?: string;
  hashes?: string[];
  timestamp?: Date;
  receivedAt?: Date;
  level?: Level;
  release?: string | null;
  userKey?: string | null;
  tags?: Record<string, string>;
  timeline?: TimelineEntry[];
  title?: string;
}

export function eventWrite(projectId: number, options: WriteOptions = {}): EventWrite {
  const hashes = options.hashes ?? [unique('hash')];
  const timestamp = options.timestamp ?? new Date('2026-01-01T10:00:00.000Z');
  const eventId = options.eventId ?? newEventId();
  const title = options.title ?? 'TypeError: x is undefined';
  return {
    event: {
      projectId,
      eventId,
      timestamp,
      receivedAt: options.receivedAt ?? new Date(timestamp.getTime() + 5),
      type: 'error',
      level: options.level ?? 'error',
      platform: 'node',
      environment: 'production',
      release: options.release ?? null,
      title,
      culprit: 'app/index.js in main',
      message: 'x is undefined',
      metadata: { type: 'TypeError', value: 'x is undefined' },
      userKey: options.userKey ?? null,
      tags: options.tags ?? { level: options.level ?? 'error', environment: 'production' },
      handled: false,
      payload: {
        event_id: eventId,
        exception: { values: [{ type: 'TypeError', value: 'x is undefined' }] },
        extra: { nested: { list: [1, 'two', null] } },
      },
    },
    grouping: {
      primaryHash: hashes[0] ?? 'none',
      hashes,
      variants: { app: hashes[0] ?? null },
      primaryVariant: 'app',
    },
    issue: {
      title,
      culprit: 'app/index.js in main',
      type: 'error',
      level: options.level ?? 'error',
      platform: 'node',
      metadata: { type: 'TypeError', value: 'x is undefined' },
      severity: 'annoying',
      errorClass: 'javascript',
    },
    timeline: options.timeline ?? [],
  };
}

export function batchOf(events: EventWrite[], extra: Partial<IngestBatch> = {}): IngestBatch {
  return { events, attachments: [], userReports: [], outcomes: [], ...extra };
}

/** Writes one event and returns its stored issue id (fails the test when it was not stored). */
export async function writeOne(storage: Storage, write: EventWrite): Promise<number> {
  const [result] = await storage.ingest.writeBatch(batchOf([write]));
  if (result?.status !== 'stored') throw new Error(`expected a stored event, got ${JSON.stringify(result)}`);
  return result.issueId;
}

export function timelineEntry(message: string): TimelineEntry {
  return {
    ts: '2026-01-01T09:59:59.000Z',
    layer: 'network',
    kind: 'http',
    message,
    level: 'info',
    category: 'fetch',
    network: {
      method: 'GET',
      url: 'https://api.example.com/x',
      statusCode: 500,
      durationMs: 12,
      failed: true,
    },
    data: { attempt: 1 },
    isError: false,
    source: 'breadcrumb',
  };
}
