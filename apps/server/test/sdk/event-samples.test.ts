import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFixloop, type TestFixloop } from './start-test-fixloop.ts';

// Real-SDK edge-case events (bugsink/event-samples and Sentry's own samples), read from the shared folder
// beside the repository; they are not copied into it.
const SAMPLES = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../../../../shared/fixtures/event-samples',
);
const present = existsSync(SAMPLES);
if (!present) console.warn(`\n!!! SKIPPING the event-samples ingest test: ${SAMPLES} is missing.\n`);
const files = present ? readdirSync(SAMPLES).filter((f) => f.endsWith('.json')) : [];

describe.skipIf(!present)('every real-SDK edge-case sample ingests without a 5xx', () => {
  let t: TestFixloop;
  let key: string;

  beforeAll(async () => {
    t = await startTestFixloop();
    key = new URL(t.fixloop.dsn).username;
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('finds the samples', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)('%s via /store/ and /envelope/', async (file) => {
    // Several samples share an event_id; a fresh one per post keeps dedup out of this test.
    const sample = JSON.parse(readFileSync(join(SAMPLES, file), 'utf8')) as Record<string, unknown>;
    const body = JSON.stringify({ ...sample, event_id: crypto.randomUUID().replace(/-/g, '') });
    const store = await fetch(`${t.fixloop.url}/api/${t.projectId}/store/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-sentry-auth': `Sentry sentry_version=7, sentry_key=${key}`,
      },
      body,
    });
    expect(store.status, await store.clone().text()).toBe(200);
    const { id } = (await store.json()) as { id: string };
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const stored = await t.waitForEvent(id);
    expect(stored.title.length).toBeGreaterThan(0);

    // The same event again, in an envelope with a fresh id: the envelope header's id wins.
    const freshId = crypto.randomUUID().replace(/-/g, '');
    const envelope = `{"event_id":"${freshId}"}\n{"type":"event"}\n${body}`;
    const res = await fetch(`${t.fixloop.url}/api/${t.projectId}/envelope/?sentry_key=${key}`, {
      method: 'POST',
      body: envelope,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ id: freshId });
    expect((await t.waitForEvent(freshId)).issueId).toBe(stored.issueId);
  });
});
